import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocument, titleFromFileName } from './postmortem.js';

/** Small documents in the shapes real postmortems take (written for these tests). */
const timelineOf = (content: string, name = 'doc.md', options = {}) =>
  importDocument(name, content, options).incidents[0]!.timeline.map((e) => [e.occurredAt ?? e.date, e.text]);
const actionsOf = (content: string) => importDocument('doc.md', content).incidents[0]!.actionItems.map((a) => [a.title, a.done]);

describe('titles', () => {
  it.each([
    ['front matter', '---\ntitle: Queue backlog\n---\n# Something else\n', 'Queue backlog'],
    ['first heading', '# Queue backlog\n\n## Summary\ntext\n', 'Queue backlog'],
    ['setext heading', 'Queue backlog\n=============\n\nSummary\n-------\ntext\n', 'Queue backlog'],
    ['"Title:" heading', '# Title: Queue backlog\n## Summary\n', 'Queue backlog'],
    ['missing: from the file name', '## Summary\nSomething broke.\n', 'Queue backlog'],
    ['"Postmortem: X" is a title, not a "Key: value" line', '# Postmortem: Queue backlog\n## Summary\n', 'Postmortem: Queue backlog'],
    ['a plain-text document\'s first line', 'Postmortem: Queue backlog\nDate: March 5, 2024\n\nSummary:\nJobs piled up.\n', 'Postmortem: Queue backlog'],
    ['a title that mentions a section name', '# Fall of the bridge – Timeline of the de-peg attack\n## Summary\n', 'Fall of the bridge – Timeline of the de-peg attack'],
    ['"Incident report: X" too', '# Incident report: Queue backlog\n', 'Incident report: Queue backlog'],
  ])('%s', (_, content, title) => {
    expect(importDocument('2024-03-05-queue-backlog.md', content).incidents[0]!.title).toBe(title);
  });

  it.each([
    ['2024-03-05-queue-backlog.md', 'Queue backlog'],
    ['PM2021-004 - ADFS outage.md', 'ADFS outage'],
    ['003-dns-loop.txt', 'Dns loop'],
  ])('titleFromFileName(%s)', (name, title) => expect(titleFromFileName(name)).toBe(title));
});

describe('timeline shapes', () => {
  it('a dated bullet whose time is in its text ("2021-08-27: At 12:50:07 UTC, ...")', () => {
    const doc = '# X\n\n## Timeline\n\n- 2021-08-17: Report received.\n- 2021-08-27: At 12:50:07 UTC, issue exploited.\n';
    expect(timelineOf(doc)).toEqual([
      ['2021-08-17', 'Report received.'],
      ['2021-08-27T12:50:07Z', 'issue exploited.'],
    ]);
  });

  it('prose under "What happened" beside a timeline section is not read as entries; its zone is used for the timeline', () => {
    const doc = '# X\n\n## What happened\n\nOn November 8th, 2022 at 3:15 PM PST we saw errors. At 3:42 PM we restarted the cache.\n\n## Timeline\n\n- 3:15 PM errors start\n- 3:42 PM cache restarted\n';
    const result = importDocument('doc.md', doc);
    expect(result.incidents[0]!.timeline.map((e) => [e.occurredAt, e.text])).toEqual([
      ['2022-11-08T15:15:00-08:00', 'errors start'],
      ['2022-11-08T15:42:00-08:00', 'cache restarted'],
    ]);
    expect(result.warnings.find((w) => w.code === 'no_zone')?.message).toMatch(/read as America\/Los_Angeles, the zone the document's other times are written in/);
  });

  it('a zone written with one entry ("UTC+2") holds for the entries after it', () => {
    const doc = '# X\n\n## Timeline\n\n21/07/2023 09:31 UTC+2 - Deploy started\n21/07/2023 09:40 UTC+2 - Errors began\n\n**10:02**\nRollback complete\n';
    expect(timelineOf(doc)).toEqual([
      ['2023-07-21T09:31:00+02:00', 'Deploy started'],
      ['2023-07-21T09:40:00+02:00', 'Errors began'],
      ['2023-07-21T10:02:00+02:00', 'Rollback complete'],
    ]);
  });

  it('a "Timezone: PDT" metadata line states the zone', () => {
    const doc = '# X\n\n**Date:** 2024-05-14\n**Timezone:** PDT\n\n## Timeline\n\n* 14:00 - Deploy starts\n* 14:07 - Errors rise\n';
    expect(timelineOf(doc)).toEqual([
      ['2024-05-14T14:00:00-07:00', 'Deploy starts'],
      ['2024-05-14T14:07:00-07:00', 'Errors rise'],
    ]);
  });

  it('"What happened" is still the timeline when there is no other', () => {
    const doc = '# X\n\n## What happened\n\nAll times UTC.\n\n- 2024-03-05 10:00 Deploy\n- 10:05 Errors\n';
    expect(timelineOf(doc)).toEqual([
      ['2024-03-05T10:00:00Z', 'Deploy'],
      ['2024-03-05T10:05:00Z', 'Errors'],
    ]);
  });

  it('a table with separate date and time columns and a zone in the header', () => {
    const doc = '# X\n\n## Timeline\n\n| Date | Time (CET) | What |\n|---|---|---|\n| 2024-07-01 | 09:00 | Deploy |\n| 2024-07-01 | 09:05 | Errors <br> rise |\n|  |  | Later, time not known |\n';
    expect(timelineOf(doc)).toEqual([
      ['2024-07-01T09:00:00+02:00', 'Deploy'],
      ['2024-07-01T09:05:00+02:00', 'Errors rise'],
      [null, 'Later, time not known'],
    ]);
  });

  it('a bold date line followed by time lines, 12-hour times crossing midnight', () => {
    const doc = '# X\n\n## Timeline (all times PT)\n\n**November 3rd, 2024**\n\n11:50 PM — Pager fires\n12:10 AM — Rollback\n1:30 AM: Resolved\n';
    expect(timelineOf(doc)).toEqual([
      ['2024-11-03T23:50:00-08:00', 'Pager fires'],
      ['2024-11-04T00:10:00-08:00', 'Rollback'],
      ['2024-11-04T01:30:00-08:00', 'Resolved'],
    ]);
  });

  it('the day from the title, a zone from a sentence, nested bullets as continuation, a pasted log ignored', () => {
    const doc = [
      '# Outage on 6th Nov 2023',
      '',
      'All times are in GMT.',
      '',
      '## Timeline',
      '- 09:00 Alert',
      '  - from the synthetic check',
      '- ~09:10 Engineer joins',
      '',
      '```',
      '09:05:00 ERROR pasted log line',
      '```',
      '',
      '> 09:07 a quoted chat line',
    ].join('\n');
    expect(timelineOf(doc)).toEqual([
      ['2023-11-06T09:00:00+00:00', 'Alert from the synthetic check'],
      ['2023-11-06T09:10:00+00:00', 'Engineer joins'],
    ]);
  });

  it('UK "GMT" written in summer is BST; a caller zone applies only where the document names none', () => {
    expect(timelineOf('# X\n## Timeline\n- 2024-07-01 10:00 GMT a\n')).toEqual([['2024-07-01T10:00:00+01:00', 'a']]);
    expect(timelineOf('# X\n## Timeline\n- 2024-07-01 10:00 a\n', 'x.md', { timeZone: 'America/New_York' })).toEqual([['2024-07-01T10:00:00-04:00', 'a']]);
  });

  it('dated paragraphs and "a date line then text lines"', () => {
    const doc = '# X\n\n## What happened\n\nOn March 5th, 2024 at 14:02 UTC, the queue stopped.\nIt stayed stopped.\n\n2024-03-05 15:00 UTC\nWorkers restarted\nby the on-call engineer\n';
    expect(timelineOf(doc)).toEqual([
      ['2024-03-05T14:02:00Z', 'the queue stopped. It stayed stopped.'],
      ['2024-03-05T15:00:00Z', 'Workers restarted by the on-call engineer'],
    ]);
  });

  it('a timeline list of day labels with the times nested under them', () => {
    const doc = '# X\n## Timeline\n- **Day 1 (2024-03-05)**\n  - 10:00 UTC a\n- **Day 2**\n  - 2024-03-06 09:00 UTC b\n';
    expect(timelineOf(doc)).toEqual([
      ['2024-03-05T10:00:00Z', 'a'],
      ['2024-03-06T09:00:00Z', 'b'],
    ]);
  });

  it('a prose summary without a timeline section: dated paragraphs, the year from the text', () => {
    const doc = [
      'We want to explain the storage event of March 5, 2024.',
      '',
      'At 9:37 AM PST, a maintenance script removed more capacity than intended.',
      'Requests began to fail.',
      '',
      'At 10:12 AM PST, engineers stopped the script.',
      '',
      'The root cause was a missing safeguard. At 11:00 AM we do not repeat this here.',
    ].join('\n');
    expect(timelineOf(doc, 'summary.txt')).toEqual([
      ['2024-03-05T09:37:00-08:00', 'a maintenance script removed more capacity than intended. Requests began to fail.'],
      ['2024-03-05T10:12:00-08:00', 'engineers stopped the script.'],
    ]);
  });

  it('dated paragraphs that retell an existing timeline are not entries again', () => {
    const doc = '# X\n## Root cause\nAt 17:20 we began an upgrade.\n\nAt 23:04 a node drained.\n\n## Timeline\n- 2024-03-05 17:20 UTC upgrade starts\n';
    expect(timelineOf(doc)).toEqual([['2024-03-05T17:20:00Z', 'upgrade starts']]);
  });

  it('a bullet with no time between timed ones is an entry whose time is unknown', () => {
    expect(timelineOf('# X\n## Timeline\n- 2024-03-05 10:00 UTC a\n- Later, b\n- 11:00 c\n')).toEqual([
      ['2024-03-05T10:00:00Z', 'a'],
      [null, 'Later, b'],
      ['2024-03-05T11:00:00Z', 'c'],
    ]);
  });

  it('an appendix chat log and metadata lines give no entries', () => {
    const doc = '# X\n\nDuration: 2:30\nStart: 2024-03-05 14:00 UTC\n\n## Timeline\n- 2024-03-05 14:00 UTC a\n- 14:30 b\n\n## Appendix: chat\n- 14:05 someone: hello\n- 14:06 someone: hi\n';
    expect(timelineOf(doc)).toEqual([
      ['2024-03-05T14:00:00Z', 'a'],
      ['2024-03-05T14:30:00Z', 'b'],
    ]);
  });

  it('month-first numeric dates in a US document, and a warning when the order is a guess', () => {
    const doc = '# X\n\nAll times PDT.\n\n## Timeline\n- 7/4/24 10:00 fireworks\n';
    expect(timelineOf(doc)).toEqual([['2024-07-04T10:00:00-07:00', 'fireworks']]);
    expect(importDocument('x.md', doc).warnings.map((w) => w.code)).toContain('ambiguous_date');
  });

  it('warns when no zone is stated and leaves times without a day unknown', () => {
    const result = importDocument('notes.md', '# X\n\n## Timeline\n- 10:00 a\n- 10:05 b\n');
    expect(result.incidents[0]!.timeline.map((e) => e.occurredAt)).toEqual([null, null]);
    expect(result.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['no_zone', 'no_date']));
  });
});

describe('severity and services', () => {
  it.each([
    ['a metadata line', '# X\n\n**Severity:** SEV-1\nAffected services: api, web\n', 'SEV-1', ['api', 'web']],
    ['sections of their own', '# X\n## Severity\nHigh\n## Affected services\n- api\n- web\n', 'High', ['api', 'web']],
    ['front matter', '---\nseverity: 2\nservices: checkout\n---\n# X\n', '2', ['checkout']],
  ])('%s', (_, doc, severity, services) => {
    expect(importDocument('x.md', doc).incidents[0]).toMatchObject({ severity, services });
  });
});

describe('action items', () => {
  it.each([
    ['a checkbox list under "Action items"', '# X\n## Action Items\n- [x] Alert on queue depth\n- [ ] Document the restart\n', [['Alert on queue depth', true], ['Document the restart', false]]],
    ['a numbered list under "Corrective and preventive measures"', '# X\n## Corrective and Preventive Measures\n1. Add a canary\n2. Remove the cron job\n', [['Add a canary', false], ['Remove the cron job', false]]],
    ['a table with a status column under "Follow-ups"', '# X\n## Follow-ups\n| Action | Owner | Status |\n|---|---|---|\n| Add a canary | Sam | Done |\n| Remove the cron job | Kim | Open |\n', [['Add a canary', true], ['Remove the cron job', false]]],
    ['a bold title with an explanation under "Next steps"', '# X\n## Next steps\n- **Add a canary**: so that bad builds stop early\n', [['Add a canary', false]]],
    ['inline "Action item:" lines anywhere', '# X\n## Discussion\nWe talked.\nAction item: add a canary\n', [['add a canary', false]]],
    ['nested bullets stay part of their item', '# X\n## Remediation\n- Add a canary\n  - https://example.com/1\n', [['Add a canary', false]]],
    ['lessons learned and future improvements', '# X\n## Lessons learned and future improvements\n- Rotate certificates automatically\n', [['Rotate certificates automatically', false]]],
    ['inline "Action point:" lines', '# X\n## Fork monitoring\nIt was slow.\n\nAction point: make the monitor push alerts\n', [['make the monitor push alerts', false]]],
    ['a list under "Recommendations"', '# X\n## Recommendations\n- Alert on queue depth\n', [['Alert on queue depth', false]]],
    ['not: actions taken during the response', '# X\n## Actions taken\n- Restarted the workers\n', []],
  ])('%s', (_, doc, expected) => expect(actionsOf(doc)).toEqual(expected));
});

describe('a document describing several incidents', () => {
  const log = [
    '# Incident log',
    '',
    'All times in UTC.',
    '',
    '## 2023',
    '',
    '### Incident on 2023-09-18 15:12 - Nodes ran out of disk',
    '',
    '- **Key events**',
    '  - First detected: 2023-09-18 13:42',
    '  - Resolved 2023-09-20 19:18',
    '- **Time to repair**: 4h 12m',
    '- **Impact**: builds failed',
    '- **Context**:',
    '  - 2023-09-18 13:42: disk alerts fire',
    '  - 2023-09-18 15:12: incident declared',
    '- **Review actions**:',
    '  - Alert earlier on disk usage',
    '',
    '### Incident on 2023-08-02 09:00 - Ingress returned 502s',
    '',
    '#### Timeline',
    '- 2023-08-02 09:00 errors start',
    '- 09:30 rollback',
    '',
    '#### Action items',
    '- [ ] Add a canary',
  ].join('\n');

  it('reads an incident whose only times are its key events', () => {
    const doc = '# Incident log\n\n### Incident on 2023-08-02 - DNS failures\n\n- **Key events**\n  - First detected: 2023-08-02 09:10\n  - Resolved: 2023-08-02 09:40\n- **Review actions**:\n  - Pin the DNS version\n\n### Incident on 2023-07-01 - Disk\n\n- **Key events**\n  - First detected: 2023-07-01 10:00\n';
    const { incidents } = importDocument('log.md', doc);
    expect(incidents[0]!.timeline.map((e) => [e.occurredAt, e.text])).toEqual([
      ['2023-08-02T09:10:00Z', 'First detected'],
      ['2023-08-02T09:40:00Z', 'Resolved'],
    ]);
    expect(incidents[0]!.actionItems.map((a) => a.title)).toEqual(['Pin the DNS version']);
  });

  it('gives one incident per incident heading, each with its own timeline and action items', () => {
    const { incidents } = importDocument('incident-log.md', log);
    expect(incidents.map((i) => i.title)).toEqual(['Incident on 2023-09-18 15:12 - Nodes ran out of disk', 'Incident on 2023-08-02 09:00 - Ingress returned 502s']);
    expect(incidents.map((i) => i.timeline.map((e) => [e.occurredAt, e.text, e.line]))).toEqual([
      [
        ['2023-09-18T13:42:00Z', 'First detected', 10],
        ['2023-09-20T19:18:00Z', 'Resolved', 11],
        ['2023-09-18T13:42:00Z', 'disk alerts fire', 15],
        ['2023-09-18T15:12:00Z', 'incident declared', 16],
      ],
      [['2023-08-02T09:00:00Z', 'errors start', 23], ['2023-08-02T09:30:00Z', 'rollback', 24]],
    ]);
    expect(incidents.map((i) => i.actionItems.map((a) => a.title))).toEqual([['Alert earlier on disk usage'], ['Add a canary']]);
  });
});

describe('any text', () => {
  it('is read without throwing, and every instant is valid ISO 8601 with an offset', () => {
    const piece = fc.constantFrom('# Title\n', '## Timeline\n', '- ', '* [', '14:02', ' PM', ' PST', '2024-03-05', 'July 4', '|', ' | x |\n', '|---|---|\n', '\n', '```\n', '> ', '[???]', '~', ' - text', '**', 'Action item: ', '- [ ] ', '---\n', 'title: x\n', '\t', 'All times in BST.\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 60 }), (parts) => {
        const result = importDocument('x.md', parts.join(''));
        for (const incident of result.incidents) {
          for (const entry of incident.timeline) {
            if (entry.occurredAt !== null) expect(entry.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
