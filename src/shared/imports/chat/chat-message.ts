/** A chat message proposed as a timeline entry, with where it came from. */
export interface ProposedChatEntry {
  /** ISO 8601 with the offset of the chosen zone (UTC when none was chosen). */
  occurredAt: string;
  author: string;
  text: string;
  provenance: {
    source: 'slack_export' | 'transcript' | 'slack_api';
    /** The channel, for an export. */
    channel: string | null;
    /** The file inside the archive (`incidents/2024-03-05.json`) or null for a pasted transcript. */
    file: string | null;
    /** Slack's message id (its `ts`), or the transcript line the message starts on. */
    ref: string;
    /** The message as it was written. */
    excerpt: string;
  };
}

export interface ChatWindow {
  /** Inclusive, ISO 8601. */
  from?: string | null;
  /** Inclusive, ISO 8601. */
  to?: string | null;
}

export const inWindow = (epochMs: number, window: ChatWindow): boolean =>
  (!window.from || epochMs >= Date.parse(window.from)) && (!window.to || epochMs <= Date.parse(window.to));
