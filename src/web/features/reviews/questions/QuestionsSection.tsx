import { Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { answerSchema, type Question } from '../../../../shared/reviews/question.schema.js';
import { changeKey } from '../../../api/live-changes.js';
import { queryKeys } from '../../../api/query-keys.js';
import { questionsApi } from '../../../api/review-parts.js';
import { FieldStatus, IncomingChange } from '../../../ui/autosave/FieldStatus.js';
import { useAutosavedField } from '../../../ui/autosave/use-autosaved-field.js';
import { useAskConflict } from '../../../ui/conflict/ConflictProvider.js';
import { saveVersioned } from '../../../ui/conflict/save-versioned.js';
import { zodFieldErrors } from '../../../ui/field-errors.js';
import { LanguageHints } from '../../language/LanguageHints.js';
import { useEditorMode } from '../editor/editor-context.js';
import { EditorSection } from '../editor/EditorSection.js';
import { EditingNow } from '../editor/presence/PresenceBar.js';
import { useQuestions } from '../use-review.js';

function QuestionField({ reviewId, question }: { reviewId: number; question: Question }) {
  const { readOnly } = useEditorMode();
  const ask = useAskConflict();
  const queryClient = useQueryClient();
  const input = useRef<HTMLTextAreaElement>(null);
  const latest = () => queryClient.getQueryData<Question[]>(queryKeys.reviewPart(reviewId, 'questions'))?.find((q) => q.key === question.key) ?? question;
  const answer = useAutosavedField<string>({
    server: question.answer ?? '',
    label: `The answer to “${question.label}”`,
    changeKey: changeKey.answer(reviewId, question.key),
    presenceField: `questions.${question.key}`,
    readOnly,
    validate: (value) => {
      const parsed = answerSchema.safeParse({ answer: value });
      return parsed.success ? null : (zodFieldErrors(parsed.error).answer ?? parsed.error.message);
    },
    save: async (value, base) => {
      const current = latest();
      const result = await saveVersioned<Question>({
        title: `The answer to “${question.label}”`,
        version: current.version ?? 0,
        ...(current.version ? { current } : {}),
        changes: [{ key: 'answer', label: question.label, base: base.trim() || null, mine: value.trim() || null, read: (c) => c.answer }],
        ask,
        send: (version) => questionsApi.answer(reviewId, question.key, { answer: value, ...(version > 0 ? { version } : {}) }),
      });
      if (result.outcome === 'cancelled') return result;
      queryClient.setQueryData<Question[]>(queryKeys.reviewPart(reviewId, 'questions'), (old) => old?.map((q) => (q.key === question.key ? result.value : q)));
      return { outcome: result.outcome, value: result.value.answer ?? '' };
    },
  });

  return (
    <Stack gap={4} id={`question-${question.key}`} style={{ scrollMarginTop: 'var(--hs-editor-offset, 76px)' }}>
      <IncomingChange field={answer} label={`The answer to “${question.label}”`} />
      <Textarea
        ref={input}
        label={question.label}
        description={question.hint}
        name={`question-${question.key}`}
        value={answer.value}
        readOnly={readOnly}
        onChange={(e) => answer.setValue(e.currentTarget.value)}
        {...answer.inputProps}
        data-testid={`question-${question.key}`}
      />
      <EditingNow reviewId={reviewId} field={`questions.${question.key}`} />
      {!readOnly && <LanguageHints text={answer.value} inputRef={input} label={question.label} />}
      <FieldStatus field={answer} testId={`question-${question.key}-status`} />
    </Stack>
  );
}

/** The key questions of a post-incident review; answer the ones that teach something. */
export function QuestionsSection({ reviewId }: { reviewId: number }) {
  const questions = useQuestions(reviewId);
  const items = questions.data ?? [];
  const answered = items.filter((q) => q.answer).length;
  return (
    <EditorSection id="questions" title="Key questions" hint="Let the conversation answer these; not every question needs an answer." count={answered} countLabel={(n) => `${n} of ${items.length} answered`}>
      <Stack gap="lg">
        {items.map((q) => (
          <QuestionField key={q.key} reviewId={reviewId} question={q} />
        ))}
      </Stack>
    </EditorSection>
  );
}
