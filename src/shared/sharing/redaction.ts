/**
 * What must not leave the organisation in an external summary: people's names, internal hostnames,
 * IP addresses, e-mail addresses, internal links and ticket numbers. Pure: the text in, the spans
 * to redact out, each with a suggested replacement; the author decides on each (redact or keep).
 * Precision matters as much as recall: a summary full of false findings teaches authors to keep
 * them all, so versions, times, product names and allow-listed public links are left alone.
 */
import nlp from 'compromise';
import { findHostnames, hostIsInternal, matchesDomain } from './hostnames.js';
import { replacements, type KnownPerson, type RedactionFinding, type RedactionKind, type RedactionSettings } from './redaction-kinds.js';

export * from './redaction-kinds.js';

type Candidate = Omit<RedactionFinding, 'text' | 'replacement'>;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`\]]+/gi;
const EMAIL_PATTERN = /(?<![\w.%+-])[\w.%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_PATTERN = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?:\\/(?:3[0-2]|[12]?\\d))?(?!\\.?\\d|\\w)`, 'g');
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:\/\d{1,3})?(?![\w:])/gi;
/** Tracker keys (INC-42, OPS-1234) but not standards or algorithms that look the same. */
const TICKET_KEY_PATTERN = /(?<![\w-])[A-Z][A-Z0-9]{1,9}-\d{1,7}(?![\w-])/g;
const NOT_TICKETS = new Set(['SHA', 'UTF', 'ISO', 'COVID', 'AES', 'RSA', 'HTTP', 'TLS', 'SSL', 'MP3', 'MP4', 'CVE', 'RFC', 'GPT', 'X86', 'ECDSA', 'ED25519', 'P256', 'PEP', 'GHSA', 'IPV4', 'IPV6', 'EC2', 'T2', 'T3', 'M5', 'C5', 'R5', 'SEV', 'P', 'UTC', 'GMT', 'PM', 'AM']);
/** `#1234`; one digit alone is more often "the #1 cause" than a ticket. */
const TICKET_HASH_PATTERN = /(?<![\w&#/])#\d{2,7}(?!\w)/g;

/** Trailing punctuation belongs to the sentence, and a closing parenthesis to Markdown unless the URL opened one. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last && '.,;:!?*_'.includes(last)) end -= 1;
    else if (last === ')' && (url.slice(0, end).match(/\(/g) ?? []).length < (url.slice(0, end).match(/\)/g) ?? []).length) end -= 1;
    else return url.slice(0, end);
  }
}

function findLinks(text: string, settings: RedactionSettings): Candidate[] {
  return [...text.matchAll(URL_PATTERN)].flatMap((match) => {
    const url = trimUrl(match[0]);
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return [];
    }
    const isPublic = !hostIsInternal(host, settings) && settings.publicDomains.some((domain) => matchesDomain(host, domain));
    return isPublic ? [] : [{ start: match.index, end: match.index + url.length, kind: 'link' as const }];
  });
}

const spansOf = (text: string, pattern: RegExp, kind: RedactionKind, keep: (found: string) => boolean = () => true): Candidate[] =>
  [...text.matchAll(pattern)].filter((m) => keep(m[0])).map((m) => ({ start: m.index, end: m.index + m[0].length, kind }));

/** An IPv6 address, not a time (12:30:45) or a stray colon run: eight groups, or fewer around one `::`. */
function isIpv6(candidate: string): boolean {
  const address = candidate.split('/')[0]!;
  const compressed = address.split('::').length - 1;
  // Real addresses have digits; "a::b" is more likely code.
  if (compressed > 1 || !/\d/.test(address)) return false;
  const groups = address.split(':').filter(Boolean);
  if (groups.length === 0) return false;
  return compressed === 1 ? groups.length <= 7 : groups.length === 8;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each known person's full name, then each name part of two letters or more (a first name alone,
 * a surname alone), matched capitalised as written, whole words only; "Priya's" is found through
 * "Priya". Longer variants first, so a full name is one finding.
 */
function findKnownPeople(text: string, people: KnownPerson[]): Candidate[] {
  const variants = new Set<string>();
  for (const person of people) {
    const name = person.name.trim();
    if (!name || name.includes('@')) continue;
    variants.add(name);
    for (const part of name.split(/\s+/)) if (part.length >= 2 && /^\p{Lu}/u.test(part)) variants.add(part.replace(/[.,]$/, ''));
  }
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_@.-])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_@-])`, 'gu');
  return spansOf(text, pattern, 'person');
}

type CompromisePerson = { offset: { start: number; length: number }; terms: Array<{ tags: string[] }> };
/** Capitalised words from where compromise's match starts: its offsets can run on over brackets and the next word. */
const NAME_WORDS = /^\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s\p{Lu}\.?(?=\s|$)|\s\p{Lu}[\p{L}'’-]*)*/u;

/** compromise's people (its first-name and surname lexicons), starting with a known first name or surname. */
function findLikelyPeople(text: string): Candidate[] {
  const found = nlp(text).people().json({ offset: true, terms: { tags: true } }) as CompromisePerson[];
  return found.flatMap(({ offset, terms }) => {
    const tags = terms[0]?.tags ?? [];
    if (!tags.includes('FirstName') && !tags.includes('LastName')) return [];
    const raw = text.slice(offset.start, offset.start + offset.length);
    const leading = raw.length - raw.replace(/^[\s("'‘“@]+/u, '').length;
    const name = NAME_WORDS.exec(raw.slice(leading))?.[0].replace(/['’]s$/u, '');
    return name ? [{ start: offset.start + leading, end: offset.start + leading + name.length, kind: 'person' as const }] : [];
  });
}

/** The first of overlapping candidates wins: earlier start, then the longer span, then the earlier detector. */
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = candidates.map((c, order) => ({ c, order })).sort((a, b) => a.c.start - b.c.start || b.c.end - a.c.end || a.order - b.order);
  const kept: Candidate[] = [];
  for (const { c } of sorted) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) kept.push(c);
  }
  return kept;
}

export interface RedactionInput {
  people: KnownPerson[];
  settings: RedactionSettings;
  /** Also names compromise recognises as people (default true). */
  guessNames?: boolean;
}

/** Every span of `text` to offer for redaction, in text order, none overlapping. */
export function findRedactions(text: string, { people, settings, guessNames = true }: RedactionInput): RedactionFinding[] {
  const knownEmails = people.flatMap((p) => (p.email ? [p.email] : []));
  const candidates: Candidate[] = [
    ...findLinks(text, settings),
    ...spansOf(text, EMAIL_PATTERN, 'email'),
    ...spansOf(text, IPV4_PATTERN, 'ip'),
    ...spansOf(text, IPV6_CANDIDATE, 'ip', isIpv6),
    ...findHostnames(text, settings).map((span) => ({ ...span, kind: 'hostname' as const })),
    ...spansOf(text, TICKET_KEY_PATTERN, 'ticket', (key) => !NOT_TICKETS.has(key.split('-')[0]!)),
    ...spansOf(text, TICKET_HASH_PATTERN, 'ticket'),
    ...findKnownPeople(text, people),
    ...(knownEmails.length ? spansOf(text, new RegExp(knownEmails.map(escapeRegExp).join('|'), 'gi'), 'email') : []),
    ...(guessNames ? findLikelyPeople(text) : []),
  ];
  return withoutOverlaps(candidates).map((c) => ({ ...c, text: text.slice(c.start, c.end), replacement: replacements[c.kind] }));
}
