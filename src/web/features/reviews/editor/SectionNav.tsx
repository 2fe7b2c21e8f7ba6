import { Anchor, Card, Group, RingProgress, ScrollArea, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconUsers } from '@tabler/icons-react';
import type { Completeness } from '../../../../shared/reviews/review-completeness.js';
import { templateSections } from '../../../../shared/reviews/review-templates.js';
import { anchorOf } from './editor-parts.js';

/** Where the cursor goes in a section, first match wins: the timeline's fast entry, else the first field. */
const focusOrder = ['[data-testid="quick-entry"]', 'textarea:not([readonly])', 'input:not([readonly]):not([type=hidden])', 'button'];

/** Scrolls to a section (below the sticky bars, see scroll-margin-top) and puts the cursor in it. */
export function jumpTo(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  for (const selector of focusOrder) {
    const target = el.querySelector<HTMLElement>(selector);
    if (target) return target.focus({ preventScroll: true });
  }
}

interface NavItem {
  key: string;
  label: string;
  anchor: string;
  filled: boolean | null;
  count: number;
}

function navItems(completeness: Completeness): NavItem[] {
  const sections = templateSections[completeness.template].sections;
  return [
    { key: 'details', label: 'Details', anchor: 'details', filled: null, count: 0 },
    ...completeness.sections.map((s) => {
      const source = sections.find((t) => t.key === s.key)?.sources[0];
      return { key: s.key, label: s.label, anchor: source ? anchorOf(source) : s.key, filled: s.filled, count: s.count };
    }),
  ];
}

function FillIcon({ filled }: { filled: boolean | null }) {
  if (filled === null)
    return (
      <ThemeIcon size={18} radius="xl" variant="light" color="gray">
        <IconUsers size={11} />
      </ThemeIcon>
    );
  return (
    <ThemeIcon size={18} radius="xl" variant={filled ? 'filled' : 'light'} color={filled ? 'teal' : 'gray'}>
      {filled ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
    </ThemeIcon>
  );
}

/** The template's sections with their fill state, as a card in the sidebar (wide screens). */
export function SectionNavCard({ completeness }: { completeness: Completeness }) {
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
        {navItems(completeness).map((item) => (
          <Anchor
            key={item.key}
            href={`#${item.anchor}`}
            onClick={(e) => {
              e.preventDefault();
              jumpTo(item.anchor);
            }}
            underline="never"
            c="inherit"
            py={4}
            px={6}
            style={{ borderRadius: 6 }}
            data-filled={item.filled ?? undefined}
          >
            <Group gap={8} wrap="nowrap">
              <FillIcon filled={item.filled} />
              <Text fz="sm" style={{ flex: 1 }} lineClamp={1}>
                {item.label}
              </Text>
              {item.count > 0 && (
                <Text fz="xs" c="dimmed" className="hs-tabular">
                  {item.count}
                </Text>
              )}
            </Group>
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}

/** The same sections as one scrollable row, in the editor's sticky bar (narrower screens). */
export function SectionNavBar({ completeness }: { completeness: Completeness }) {
  return (
    <ScrollArea type="hover" scrollbarSize={4} offsetScrollbars="x" style={{ flex: 1, minWidth: 0 }}>
      <Group gap={4} wrap="nowrap" component="nav" aria-label="Review sections" data-testid="section-nav-bar">
        <Text fz="xs" c="dimmed" fw={600} pr={4} style={{ whiteSpace: 'nowrap' }} className="hs-tabular">
          {completeness.filled}/{completeness.total}
        </Text>
        {navItems(completeness).map((item) => (
          <UnstyledButton key={item.key} onClick={() => jumpTo(item.anchor)} className="hs-section-pill" data-filled={item.filled ?? undefined} px={8} py={4} style={{ borderRadius: 999, border: '1px solid var(--mantine-color-gray-3)', whiteSpace: 'nowrap' }}>
            <Group gap={6} wrap="nowrap">
              <FillIcon filled={item.filled} />
              <Text fz="xs" fw={550}>
                {item.label}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Group>
    </ScrollArea>
  );
}
