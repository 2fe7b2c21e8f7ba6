import { Group, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ActionFinding } from '../../../shared/language/index.js';
import { actionRuleLabels } from './language-meta.js';
import classes from './language.module.css';
import { warningText } from '../../ui/colors.js';

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * F8 flags on an action item or a contributor: a short list of what is missing or vague that
 * opens into the explanation and a suggestion. Advice only; nothing is blocked.
 */
export function ActionFlags({ findings, subject }: { findings: ActionFinding[]; subject: string }) {
  if (findings.length === 0) return null;
  const labels = findings.map((f) => actionRuleLabels[f.rule] ?? f.rule);
  return (
    <Popover width={340} position="bottom-start" withArrow shadow="md" withinPortal>
      <Popover.Target>
        <UnstyledButton aria-label={`Suggestions for ${subject}: ${labels.join(', ')}`} data-testid="action-flags">
          <Group gap={4} wrap="nowrap">
            <IconAlertTriangle size={12} color="var(--mantine-color-orange-6)" aria-hidden />
            <Text fz={11} c={warningText} td="underline" style={{ textDecorationStyle: 'dotted', textUnderlineOffset: 3 }}>
              {labels.join(' · ')}
            </Text>
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          {findings.map((finding) => (
            <div key={finding.rule}>
              <Text fz="xs" fw={650} mb={2}>
                {sentenceCase(actionRuleLabels[finding.rule] ?? finding.rule)}
              </Text>
              <Text fz="xs" c="dark.3" lh={1.5}>
                {finding.explanation}
              </Text>
              <div className={classes.suggestion} style={{ marginTop: 4 }}>
                <Text fz="xs" lh={1.5}>
                  {finding.suggestion}
                </Text>
              </div>
            </div>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
