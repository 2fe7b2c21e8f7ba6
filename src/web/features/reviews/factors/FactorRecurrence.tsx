import { Anchor, Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Factor, FactorLinkSuggestion } from '../../../../shared/reviews/factor.schema.js';
import { api } from '../../../api/client.js';

/** What links to earlier incidents' factors (F18): a factor, or a five-whys chain's conclusion. */
export interface LinkSource {
  kind: 'factors' | 'whys';
  id: number;
}

/** The record as its own API answers: with its links to earlier incidents' factors (the document has none). */
const linksKey = (source: LinkSource) => [source.kind, source.id, 'links'] as const;
export const useLinks = <T,>(source: LinkSource) =>
  useQuery({ queryKey: linksKey(source), queryFn: ({ signal }) => api.get<T>(`/api/${source.kind}/${source.id}`, undefined, signal), staleTime: 30_000 });
const useFactorLinks = (factorId: number) => useLinks<Factor>({ kind: 'factors', id: factorId });

/** F18: "Recurs: also in #12, #40", each linking to that incident; nothing when the factor does not recur. */
export function RecursBadge({ factorId }: { factorId: number }) {
  const incidents = useFactorLinks(factorId).data?.recurs?.incidents ?? [];
  if (incidents.length === 0) return null;
  return (
    <Badge size="xs" color="orange" variant="light" data-testid="factor-recurs">
      Recurs: also in{' '}
      {incidents.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/incidents/${id}`} fz="xs" inherit>
            #{id}
          </Anchor>
        </span>
      ))}
    </Badge>
  );
}

const reasonText: Record<FactorLinkSuggestion['reason'], string> = { category: 'same category', tag: 'a shared tag', title: 'similar words' };

/** A small picker of earlier incidents' factors like this one (GET /api/{factors|whys}/{id}/link-suggestions). */
/** Removes one link; the badges of both ends ask again. */
export function useUnlink(source: LinkSource) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (toFactorId: number) => api.delete(`/api/${source.kind}/${source.id}/links/${toFactorId}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: linksKey(source) });
      await queryClient.invalidateQueries({ queryKey: ['factors'] });
    },
  });
}

export function LinkFactorModal({ source, opened, onClose }: { source: LinkSource; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const suggestions = useQuery({
    queryKey: [source.kind, source.id, 'link-suggestions'],
    queryFn: ({ signal }) => api.get<{ items: FactorLinkSuggestion[] }>(`/api/${source.kind}/${source.id}/link-suggestions`, undefined, signal),
    enabled: opened,
  });
  const link = useMutation({
    mutationFn: (toFactorId: number) => api.post<unknown>(`/api/${source.kind}/${source.id}/links`, { toFactorId }),
    onSuccess: async (linked) => {
      queryClient.setQueryData(linksKey(source), linked);
      // The earlier factor now recurs: its badge asks again.
      await queryClient.invalidateQueries({ queryKey: ['factors'] });
      await queryClient.invalidateQueries({ queryKey: [source.kind, source.id, 'link-suggestions'] });
      setChosen(null);
      onClose();
    },
  });
  const items = suggestions.data?.items ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Link to an earlier incident&apos;s factor</Text>}>
      <Stack gap="sm">
        <Select
          label="Earlier factor"
          placeholder={suggestions.isLoading ? 'Loading…' : items.length ? 'Choose a factor' : 'No similar factor in earlier incidents'}
          data={items.map((item) => ({ value: String(item.factorId), label: `#${item.incidentId} ${item.title} (${reasonText[item.reason]})` }))}
          value={chosen}
          onChange={setChosen}
          searchable
        />
        {link.error && <Text c="red" fz="sm">{link.error.message}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={chosen === null} loading={link.isPending} onClick={() => chosen && link.mutate(Number(chosen))}>
            Link
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
