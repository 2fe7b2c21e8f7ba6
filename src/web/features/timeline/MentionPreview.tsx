import { Badge, Button, Group, Text } from '@mantine/core';
import { IconAt } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { findMentions, type Mentionable } from '../../../shared/accounts/mentions.js';
import { usePeopleSearch } from '../../ui/people/people-options.js';
import { mentionInProgress } from './mention-in-progress.js';

/**
 * As a comment is typed: the people its `@mentions` will name (the rule the server applies,
 * shared/accounts/mentions.ts), and suggestions that complete the name being typed.
 */
export function MentionPreview({ text, onComplete }: { text: string; onComplete: (text: string) => void }) {
  const typing = mentionInProgress(text);
  const { found } = usePeopleSearch(typing?.split(/\s+/)[0] ?? '', typing !== null && typing.length > 0);
  const [known, setKnown] = useState<Map<number, Mentionable>>(new Map());
  useEffect(() => {
    if (found.length === 0) return;
    setKnown((old) => {
      const next = new Map(old);
      for (const person of found) next.set(person.id, { id: person.id, name: person.name, email: '' });
      return next;
    });
  }, [found]);
  const mentioned = useMemo(() => findMentions(text, [...known.values()]).map((id) => known.get(id)!), [text, known]);
  const suggestions = typing ? found.filter((p) => p.name.toLowerCase() !== typing.toLowerCase()).slice(0, 5) : [];
  if (mentioned.length === 0 && suggestions.length === 0) return null;

  return (
    <Group gap={6} data-testid="mention-preview">
      {mentioned.length > 0 && (
        <>
          <Text fz="xs" c="dimmed">
            Mentions
          </Text>
          {mentioned.map((p) => (
            <Badge key={p.id} size="sm" variant="light" leftSection={<IconAt size={11} />}>
              {p.name}
            </Badge>
          ))}
        </>
      )}
      {suggestions.map((p) => (
        <Button key={p.id} size="compact-xs" variant="default" onClick={() => onComplete(`${text.slice(0, text.length - (typing?.length ?? 0))}${p.name} `)}>
          @{p.name}
        </Button>
      ))}
    </Group>
  );
}
