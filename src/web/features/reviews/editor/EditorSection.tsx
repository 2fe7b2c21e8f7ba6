import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEditorMode } from './editor-context.js';
import { EditingNow } from './presence/PresenceBar.js';

interface Props {
  id: string;
  title: string;
  hint?: ReactNode;
  /** How much the section holds; 0 shows "Empty" (never an error: sections may stay empty). */
  count?: number;
  countLabel?: (count: number) => string;
  actions?: ReactNode;
  /** The presence name of the field this section edits, to show who else is editing it. */
  editingField?: string;
  children: ReactNode;
}

/** A section of the review editor: an anchor for the section nav, a title, its fill state, who is editing it. */
export function EditorSection({ id, title, hint, count, countLabel, actions, editingField, children }: Props) {
  const headingId = `${id}-heading`;
  const { reviewId } = useEditorMode();
  return (
    <Card component="section" id={id} aria-labelledby={headingId} className="hs-editor-section" data-testid={`section-${id}`} style={{ scrollMarginTop: 'var(--hs-editor-offset, 76px)' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap={8}>
              <Title order={3} id={headingId}>
                {title}
              </Title>
              {count !== undefined &&
                (count > 0 ? (
                  <Badge size="sm" color="teal" variant="light" data-testid={`section-${id}-count`}>
                    {countLabel ? countLabel(count) : count}
                  </Badge>
                ) : (
                  <Badge size="sm" color="gray" variant="outline">
                    Empty
                  </Badge>
                ))}
              {editingField && reviewId > 0 && <EditingNow reviewId={reviewId} field={editingField} />}
            </Group>
            {hint && (
              <Text fz="sm" c="dimmed" mt={2} maw={640}>
                {hint}
              </Text>
            )}
          </div>
          {actions && <div style={{ flexShrink: 0 }}>{actions}</div>}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
