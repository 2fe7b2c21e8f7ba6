import { Autocomplete } from '@mantine/core';
import { useDebouncedCallback, useDebouncedValue } from '@mantine/hooks';
import { IconServer } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { incidentsApi } from '../../api/incidents.js';
import { queryKeys } from '../../api/query-keys.js';

/**
 * The known services for what is typed so far (matched by the starts of words, as the list filter is).
 * `enabled`: asked only then (counting every incident's services takes a while on a large installation).
 */
export function useServiceSuggestions(text: string, enabled = true) {
  const [q] = useDebouncedValue(text.trim(), 150);
  const query = useQuery({ queryKey: queryKeys.services(q), queryFn: ({ signal }) => incidentsApi.services(q, signal), placeholderData: keepPreviousData, staleTime: 30_000, enabled });
  return query.data?.items ?? [];
}

/** The service filter: offers the services of the incidents you can see as you type; a pick applies at once. */
export function ServiceFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const push = useDebouncedCallback(onChange, 300);
  // Suggestions are fetched once the field is used, not with every page that shows it.
  const [used, setUsed] = useState(false);
  const services = useServiceSuggestions(text, used);
  return (
    <Autocomplete
      aria-label="Service"
      placeholder="Service"
      leftSection={<IconServer size={16} />}
      w={190}
      data={services.map((s) => s.name)}
      filter={({ options }) => options}
      value={text}
      onFocus={() => setUsed(true)}
      onChange={(v) => {
        setUsed(true);
        setText(v);
        push(v);
      }}
      onOptionSubmit={(v) => {
        setText(v);
        onChange(v);
      }}
      comboboxProps={{ withinPortal: true }}
      data-testid="service-filter"
    />
  );
}
