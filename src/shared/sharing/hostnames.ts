/**
 * Which hostnames are internal: names under internal top-level domains (.internal, .local, .corp,
 * ...) or the organisation's own domains, and host-like tokens (db-primary-03, ip-10-0-1-5) that
 * name machines whatever their domain. Pure.
 */

export interface DomainSettings {
  /** The organisation's own domains (corp.example.com): every name under them is internal. */
  internalDomains: string[];
  /** Public domains whose links may stay (status page, docs, GitHub); any other link is offered for redaction. */
  publicDomains: string[];
}

/** Top-level names that never resolve on the public Internet, and Kubernetes' in-cluster suffixes. */
const INTERNAL_TLDS = new Set(['internal', 'local', 'localdomain', 'localhost', 'corp', 'lan', 'intra', 'intranet', 'home', 'private', 'svc', 'cluster']);

/** First segments of hyphen-number words that are not machines (utf-8, covid-19, sha-256, top-10, tier-1, ...). */
const NOT_HOST_PREFIXES = new Set([
  'utf', 'covid', 'sha', 'iso', 'rfc', 'aes', 'rsa', 'md', 'base', 'ipv', 'http', 'mp', 'win', 'windows', 'python', 'py', 'log4j',
  'top', 'day', 'days', 'phase', 'step', 'tier', 'level', 'week', 'year', 'sev', 'p', 'x', 'v', 'pre', 'post', 'non', 'under', 'over',
  'y2k', 'f', 'h', 'k', 'q', 't', 'e', 'cve', 'pep', 'gpt', 'ecma', 'es', 'ansi', 'latin', 'ucs', 'crc', 'hmac', 'ed', 'kb', 'mb', 'gb',
]);

/** A machine-like name: lowercase words joined by hyphens ending in a number (web-01, db-primary-03, ip-10-0-1-5). */
const HOST_LIKE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{1,4}[a-z]?$/;

/** Cloud regions (eu-central-1, us-east-2) look like machines but are public names. */
const REGION = /^[a-z]{2}-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/;

export function isHostLikeLabel(label: string): boolean {
  return HOST_LIKE.test(label) && !NOT_HOST_PREFIXES.has(label.split('-')[0]!) && !REGION.test(label);
}

const normalise = (name: string) => name.toLowerCase().replace(/^\.+|\.+$/g, '');

/** `host` is `domain` or a name under it. */
export function matchesDomain(host: string, domain: string): boolean {
  const h = normalise(host);
  const d = normalise(domain);
  return d !== '' && (h === d || h.endsWith(`.${d}`));
}

const isIpLiteral = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');

export function hostIsInternal(host: string, settings: Pick<DomainSettings, 'internalDomains'>): boolean {
  const h = normalise(host);
  if (isIpLiteral(h) || !h.includes('.')) return true;
  const labels = h.split('.');
  // A machine's name under any domain, but not a file name (kolibri-0.6.dev1.pex): a host's other labels start with a letter.
  const machineName = isHostLikeLabel(labels[0]!) && labels.slice(1).every((label) => /^[a-z]/.test(label));
  return INTERNAL_TLDS.has(labels[labels.length - 1]!) || machineName || settings.internalDomains.some((domain) => matchesDomain(h, domain));
}

const FQDN = /(?<![\w.@/:-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?![\w-]|\.[a-z0-9])/gi;
const TOKEN = /(?<![\w.@/:-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{1,4}[a-z]?(?![\w-]|\.[a-z0-9])/g;

/** Spans of internal hostnames: internal dotted names and bare host-like tokens. */
export function findHostnames(text: string, settings: Pick<DomainSettings, 'internalDomains'>): Array<{ start: number; end: number }> {
  const dotted = [...text.matchAll(FQDN)].filter((m) => hostIsInternal(m[0], settings));
  const bare = [...text.matchAll(TOKEN)].filter((m) => isHostLikeLabel(m[0]));
  return [...dotted, ...bare].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
