import { Alert, Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { reviewUpdateSchema, type Review } from '../../../../shared/reviews/review.schema.js';
import { reviewTemplates, templateSections } from '../../../../shared/reviews/review-templates.js';
import { formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../ui/field-errors.js';
import { fromLocalInput, toLocalInput } from '../../../ui/format.js';
import { useDraft } from '../../../ui/use-draft.js';
import { useSaveReviewFields, type ReviewField } from '../use-review.js';
import { EditorSection } from './EditorSection.js';

type Details = Record<'owner' | 'facilitator' | 'scribe' | 'dueAt' | 'template', string>;

const fromReview = (r: Review): Details => ({
  owner: r.owner?.name ?? '',
  facilitator: r.facilitator?.name ?? '',
  scribe: r.scribe?.name ?? '',
  dueAt: toLocalInput(r.dueAt),
  template: r.template,
});

/** Who runs the review, its state, due date and template. */
export function ReviewDetailsCard({ review }: { review: Review }) {
  const { draft, setDraft, base, dirty, reset } = useDraft(fromReview(review));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const save = useSaveReviewFields(review.id);
  const set = (key: keyof Details) => (value: string | null) => setDraft({ ...draft, [key]: value ?? '' });

  const toValue = (key: keyof Details, value: string) => {
    if (key === 'dueAt') return value ? fromLocalInput(value) : null;
    return value.trim() === '' && key !== 'template' ? null : value;
  };
  const submit = async () => {
    const keys = (Object.keys(draft) as Array<keyof Details>).filter((k) => draft[k] !== base[k]);
    const fields = Object.fromEntries(keys.map((k) => [k, toValue(k, draft[k])])) as Partial<Record<ReviewField, string | null>>;
    const parsed = reviewUpdateSchema.safeParse({ version: review.version, ...fields });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      const baseValues = Object.fromEntries(keys.map((k) => [k, k === 'dueAt' ? review.dueAt : toValue(k, base[k])]));
      const result = await save(fields, baseValues);
      if (result.outcome !== 'cancelled') reset(fromReview(result.value));
    } catch (e) {
      setFailure(e);
      setErrors(serverFieldErrors(e));
    } finally {
      setSaving(false);
    }
  };
  const message = formLevelError(failure, errors);

  return (
    <EditorSection id="details" title="Review details" hint="The owner (DRI) drives the review to done; facilitator and scribe run the meeting, if there is one.">
      {message && <Alert color="red">{message}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput label="Owner (DRI)" name="owner" value={draft.owner} error={errors.owner} onChange={(e) => set('owner')(e.currentTarget.value)} />
        <TextInput label="Facilitator" name="facilitator" value={draft.facilitator} error={errors.facilitator} onChange={(e) => set('facilitator')(e.currentTarget.value)} />
        <TextInput label="Scribe" name="scribe" value={draft.scribe} error={errors.scribe} onChange={(e) => set('scribe')(e.currentTarget.value)} />
        <TextInput type="datetime-local" label="Due" name="dueAt" value={draft.dueAt} error={errors.dueAt} onChange={(e) => set('dueAt')(e.currentTarget.value)} />
        <Select label="Template" name="template" data={reviewTemplates.map((t) => ({ value: t, label: templateSections[t].label }))} value={draft.template} error={errors.template} onChange={set('template')} />
      </SimpleGrid>
      {dirty && (
        <Group justify="flex-end" gap="xs">
          <Button variant="subtle" color="gray" size="xs" onClick={() => setDraft(base)}>
            Discard
          </Button>
          <Button size="xs" onClick={() => void submit()} loading={saving}>
            Save details
          </Button>
        </Group>
      )}
    </EditorSection>
  );
}
