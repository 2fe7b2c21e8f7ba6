import { Button, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { factorKinds, type Factor, type FactorCreate, type FactorKind } from '../../../../shared/reviews/factor.schema.js';
import type { TimelineEntry } from '../../../../shared/timeline/timeline.schema.js';
import { queryKeys } from '../../../api/query-keys.js';
import { factorsApi } from '../../../api/review-parts.js';
import { useAskConflict } from '../../../ui/conflict/ConflictProvider.js';
import { saveVersioned } from '../../../ui/conflict/save-versioned.js';
import { useEditorMode } from '../editor/editor-context.js';
import { EditorSection } from '../editor/EditorSection.js';
import { useFactors, useTaxonomy } from '../use-review.js';
import { factorKindMeta } from './factor-meta.js';
import { FactorCard } from './FactorCard.js';
import { FactorForm } from './FactorForm.js';

const editable = ['title', 'description', 'category', 'tags', 'acceptedRisk', 'timelineEntryIds'] as const;
const fieldLabels: Record<(typeof editable)[number], string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  tags: 'Tags',
  acceptedRisk: 'Accepted risk',
  timelineEntryIds: 'Timeline entries',
};

/** Contributors, mitigators, risks and learnings, side by side: there is no single root cause. */
export function FactorsSection({ reviewId, timeline }: { reviewId: number; timeline: TimelineEntry[] }) {
  const factors = useFactors(reviewId);
  const taxonomy = useTaxonomy();
  const queryClient = useQueryClient();
  const ask = useAskConflict();
  const [adding, setAdding] = useState<FactorKind | null>(null);
  const { readOnly } = useEditorMode();
  const key = queryKeys.reviewPart(reviewId, 'factors');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const labels = new Map([...(taxonomy.data?.categories ?? []), ...(taxonomy.data?.tags ?? [])].map((t) => [t.key, t.label]));
  const labelOf = (k: string) => labels.get(k) ?? k;

  const create = async (input: FactorCreate) => {
    await factorsApi.create(reviewId, input);
    setAdding(null);
    refresh();
  };
  const update = async (base: Factor, input: FactorCreate) => {
    const latest = factors.data?.find((f) => f.id === base.id) ?? base;
    const changes = editable
      .filter((field) => JSON.stringify(input[field]) !== JSON.stringify(base[field]))
      .map((field) => ({ key: field, label: fieldLabels[field], base: base[field], mine: input[field], read: (c: Factor) => c[field] }));
    if (changes.length === 0) return;
    const body = Object.fromEntries(changes.map((c) => [c.key, c.mine]));
    const result = await saveVersioned<Factor>({
      title: `The factor “${base.title}”`,
      version: latest.version,
      current: latest,
      changes,
      ask,
      send: (version) => factorsApi.update(base.id, { ...body, version }),
    });
    if (result.outcome === 'cancelled') throw new Error('Not saved: your edit is still here.');
    refresh();
  };
  const remove = (factor: Factor) => {
    factorsApi.remove(factor.id, factor.version).then(refresh, (e: Error) => notifications.show({ color: 'red', title: 'Not deleted', message: e.message }));
  };

  const items = factors.data ?? [];
  return (
    <EditorSection id="factors" title="Factors" hint="Instead of one root cause: what contributed, what mitigated, which risks surfaced and what we learned." count={items.length} countLabel={(n) => `${n} factor${n === 1 ? '' : 's'}`}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {factorKinds.map((kind) => {
          const meta = factorKindMeta[kind];
          const ofKind = items.filter((f) => f.kind === kind);
          return (
            <Paper key={kind} id={`factors-${kind}`} p="sm" radius="md" bg="gray.0" data-testid={`factors-${kind}`} style={{ borderTop: `3px solid var(--mantine-color-${meta.color}-5)`, scrollMarginTop: 'var(--hs-editor-offset, 76px)' }}>
              <Stack gap="xs">
                <div>
                  <Title order={4}>
                    {meta.label} <Text span c="dimmed" fz="sm">{ofKind.length || ''}</Text>
                  </Title>
                  <Text fz="xs" c="dimmed">
                    {meta.hint}
                  </Text>
                </div>
                {ofKind.map((factor) => (
                  <FactorCard key={factor.id} factor={factor} timeline={timeline} labelOf={labelOf} onUpdate={update} onDelete={remove} readOnly={readOnly} />
                ))}
                {!readOnly && (
                  <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(kind)} justify="flex-start" w="fit-content">
                    Add {meta.singular}
                  </Button>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      <Modal opened={adding !== null} onClose={() => setAdding(null)} size="lg" title={<Text fw={650}>New {adding ? factorKindMeta[adding].singular : ''}</Text>}>
        {adding && <FactorForm kind={adding} timeline={timeline} submitLabel={`Add ${factorKindMeta[adding].singular}`} onCancel={() => setAdding(null)} onSubmit={create} />}
      </Modal>
    </EditorSection>
  );
}
