import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { answerSchema, type Question } from '../../../../shared/reviews/question.schema.js';
import { queryKeys } from '../../../api/query-keys.js';
import { questionsApi } from '../../../api/review-parts.js';
import { useAskConflict } from '../../../ui/conflict/ConflictProvider.js';
import { saveVersioned } from '../../../ui/conflict/save-versioned.js';
import { formLevelError, serverFieldErrors, zodFieldErrors } from '../../../ui/field-errors.js';
import { useDraft } from '../../../ui/use-draft.js';
import { LanguageHints } from '../../language/LanguageHints.js';
import { EditorSection } from '../editor/EditorSection.js';
import { useQuestions } from '../use-review.js';

function QuestionField({ reviewId, question }: { reviewId: number; question: Question }) {
  const { draft, setDraft, base, dirty, reset } = useDraft(question.answer ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = useAskConflict();
  const queryClient = useQueryClient();
  const input = useRef<HTMLTextAreaElement>(null);

  const save = async () => {
    const parsed = answerSchema.safeParse({ answer: draft, ...(question.version ? { version: question.version } : {}) });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error).answer ?? parsed.error.message);
    setError(null);
    setBusy(true);
    try {
      const result = await saveVersioned<Question>({
        title: `The answer to “${question.label}”`,
        version: question.version ?? 0,
        ...(question.version ? { current: question } : {}),
        changes: [{ key: 'answer', label: question.label, base: base || null, mine: draft.trim() || null, read: (c) => c.answer }],
        ask,
        send: (version) => questionsApi.answer(reviewId, question.key, { answer: draft, ...(version > 0 ? { version } : {}) }),
      });
      if (result.outcome !== 'cancelled') {
        reset(result.value.answer ?? '');
        queryClient.setQueryData<Question[]>([...queryKeys.review(reviewId), 'questions'], (old) => old?.map((q) => (q.key === question.key ? result.value : q)));
      }
    } catch (e) {
      setError(serverFieldErrors(e).answer ?? formLevelError(e, {}) ?? 'Not saved');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4}>
      <Textarea
        ref={input}
        label={question.label}
        description={question.hint}
        name={`question-${question.key}`}
        value={draft}
        error={error}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void save();
          }
        }}
        data-testid={`question-${question.key}`}
      />
      <LanguageHints text={draft} inputRef={input} label={question.label} />
      {dirty && (
        <Group justify="flex-end" gap="xs">
          <Text fz="xs" c="orange.8" mr="auto">
            Unsaved · Ctrl+Enter to save
          </Text>
          <Button variant="subtle" color="gray" size="xs" onClick={() => setDraft(base)}>
            Discard
          </Button>
          <Button size="xs" onClick={() => void save()} loading={busy}>
            Save answer
          </Button>
        </Group>
      )}
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
