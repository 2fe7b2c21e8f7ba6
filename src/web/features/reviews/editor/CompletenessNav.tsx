import { Anchor, Card, Group, RingProgress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { Completeness } from '../../../../shared/reviews/review-completeness.js';
import { templateSections } from '../../../../shared/reviews/review-templates.js';

/** Where each template section is edited in the editor. */
const anchorOf: Record<string, string> = {
  summary: 'summary',
  impact: 'impact',
  timeline: 'timeline',
  contributors: 'factors',
  went_well: 'questions',
  went_wrong: 'questions',
  got_lucky: 'questions',
  detection: 'questions',
  resolution: 'questions',
  whys: 'whys',
  learnings: 'learnings',
  action_items: 'action-items',
};

const jump = (id: string) => {
  const el = document.getElementById(id);
  el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el?.querySelector<HTMLElement>('textarea, input, button')?.focus({ preventScroll: true });
};

/** Per-section completeness against the review's template: shown, never enforced. */
export function CompletenessNav({ completeness }: { completeness: Completeness }) {
  const percent = Math.round((completeness.filled / Math.max(1, completeness.total)) * 100);
  return (
    <Card p="md" data-testid="completeness">
      <Group gap="sm" wrap="nowrap" mb="sm">
        <RingProgress size={56} thickness={6} roundCaps sections={[{ value: percent, color: percent === 100 ? 'teal' : 'hindsight' }]} label={<Text ta="center" fz={11} fw={700}>{percent}%</Text>} />
        <div>
          <Text fw={650} fz="sm">
            {completeness.filled} of {completeness.total} sections
          </Text>
          <Text fz="xs" c="dimmed">
            {templateSections[completeness.template].label}
          </Text>
        </div>
      </Group>
      <Stack gap={2} component="nav" aria-label="Review sections">
        {completeness.sections.map((section) => (
          <Anchor
            key={section.key}
            href={`#${anchorOf[section.key] ?? section.key}`}
            onClick={(e) => {
              e.preventDefault();
              jump(anchorOf[section.key] ?? section.key);
            }}
            underline="never"
            c="inherit"
            py={4}
            px={6}
            style={{ borderRadius: 6 }}
            data-filled={section.filled}
          >
            <Group gap={8} wrap="nowrap">
              <ThemeIcon size={18} radius="xl" variant={section.filled ? 'filled' : 'light'} color={section.filled ? 'teal' : 'gray'}>
                {section.filled ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
              </ThemeIcon>
              <Text fz="sm" style={{ flex: 1 }} lineClamp={1}>
                {section.label}
              </Text>
              {section.count > 0 && (
                <Text fz="xs" c="dimmed" className="hs-tabular">
                  {section.count}
                </Text>
              )}
            </Group>
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}
