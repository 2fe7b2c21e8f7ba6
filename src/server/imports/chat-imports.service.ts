import { strFromU8, unzipSync } from 'fflate';
import type { ChatImportRequest, ChatImportResult } from '../../shared/imports/chat/chat-import.schema.js';
import { chatTimelineEntry } from '../../shared/imports/chat/chat-entry.js';
import type { ProposedChatEntry } from '../../shared/imports/chat/chat-message.js';
import { readSlackExport } from '../../shared/imports/chat/slack-export.js';
import { readTranscript } from '../../shared/imports/chat/transcript.js';
import type { AppContext } from '../context.js';
import { invalidField } from '../http/version-conflict.js';
import { readSlackChannel } from './slack-api.js';

/** Most JSON an archive may unpack to: a channel export is text, and a zip bomb is refused early. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

function unpackJson(base64: string): Record<string, string> {
  let total = 0;
  try {
    const files = unzipSync(Buffer.from(base64, 'base64'), {
      filter: (file) => {
        if (!file.name.endsWith('.json')) return false;
        total += file.originalSize;
        if (total > MAX_UNPACKED_BYTES) throw new Error('too large');
        return true;
      },
    });
    return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  } catch (error) {
    const tooLarge = error instanceof Error && error.message === 'too large';
    throw invalidField('archive', tooLarge ? `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB of JSON` : 'is not a zip archive (base64)');
  }
}

/** Chat messages proposed as timeline entries, with their provenance; nothing is stored (the chosen ones are added with the timeline's batch route). */
export async function proposeChatEntries(ctx: AppContext, request: ChatImportRequest): Promise<ChatImportResult> {
  const proposed = await readChat(ctx, request);
  return { ...proposed, entries: proposed.entries.map((entry) => ({ ...entry, entry: chatTimelineEntry(entry) })) };
}

async function readChat(ctx: AppContext, request: ChatImportRequest): Promise<{ entries: ProposedChatEntry[]; channels: string[]; warnings: string[] }> {
  const window = { from: request.from ?? null, to: request.to ?? null, timeZone: request.timeZone ?? null };
  if (request.format === 'slack_api') {
    const read = await readSlackChannel(ctx.config.slack, { channel: request.channel!, from: request.from!, to: request.to!, timeZone: request.timeZone ?? null });
    return { ...read, channels: [request.channel!] };
  }
  if (request.format === 'transcript') return { ...readTranscript(request.text ?? '', { ...window, date: request.date ?? null }), channels: [] };
  const files = unpackJson(request.archive ?? '');
  const { entries, channels } = readSlackExport(files, { ...window, channel: request.channel ?? null });
  const warnings = request.channel && !channels.includes(request.channel) ? [`The archive has no channel "${request.channel}" (it has ${channels.join(', ') || 'none'}).`] : [];
  return { entries, channels, warnings };
}
