import { Anchor, Card, Group, Loader, Progress, RingProgress, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import type { FieldLanguageFinding, QualityScore } from '../../../shared/language/index.js';
import { scoreTone } from './language-meta.js';
import classes from './language.module.css';

const PARTS = [
  { key: 'completeness', label: 'Completeness', weight: 40, hint: 'Sections of the template that have content.' },
  { key: 'blamelessness', label: 'Blamelessness', weight: 30, hint: 'Blaming or hindsight phrasing in any free-text field.' },
  { key: 'actionCoverage', label: 'Action coverage', weight: 30, hint: 'Contributors with an action item or an accepted risk, and action items that are specific, owned, dated and linked.' },
] as const;

/** Where a finding's field is edited: the editor section it belongs to. */
const AREAS: Array<{ prefix: string; label: string; anchor: string }> = [
  { prefix: 'summary', label: 'Summary', anchor: 'summary' },
  { prefix: 'impact', label: 'Impact', anchor: 'impact' },
  { prefix: 'timeline.', label: 'Timeline', anchor: 'timeline' },
  { prefix: 'factors.', label: 'Factors', anchor: 'factors' },
  { prefix: 'whys.', label: 'Five whys', anchor: 'whys' },
  { prefix: 'questions.', label: 'Key questions', anchor: 'questions' },
  { prefix: 'actionItems.', label: 'Action items', anchor: 'action-items' },
  { prefix: 'learnings', label: 'Learnings', anchor: 'learnings' },
  { prefix: 'incident.', label: 'Incident customer impact', anchor: '' },
];

function byArea(findings: FieldLanguageFinding[]) {
  return AREAS.map((area) => ({ ...area, count: findings.filter((f) => f.field.startsWith(area.prefix)).length })).filter((a) => a.count > 0);
}

const jump = (id: string) => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

/** F9 next to the completeness card: one score, its three parts and the reasons behind them. */
export function QualityPanel({ quality, computing, failed = false }: { quality: QualityScore | null; computing: boolean; failed?: boolean }) {
  if (!quality && failed) {
    return (
      <Card p="md" data-testid="quality-panel">
        <Text fw={650} fz="sm">
          Review quality
        </Text>
        <Text fz="xs" c="dimmed" mt={4}>
          The score could not be computed in this browser. Everything else works as usual.
        </Text>
      </Card>
    );
  }
  if (!quality) {
    return (
      <Card p="md" data-testid="quality-panel" aria-busy>
        <Group gap="sm" wrap="nowrap" mb="sm">
          <Skeleton circle h={56} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton h={12} w="70%" />
            <Skeleton h={10} w="50%" />
          </Stack>
        </Group>
        <Skeleton h={60} />
      </Card>
    );
  }
  const tone = scoreTone(quality.score);
  const areas = byArea(quality.languageFindings);
  return (
    <Card p="md" data-testid="quality-panel" aria-labelledby="quality-heading">
      <Group gap="sm" wrap="nowrap" mb="sm">
        <RingProgress size={56} thickness={6} roundCaps sections={[{ value: quality.score, color: tone.color }]} label={<Text ta="center" fz={13} fw={700} className="hs-tabular" data-testid="quality-score">{quality.score}</Text>} />
        <div style={{ flex: 1 }}>
          <Group gap={6} wrap="nowrap">
            <Text fw={650} fz="sm" id="quality-heading">
              Review quality
            </Text>
            {computing && <Loader size={12} type="dots" aria-label="Updating" />}
          </Group>
          <Text fz="xs" c="dimmed">
            {tone.label} · advice only
          </Text>
        </div>
      </Group>
      <Stack gap={8}>
        {PARTS.map((part) => {
          const value = quality.parts[part.key];
          return (
            <Tooltip key={part.key} label={`${part.hint} Weighs ${part.weight}% of the score.`} position="left">
              <div data-testid={`quality-part-${part.key}`}>
                <Group justify="space-between" gap={4} mb={3}>
                  <Text fz="xs" fw={550}>
                    {part.label}
                  </Text>
                  <Text fz="xs" c="dimmed" className="hs-tabular">
                    {value}
                    <Text span fz={10} c="dimmed">/100</Text>
                  </Text>
                </Group>
                <Progress value={value} size={6} radius="xl" color={scoreTone(value).color} aria-label={`${part.label}: ${value} of 100`} />
              </div>
            </Tooltip>
          );
        })}
      </Stack>
      <Text fz={11} fw={650} tt="uppercase" c="dimmed" mt="md" mb={4} style={{ letterSpacing: '0.04em' }}>
        Why this score
      </Text>
      <ul className={classes.reasons} data-testid="quality-reasons">
        {quality.reasons.map((reason) => (
          <li key={reason}>
            <Text fz="xs" lh={1.45} c="dark.4">
              {reason}
            </Text>
          </li>
        ))}
      </ul>
      {areas.length > 0 && (
        <Group gap={6} mt="sm">
          <Text fz="xs" c="dimmed">
            Phrasing notes in
          </Text>
          {areas.map((area) =>
            area.anchor ? (
              <Anchor key={area.prefix} component="button" type="button" fz="xs" onClick={() => jump(area.anchor)}>
                {area.label} ({area.count})
              </Anchor>
            ) : (
              <Text key={area.prefix} fz="xs">
                {area.label} ({area.count})
              </Text>
            ),
          )}
        </Group>
      )}
    </Card>
  );
}
