import { Badge, Text, Tooltip, type BadgeProps } from '@mantine/core';
import { scoreTone } from './language-meta.js';

/** The review quality score (0-100) as a small badge; "—" when it has not been computed yet. */
export function QualityBadge({ score, ...props }: { score: number | null | undefined } & BadgeProps) {
  if (score === null || score === undefined) {
    return (
      <Text fz="sm" c="dimmed" aria-label="Quality score not computed yet">
        —
      </Text>
    );
  }
  return (
    <Tooltip label="Review quality: completeness, blamelessness and action coverage (advice, not a gate)">
      <Badge color={scoreTone(score).color} variant="light" className="hs-tabular" miw={44} data-testid="quality-badge" aria-label={`Quality score ${score} of 100`} {...props}>
        {score}
      </Badge>
    </Tooltip>
  );
}
