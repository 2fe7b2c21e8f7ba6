import { describe, expect, it } from 'vitest';
import { extractFromNotes } from './extract-from-notes.js';
import { ownerOf, prefixedKind } from './note-lines.js';
import { proposalId } from './proposal-id.js';

interface Options {
  incidentDate?: string | null;
  timeZone?: string;
}
const options = { incidentDate: '2026-11-30', timeZone: 'Europe/London' };
const read = (text: string, opts: Options = {}) =>
  extractFromNotes(text, { ...options, ...opts }).map((p) => ({ kind: p.kind, text: p.text, lines: p.sourceLines, at: p.occurredAt, precision: p.precision, owner: p.owner, done: p.done, written: p.timeAsWritten }));

describe('extractFromNotes', () => {
  it.each([
    ['a time-led line', '14:05 paged DB team', { kind: 'timelineEntry', text: 'paged DB team', at: '2026-11-30T14:05:00+00:00', precision: 'minute', written: '14:05' }],
    ['a time in summer, in the organisation zone', '14:05 paged DB team', { at: '2026-07-01T14:05:00+01:00' }, { incidentDate: '2026-07-01' }],
    ['a zone written with the time wins', '- 9:05 AM PST deploy started', { text: 'deploy started', at: '2026-11-30T09:05:00-08:00' }],
    ['an approximate time', '~14:30 errors back to normal', { at: '2026-11-30T14:30:00+00:00', precision: 'approximate' }],
    ['a range', '14:00-14:20 read-only mode', { precision: 'range', text: 'read-only mode' }],
    ['seconds', '14:05:09 first 500s', { precision: 'exact' }],
    ['a date and time', '2026-12-01 08:00 all clear', { at: '2026-12-01T08:00:00+00:00' }],
    ['an unknown time stays unknown', '??:?? cache restarted', { kind: 'timelineEntry', at: null, precision: 'unknown', written: '??:??' }],
    ['no incident day: no instant is invented', '14:05 paged DB team', { at: null, precision: 'unknown', written: '14:05' }, { incidentDate: null }],
    ['AI: with an owner', '- AI: add alert on replica lag (owner: sam)', { kind: 'actionItem', text: 'add alert on replica lag', owner: 'sam' }],
    ['TODO with a mention', 'TODO check backup restore time @priya', { kind: 'actionItem', text: 'check backup restore time', owner: 'priya' }],
    ['Action:', 'Action: write the failover runbook', { kind: 'actionItem', text: 'write the failover runbook', owner: null }],
    ['a done checkbox anywhere', '- [x] unmute the alert', { kind: 'actionItem', text: 'unmute the alert', done: true }],
    ['contributing:', 'contributing: the lag alert was muted', { kind: 'contributor', text: 'the lag alert was muted' }],
    ['risk:', 'risk: only one person knows the failover', { kind: 'risk', text: 'only one person knows the failover' }],
    ['what went well:', 'what went well: on-call knew the dashboards', { kind: 'mitigator' }],
    ['bold prefix', '**Follow-up:** rotate the keys', { kind: 'actionItem', text: 'rotate the keys' }],
  ] as Array<[string, string, object, Options?]>)('%s', (_name, text, expected, opts = {}) => {
    const [first, ...others] = read(text, opts);
    expect(others).toEqual([]);
    expect(first).toMatchObject(expected);
  });

  it('reads bullets under labels and headings as their kind', () => {
    const notes = ['Contributors', '- no alert on lag', '- failover is manual', '', 'What went well:', '- quick escalation', '', '## Follow-ups', '- [ ] automate failover', '', '### Where we got lucky', '* traffic was low'].join('\n');
    expect(read(notes).map((p) => [p.kind, p.text, p.lines])).toEqual([
      ['contributor', 'no alert on lag', [2, 2]],
      ['contributor', 'failover is manual', [3, 3]],
      ['mitigator', 'quick escalation', [6, 6]],
      ['actionItem', 'automate failover', [9, 9]],
      ['risk', 'traffic was low', [12, 12]],
    ]);
  });

  it('plain lines under a label are items too; prose under a heading is not', () => {
    expect(read('Follow-ups:\nadd alert\ncheck backups').map((p) => p.text)).toEqual(['add alert', 'check backups']);
    expect(read('## Action items\n\nWe agreed on the following.\nIt took a while.\n\n- add alert')).toMatchObject([{ kind: 'actionItem', text: 'add alert', lines: [6, 6] }]);
  });

  it('keeps continuation lines with their entry and spans their lines', () => {
    const notes = '14:12 - failover started\n  replica promoted by hand\n14:20 done\n\n- 14:30 checked\n  - with the vendor\n- 14:40 closed';
    expect(read(notes).map((p) => [p.text, p.lines])).toEqual([
      ['failover started replica promoted by hand', [1, 2]],
      ['done', [3, 3]],
      ['checked with the vendor', [5, 6]],
      ['closed', [7, 7]],
    ]);
  });

  it('follows the day: a date line, and midnight passing', () => {
    const notes = 'Dec 1\n23:50 alert fired\n00:10 paged\n';
    expect(read(notes).map((p) => p.at)).toEqual(['2026-12-01T23:50:00+00:00', '2026-12-02T00:10:00+00:00']);
  });

  it('a zone statement applies to the lines after it', () => {
    expect(read('All times in PDT.\n14:05 paged', { incidentDate: '2026-07-01' })[0]!.at).toBe('2026-07-01T14:05:00-07:00');
  });

  it('untimed bullets under a timeline heading are entries whose time is unknown, ordered after the one before', () => {
    const proposals = extractFromNotes('## Timeline\n- 14:05 paged\n- someone restarted the cache', options);
    expect(proposals[1]).toMatchObject({ kind: 'timelineEntry', occurredAt: null, precision: 'unknown', anchorAt: '2026-11-30T14:05:00+00:00' });
  });

  it('ignores code blocks, quotes and appendices (pasted chat is evidence, not entries)', () => {
    const notes = '```\n14:05 <bob> paging\n```\n> 14:06 quoted\n## Appendix: chat log\n14:07 <amy> hi\n## Timeline\n14:08 paged';
    expect(read(notes).map((p) => p.text)).toEqual(['paged']);
  });

  it('reads timeline and action tables', () => {
    const notes = ['| Time | Event |', '|---|---|', '| 14:05 | paged |', '| 14:10 | mitigated |', '', '## Action items', '| Action | Owner |', '|---|---|', '| add alert | sam |'].join('\n');
    expect(read(notes).map((p) => [p.kind, p.text, p.at, p.owner])).toEqual([
      ['timelineEntry', 'paged', '2026-11-30T14:05:00+00:00', null],
      ['timelineEntry', 'mitigated', '2026-11-30T14:10:00+00:00', null],
      ['actionItem', 'add alert', null, 'sam'],
    ]);
  });

  it('a time heading keeps the paragraphs and bullets under it', () => {
    const notes = '## Timeline\n### 5:00 PM\nIncident declared\n\nmore detail\n- a step\n### 5:10 PM\nFixed';
    expect(read(notes).map((p) => [p.text, p.lines])).toEqual([
      ['Incident declared more detail a step', [2, 6]],
      ['Fixed', [7, 8]],
    ]);
  });

  it('gives stable ids, different for another kind, line or text', () => {
    const id = proposalId('actionItem', [3, 3], 'Add alert');
    expect(proposalId('actionItem', [3, 3], 'add  alert')).toBe(id);
    expect(new Set([id, proposalId('risk', [3, 3], 'Add alert'), proposalId('actionItem', [4, 4], 'Add alert'), proposalId('actionItem', [3, 3], 'Add alerts')]).size).toBe(4);
    expect(extractFromNotes('TODO add alert', options)[0]!.id).toBe(extractFromNotes('TODO add alert', options)[0]!.id);
  });

  it('leaves prose alone', () => {
    expect(read('We talked for an hour about the database.\nAI models were not involved.\nAction was taken quickly.')).toEqual([]);
  });

  it.each([
    ['fix it (owner: Sam Lee)', 'Sam Lee', 'fix it'],
    ['fix it owner: sam', 'sam', 'fix it'],
    ['fix it @sam', 'sam', 'fix it'],
    ['email ops@example.com', null, 'email ops@example.com'],
  ])('ownerOf(%s)', (text, owner, rest) => {
    expect(ownerOf(text)).toEqual({ owner, text: rest });
  });

  it('prefixes need their colon, except TODO', () => {
    expect(prefixedKind('Risk assessment was done')).toBeNull();
    expect(prefixedKind('TODO call vendor')).toEqual({ kind: 'actionItem', rest: 'call vendor' });
  });
});
