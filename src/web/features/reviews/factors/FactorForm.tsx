import { Alert, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { factorCreateSchema, type Factor, type FactorCreate, type FactorKind } from '../../../../shared/reviews/factor.schema.js';
import type { TimelineEntry } from '../../../../shared/timeline/timeline.schema.js';
import { zodFieldErrors } from '../../../ui/field-errors.js';
import { useSubmission } from '../../../ui/use-submission.js';
import { formatDate } from '../../../ui/format.js';
import { LanguageHints } from '../../language/LanguageHints.js';
import { useTaxonomy } from '../use-review.js';
import { factorKindMeta } from './factor-meta.js';

export interface FactorFormProps {
  kind: FactorKind;
  initial?: Factor;
  timeline: TimelineEntry[];
  onSubmit: (input: FactorCreate) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
}

/** Title, category, tags, description and linked timeline entries of a factor. */
export function FactorForm({ kind, initial, timeline, onSubmit, onCancel, submitLabel }: FactorFormProps) {
  const taxonomy = useTaxonomy();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [category, setCategory] = useState<string | null>(initial?.category ?? null);
  const [tags, setTags] = useState<string[]>(initial?.tags ?? []);
  const [description, setDescription] = useState(initial?.description ?? '');
  const [acceptedRisk, setAcceptedRisk] = useState(initial?.acceptedRisk ?? false);
  const [links, setLinks] = useState<string[]>((initial?.timelineEntryIds ?? []).map(String));
  const { errors, setErrors, busy, run, message } = useSubmission();
  const titleInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLTextAreaElement>(null);
  const entryOptions = useMemo(
    () => timeline.map((e) => ({ value: String(e.id), label: `${formatDate(e.occurredAt, 'time')} ${e.text.slice(0, 80)}` })),
    [timeline],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = factorCreateSchema.safeParse({
      kind,
      title,
      category,
      tags,
      description: description.trim() ? description : null,
      acceptedRisk,
      timelineEntryIds: links.map(Number),
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    await run(() => onSubmit(parsed.data));
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`${submitLabel} ${factorKindMeta[kind].singular}`}>
      <Stack gap="sm">
        {message && <Alert color="red">{message}</Alert>}
        <TextInput ref={titleInput} label="Title" name="title" withAsterisk placeholder={factorKindMeta[kind].placeholder} value={title} error={errors.title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus autoFocus />
        <LanguageHints text={title} inputRef={titleInput} label="Title" />
        <SimpleGrid cols={2} spacing="sm">
          <Select label="Category" name="category" clearable allowDeselect placeholder="Technical, human, …" data={taxonomy.data?.categories.map((c) => ({ value: c.key, label: c.label })) ?? []} value={category} error={errors.category} onChange={setCategory} />
          <MultiSelect label="Tags" name="tags" searchable placeholder="deploy, monitoring gap, …" data={taxonomy.data?.tags.map((t) => ({ value: t.key, label: t.label })) ?? []} value={tags} error={errors.tags} onChange={setTags} />
        </SimpleGrid>
        <Textarea ref={descriptionInput} label="Description" name="description" value={description} error={errors.description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <LanguageHints text={description} inputRef={descriptionInput} label="Description" />
        <MultiSelect label="Timeline entries" name="timelineEntryIds" description="Where this shows up in the timeline" searchable limit={30} placeholder={timeline.length ? 'Search entries' : 'No timeline entries yet'} data={entryOptions} value={links} error={errors.timelineEntryIds} onChange={setLinks} />
        {kind === 'contributor' && (
          <Checkbox label="Accepted risk: we decided not to act on this contributor" checked={acceptedRisk} onChange={(e) => setAcceptedRisk(e.currentTarget.checked)} />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={busy !== null}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
