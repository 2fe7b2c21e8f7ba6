import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PageProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons on the right of the title. */
  actions?: ReactNode;
  crumbs?: Array<{ label: string; to: string }>;
  /** Content under the title (badges, metadata). */
  meta?: ReactNode;
  children: ReactNode;
  maxWidth?: number;
}

/** The frame every page shares: breadcrumbs, a title row with actions, then the content. */
export function Page({ title, description, actions, crumbs, meta, children, maxWidth = 1240 }: PageProps) {
  return (
    <Box px={{ base: 'md', md: 32 }} py={28} maw={maxWidth} mx="auto">
      <Stack gap="lg">
        <Stack gap={6}>
          {crumbs && crumbs.length > 0 && (
            <Breadcrumbs separatorMargin={6} fz="sm" className="hs-no-print">
              {crumbs.map((crumb) => (
                <Anchor key={crumb.to} component={Link} to={crumb.to} c="dimmed" fz="sm">
                  {crumb.label}
                </Anchor>
              ))}
            </Breadcrumbs>
          )}
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Title order={1} fz={26}>
                {title}
              </Title>
              {description && (
                <Text c="dimmed" fz="sm" maw={720}>
                  {description}
                </Text>
              )}
              {meta}
            </Stack>
            {actions && (
              <Group gap="xs" wrap="nowrap" className="hs-no-print" style={{ flexShrink: 0 }}>
                {actions}
              </Group>
            )}
          </Group>
        </Stack>
        {children}
      </Stack>
    </Box>
  );
}
