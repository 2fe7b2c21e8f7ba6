import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { PresenceEntry } from '../../../../../shared/live/live-protocol.js';
import { describeEditingField } from '../../../../api/live-describe.js';
import { usePresence } from '../../../../app/live/use-live.js';
import { useSession } from '../../../../app/session.js';
import { initials } from '../../../../app/UserMenu.js';

const palette = ['blue', 'grape', 'teal', 'orange', 'cyan', 'pink', 'lime', 'indigo'];
/** A colour per person that stays the same wherever they appear. */
export const personColor = (person: Pick<PresenceEntry, 'userId' | 'name'>) => palette[(person.userId ?? [...person.name].reduce((sum, c) => sum + c.charCodeAt(0), 0)) % palette.length]!;

const isMe = (entry: PresenceEntry, me: number | null) => me !== null && entry.userId === me;

/** One entry per person (someone may have the review open in several tabs), editing what any of them edits. */
export function byPerson(people: PresenceEntry[]): PresenceEntry[] {
  const seen = new Map<string, PresenceEntry>();
  for (const entry of people) {
    const key = entry.userId !== null ? `user:${entry.userId}` : `name:${entry.name}`;
    const known = seen.get(key);
    seen.set(key, known ? { ...known, editing: known.editing ?? entry.editing } : entry);
  }
  return [...seen.values()];
}

/** Who has the review open right now, and what each is editing. */
export function PresenceBar({ reviewId }: { reviewId: number }) {
  const people = byPerson(usePresence(reviewId));
  const { user } = useSession();
  const me = user?.id ?? null;
  if (people.length === 0) return null;
  // You first, then the others by name.
  const sorted = [...people].sort((a, b) => Number(isMe(b, me)) - Number(isMe(a, me)) || a.name.localeCompare(b.name));
  const others = sorted.filter((p) => !isMe(p, me)).length;
  return (
    <Group gap={8} wrap="nowrap" data-testid="presence" aria-label={`${people.length} ${people.length === 1 ? 'person has' : 'people have'} this review open`} role="group">
      <Avatar.Group spacing={6}>
        {sorted.slice(0, 5).map((p) => {
          const label = `${isMe(p, me) ? `${p.name} (you)` : p.name}${p.editing ? `: editing ${describeEditingField(p.editing)}` : ''}`;
          return (
            <Tooltip key={`${p.userId ?? p.name}`} label={label} withArrow>
              <Avatar size={30} radius="xl" color={personColor(p)} variant={isMe(p, me) ? 'light' : 'filled'} role="img" aria-label={label} data-testid="presence-person" data-name={p.name}>
                {initials(p.name)}
              </Avatar>
            </Tooltip>
          );
        })}
        {sorted.length > 5 && (
          <Avatar size={30} radius="xl" role="img" aria-label={`${sorted.length - 5} more`}>
            +{sorted.length - 5}
          </Avatar>
        )}
      </Avatar.Group>
      <Text fz="xs" c="dimmed" visibleFrom="md">
        {others === 0 ? 'Only you' : `${others} other${others === 1 ? '' : 's'} here`}
      </Text>
    </Group>
  );
}

/** "Priya Shah is editing", next to the field someone else is editing now. */
export function EditingNow({ reviewId, field }: { reviewId: number; field: string }) {
  const people = usePresence(reviewId);
  const { user } = useSession();
  const editing = byPerson(people.filter((p) => p.editing === field && !isMe(p, user?.id ?? null)));
  if (editing.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="editing-now">
      <Avatar.Group spacing={4}>
        {editing.map((p) => (
          <Avatar key={`${p.userId ?? p.name}`} size={20} radius="xl" color={personColor(p)} variant="filled">
            {initials(p.name)}
          </Avatar>
        ))}
      </Avatar.Group>
      <Text fz="xs" c="dimmed" fs="italic">
        {editing.map((p) => p.name).join(', ')} {editing.length === 1 ? 'is' : 'are'} editing
      </Text>
    </Group>
  );
}
