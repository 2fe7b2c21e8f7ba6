/**
 * What the redaction finder (redaction.ts) reports, and applying the author's choices: apart from
 * the finder, so the web app's sharing flow does not load its language model (compromise).
 */
import type { DomainSettings } from './hostnames.js';

export const redactionKinds = ['person', 'email', 'hostname', 'ip', 'link', 'ticket'] as const;
export type RedactionKind = (typeof redactionKinds)[number];

export interface RedactionFinding {
  start: number;
  end: number;
  kind: RedactionKind;
  text: string;
  replacement: string;
}

/** Someone the review knows of: an account (name and e-mail) or a name given on the review. */
export interface KnownPerson {
  name: string;
  email?: string | null;
}

export type RedactionSettings = DomainSettings;

export const replacements: Record<RedactionKind, string> = {
  person: '[engineer]',
  email: '[email address]',
  hostname: '[internal host]',
  ip: '[IP address]',
  link: '[internal link]',
  ticket: '[ticket]',
};

/** The text with each of `findings` replaced by its replacement (findings from `findRedactions` on this text). */
export function applyRedactions(text: string, findings: ReadonlyArray<Pick<RedactionFinding, 'start' | 'end' | 'replacement'>>): string {
  let result = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    result += text.slice(at, f.start) + f.replacement;
    at = f.end;
  }
  return result + text.slice(at);
}
