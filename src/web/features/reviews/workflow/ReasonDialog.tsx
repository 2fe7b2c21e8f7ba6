import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { reviewStateLabels } from '../../../../shared/reviews/workflow.js';
import { serverFieldErrors } from '../../../ui/field-errors.js';
import type { TransitionOption } from './use-workflow.js';

interface Props {
  step: TransitionOption | null;
  pending: boolean;
  error: Error | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/**
 * Going back a step or reopening a published review needs a reason, and so does going on to the
 * meeting before the async review is complete (an override): it is kept in the audit log.
 */
export function ReasonDialog({ step, pending, error, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setReason('');
    setMissing(false);
  }, [step?.to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    onConfirm(reason.trim());
  };
  const serverErrors = serverFieldErrors(error);
  const fieldError = missing ? 'Say why: it is kept with the review’s history' : (serverErrors.reason ?? serverErrors['override.reason']);

  return (
    <Modal opened={step !== null} onClose={onCancel} title={<Text fw={650}>{step?.label}</Text>}>
      {step && (
        <form onSubmit={submit} aria-label={step.label}>
          <Stack gap="sm">
            {!step.allowed && step.overridable && (
              <Alert color="orange" variant="light" data-testid="workflow-override">
                {step.refusals.join(' ')} Go on anyway only if the meeting cannot wait, and say why.
              </Alert>
            )}
            <Text fz="sm" c="dimmed">
              The review goes to “{reviewStateLabels[step.to]}”. Everyone who follows it will see why.
            </Text>
            {error && !fieldError && <Alert color="red">{error.message}</Alert>}
            <Textarea
              label="Reason"
              name="reason"
              withAsterisk
              autosize
              minRows={3}
              value={reason}
              error={fieldError}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                if (e.currentTarget.value.trim()) setMissing(false);
              }}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                {step.label}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
