import { DateTime } from 'luxon';
import { inWindow, type ChatWindow, type ProposedChatEntry } from './chat-message.js';

/**
 * Slack's standard export archive, as unzipped: `users.json`, `channels.json` and one folder per
 * channel holding a file per day (`incidents/2024-03-05.json`), each an array of messages with
 * `ts` (epoch seconds as text), `user`, `text` and, for events rather than speech, a `subtype`.
 */
export type ArchiveFiles = Record<string, string>;

interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string };
}

interface SlackMessage {
  type?: string;
  subtype?: string;
  ts?: string;
  user?: string;
  username?: string;
  user_profile?: { real_name?: string; display_name?: string };
  text?: string;
}

/** Joins, leaves, topic and pin notices say nothing about the incident. */
const NOISE_SUBTYPES = new Set(['channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name', 'pinned_item', 'unpinned_item']);
const DAY_FILE = /^(?:.*\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** `<@U123>` → `@Ada`, `<#C1|incidents>` → `#incidents`, `<https://x|label>` → `label (https://x)`, entities decoded. */
export function slackText(text: string, nameOf: (id: string) => string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_all, id: string) => `@${nameOf(id)}`)
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

export interface SlackReadOptions extends ChatWindow {
  /** Only this channel (its folder name); every channel when absent. */
  channel?: string | null;
  /** The zone to write instants in (IANA); UTC when absent. */
  timeZone?: string | null;
}

/** The messages of an export, in time order, inside the window: proposed entries, each naming its channel, file and `ts`. */
export function readSlackExport(files: ArchiveFiles, options: SlackReadOptions = {}): { entries: ProposedChatEntry[]; channels: string[] } {
  const users = parseJson<SlackUser[]>(Object.entries(files).find(([path]) => /(?:^|\/)users\.json$/.test(path))?.[1], []);
  const names = new Map(users.map((u) => [u.id, u.profile?.display_name || u.real_name || u.profile?.real_name || u.name || u.id]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const channels = new Set<string>();
  const found: Array<{ ms: number; entry: ProposedChatEntry }> = [];
  for (const [path, content] of Object.entries(files)) {
    const match = DAY_FILE.exec(path);
    if (!match) continue;
    const channel = match[1]!;
    channels.add(channel);
    if (options.channel && channel !== options.channel) continue;
    for (const message of parseJson<SlackMessage[]>(content, [])) {
      if (!message.ts || !message.text || (message.subtype && NOISE_SUBTYPES.has(message.subtype))) continue;
      // The part after the dot tells messages of one second apart; the time is the whole seconds.
      const ms = Math.floor(Number(message.ts)) * 1000;
      if (!Number.isFinite(ms) || !inWindow(ms, options)) continue;
      const author = message.user ? nameOf(message.user) : (message.user_profile?.display_name || message.user_profile?.real_name || message.username || 'unknown');
      const at = DateTime.fromMillis(ms, { zone: options.timeZone ?? 'UTC' });
      found.push({
        ms,
        entry: {
          occurredAt: at.toISO({ suppressMilliseconds: true })!,
          author,
          text: slackText(message.text, nameOf),
          provenance: { source: 'slack_export', channel, file: path, ref: message.ts, excerpt: message.text },
        },
      });
    }
  }
  found.sort((a, b) => a.ms - b.ms);
  return { entries: found.map((f) => f.entry), channels: [...channels].sort() };
}
