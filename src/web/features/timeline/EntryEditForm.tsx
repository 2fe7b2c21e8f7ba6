import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { timelineEntryUpdateSchema, timelineKinds, timelinePrecisions, timelineSources, type TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { timelineApi } from '../../api/timeline.js';
import { useAskConflict } from '../../ui/conflict/ConflictProvider.js';
import { saveVersioned, type FieldChange } from '../../ui/conflict/save-versioned.js';
import { zodFieldErrors } from '../../ui/field-errors.js';
import { useSubmission } from '../../ui/use-submission.js';
import { formatDate, fromLocalInput, toLocalInput, userTimeZone } from '../../ui/format.js';
import { LanguageHints } from '../language/LanguageHints.js';
import { precisionLabels } from './evidence.js';
import { kindMeta, sourceLabels } from './kinds.js';
import { useTimelineCache } from './use-timeline.js';

interface Props {
  entry: TimelineEntry;
  onSaved: (entry: TimelineEntry) => void;
  onDeleted: () => void;
}

type Editable = 'occurredAt' | 'precision' | 'kind' | 'source' | 'text';
const labels: Record<Editable, string> = { occurredAt: 'Time', precision: 'Time precision', kind: 'Kind', source: 'Source', text: 'What happened' };

/** Correct an entry; the correction and its reason go into the entry's history. */
export function EntryEditForm({ entry, onSaved, onDeleted }: Props) {
  // What the user started from; the latest copy (`entry`) is checked against it when saving.
  const [base, setBase] = useState(entry);
  const [time, setTime] = useState(toLocalInput(entry.occurredAt, true));
  const [precision, setPrecision] = useState<string>(entry.precision);
  const [kind, setKind] = useState<string>(entry.kind);
  const [source, setSource] = useState<string>(entry.source);
  const [text, setText] = useState(entry.text);
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, run, message } = useSubmission<'save' | 'delete'>();
  const ask = useAskConflict();
  const cache = useTimelineCache(entry.incidentId);

  const changed = (): Partial<Record<Editable, string>> => {
    const next: Partial<Record<Editable, string>> = {};
    if (time !== toLocalInput(base.occurredAt, true)) next.occurredAt = fromLocalInput(time) ?? time;
    if (precision !== base.precision) next.precision = precision;
    if (kind !== base.kind) next.kind = kind;
    if (source !== base.source) next.source = source;
    if (text !== base.text) next.text = text;
    return next;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = changed();
    const body = { version: entry.version, ...fields, ...(reason.trim() ? { reason } : {}) };
    const parsed = timelineEntryUpdateSchema.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    if (Object.keys(fields).length === 0) return setErrors({ text: 'Nothing changed yet' });
    setErrors({});
    const changes: FieldChange<TimelineEntry>[] = (Object.keys(fields) as Editable[]).map((key) => ({
      key,
      label: labels[key],
      base: base[key],
      mine: fields[key],
      read: (current) => current[key],
      ...(key === 'occurredAt' ? { format: (v: unknown) => `${formatDate(String(v), 'datetimeSeconds')} (${String(v)})` } : {}),
    }));
    await run(async () => {
      const result = await saveVersioned<TimelineEntry>({
        title: 'This timeline entry',
        version: entry.version,
        current: entry,
        changes,
        send: (version) => timelineApi.update(entry.id, { ...parsed.data, version }),
        ask,
      });
      if (result.outcome !== 'cancelled') {
        const saved = result.value;
        cache.upsert(saved);
        setBase(saved);
        setTime(toLocalInput(saved.occurredAt, true));
        setPrecision(saved.precision);
        setKind(saved.kind);
        setSource(saved.source);
        setText(saved.text);
        setReason('');
        onSaved(saved);
      }
    }, 'save');
  };

  const remove = () =>
    run(async () => {
      const deleted = await timelineApi.remove(entry.id, entry.version, reason.trim() || undefined);
      cache.upsert(deleted);
      onDeleted();
    }, 'delete');

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Correct timeline entry">
      <Stack gap="sm">
        {message && <Alert color="red">{message}</Alert>}
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="datetime-local" step={1} label="Time" description={userTimeZone} name="occurredAt" value={time} error={errors.occurredAt} onChange={(e) => setTime(e.currentTarget.value)} />
          <Select
            label="Time precision"
            name="precision"
            description="Unknown: the time only orders the entry"
            data={timelinePrecisions.map((p) => ({ value: p, label: precisionLabels[p] }))}
            value={precision}
            onChange={(v) => v && setPrecision(v)}
            error={errors.precision}
          />
          <Select label="Kind" name="kind" description="What sort of event" data={timelineKinds.map((k) => ({ value: k, label: kindMeta[k].label }))} value={kind} onChange={(v) => v && setKind(v)} error={errors.kind} />
          <Select label="Source" name="source" description="Where it came from" data={timelineSources.map((s) => ({ value: s, label: sourceLabels[s] ?? s }))} value={source} onChange={(v) => v && setSource(v)} error={errors.source} />
        </SimpleGrid>
        <Textarea label="What happened" name="text" className="hs-textarea-lg" value={text} error={errors.text} onChange={(e) => setText(e.currentTarget.value)} />
        <LanguageHints text={text} label="What happened" />
        <TextInput label="Reason for the correction" name="reason" placeholder="e.g. time taken from the PagerDuty log" value={reason} error={errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="space-between">
          <Button variant="subtle" color="red" onClick={() => void remove()} loading={busy === 'delete'}>
            Delete entry
          </Button>
          <Button type="submit" loading={busy === 'save'}>
            Save correction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
