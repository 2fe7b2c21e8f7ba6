import { Badge, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actionItemAcceptSchema, actionItemDeclineSchema, type ActionItem } from '../../../shared/actions/action-item.schema.js';
import { actionsApi } from '../../api/actions.js';
import { queryKeys } from '../../api/query-keys.js';
import { formatCalendarDay } from '../../ui/deadline.js';
import { zodFieldErrors } from '../../ui/field-errors.js';

export const NONE_FORESEEN = 'None foreseen';

/** F12: "Soaking until 8 Dec" while a proposed item soaks; nothing otherwise. */
export function SoakBadge({ item }: { item: ActionItem }) {
  if (item.status !== 'soaking' || !item.soakUntil) return null;
  return (
    <Badge size="xs" color="violet" variant="light" data-testid="soak-badge" title="Proposed during the review: its owner decides once it has soaked">
      Soaking until {formatCalendarDay(item.soakUntil)}
    </Badge>
  );
}

type Dialog = 'accept' | 'decline' | null;

/** F12: once an item's soak is over (proposed), its owner accepts it, saying what it could make worse, or declines it with a reason. */
export function SoakDecision({ item, reviewId }: { item: ActionItem; reviewId: number }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [noneForeseen, setNoneForeseen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setDialog(null);
    setText('');
    setNoneForeseen(false);
    setError(null);
  };
  const decide = useMutation({
    mutationFn: (which: 'accept' | 'decline') =>
      which === 'accept'
        ? actionsApi.accept(item.id, { secondOrderEffects: noneForeseen ? NONE_FORESEEN : text, version: item.version })
        : actionsApi.decline(item.id, { reason: text, version: item.version }),
    onSuccess: async () => {
      close();
      await queryClient.invalidateQueries({ queryKey: queryKeys.reviewPart(reviewId, 'action-items') });
      await queryClient.invalidateQueries({ queryKey: queryKeys.actionItems });
    },
    onError: (e: Error) => setError(e.message),
  });
  if (item.status !== 'proposed') return null;
  const submit = () => {
    const parsed =
      dialog === 'accept'
        ? actionItemAcceptSchema.safeParse({ secondOrderEffects: noneForeseen ? NONE_FORESEEN : text })
        : actionItemDeclineSchema.safeParse({ reason: text });
    if (!parsed.success) return setError(Object.values(zodFieldErrors(parsed.error))[0] ?? 'Not valid');
    if (dialog) decide.mutate(dialog);
  };
  return (
    <>
      <Group gap={4} data-testid="soak-decision">
        <Text fz="xs" c="dimmed">Soaked: accept or decline?</Text>
        <Button size="compact-xs" variant="light" onClick={() => setDialog('accept')}>Accept</Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDialog('decline')}>Decline</Button>
      </Group>
      <Modal opened={dialog !== null} onClose={close} title={<Text fw={650}>{dialog === 'accept' ? `Accept “${item.title}”` : `Decline “${item.title}”`}</Text>}>
        <Stack gap="sm">
          {dialog === 'accept' ? (
            <>
              <Textarea
                label="What could this change make worse?"
                description="Second-order effects: new risks, load, toil or failure modes the change itself may bring."
                autosize
                minRows={3}
                value={noneForeseen ? NONE_FORESEEN : text}
                disabled={noneForeseen}
                onChange={(e) => setText(e.currentTarget.value)}
                error={error}
              />
              <Checkbox label="None foreseen" checked={noneForeseen} onChange={(e) => setNoneForeseen(e.currentTarget.checked)} />
            </>
          ) : (
            <Textarea label="Why is it declined?" required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button color={dialog === 'decline' ? 'red' : undefined} loading={decide.isPending} onClick={submit}>
              {dialog === 'accept' ? 'Accept' : 'Decline'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
