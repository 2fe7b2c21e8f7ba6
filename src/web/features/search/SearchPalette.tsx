import { Badge, Group, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchFieldLabels } from '../../../shared/search/search-fields.js';
import type { SearchHit } from '../../../shared/search/search.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { searchApi } from '../../api/search.js';
import { reviewStateLabel } from '../../ui/badges.js';
import { Snippet } from './Snippet.js';

const MIN_LENGTH = 2;

/** Search as you type over every review the user may see (Ctrl-K, Cmd-K or /); arrows choose, Enter opens. */
export default function SearchPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(text, 150);
  const navigate = useNavigate();
  const q = debounced.trim().length >= MIN_LENGTH ? debounced : '';
  const results = useQuery({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => searchApi.search(q, signal),
    enabled: opened && q !== '',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits = q ? (results.data?.items ?? []) : [];
  useEffect(() => setActive(0), [q]);

  const open = (hit: SearchHit) => {
    onClose();
    setText('');
    void navigate(`/reviews/${hit.reviewId}/read`);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && hits[active]) open(hits[active]);
    else return;
    event.preventDefault();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Search reviews" size="lg" data-testid="search-palette">
      <TextInput
        data-autofocus
        aria-label="Search reviews"
        placeholder="Words from any part of a review…"
        leftSection={<IconSearch size={16} />}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={hits[active] ? `search-hit-${hits[active].reviewId}` : undefined}
      />
      <Stack gap={4} mt="sm" id="search-results" role="listbox" aria-label="Results">
        {q && results.isSuccess && hits.length === 0 && <Text c="dimmed" size="sm">No review matches “{q}”.</Text>}
        {hits.map((hit, i) => (
          <UnstyledButton
            key={hit.reviewId}
            id={`search-hit-${hit.reviewId}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => open(hit)}
            p="xs"
            style={{ borderRadius: 8, background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
          >
            <Group gap="xs" wrap="nowrap">
              <Text fw={600} size="sm" truncate>#{hit.incidentId} {hit.title}</Text>
              <Badge size="xs" variant="light">{hit.severity.toUpperCase()}</Badge>
              <Badge size="xs" variant="outline">{reviewStateLabel[hit.state]}</Badge>
            </Group>
            {hit.matches.slice(0, 2).map((match) => (
              <Text key={match.field} size="xs" c="dimmed" lineClamp={2}>
                <b>{searchFieldLabels[match.field]}:</b> <Snippet segments={match.segments} />
              </Text>
            ))}
          </UnstyledButton>
        ))}
      </Stack>
    </Modal>
  );
}
