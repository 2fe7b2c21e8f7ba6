import type { Executor } from '../context.js';
import { systemActor, type Actor } from './actor.js';

/**
 * Who may see the same incidents, so figures computed for one may be shown to all of them:
 * everyone (admins), the unrestricted incidents (anyone who is a member of no restricted incident),
 * or one member's own set. Shared figures (trend snapshots, the weekly digest) are computed as the
 * reader's actor, never as whoever asked: someone who joins a restricted incident while figures are
 * computed must not bring it into figures others are shown.
 */
export type Reader = { kind: 'all' } | { kind: 'unrestricted' } | { kind: 'member'; userId: number };

export async function readerOf(db: Executor, actor: Actor | null): Promise<Reader> {
  if (actor?.role === 'admin') return { kind: 'all' };
  if (actor?.userId == null || !(await isMemberOfRestricted(db, actor.userId))) return { kind: 'unrestricted' };
  return { kind: 'member', userId: actor.userId };
}

/** Sees exactly the unrestricted incidents: no account, so a member of nothing. */
export const unrestrictedReader: Actor = { userId: null, name: 'everyone', role: 'viewer' };

/** The actor who sees what `reader` sees: `member` is the member themself. */
export const actorOfReader = (reader: Reader, member: Actor): Actor => (reader.kind === 'all' ? systemActor : reader.kind === 'unrestricted' ? unrestrictedReader : member);

async function isMemberOfRestricted(db: Executor, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('incident_members')
    .innerJoin('incidents', 'incidents.id', 'incident_members.incident_id')
    .select('incident_members.incident_id')
    .where('incident_members.user_id', '=', userId)
    .where('incidents.restricted', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
