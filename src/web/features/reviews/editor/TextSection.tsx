import { Group, Text, Textarea } from '@mantine/core';
import { useRef } from 'react';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import { reviewUpdateSchema } from '../../../../shared/reviews/review.schema.js';
import { changeKey } from '../../../api/live-changes.js';
import { FieldStatus, IncomingChange } from '../../../ui/autosave/FieldStatus.js';
import { useAutosavedField } from '../../../ui/autosave/use-autosaved-field.js';
import { zodFieldErrors } from '../../../ui/field-errors.js';
import { LanguageHints } from '../../language/LanguageHints.js';
import { useSaveReviewFields } from '../use-review.js';
import { useEditorMode } from './editor-context.js';
import { EditorSection } from './EditorSection.js';

export type ReviewTextField = 'summary' | 'impact' | 'learnings';

interface Props {
  review: Review;
  field: ReviewTextField;
  title: string;
  hint: string;
  placeholder: string;
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** A free-text section of the review (summary, impact, learnings), saved as it is typed. */
export function TextSection({ review, field, title, hint, placeholder }: Props) {
  const { readOnly } = useEditorMode();
  const saveFields = useSaveReviewFields(review.id);
  const input = useRef<HTMLTextAreaElement>(null);
  const text = useAutosavedField<string>({
    server: review[field] ?? '',
    label: `The ${title.toLowerCase()}`,
    changeKey: changeKey.reviewField(review.id, field),
    presenceField: field,
    readOnly,
    validate: (value) => {
      const parsed = reviewUpdateSchema.safeParse({ version: review.version, [field]: orNull(value) });
      return parsed.success ? null : (zodFieldErrors(parsed.error)[field] ?? parsed.error.message);
    },
    save: async (value, base) => {
      const result = await saveFields([{ key: field, send: orNull(value), base: orNull(base) }]);
      return result.outcome === 'cancelled' ? result : { outcome: result.outcome, value: result.value[field] ?? '' };
    },
  });
  const written = (review[field] ?? '').trim() !== '';

  return (
    <EditorSection id={field} title={title} hint={hint} count={written ? 1 : 0} countLabel={() => 'Written'} editingField={field}>
      <IncomingChange field={text} label={`The ${title.toLowerCase()}`} />
      <Textarea
        ref={input}
        aria-label={title}
        name={field}
        placeholder={readOnly ? undefined : placeholder}
        className="hs-textarea-lg"
        value={text.value}
        readOnly={readOnly}
        onChange={(e) => text.setValue(e.currentTarget.value)}
        {...text.inputProps}
        data-testid={`${field}-input`}
      />
      {!readOnly && <LanguageHints text={text.value} inputRef={input} label={title} />}
      <Group justify="space-between">
        <FieldStatus field={text} testId={`${field}-status`} idle={<Text fz="xs" c="dimmed">{written ? 'Saved' : readOnly ? 'Not written.' : 'Not written yet: it may stay empty.'}</Text>} />
      </Group>
    </EditorSection>
  );
}
