import { Button, Group, List, Menu, Popover, Skeleton, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconChevronDown, IconInfoCircle, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import { reviewStateLabels } from '../../../../shared/reviews/workflow.js';
import { ReviewStateBadge } from '../../../ui/badges.js';
import { ReasonDialog } from './ReasonDialog.js';
import { splitSteps, useTransition, useTransitions, type TransitionOption } from './use-workflow.js';

/** Why a step cannot be taken yet, in a popover next to it. */
function WhyNot({ step }: { step: TransitionOption }) {
  return (
    <Popover width={320} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconInfoCircle size={14} />} aria-label={`Why “${step.label}” is not possible yet`} style={{ flexShrink: 0 }}>
          Why not yet?
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fz="sm" fw={600} mb={4}>
          {step.label}
        </Text>
        <List size="sm" spacing={4}>
          {step.refusals.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * The review's state and its next step, always in view at the top of the editor: the step to take
 * (or why it cannot be taken yet), the other steps in a menu, a reason asked for where the workflow
 * needs one.
 */
export function WorkflowBar({ review }: { review: Review }) {
  const transitions = useTransitions(review.id, review.state);
  const move = useTransition(review.id);
  const [asking, setAsking] = useState<TransitionOption | null>(null);
  const { primary, others } = splitSteps(review.state, transitions.data?.state === review.state ? transitions.data.transitions : []);

  const take = (step: TransitionOption) => {
    if (!step.allowed && !step.overridable) return;
    // A step held only by the async review's gate may be taken with an override and its reason.
    if (step.reasonRequired || !step.allowed) return setAsking(step);
    move.mutate(
      { to: step.to },
      {
        onSuccess: (moved) => notifications.show({ color: 'teal', message: `The review is now “${reviewStateLabels[moved.state]}”.` }),
        onError: (error) => notifications.show({ color: 'red', title: `Not moved to “${reviewStateLabels[step.to]}”`, message: error.message }),
      },
    );
  };

  return (
    <Group gap="xs" wrap="nowrap" data-testid="workflow" style={{ minWidth: 0, flex: 1 }}>
      <ReviewStateBadge state={review.state} size="lg" data-testid="review-state" style={{ flexShrink: 0, overflow: 'visible' }} />
      {transitions.isPending ? (
        <Skeleton h={30} w={180} />
      ) : primary ? (
        <>
          <IconArrowRight size={14} color="var(--mantine-color-dimmed)" aria-hidden />
          <Button
            size="sm"
            variant={primary.allowed ? 'filled' : 'default'}
            leftSection={primary.to === 'in_review' && review.state === 'published' ? <IconLockOpen size={16} /> : null}
            disabled={!primary.allowed && !primary.overridable}
            style={{ flexShrink: 0 }}
            loading={move.isPending && move.variables?.to === primary.to}
            onClick={() => take(primary)}
            data-testid="workflow-next"
          >
            {primary.label}
          </Button>
          {!primary.allowed && primary.refusals.length > 0 && (
            <>
              <Text fz="xs" c="dimmed" lineClamp={2} visibleFrom="lg" data-testid="workflow-refusal" title={primary.refusals.join('\n')} style={{ minWidth: 0, flex: 1 }}>
                {primary.refusals[0]}
              </Text>
              <WhyNot step={primary} />
            </>
          )}
          {others.length > 0 && (
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="sm" variant="subtle" rightSection={<IconChevronDown size={14} />} style={{ flexShrink: 0 }}>
                  Other steps
                </Button>
              </Menu.Target>
              <Menu.Dropdown maw={360}>
                {others.map((step) => (
                  <Menu.Item key={step.to} disabled={!step.allowed && !step.overridable} onClick={() => take(step)} data-testid={`workflow-step-${step.to}`}>
                    <Text fz="sm">{step.label}</Text>
                    {!step.allowed && (
                      <Text fz="xs" c="dimmed">
                        {step.refusals.join(' ')}
                      </Text>
                    )}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </>
      ) : null}
      <ReasonDialog
        step={asking}
        pending={move.isPending}
        error={move.error}
        onCancel={() => {
          setAsking(null);
          move.reset();
        }}
        onConfirm={(reason) =>
          asking &&
          move.mutate(
            asking.allowed ? { to: asking.to, reason } : { to: asking.to, override: { reason } },
            {
              onSuccess: (moved) => {
                setAsking(null);
                notifications.show({ color: 'teal', message: `The review is now “${reviewStateLabels[moved.state]}”.` });
              },
            },
          )
        }
      />
    </Group>
  );
}
