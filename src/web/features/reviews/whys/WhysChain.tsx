import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { whysUpdateSchema, type Whys, type WhyStep } from '../../../../shared/reviews/whys.schema.js';
import { zodFieldErrors } from '../../../ui/field-errors.js';
import { useSubmission } from '../../../ui/use-submission.js';
import { useDraft } from '../../../ui/use-draft.js';
import { LanguageHints } from '../../language/LanguageHints.js';

export interface ChainDraft {
  title: string;
  steps: WhyStep[];
  systemicCause: string;
}

interface Props {
  chain: Whys;
  index: number;
  onSave: (chain: Whys, draft: ChainDraft, base: ChainDraft) => Promise<ChainDraft | null>;
  onDelete: (chain: Whys) => void;
}

const toDraft = (c: Whys): ChainDraft => ({ title: c.title, steps: c.steps, systemicCause: c.systemicCause ?? '' });
/** The next question follows from the last answer: "Why was the index missing?" */
const nextWhy = (steps: WhyStep[]) => {
  const last = steps.at(-1)?.because.trim().replace(/\.$/, '');
  return last ? `Why ${last.charAt(0).toLowerCase()}${last.slice(1)}?` : '';
};

/** The first question restates the symptom as a question unless it already is one. */
const firstWhy = (symptom: string) => {
  const text = symptom.trim().replace(/[.?]$/, '');
  return /^why\b/i.test(text) ? `${text}?` : `Why ${text.charAt(0).toLowerCase()}${text.slice(1)}?`;
};

/** One five-whys chain: the symptom, ordered why/because steps, and the systemic cause reached. */
export function WhysChain({ chain, index, onSave, onDelete }: Props) {
  const { draft, setDraft, base, dirty, reset } = useDraft(toDraft(chain));
  const { errors, setErrors, busy, run, message } = useSubmission();
  const setStep = (i: number, patch: Partial<WhyStep>) => setDraft({ ...draft, steps: draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const save = async () => {
    const body = { version: chain.version, title: draft.title, steps: draft.steps, systemicCause: draft.systemicCause.trim() || null };
    const parsed = whysUpdateSchema.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    await run(async () => {
      const saved = await onSave(chain, draft, base);
      if (saved) reset(saved);
    });
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="whys-chain">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Badge variant="light">Chain {index + 1}</Badge>
          <ActionIcon aria-label="Delete this chain" color="red" onClick={() => onDelete(chain)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        {message && <Alert color="red">{message}</Alert>}
        <TextInput label="Symptom" name="title" value={draft.title} error={errors.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
        <LanguageHints text={draft.title} label="Symptom" />
        <Stack gap={8}>
          {draft.steps.map((step, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <Text fz="sm" fw={700} c="hindsight.7" w={22} pt={6} ta="right" className="hs-tabular">
                {i + 1}.
              </Text>
              <Stack gap={4} style={{ flex: 1 }}>
                <TextInput aria-label={`Why ${i + 1}`} placeholder="Why …?" value={step.why} error={errors.steps && !step.why.trim() ? 'Ask the question' : undefined} onChange={(e) => setStep(i, { why: e.currentTarget.value })} />
                <LanguageHints text={step.why} label={`Why ${i + 1}`} />
                <Textarea className="hs-textarea-sm" aria-label={`Because ${i + 1}`} placeholder="Because …" value={step.because} onChange={(e) => setStep(i, { because: e.currentTarget.value })} />
                <LanguageHints text={step.because} label={`Because ${i + 1}`} />
              </Stack>
              <ActionIcon aria-label={`Remove step ${i + 1}`} mt={4} onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDraft({ ...draft, steps: [...draft.steps, { why: nextWhy(draft.steps) || firstWhy(draft.title), because: '' }] })} w="fit-content">
            Ask why
          </Button>
        </Stack>
        <Textarea label="Systemic cause" description="A cause that can actually be fixed: a process or design change, not “be more careful”." name="systemicCause" value={draft.systemicCause} error={errors.systemicCause} onChange={(e) => setDraft({ ...draft, systemicCause: e.currentTarget.value })} />
        <LanguageHints text={draft.systemicCause} label="Systemic cause" />
        {dirty && (
          <Group justify="flex-end" gap="xs">
            <Button variant="subtle" color="gray" size="xs" onClick={() => setDraft(base)}>
              Discard
            </Button>
            <Button size="xs" onClick={() => void save()} loading={busy !== null}>
              Save chain
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
