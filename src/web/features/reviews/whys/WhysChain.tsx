import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { whysUpdateSchema, type Whys, type WhyStep } from '../../../../shared/reviews/whys.schema.js';
import { changeKey } from '../../../api/live-changes.js';
import { FieldStatus, IncomingChange } from '../../../ui/autosave/FieldStatus.js';
import { useAutosavedField, type FieldSaveOutcome } from '../../../ui/autosave/use-autosaved-field.js';
import { zodFieldErrors } from '../../../ui/field-errors.js';
import { whyQuestion } from './why-question.js';
import { LanguageHints } from '../../language/LanguageHints.js';
import { useEditorMode } from '../editor/editor-context.js';
import { EditingNow } from '../editor/presence/PresenceBar.js';
import { WhysRecurrence } from './WhysRecurrence.js';

export interface ChainDraft {
  title: string;
  steps: WhyStep[];
  systemicCause: string;
}

interface Props {
  chain: Whys;
  index: number;
  onSave: (chain: Whys, draft: ChainDraft, base: ChainDraft) => Promise<FieldSaveOutcome<ChainDraft>>;
  onDelete: (chain: Whys) => void;
}

export const toChainDraft = (c: Whys): ChainDraft => ({ title: c.title, steps: c.steps, systemicCause: c.systemicCause ?? '' });

/** The next question follows from the last answer: "Why was the index missing?" */
const nextWhy = (steps: WhyStep[]) => whyQuestion(steps.at(-1)?.because ?? '');

/** The first question restates the symptom as a question unless it already is one. */
const firstWhy = (symptom: string) => whyQuestion(symptom);

const showChain = (value: ChainDraft) => [value.title, ...value.steps.map((s, i) => `${i + 1}. ${s.why}\n   ${s.because}`), value.systemicCause ? `Systemic cause: ${value.systemicCause}` : ''].filter(Boolean).join('\n');

/** One five-whys chain: the symptom, ordered why/because steps, and the systemic cause reached; saved as it is typed. */
export function WhysChain({ chain, index, onSave, onDelete }: Props) {
  const { reviewId, readOnly } = useEditorMode();
  const field = useAutosavedField<ChainDraft>({
    server: toChainDraft(chain),
    label: `Five-whys chain ${index + 1}`,
    changeKey: changeKey.whys(chain.id),
    presenceField: `whys.${chain.id}`,
    readOnly,
    format: showChain,
    validate: (draft) => {
      const parsed = whysUpdateSchema.safeParse({ version: chain.version, title: draft.title, steps: draft.steps, systemicCause: draft.systemicCause.trim() || null });
      if (parsed.success) return null;
      const errors = zodFieldErrors(parsed.error);
      return errors.steps ? 'Every step needs its question' : (errors.title ? `Symptom: ${errors.title}` : Object.values(errors)[0]) ?? 'Not valid';
    },
    save: (draft, base) => onSave(chain, draft, base),
  });
  const draft = field.value;
  const set = (patch: Partial<ChainDraft>) => field.setValue({ ...draft, ...patch });
  const setStep = (i: number, patch: Partial<WhyStep>) => set({ steps: draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  return (
    <Paper withBorder p="md" radius="md" data-testid="whys-chain">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Badge variant="light">Chain {index + 1}</Badge>
            <EditingNow reviewId={reviewId} field={`whys.${chain.id}`} />
          </Group>
          {!readOnly && (
            <ActionIcon aria-label="Delete this chain" color="red" onClick={() => onDelete(chain)}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
        <IncomingChange field={field} label="This chain" />
        <TextInput label="Symptom" name="title" value={draft.title} readOnly={readOnly} onChange={(e) => set({ title: e.currentTarget.value })} {...field.inputProps} />
        {!readOnly && <LanguageHints text={draft.title} label="Symptom" />}
        <Stack gap={8}>
          {draft.steps.map((step, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <Text fz="sm" fw={700} c="hindsight.7" w={22} pt={6} ta="right" className="hs-tabular">
                {i + 1}.
              </Text>
              <Stack gap={4} style={{ flex: 1 }}>
                <TextInput aria-label={`Why ${i + 1}`} placeholder="Why …?" value={step.why} readOnly={readOnly} error={!step.why.trim() ? 'Ask the question' : undefined} onChange={(e) => setStep(i, { why: e.currentTarget.value })} {...field.inputProps} />
                {!readOnly && <LanguageHints text={step.why} label={`Why ${i + 1}`} />}
                <Textarea className="hs-textarea-sm" aria-label={`Because ${i + 1}`} placeholder="Because …" value={step.because} readOnly={readOnly} onChange={(e) => setStep(i, { because: e.currentTarget.value })} {...field.inputProps} />
                {!readOnly && <LanguageHints text={step.because} label={`Because ${i + 1}`} />}
              </Stack>
              {!readOnly && (
                <ActionIcon aria-label={`Remove step ${i + 1}`} mt={4} onClick={() => set({ steps: draft.steps.filter((_, j) => j !== i) })}>
                  <IconX size={14} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set({ steps: [...draft.steps, { why: nextWhy(draft.steps) || firstWhy(draft.title), because: '' }] })} w="fit-content">
              Ask why
            </Button>
          )}
        </Stack>
        <Textarea label="Systemic cause" description="A cause that can actually be fixed: a process or design change, not “be more careful”." name="systemicCause" value={draft.systemicCause} readOnly={readOnly} onChange={(e) => set({ systemicCause: e.currentTarget.value })} {...field.inputProps} />
        {!readOnly && <LanguageHints text={draft.systemicCause} label="Systemic cause" />}
        <WhysRecurrence whysId={chain.id} editable={!readOnly} />
        <FieldStatus field={field} testId="whys-status" />
      </Stack>
    </Paper>
  );
}
