import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { PersonRef } from '../../../../shared/accounts/person.schema.js';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import { reviewTemplates, templateSections, type ReviewTemplate } from '../../../../shared/reviews/review-templates.js';
import { changeKey } from '../../../api/live-changes.js';
import { FieldStatus, IncomingChange } from '../../../ui/autosave/FieldStatus.js';
import { useAutosavedField } from '../../../ui/autosave/use-autosaved-field.js';
import { deadlineDay, formatCalendarDay, moveDeadlineToDay } from '../../../ui/deadline.js';
import { PersonPicker } from '../../../ui/people/PersonPicker.js';
import { toPersonInputOrNull } from '../../../ui/people/people-options.js';
import { reviewFieldLabels, useSaveReviewFields, type ReviewField } from '../use-review.js';
import { useEditorMode } from './editor-context.js';
import { EditorSection } from './EditorSection.js';

const personName = (value: unknown) => (value as PersonRef | null)?.name ?? '(nobody)';

/** One field of the review saved on its own, as soon as it is chosen. */
function useReviewField<T>(review: Review, key: ReviewField, server: T, toSend: (value: T) => unknown, options: { delay?: number; format?: (value: unknown) => string } = {}) {
  const save = useSaveReviewFields(review.id);
  const { readOnly } = useEditorMode();
  return useAutosavedField<T>({
    server,
    label: reviewFieldLabels[key],
    changeKey: changeKey.reviewField(review.id, key),
    presenceField: key,
    delay: options.delay ?? 0,
    readOnly,
    ...(options.format ? { format: options.format as (value: T) => string } : {}),
    save: async (value, base) => {
      const result = await save([{ key, send: toSend(value), base, mine: value, ...(options.format ? { format: options.format } : {}) }]);
      return result.outcome === 'cancelled' ? result : { outcome: result.outcome, value: result.value[key] as T };
    },
  });
}

function PersonField({ review, field, description }: { review: Review; field: 'owner' | 'facilitator' | 'scribe'; description: string }) {
  const { readOnly } = useEditorMode();
  const person = useReviewField<PersonRef | null>(review, field, review[field], toPersonInputOrNull, { format: personName });
  return (
    <Stack gap={4}>
      <IncomingChange field={person} label={reviewFieldLabels[field]} />
      <PersonPicker label={reviewFieldLabels[field]} description={description} name={field} value={person.value} onChange={person.setValue} readOnly={readOnly} onFocus={person.inputProps.onFocus} onBlur={person.inputProps.onBlur} data-testid={`${field}-picker`} />
      <FieldStatus field={person} testId={`${field}-status`} />
    </Stack>
  );
}

/** Who runs the review, when it is due and which template it follows; each saved as soon as it is chosen. */
export function ReviewDetailsCard({ review }: { review: Review }) {
  const { readOnly } = useEditorMode();
  // Kept as the instant the API has; the input shows the calendar day it means (see ui/deadline.ts).
  const due = useReviewField<string | null>(review, 'dueAt', review.dueAt, (v) => v, { delay: 1500, format: (v) => (v ? formatCalendarDay(deadlineDay(String(v)) ?? String(v)) : '(none)') });
  const template = useReviewField<ReviewTemplate>(review, 'template', review.template, (v) => v);

  return (
    <EditorSection id="details" title="Review details" hint="The owner (DRI) drives the review to done; the facilitator and scribe run the meeting, if there is one.">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <PersonField review={review} field="owner" description="Drives the review to done" />
        <PersonField review={review} field="facilitator" description="Runs the meeting" />
        <PersonField review={review} field="scribe" description="Takes the notes" />
        <Stack gap={4}>
          <IncomingChange field={due} label="The due date" />
          <TextInput type="date" label="Due" name="dueAt" description="By the end of this day" value={due.value ? (deadlineDay(due.value) ?? '') : ''} readOnly={readOnly} onChange={(e) => due.setValue(moveDeadlineToDay(due.value, e.currentTarget.value))} {...due.inputProps} />
          <FieldStatus field={due} />
        </Stack>
        <Stack gap={4}>
          <IncomingChange field={template} label="The template" />
          <Select
            label="Template"
            name="template"
            description="Which sections the review shows"
            data={reviewTemplates.map((t) => ({ value: t, label: templateSections[t].label }))}
            value={template.value}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(v) => v && template.setValue(v as ReviewTemplate)}
            onFocus={template.inputProps.onFocus}
            onBlur={template.inputProps.onBlur}
          />
          <FieldStatus field={template} />
        </Stack>
      </SimpleGrid>
    </EditorSection>
  );
}
