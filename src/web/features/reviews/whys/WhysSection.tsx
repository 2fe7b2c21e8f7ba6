import { Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { whysCreateSchema, type Whys } from '../../../../shared/reviews/whys.schema.js';
import { queryKeys } from '../../../api/query-keys.js';
import { whysApi } from '../../../api/review-parts.js';
import { useAskConflict } from '../../../ui/conflict/ConflictProvider.js';
import { saveVersioned } from '../../../ui/conflict/save-versioned.js';
import { serverFieldErrors, zodFieldErrors } from '../../../ui/field-errors.js';
import { EditorSection } from '../editor/EditorSection.js';
import { useWhys } from '../use-review.js';
import { toChainDraft, WhysChain, type ChainDraft } from './WhysChain.js';
import type { FieldSaveOutcome } from '../../../ui/autosave/use-autosaved-field.js';
import { useEditorMode } from '../editor/editor-context.js';

export function WhysSection({ reviewId }: { reviewId: number }) {
  const whys = useWhys(reviewId);
  const queryClient = useQueryClient();
  const ask = useAskConflict();
  const [symptom, setSymptom] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { readOnly } = useEditorMode();
  const key = queryKeys.reviewPart(reviewId, 'whys');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = whysCreateSchema.safeParse({ title: symptom });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error).title);
    setError(undefined);
    try {
      await whysApi.create(reviewId, parsed.data);
      setSymptom('');
      refresh();
    } catch (e) {
      setError(serverFieldErrors(e).title ?? (e as Error).message);
    }
  };
  const save = async (chain: Whys, draft: ChainDraft, base: ChainDraft): Promise<FieldSaveOutcome<ChainDraft>> => {
    const latest = queryClient.getQueryData<Whys[]>(key)?.find((c) => c.id === chain.id) ?? chain;
    const fields = (['title', 'steps', 'systemicCause'] as const).map((f) => ({
      key: f,
      label: f === 'systemicCause' ? 'Systemic cause' : f === 'steps' ? 'Steps' : 'Symptom',
      base: f === 'systemicCause' ? base[f] || null : base[f],
      mine: f === 'systemicCause' ? draft[f] || null : draft[f],
      read: (c: Whys) => c[f],
      ...(f === 'steps' ? { format: (v: unknown) => (v as ChainDraft['steps']).map((s, i) => `${i + 1}. ${s.why}\n   ${s.because}`).join('\n') } : {}),
    }));
    const result = await saveVersioned<Whys>({
      title: 'This five-whys chain',
      version: latest.version,
      current: latest,
      changes: fields,
      ask,
      send: (version) => whysApi.update(chain.id, { version, title: draft.title, steps: draft.steps, systemicCause: draft.systemicCause.trim() || null }),
    });
    if (result.outcome === 'cancelled') return result;
    queryClient.setQueryData<Whys[]>(key, (old) => old?.map((c) => (c.id === chain.id ? result.value : c)));
    return { outcome: result.outcome, value: toChainDraft(result.value) };
  };
  const remove = (chain: Whys) => {
    whysApi.remove(chain.id, chain.version).then(refresh, (e: Error) => notifications.show({ color: 'red', title: 'Not deleted', message: e.message }));
  };

  const chains = whys.data ?? [];
  return (
    <EditorSection id="whys" title="Five whys" hint="From a symptom, keep asking why until you reach a systemic cause that can be fixed. A review can hold several chains." count={chains.length} countLabel={(n) => `${n} chain${n === 1 ? '' : 's'}`}>
      <Stack gap="md">
        {chains.map((chain, i) => (
          <WhysChain key={chain.id} chain={chain} index={i} onSave={save} onDelete={remove} />
        ))}
        {!readOnly && <form onSubmit={(e) => void create(e)}>
          <Group align="flex-start" gap="xs">
            <TextInput style={{ flex: 1 }} aria-label="Symptom of a new chain" placeholder="Start a chain from a symptom, e.g. “Why did the payment service fail?”" name="title" value={symptom} error={error} onChange={(e) => setSymptom(e.currentTarget.value)} />
            <Button type="submit" variant="light" leftSection={<IconPlus size={16} />}>
              New chain
            </Button>
          </Group>
        </form>}
      </Stack>
    </EditorSection>
  );
}
