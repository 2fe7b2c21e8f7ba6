import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { clockOffsetSchema, type TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { timelineApi } from '../../api/timeline.js';
import { zodFieldErrors } from '../../ui/field-errors.js';
import { useSubmission } from '../../ui/use-submission.js';
import { clockSources } from './evidence.js';

interface Props {
  incidentId: number;
  entries: TimelineEntry[];
  opened: boolean;
  onClose: () => void;
}

const describeOffset = (seconds: number) => {
  const abs = Math.abs(seconds);
  const parts = [Math.floor(abs / 60) && `${Math.floor(abs / 60)} min`, abs % 60 && `${abs % 60} s`].filter(Boolean).join(' ');
  return `${parts} ${seconds < 0 ? 'earlier' : 'later'}`;
};

/** One source's clock was off: move all its entries at once, each move kept in the entry's history with the reason. */
export function ClockOffsetDialog({ incidentId, entries, opened, onClose }: Props) {
  const sources = useMemo(() => clockSources(entries), [entries]);
  const [sourceKey, setSourceKey] = useState<string | null>(null);
  const [minutes, setMinutes] = useState<number | string>(0);
  const [seconds, setSeconds] = useState<number | string>(0);
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, run, message } = useSubmission();
  const queryClient = useQueryClient();
  const chosen = sources.find((s) => s.key === sourceKey) ?? null;
  const offsetSeconds = Number(minutes || 0) * 60 + Number(seconds || 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setErrors({ source: 'Choose the source whose clock was off' });
    const parsed = clockOffsetSchema.safeParse({ source: chosen.source, label: chosen.label, offsetSeconds, reason, entries: chosen.entries });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    return run(async () => {
      await timelineApi.clockOffset(incidentId, parsed.data);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.timeline(incidentId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.metrics(incidentId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) }),
      ]);
      setReason('');
      setMinutes(0);
      setSeconds(0);
      onClose();
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Correct a source's clock offset">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Select
            label="Source"
            placeholder="Whose clock was off?"
            data={sources.map((s) => ({ value: s.key, label: `${s.name} · ${s.entries.length} ${s.entries.length === 1 ? 'entry' : 'entries'}` }))}
            value={sourceKey}
            onChange={setSourceKey}
            error={errors.source ?? errors.label}
            allowDeselect={false}
          />
          <Group grow>
            <NumberInput label="Minutes" description="Negative moves entries earlier" value={minutes} onChange={setMinutes} allowDecimal={false} error={errors.offsetSeconds} />
            <NumberInput label="Seconds" value={seconds} onChange={setSeconds} allowDecimal={false} />
          </Group>
          <TextInput label="Reason" placeholder="e.g. the transcript was copied in UTC+1" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required />
          <Text fz="sm" c="dimmed" data-testid="clock-offset-preview">
            {chosen && offsetSeconds !== 0
              ? `${chosen.entries.length} ${chosen.entries.length === 1 ? 'entry moves' : 'entries move'} ${describeOffset(offsetSeconds)}; each move is kept in its history.`
              : 'Choose a source and an offset to see what moves.'}
          </Text>
          {message && <Alert color="red">{message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy !== null}>
              Move entries
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
