import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileTypeHtml, IconFileTypePdf, IconMarkdown } from '@tabler/icons-react';
import { knowledgeBaseApi } from '../../api/knowledge-base.js';

const formats = [
  { format: 'pdf', label: 'PDF', icon: IconFileTypePdf },
  { format: 'html', label: 'HTML page', icon: IconFileTypeHtml },
  { format: 'markdown', label: 'Markdown', icon: IconMarkdown },
] as const;

/** Download the review as a PDF, a standalone HTML page or Markdown (the server names the file). */
export function ExportMenu({ reviewId }: { reviewId: number }) {
  return (
    <Menu position="bottom-end" shadow="md" width={190}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Download the review as</Menu.Label>
        {formats.map(({ format, label, icon: Icon }) => (
          <Menu.Item key={format} component="a" href={knowledgeBaseApi.reviewExportUrl(reviewId, format)} download leftSection={<Icon size={16} />}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
