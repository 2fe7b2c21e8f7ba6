import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import {
  actionItemClasses,
  actionItemCreateSchema,
  actionItemKinds,
  actionItemStatuses,
  declineReasonMissing,
  type ActionItem,
  type ActionItemCreate,
} from '../../../shared/actions/action-item.schema.js';
import type { Factor } from '../../../shared/reviews/factor.schema.js';
import { currentFieldErrors, zodFieldErrors } from '../../ui/field-errors.js';
import { useSubmission } from '../../ui/use-submission.js';
import { LanguageHints } from '../language/LanguageHints.js';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import { PersonPicker } from '../../ui/people/PersonPicker.js';
import { toPersonInputOrNull } from '../../ui/people/people-options.js';
import { classLabels, kindLabels, priorityOptions, statusMeta } from './action-meta.js';

/** An action item as the form gives it: the owner as picked (an account or a plain name). */
export type ActionItemValues = Omit<ActionItemCreate, 'owner'> & { owner: PersonRef | null };

interface Props {
  initial?: ActionItem;
  factors: Factor[];
  submitLabel: string;
  onSubmit: (values: ActionItemValues) => Promise<unknown>;
  onCancel: () => void;
  /** A published review: only the item's progress (status, owner, due date, priority, tracker link) may change. */
  progressOnly?: boolean;
}

const options = (values: readonly string[], labels: Record<string, string>) => values.map((v) => ({ value: v, label: labels[v] ?? v }));

/** Every field of an action item; validated with the shared schema before it is sent. */
export function ActionItemForm({ initial, factors, submitLabel, onSubmit, onCancel, progressOnly = false }: Props) {
  const [v, setV] = useState({
    title: initial?.title ?? '',
    description: initial?.description ?? '',
    owner: initial?.owner ?? null,
    dueDate: initial?.dueDate ?? '',
    priority: initial?.priority ?? null,
    class: initial?.class ?? null,
    kind: initial?.kind ?? 'corrective-action',
    status: initial?.status ?? 'proposed',
    declineReason: initial?.declineReason ?? '',
    secondOrderEffects: initial?.secondOrderEffects ?? '',
    externalUrl: initial?.externalUrl ?? '',
    factorIds: (initial?.factorIds ?? []).map(String),
  });
  const { errors: submittedErrors, setErrors, busy, run, message } = useSubmission();
  const titleInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLTextAreaElement>(null);
  const set = (key: keyof typeof v) => (value: unknown) => setV((old) => ({ ...old, [key]: value }));
  const text = (key: keyof typeof v) => (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value);
  const orNull = (s: string) => (s.trim() ? s : null);

  const check = (values: typeof v) => {
    const candidate = {
      ...values,
      description: orNull(values.description),
      owner: toPersonInputOrNull(values.owner),
      dueDate: orNull(values.dueDate),
      declineReason: orNull(values.declineReason),
      secondOrderEffects: orNull(values.secondOrderEffects),
      externalUrl: orNull(values.externalUrl),
      factorIds: values.factorIds.map(Number),
    };
    const parsed = actionItemCreateSchema.safeParse(candidate);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (parsed.success && declineReasonMissing(parsed.data)) found.declineReason = 'Say why the item is declined';
    return { parsed, found };
  };
  const [submitted, setSubmitted] = useState<typeof v | null>(null);
  const errors = currentFieldErrors(submittedErrors, submitted, v, submitted ? check(v).found : {});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { parsed, found } = check(v);
    setErrors(found);
    setSubmitted(v);
    if (!parsed.success || Object.keys(found).length) return;
    await run(() => onSubmit({ ...parsed.data, owner: v.owner }));
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={submitLabel}>
      <Stack gap="sm">
        {progressOnly && (
          <Alert color="gray" variant="light" p="xs">
            The review is published: only the item’s progress (status, owner, due date, priority, tracker issue) can change until it is reopened.
          </Alert>
        )}
        {message && <Alert color="red">{message}</Alert>}
        <TextInput ref={titleInput} label="Title" name="title" withAsterisk placeholder="Add an alert when the connection pool is 80% used" value={v.title} error={errors.title} onChange={text('title')} disabled={progressOnly} {...(progressOnly ? {} : { 'data-autofocus': true })} />
        <LanguageHints text={v.title} inputRef={titleInput} label="Title" />
        <SimpleGrid cols={3} spacing="sm">
          <PersonPicker label="Owner" name="owner" value={v.owner} error={errors.owner} onChange={set('owner')} />
          <TextInput type="date" label="Due date" name="dueDate" value={v.dueDate} error={errors.dueDate} onChange={text('dueDate')} />
          <Select label="Status" name="status" data={options(actionItemStatuses, Object.fromEntries(Object.entries(statusMeta).map(([k, m]) => [k, m.label])))} value={v.status} error={errors.status} onChange={set('status')} />
          <Select label="Priority" name="priority" clearable allowDeselect data={priorityOptions(initial?.priority ?? null)} value={v.priority} error={errors.priority} onChange={set('priority')} />
          <Select label="Class" name="class" description="What it improves" clearable allowDeselect data={options(actionItemClasses, classLabels)} value={v.class} error={errors.class} onChange={set('class')} disabled={progressOnly} />
          <Select label="Kind" name="kind" description="How it is tracked" data={options(actionItemKinds, kindLabels)} value={v.kind} error={errors.kind} onChange={set('kind')} disabled={progressOnly} />
        </SimpleGrid>
        {v.status === 'declined' && <TextInput label="Why it is declined" name="declineReason" withAsterisk value={v.declineReason} error={errors.declineReason} onChange={text('declineReason')} />}
        <MultiSelect label="Factors it addresses" name="factorIds" description="Each action item should remove a contributing factor" searchable data={factors.map((f) => ({ value: String(f.id), label: f.title }))} value={v.factorIds} error={errors.factorIds} onChange={set('factorIds')} disabled={progressOnly} />
        <Textarea ref={descriptionInput} label="Description" name="description" value={v.description} error={errors.description} onChange={text('description')} disabled={progressOnly} />
        <LanguageHints text={v.description} inputRef={descriptionInput} label="Description" />
        <Textarea label="Second-order effects" name="secondOrderEffects" description="What could this change break or make harder?" value={v.secondOrderEffects} error={errors.secondOrderEffects} onChange={text('secondOrderEffects')} disabled={progressOnly} />
        <TextInput label="Tracker issue" name="externalUrl" placeholder="https://github.com/org/repo/issues/123" value={v.externalUrl} error={errors.externalUrl} onChange={text('externalUrl')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" size="sm" loading={busy !== null}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
