import { WebClient, type WebAPICallResult } from '@slack/web-api';
import { DateTime } from 'luxon';
import type { ProposedChatEntry } from '../../shared/imports/chat/chat-message.js';
import { slackText } from '../../shared/imports/chat/slack-export.js';
import { AppError } from '../../shared/errors.js';
import type { Config } from '../config.js';
import { invalidField } from '../http/version-conflict.js';

/** Most messages one request reads (history and threads together): a long incident channel, not a year of chatter. */
const MAX_MESSAGES = 5_000;
const NOISE_SUBTYPES = new Set(['channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name', 'pinned_item', 'unpinned_item']);

interface SlackMessage {
  ts?: string;
  thread_ts?: string;
  reply_count?: number;
  user?: string;
  username?: string;
  bot_profile?: { name?: string };
  user_profile?: { real_name?: string; display_name?: string };
  subtype?: string;
  text?: string;
}
type Page = WebAPICallResult & { messages?: SlackMessage[] };

export interface SlackWindow {
  channel: string;
  from: string;
  to: string;
  timeZone: string | null;
}

/** What Slack answered, said so that the person importing can act on it (invite the bot, check the id). */
function slackProblem(error: unknown): AppError {
  const code = (error as { data?: { error?: string } }).data?.error;
  if (code === 'channel_not_found' || code === 'not_in_channel') return invalidField('channel', `Slack answered ${code}: check the channel id and invite the bot to it`);
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'missing_scope')
    return invalidField('format', `Slack refused the bot token (${code}): check HINDSIGHT_SLACK_TOKEN and its scopes (channels:history, groups:history, users:read)`);
  return new AppError('conflict', `Slack could not be read (${code ?? (error instanceof Error ? error.message : 'no answer')}); try again`);
}

/**
 * A channel's messages in a window, with the replies of its threads, read with the bot token
 * (conversations.history, conversations.replies, users.info), as proposed timeline entries.
 */
export async function readSlackChannel(config: Config['slack'], window: SlackWindow): Promise<{ entries: ProposedChatEntry[]; warnings: string[] }> {
  if (!config.botToken) throw invalidField('format', 'Slack is not connected: set HINDSIGHT_SLACK_TOKEN (docs/integrations.md)');
  const client = new WebClient(config.botToken, { slackApiUrl: config.apiUrl, retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 }, rejectRateLimitedCalls: true, timeout: 15_000 });
  const oldest = String(Date.parse(window.from) / 1000);
  const latest = String(Date.parse(window.to) / 1000);
  const warnings: string[] = [];
  const messages: SlackMessage[] = [];
  try {
    let cursor: string | undefined;
    do {
      const page = (await client.conversations.history({ channel: window.channel, oldest, latest, inclusive: true, limit: 200, ...(cursor ? { cursor } : {}) })) as Page;
      messages.push(...(page.messages ?? []));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor && messages.length < MAX_MESSAGES);
    for (const parent of messages.filter((m) => (m.reply_count ?? 0) > 0 && m.ts).slice()) {
      let replyCursor: string | undefined;
      do {
        const page = (await client.conversations.replies({ channel: window.channel, ts: parent.ts!, oldest, latest, inclusive: true, limit: 200, ...(replyCursor ? { cursor: replyCursor } : {}) })) as Page;
        // The first message of a replies page is the parent itself.
        messages.push(...(page.messages ?? []).filter((m) => m.ts !== parent.ts));
        replyCursor = page.response_metadata?.next_cursor || undefined;
      } while (replyCursor && messages.length < MAX_MESSAGES);
    }
  } catch (error) {
    throw slackProblem(error);
  }
  if (messages.length >= MAX_MESSAGES) warnings.push(`Only the first ${MAX_MESSAGES} messages were read: narrow the window.`);
  const names = await userNames(client, messages);
  const nameOf = (id: string) => names.get(id) ?? id;
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  const seen = new Set<string>();
  const found = messages
    .filter((m) => m.ts && m.text && !(m.subtype && NOISE_SUBTYPES.has(m.subtype)))
    .filter((m) => (seen.has(m.ts!) ? false : (seen.add(m.ts!), true)))
    .map((m) => ({ m, ms: Math.floor(Number(m.ts) * 1000) }))
    .filter(({ ms }) => Number.isFinite(ms) && ms >= fromMs && ms <= toMs)
    .sort((a, b) => a.ms - b.ms);
  const entries = found.map(({ m, ms }): ProposedChatEntry => ({
    occurredAt: DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone: window.timeZone ?? 'UTC' }).toISO({ suppressMilliseconds: true })!,
    author: m.user ? nameOf(m.user) : m.user_profile?.display_name || m.user_profile?.real_name || m.bot_profile?.name || m.username || 'unknown',
    text: slackText(m.text!, nameOf),
    provenance: { source: 'slack_api', channel: window.channel, file: null, ref: m.thread_ts && m.thread_ts !== m.ts ? `${m.ts} (thread ${m.thread_ts})` : m.ts!, excerpt: m.text! },
  }));
  return { entries, warnings };
}

/** Display names of the messages' authors and of the people they mention (users.info; an id stays when Slack does not say). */
async function userNames(client: WebClient, messages: SlackMessage[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const m of messages) {
    if (m.user) ids.add(m.user);
    for (const [, id] of (m.text ?? '').matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)) ids.add(id!);
  }
  const names = new Map<string, string>();
  for (const id of [...ids].slice(0, 200)) {
    try {
      const { user } = await client.users.info({ user: id });
      const name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name;
      if (name) names.set(id, name);
    } catch {
      // users:read missing, or a deleted user: the id stands.
    }
  }
  return names;
}
