import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * The peers notifications talk to, in the tests: a real SMTP server (smtp-server) that keeps each
 * message it receives, a Slack Web API stand-in answering with responses recorded from Slack's
 * documentation (test/fixtures/slack-api), and a receiver for outbound webhooks.
 */

export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  body: string;
  parts: MimePart[];
}

/** A small MIME reader (what nodemailer writes): headers, multipart bodies, base64 and quoted-printable. */
export function parseMime(raw: string): MimePart {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const rest = raw.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.startsWith('multipart/') && boundary) {
    const chunks = rest.split(`--${boundary}`).slice(1, -1);
    return { headers, contentType, body: '', parts: chunks.map((chunk) => parseMime(chunk.replace(/^\r\n/, ''))) };
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let body = rest.replace(/\r\n$/, '');
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  return { headers, contentType, body, parts: [] };
}

/** Every leaf part of a message, depth first. */
export const leaves = (part: MimePart): MimePart[] => (part.parts.length ? part.parts.flatMap(leaves) : [part]);

/** RFC 2047 encoded words, as nodemailer writes a subject that is not plain ASCII. */
export const decodeHeader = (value: string): string =>
  value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  receivedAt: number;
  mime: MimePart;
  text: string;
  html: string;
  attachments: MimePart[];
}

export async function startSmtpPeer() {
  const received: ReceivedMail[] = [];
  let refuseNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuseNext > 0) {
          refuseNext--;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        const mime = parseMime(Buffer.concat(chunks).toString('utf8'));
        const parts = leaves(mime);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeHeader(mime.headers.subject ?? ''),
          receivedAt: Date.now(),
          mime,
          text: parts.find((p) => p.contentType.startsWith('text/plain'))?.body ?? '',
          html: parts.find((p) => p.contentType.startsWith('text/html'))?.body ?? '',
          attachments: parts.filter((p) => /attachment/i.test(p.headers['content-disposition'] ?? '')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The next `n` messages get a temporary failure (451): the sender must retry. */
    refuse: (n: number) => void (refuseNext = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures/slack-api', name), 'utf8');

export interface SlackCall {
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

/**
 * Slack's Web API as the tests see it: checks each request as Slack would (the bot token as a
 * Bearer header, chat.postMessage's required `channel` and `text` or `blocks`, blocks a JSON
 * array of typed blocks) and answers a recorded response: ok, or Slack's own error for the fault.
 */
export async function startSlackPeer(token: string) {
  const calls: SlackCall[] = [];
  const problems: string[] = [];
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const contentType = request.headers['content-type'];
      const body: Record<string, unknown> = contentType?.includes('application/json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
      calls.push({ method, authorization: request.headers.authorization, contentType, body });
      const answer = (file: string) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(fixture(file));
      };
      if (request.method !== 'POST' || method !== 'chat.postMessage') {
        problems.push(`unexpected ${request.method} ${request.url}`);
        response.writeHead(404).end();
        return;
      }
      if (request.headers.authorization !== `Bearer ${token}`) return answer('chat.postMessage.not_authed.json');
      if (typeof body.channel !== 'string' || body.channel === '') return answer('chat.postMessage.channel_not_found.json');
      if (body.channel === 'C0GONE') return answer('chat.postMessage.channel_not_found.json');
      const blocks = typeof body.blocks === 'string' ? (JSON.parse(body.blocks) as unknown) : body.blocks;
      if (typeof body.text !== 'string' && blocks === undefined) problems.push('chat.postMessage without text or blocks');
      if (blocks !== undefined && (!Array.isArray(blocks) || !blocks.every((b) => typeof (b as { type?: unknown }).type === 'string'))) problems.push('blocks is not an array of typed blocks');
      answer('chat.postMessage.ok.json');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { apiUrl: `http://127.0.0.1:${port}/api/`, calls, problems, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface WebhookCall {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Receives outbound webhooks; answers `status` (200 unless told otherwise). */
export async function startWebhookReceiver() {
  const calls: WebhookCall[] = [];
  const statuses: number[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      calls.push({ headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, calls, answerNext: (...s: number[]) => statuses.push(...s), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
