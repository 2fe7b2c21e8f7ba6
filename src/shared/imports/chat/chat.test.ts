import { describe, expect, it } from 'vitest';
import { slackFixture } from '../../../../test/support/slack-fixture.js';
import { readSlackExport, slackText } from './slack-export.js';
import { readTranscript } from './transcript.js';

describe('readSlackExport', () => {
  it("proposes a channel's messages in time order with their authors and provenance, leaving out joins and other channels", () => {
    const { entries, channels } = readSlackExport(slackFixture(), { channel: 'incident-checkout', timeZone: 'Europe/Copenhagen' });
    expect(channels).toEqual(['general', 'incident-checkout']);
    expect(entries.map((e) => [e.occurredAt, e.author, e.text])).toEqual([
      ['2024-03-05T11:02:00+01:00', 'ada', 'Checkout error rate is above 5% since 10:00, paging @Grace Hopper'],
      ['2024-03-05T11:05:00+01:00', 'Grace Hopper', 'Looking. Deploy <checkout 4.2> went out at 09:58: deploy 4812 (https://deploys.example.com/4812)'],
      ['2024-03-05T11:06:00+01:00', 'PagerDuty', 'Incident #311 acknowledged by Grace Hopper'],
      ['2024-03-05T11:20:00+01:00', 'Grace Hopper', 'Rolled back to 4.1, error rate back to normal'],
      ['2024-03-06T10:00:00+01:00', 'ada', 'Postmortem scheduled for Thursday'],
    ]);
    expect(entries[0]!.provenance).toEqual({
      source: 'slack_export',
      channel: 'incident-checkout',
      file: 'incident-checkout/2024-03-05.json',
      ref: '1709632920.000200',
      excerpt: 'Checkout error rate is above 5% since 10:00, paging <@U02GRACE>',
    });
  });

  it('keeps only the chosen window, in UTC when no zone is chosen, from every channel when none is named', () => {
    const { entries } = readSlackExport(slackFixture(), { from: '2024-03-05T10:03:00Z', to: '2024-03-05T10:10:00Z' });
    expect(entries.map((e) => [e.occurredAt, e.provenance.channel])).toEqual([
      ['2024-03-05T10:03:20Z', 'general'],
      ['2024-03-05T10:05:00Z', 'incident-checkout'],
      ['2024-03-05T10:06:00Z', 'incident-checkout'],
    ]);
  });

  it.each([
    ['<@U1> and <@U9>', 'hi @Ada and @U9'],
    ['<!here> see <#C1|incidents>', 'hi @here see #incidents'],
    ['<https://x.example>', 'hi https://x.example'],
  ])('writes %s as people read it', (text, expected) => {
    expect(`hi ${slackText(text, (id) => (id === 'U1' ? 'Ada' : id))}`).toBe(expected);
  });

  it('reads a broken file as no messages', () => {
    expect(readSlackExport({ 'users.json': 'not json', 'ops/2024-03-05.json': '{' }).entries).toEqual([]);
  });
});

describe('readTranscript', () => {
  it("reads Slack's copy format: a name and time line, then the message's lines", () => {
    const pasted = ['Ada Lovelace  10:42 AM', 'Checkout is failing', 'for everyone', 'Grace Hopper  10:44 AM', 'Rolling back now', ''].join('\n');
    const { entries } = readTranscript(pasted, { date: '2024-07-03', timeZone: 'Europe/London' });
    expect(entries.map((e) => [e.occurredAt, e.author, e.text, e.provenance.ref])).toEqual([
      ['2024-07-03T10:42:00+01:00', 'Ada Lovelace', 'Checkout is failing\nfor everyone', 'line 1'],
      ['2024-07-03T10:44:00+01:00', 'Grace Hopper', 'Rolling back now', 'line 4'],
    ]);
    expect(entries[0]!.provenance.excerpt).toBe('Ada Lovelace  10:42 AM\nCheckout is failing\nfor everyone');
  });

  it('reads bracketed, IRC and dated lines, carries the day past midnight, and keeps the window', () => {
    const pasted = [
      '[23:58] Ada: Disk alert on db-1',
      '[2024-03-05 23:59:30] <grace> on it',
      '00:03 <grace> freed 20 GB',
      '  (old WAL files)',
      '[12:15 AM] Ada: graphs look normal',
    ].join('\n');
    const { entries, warnings } = readTranscript(pasted, { date: '2024-03-05' });
    expect(warnings).toEqual([]);
    expect(entries.map((e) => [e.occurredAt, e.author, e.text])).toEqual([
      ['2024-03-05T23:58:00Z', 'Ada', 'Disk alert on db-1'],
      ['2024-03-05T23:59:30Z', 'grace', 'on it'],
      ['2024-03-06T00:03:00Z', 'grace', 'freed 20 GB\n(old WAL files)'],
      ['2024-03-06T00:15:00Z', 'Ada', 'graphs look normal'],
    ]);
    expect(readTranscript(pasted, { date: '2024-03-05', from: '2024-03-06T00:00:00Z' }).entries).toHaveLength(2);
  });

  it('invents no day: without one, it asks for it and proposes nothing', () => {
    expect(readTranscript('[10:42] Ada: hello')).toEqual({ entries: [], warnings: ['No day is given for the messages: choose the day of the transcript.'] });
  });
});
