import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  hint?: ReactNode;
  /** How much the section holds; 0 shows "Empty" (never an error: sections may stay empty). */
  count?: number;
  countLabel?: (count: number) => string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A section of the review editor: an anchor for the section nav, a title, its fill state. */
export function EditorSection({ id, title, hint, count, countLabel, actions, children }: Props) {
  const headingId = `${id}-heading`;
  return (
    <Card component="section" id={id} aria-labelledby={headingId} className="hs-editor-section" data-testid={`section-${id}`}>
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
