import { WebClient, type Block, type KnownBlock } from '@slack/web-api';
import nodemailer, { type Transporter } from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import type { WebhookPayload } from '../../shared/notifications/notification.schema.js';
import type { Config } from '../config.js';
import { PermanentJobError } from '../jobs/job-definition.js';
import { messageHtml, messageText, type Message } from './message.js';

/**
 * The three ways out (docs/integrations.md): e-mail over SMTP (nodemailer), Slack (Web API with a
 * bot token, or an incoming webhook) and signed outbound webhooks (Standard Webhooks). Each answers
 * a short note of what the peer said, kept with the delivery; a refusal that no retry can change is
 * a PermanentJobError.
 */

type NotificationsConfig = Config['notifications'];

/** One pooled transport per server (a few connections kept open, reused by every delivery job of this instance). */
const transports = new Map<string, Transporter>();
const transportFor = (url: string) => {
  let transport = transports.get(url);
  if (!transport) transports.set(url, (transport = nodemailer.createTransport({ url, pool: true, maxConnections: 5 })));
  return transport;
};

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so a repeat after a crash is recognisable as the same mail. */
  messageId: string;
  ics?: string;
}

export async function sendMail(config: NotificationsConfig, mail: Mail): Promise<string> {
  if (!config.smtp) throw new PermanentJobError('E-mail is not configured (HINDSIGHT_SMTP_URL)');
  try {
    const info = await transportFor(config.smtp.url).sendMail({
      from: config.smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      ...(mail.ics
        ? {
            icalEvent: { method: 'REQUEST', content: mail.ics },
            attachments: [{ filename: 'invitation.ics', content: mail.ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }],
          }
        : {}),
    });
    return `smtp ${String(info.response ?? '').slice(0, 200)}`;
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    // 5xx: the server refused this mail for good (unknown mailbox, policy); 4xx and network errors are retried.
    if (code !== undefined && code >= 500) throw new PermanentJobError(`SMTP refused the mail: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}

export const mailOf = (message: Message, to: string, deliveryKey: string, host: string): Mail => ({
  to,
  subject: message.subject,
  text: messageText(message),
  html: message.html ?? messageHtml(message),
  messageId: `<${deliveryKey.replace(/[^A-Za-z0-9.:_-]/g, '_')}@${host}>`,
  ...(message.ics ? { ics: message.ics } : {}),
});

/** The message as Block Kit: the subject linked, the text, and a button to open it. */
export function slackBlocks(message: Message): Array<KnownBlock | Block> {
  const mrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `*<${message.link}|${mrkdwn(message.subject)}>*\n${mrkdwn(message.text)}` } },
    { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Hindsight' }, url: message.link, action_id: 'open' }] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Hindsight · ${message.kind}` }] },
  ];
}

/** Slack errors no retry fixes (https://api.slack.com/methods/chat.postMessage#errors). */
const permanentSlackErrors = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'no_permission', 'missing_scope', 'invalid_blocks', 'msg_too_long', 'user_not_found', 'cannot_dm_bot']);

/** Posts to `channel` (a channel ID or name, or a member ID for a direct message) with the bot token; or to the incoming webhook's channel. */
export async function postToSlack(config: NotificationsConfig, channel: string, message: Message, signal: AbortSignal): Promise<string> {
  const slack = config.slack;
  if (!slack) throw new PermanentJobError('Slack is not configured (HINDSIGHT_SLACK_TOKEN or HINDSIGHT_SLACK_WEBHOOK_URL)');
  const text = `${message.subject}: ${message.text}`;
  const blocks = slackBlocks(message);
  if (slack.token) {
    const client = new WebClient(slack.token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    try {
      const answer = await client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
      return `slack ${answer.channel ?? channel} ${answer.ts ?? ''}`.trim();
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code && permanentSlackErrors.has(code)) throw new PermanentJobError(`Slack refused the message: ${code}`, { cause: error });
      throw error;
    }
  }
  const response = await fetch(slack.webhookUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, blocks }), signal });
  const body = (await response.text()).slice(0, 200);
  if (response.ok) return `slack webhook ${response.status} ${body}`;
  if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new PermanentJobError(`Slack's webhook answered ${response.status} ${body}`);
  throw new Error(`Slack's webhook answered ${response.status} ${body}`);
}

/** The body of an outbound webhook: Standard Webhooks' envelope. */
export const webhookPayload = (message: Message, at: Date): WebhookPayload => ({
  type: `hindsight.${message.kind}`,
  timestamp: at.toISOString(),
  data: {
    kind: message.kind,
    subject: message.subject,
    text: message.text,
    link: message.link,
    incidentId: message.incidentId,
    reviewId: message.reviewId,
    actionItemId: message.actionItemId,
  },
});

/**
 * Sends a signed webhook (https://www.standardwebhooks.com): `webhook-id` is the delivery's key, the
 * same on every retry so the receiver can drop repeats; `webhook-signature` is `v1,<HMAC-SHA256>`
 * of `id.timestamp.body` with the endpoint's secret.
 */
export async function sendWebhook(url: string, secret: string, id: string, message: Message, now: Date, signal: AbortSignal): Promise<string> {
  const body = JSON.stringify(webhookPayload(message, now));
  const signature = new Webhook(secret).sign(id, now, body);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Hindsight-Webhooks/1',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body,
    signal,
    redirect: 'manual',
  });
  await response.body?.cancel();
  if (response.ok) return `webhook ${response.status}`;
  // Standard Webhooks: 2xx is success; anything else is retried, except a refusal no retry changes.
  if ([400, 401, 403, 404, 410, 413, 422].includes(response.status)) throw new PermanentJobError(`The endpoint answered ${response.status}`);
  throw new Error(`The endpoint answered ${response.status}`);
}
