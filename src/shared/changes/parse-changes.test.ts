import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';
import { parseChanges, readInstant } from './parse-changes.js';

const read = (...args: Parameters<typeof parseChanges>) => {
  const result = parseChanges(...args);
  if ('unreadable' in result) throw new Error(result.unreadable);
  return result;
};

describe('readCsv', () => {
  it.each([
    ['plain cells', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF and a blank line', 'a,b\r\n\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted commas, quotes and line breaks', 'a,b\n"x, y","say ""hi""\nagain"', [['a', 'b'], ['x, y', 'say "hi"\nagain']]],
    ['a byte-order mark', '\uFEFFa\n1', [['a'], ['1']]],
  ])('reads %s', (_name, content, cells) => {
    expect(readCsv(content)?.map((r) => r.cells)).toEqual(cells);
  });

  it('gives each record the line it starts on, after a multi-line cell', () => {
    expect(readCsv('h\n"1\n2"\n3')?.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('refuses a quote that is never closed', () => {
    expect(readCsv('a\n"open')).toBeNull();
  });
});

describe('readInstant', () => {
  it.each([
    ['2026-03-10T09:05:00Z', undefined, '2026-03-10T09:05:00Z'],
    ['2026-03-10 09:05:00+01:00', undefined, '2026-03-10T09:05:00+01:00'],
    ['2026-03-10T09:05:00.250-0500', undefined, '2026-03-10T09:05:00.250-05:00'],
    ['2026-03-10T09:05', 'Europe/London', '2026-03-10T09:05:00+00:00'],
    ['2026-07-10 09:05:00', 'Europe/London', '2026-07-10T09:05:00+01:00'],
    [1773133500, undefined, '2026-03-10T09:05:00Z'],
    [1773133500000, undefined, '2026-03-10T09:05:00Z'],
    ['1773133500', undefined, '2026-03-10T09:05:00Z'],
  ])('reads %s (zone %s) as %s', (value, zone, instant) => {
    expect(readInstant(value, zone)).toEqual({ instant });
  });

  it.each([
    ['2026-03-10T09:05:00', undefined, 'states no offset or zone'],
    ['10/03/2026 09:05', 'UTC', 'must be an ISO 8601 time'],
    ['', undefined, 'is missing'],
    [null, undefined, 'is missing'],
    ['2026-13-40T09:05:00Z', undefined, 'is not a valid time'],
    ['1969-12-31T23:00:00Z', undefined, 'is not a valid time'],
  ])('refuses %s (zone %s): %s', (value, zone, problem) => {
    const result = readInstant(value, zone);
    expect('problem' in result && result.problem).toContain(problem);
  });
});

describe('parseChanges', () => {
  it('reads CSV with flexible column names and says which rows it skipped and why', () => {
    const csv = [
      'Deployed At,App,Message,User,URL,Env,SHA',
      '2026-03-10T08:48:00Z,payments-api,Raise pool size,alice,https://ci.example.com/1,production,abc123',
      '2026-03-10T08:50:00,checkout,No zone,bob,,,',
      '2026-03-10T08:51:00Z,,No service,carol,,,',
      '2026-03-10T08:52:00Z,search,Bad link,dan,javascript:alert(1),,',
    ].join('\n');
    expect(read('csv', csv)).toEqual({
      changes: [
        {
          row: 2, source: 'csv', kind: 'deploy', service: 'payments-api', title: 'Raise pool size', description: null, author: 'alice',
          occurredAt: '2026-03-10T08:48:00Z', link: 'https://ci.example.com/1', environment: 'production', externalId: 'payments-api/abc123',
        },
      ],
      problems: [
        { row: 3, field: 'occurredAt', message: expect.stringContaining('no offset or zone') },
        { row: 4, field: 'service', message: expect.stringContaining('no service') },
        { row: 5, field: 'link', message: 'must be an http or https URL' },
      ],
    });
  });

  it('reads zoneless times in the zone given, and rows without a service as the service given', () => {
    const { changes, problems } = read('csv', 'time,title,kind\n2026-03-10 09:50,Flip checkout flag,feature flag', { timeZone: 'Europe/Paris', service: 'checkout' });
    expect(problems).toEqual([]);
    expect(changes[0]).toMatchObject({ occurredAt: '2026-03-10T09:50:00+01:00', service: 'checkout', kind: 'feature-flag', externalId: `checkout/${Date.parse('2026-03-10T08:50:00Z')}/Flip checkout flag` });
  });

  it.each([
    ['csv', 'service,title\napi,x', 'has no time column'],
    ['csv', 'time,service\n"2026', 'quoted cell is never closed'],
    ['json', '{not json', 'is not JSON'],
    ['json', '"a string"', 'must be a JSON array'],
    ['github_deployments', '{"message":"Not Found"}', 'must be a JSON array'],
  ] as const)('refuses %s content it cannot read: %s', (format, content, reason) => {
    const result = parseChanges(format, content);
    expect('unreadable' in result && result.unreadable).toContain(reason);
  });

  it('reads a JSON array with the same flexible keys, title and description apart', () => {
    const json = JSON.stringify([
      { timestamp: '2026-03-10T09:00:00+01:00', service: 'ledger', title: 'Add index', description: 'CREATE INDEX CONCURRENTLY', actor: 'erin', type: 'migration', version: 42 },
      'not an object',
    ]);
    expect(read('json', json)).toEqual({
      changes: [
        {
          row: 1, source: 'json', kind: 'migration', service: 'ledger', title: 'Add index', description: 'CREATE INDEX CONCURRENTLY', author: 'erin',
          occurredAt: '2026-03-10T09:00:00+01:00', link: null, environment: null, externalId: 'ledger/42',
        },
      ],
      problems: [{ row: 2, field: 'row', message: 'is not an object' }],
    });
  });

  it('reads GitHub deployments: the repository as the service, the creator as the author, the commit page as the link', () => {
    const deployments = [
      {
        id: 7, sha: 'a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d', ref: 'main', task: 'deploy', environment: 'production', description: null,
        creator: { login: 'octocat' }, created_at: '2026-03-10T08:53:00Z', repository_url: 'https://api.github.com/repos/octocat/example',
        url: 'https://api.github.com/repos/octocat/example/deployments/7',
      },
      { sha: 'x', created_at: '2026-03-10T08:53:00Z' },
    ];
    expect(read('github_deployments', JSON.stringify(deployments))).toEqual({
      changes: [
        {
          row: 1, source: 'github', kind: 'deploy', service: 'example', title: 'deploy of main @ a84d88e', description: null, author: 'octocat',
          occurredAt: '2026-03-10T08:53:00Z', link: 'https://github.com/octocat/example/commit/a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d',
          environment: 'production', externalId: '7',
        },
      ],
      problems: [{ row: 2, field: 'id', message: 'a GitHub deployment has an id' }],
    });
    expect(read('github_deployments', JSON.stringify(deployments.slice(0, 1)), { service: 'payments-api' }).changes[0]?.service).toBe('payments-api');
  });
});
