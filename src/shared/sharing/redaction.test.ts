import { describe, expect, it } from 'vitest';
import { applyRedactions, findRedactions, type KnownPerson, type RedactionKind } from './redaction.js';

const settings = { internalDomains: ['acme.io'], publicDomains: ['github.com', 'status.acme.com'] };
const people: KnownPerson[] = [{ name: 'Priya Raman', email: 'p.raman@acme.io' }, { name: 'Tomasz Wójcik' }];

const found = (text: string, guessNames = true) => findRedactions(text, { people, settings, guessNames }).map((f) => [f.kind, f.text]);

describe('findRedactions finds', () => {
  const cases: Array<[string, string, Array<[RedactionKind, string]>]> = [
    ['a known full name', 'Priya Raman rolled back.', [['person', 'Priya Raman']]],
    ['a first name alone', 'Then Priya rolled back.', [['person', 'Priya']]],
    ['a possessive, leaving the suffix', "Priya's rollback and Tomasz’s fix.", [['person', 'Priya'], ['person', 'Tomasz']]],
    ['a surname with an accent', 'Wójcik paged the team.', [['person', 'Wójcik']]],
    ['a name compromise knows', 'Sarah Chen paged Bob.', [['person', 'Sarah Chen'], ['person', 'Bob']]],
    ['an e-mail address', 'Write to oncall@example.org.', [['email', 'oncall@example.org']]],
    ['a known e-mail address', 'Mail p.raman@acme.io now', [['email', 'p.raman@acme.io']]],
    ['a host-like token', 'db-primary-03 ran out of disk', [['hostname', 'db-primary-03']]],
    ['an EC2 internal name', 'on ip-10-0-1-5.ec2.internal.', [['hostname', 'ip-10-0-1-5.ec2.internal']]],
    ['a Kubernetes service name', 'calls payments.default.svc.cluster.local', [['hostname', 'payments.default.svc.cluster.local']]],
    ['a name under .corp', 'vault.corp was down', [['hostname', 'vault.corp']]],
    ['a name under an internal domain', 'grafana.acme.io showed it', [['hostname', 'grafana.acme.io']]],
    ['a machine under any domain', 'web-07.prod.example.net', [['hostname', 'web-07.prod.example.net']]],
    ['an IPv4 address', 'from 10.0.3.17 only', [['ip', '10.0.3.17']]],
    ['an IPv4 CIDR', 'the 10.0.0.0/16 range', [['ip', '10.0.0.0/16']]],
    ['an IPv6 address', 'fe80::1ff:fe23:4567:890a answered', [['ip', 'fe80::1ff:fe23:4567:890a']]],
    ['a full IPv6 CIDR', 'net 2001:db8:0:0:0:0:0:0/64.', [['ip', '2001:db8:0:0:0:0:0:0/64']]],
    ['an internal link', 'See https://wiki.acme.io/runbooks/db.', [['link', 'https://wiki.acme.io/runbooks/db']]],
    ['a link not on the allow-list', '(https://example.net/x)', [['link', 'https://example.net/x']]],
    ['a link to an IP', 'http://10.1.2.3:8080/admin', [['link', 'http://10.1.2.3:8080/admin']]],
    ['tracker keys', 'INC-42 and OPS-1234', [['ticket', 'INC-42'], ['ticket', 'OPS-1234']]],
    ['hash tickets', 'fixed in #1234.', [['ticket', '#1234']]],
  ];
  it.each(cases)('%s', (_, text, expected) => expect(found(text)).toEqual(expected));
});

describe('findRedactions leaves alone', () => {
  const cases: Array<[string, string]> = [
    ['versions', 'Upgraded from 1.13 to 1.14.2 and v2.3.4'],
    ['times', 'At 12:30:45 and 09:05 UTC'],
    ['dates', 'On 2026-03-10 at 11:21'],
    ['standards and algorithms', 'UTF-8, SHA-256, ISO-8601, covid-19, CVE-2021-44228, UTC-7'],
    ['cloud regions', 'in eu-central-1 and us-east-2'],
    ['product names', 'Kubernetes, CoreDNS and KIAM crashed on Monday'],
    ['allow-listed links', 'See https://github.com/org/repo/issues/1 and https://status.acme.com/incidents/9'],
    ['public domains in prose', 'example.com and docs.python.org'],
    ['a ranking', 'the #1 cause'],
    ['C++ scopes', 'std::string and a::b'],
    ['all-capital words', 'ED and SAM are acronyms here'],
    ['file names', 'kolibri-0.6.dev1-git.pex and config.yaml'],
  ];
  it.each(cases)('%s', (_, text) => expect(found(text)).toEqual([]));
});

describe('findRedactions overall', () => {
  it('gives offsets into the text, a replacement per kind, and no overlaps', () => {
    const text = 'Priya mailed bob@acme.io from https://ops.acme.io/x about 10.0.0.1';
    const findings = findRedactions(text, { people, settings });
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findings.map((f) => f.replacement)).toEqual(['[engineer]', '[email address]', '[internal link]', '[IP address]']);
    findings.slice(1).forEach((f, i) => expect(f.start).toBeGreaterThanOrEqual(findings[i]!.end));
  });

  it('guesses names only when asked', () => expect(found('Sarah Chen paged Priya.', false)).toEqual([['person', 'Priya']]));
});

describe('applyRedactions', () => {
  it('replaces the chosen findings and keeps the rest of the text', () => {
    const text = "Priya's change to db-primary-03 (INC-42).";
    const [person, host, ticket] = findRedactions(text, { people, settings });
    expect(applyRedactions(text, [person!, host!])).toBe("[engineer]'s change to [internal host] (INC-42).");
    expect(applyRedactions(text, [ticket!, person!])).toBe("[engineer]'s change to db-primary-03 ([ticket]).");
    expect(applyRedactions(text, [])).toBe(text);
  });
});
