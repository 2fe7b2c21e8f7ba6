import type { NotificationKind } from '../../shared/notifications/notification.schema.js';

/** One message, as every channel renders it: stored with each delivery, so a retry sends the same. */
export interface Message {
  kind: NotificationKind;
  /** Unique per message (not per recipient): e.g. `event:42:review.owner`, `review.due_soon:7:1767225599999`. */
  key: string;
  subject: string;
  /** One or two plain sentences. */
  text: string;
  link: string;
  incidentId: number | null;
  reviewId: number | null;
  actionItemId: number | null;
  /** An iCalendar invitation sent with the e-mail (meeting invitations). */
  ics?: string;
  /** The e-mail's whole HTML part, when richer than the text's paragraphs (the weekly digest's page). */
  html?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The e-mail's HTML part: the text, and a link to open the page. */
export function messageHtml(message: Pick<Message, 'subject' | 'text' | 'link'>): string {
  return [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<h2 style="font-size: 16px">${escapeHtml(message.subject)}</h2>`,
    ...message.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(message.link)}">Open in Hindsight</a></p>`,
    '</body></html>',
  ].join('\n');
}

/** The e-mail's plain-text part. */
export const messageText = (message: Pick<Message, 'text' | 'link'>): string => `${message.text}\n\nOpen in Hindsight: ${message.link}\n`;

/** The daily digest of several messages, as one e-mail. */
export function digestOf(messages: Message[], date: string): { subject: string; text: string; html: string } {
  const subject = `Hindsight: ${messages.length} notification${messages.length === 1 ? '' : 's'} for ${date}`;
  const text = messages.map((m) => `- ${m.subject}\n  ${m.text.replace(/\n/g, '\n  ')}\n  ${m.link}`).join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<h2 style="font-size: 16px">${escapeHtml(subject)}</h2><ul>`,
    ...messages.map((m) => `<li><a href="${escapeHtml(m.link)}">${escapeHtml(m.subject)}</a><br>${escapeHtml(m.text)}</li>`),
    '</ul></body></html>',
  ].join('\n');
  return { subject, text: `${text}\n`, html };
}
