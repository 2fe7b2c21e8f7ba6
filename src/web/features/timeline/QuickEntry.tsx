import { Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCornerDownLeft } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { isApiError } from '../../api/errors.js';
import { formatCalendarDay } from '../../ui/deadline.js';
import { formatDate, userTimeZone } from '../../ui/format.js';
import { LanguageHints } from '../language/LanguageHints.js';
import { kindMeta } from './kinds.js';
import { ownDateNote, parseQuickEntry } from './quick-entry.js';
import { useAddEntry } from './use-timeline.js';
import { warningText } from '../../ui/colors.js';

interface Props {
  incidentId: number;
  defaultDay: string;
  onAdded: (entryId: number) => void;
}

/**
 * Fast entry: type "14:02 detection PagerDuty alert fired", press Enter, keep typing the next one.
 * The line is cleared at once and focus never leaves the input; a failed line comes back. The day is
 * always the one shown beside the input: a line with its own date says so and never moves it.
 */
export function QuickEntry({ incidentId, defaultDay, onAdded }: Props) {
  const [day, setDay] = useState(defaultDay);
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useAddEntry(incidentId);
  const input = useRef<HTMLInputElement>(null);
  const parsed = line.trim() ? parseQuickEntry(line, day) : null;

  const submit = () => {
    if (!parsed) return;
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    setLine('');
    add.mutate(
      { occurredAt: parsed.occurredAt, kind: parsed.kind, text: parsed.text },
      {
        onSuccess: (entry) => onAdded(entry.id),
        onError: (e) => {
          setLine((current) => current || line);
          setError(isApiError(e) ? e.message : 'The entry was not saved');
        },
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const dateNote = parsed?.ok ? ownDateNote(parsed.day, day, formatCalendarDay) : null;
  const preview = parsed?.ok ? (
    <Stack gap={2}>
    <Group gap={6} wrap="nowrap">
      <Text fz="xs" c="dimmed" className="hs-tabular">
        {formatDate(parsed.occurredAt, 'dayTimeSeconds')}
      </Text>
      <Badge size="xs" color={kindMeta[parsed.kind].color}>
        {kindMeta[parsed.kind].label}
      </Badge>
      <Text fz="xs" c="dimmed" lineClamp={1}>
        {parsed.text}
      </Text>
      <IconCornerDownLeft size={12} color="var(--mantine-color-dimmed)" />
    </Group>
    {dateNote && (
      <Text fz="xs" c={warningText} data-testid="quick-entry-own-date">
        {dateNote}
      </Text>
    )}
    </Stack>
  ) : (
    <Text fz="xs" c="dimmed">
      Time, optional kind ({Object.keys(kindMeta).join(', ')}), then what happened. Enter adds it on {day ? formatCalendarDay(day) : 'the day beside it'}; times are in {userTimeZone}.
    </Text>
  );

  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <TextInput type="date" label="Day" description="Each line lands on this day" value={day} onChange={(e) => setDay(e.currentTarget.value)} w={150} />
      <Stack gap={4} style={{ flex: 1 }}>
        <TextInput
          ref={input}
          label="Add an event"
          placeholder="14:02 detection PagerDuty alert fired"
          value={line}
          onChange={(e) => {
            setLine(e.currentTarget.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
          error={error}
          aria-describedby="quick-entry-help"
          data-testid="quick-entry"
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 14 } }}
        />
        {!error && <div id="quick-entry-help">{preview}</div>}
        <LanguageHints text={parsed?.ok ? parsed.text : ''} label="the new event" />
      </Stack>
    </Group>
  );
}
