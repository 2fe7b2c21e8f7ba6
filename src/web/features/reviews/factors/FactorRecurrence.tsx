import { Anchor, Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Factor, FactorLinkSuggestion } from '../../../../shared/reviews/factor.schema.js';
import { api } from '../../../api/client.js';

/** The factor as the factors API answers: with its links to earlier incidents' factors (the document has none). */
const linksKey = (factorId: number) => ['factors', factorId, 'links'] as const;
const useFactorLinks = (factorId: number) =>
  useQuery({ queryKey: linksKey(factorId), queryFn: ({ signal }) => api.get<Factor>(`/api/factors/${factorId}`, undefined, signal), staleTime: 30_000 });

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

/** A small picker of earlier incidents' factors like this one (GET /api/factors/{id}/link-suggestions). */
export function LinkFactorModal({ factorId, opened, onClose }: { factorId: number; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const suggestions = useQuery({
    queryKey: ['factors', factorId, 'link-suggestions'],
    queryFn: ({ signal }) => api.get<{ items: FactorLinkSuggestion[] }>(`/api/factors/${factorId}/link-suggestions`, undefined, signal),
    enabled: opened,
  });
  const link = useMutation({
    mutationFn: (toFactorId: number) => api.post<Factor>(`/api/factors/${factorId}/links`, { toFactorId }),
    onSuccess: async (factor) => {
      queryClient.setQueryData(linksKey(factorId), factor);
      await queryClient.invalidateQueries({ queryKey: ['factors'] });
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
