import { Button, Group, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import { reviewUpdateSchema } from '../../../../shared/reviews/review.schema.js';
import { formLevelError, serverFieldErrors, zodFieldErrors } from '../../../ui/field-errors.js';
import { useDraft, useUnsavedWarning } from '../../../ui/use-draft.js';
import { LanguageHints } from '../../language/LanguageHints.js';
import { useSaveReviewFields } from '../use-review.js';
import { EditorSection } from './EditorSection.js';

type TextField = 'summary' | 'impact' | 'learnings';

interface Props {
  review: Review;
  field: TextField;
  title: string;
  hint: string;
  placeholder: string;
}

/** A free-text section of the review (summary, impact, learnings), saved with its version. */
export function TextSection({ review, field, title, hint, placeholder }: Props) {
  const { draft, setDraft, base, dirty, reset } = useDraft(review[field] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = useSaveReviewFields(review.id);
  const input = useRef<HTMLTextAreaElement>(null);
  useUnsavedWarning(dirty);

  const submit = async () => {
    const value = draft.trim() === '' ? null : draft;
    const parsed = reviewUpdateSchema.safeParse({ version: review.version, [field]: value });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error)[field] ?? parsed.error.message);
    setError(null);
    setSaving(true);
    try {
      const result = await save({ [field]: value }, { [field]: base.trim() === '' ? null : base });
      if (result.outcome !== 'cancelled') reset(result.value[field] ?? '');
    } catch (e) {
      setError(serverFieldErrors(e)[field] ?? formLevelError(e, {}) ?? 'Not saved');
    } finally {
      setSaving(false);
    }
  };

  return (
    <EditorSection id={field} title={title} hint={hint} count={(review[field] ?? '').trim() ? 1 : 0} countLabel={() => 'Written'}>
      <Textarea
        ref={input}
        aria-label={title}
        name={field}
        placeholder={placeholder}
        className="hs-textarea-lg"
        value={draft}
        error={error}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        data-testid={`${field}-input`}
      />
      <LanguageHints text={draft} inputRef={input} label={title} />
      <Group justify="space-between">
        <Text fz="xs" c={dirty ? 'orange.8' : 'dimmed'} aria-live="polite">
          {dirty ? 'Unsaved changes · Ctrl+Enter to save' : review[field] ? 'Saved' : 'Not written yet: it may stay empty.'}
        </Text>
        <Group gap="xs">
          {dirty && (
            <Button variant="subtle" color="gray" size="xs" onClick={() => setDraft(base)}>
              Discard
            </Button>
          )}
          <Button size="xs" onClick={() => void submit()} loading={saving} disabled={!dirty} data-testid={`${field}-save`}>
            Save {title.toLowerCase()}
          </Button>
        </Group>
      </Group>
    </EditorSection>
  );
}
