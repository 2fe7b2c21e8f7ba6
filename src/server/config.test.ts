import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('works out of the box: port 3000, SQLite under ./data, the GitLab review policy, 10 working days', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: expect.stringMatching(/data\/hindsight\.db$/) });
    expect(config.reviewPolicy).toEqual({ severities: ['sev1', 'sev2'], requireUserFacing: true, labels: ['review-requested'], services: [] });
    expect(config.reviewDueWorkingDays).toBe(10);
    expect(config.calendar).toEqual({ timeZone: 'UTC', workingWeekdays: [1, 2, 3, 4, 5], holidays: [] });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db:5432/hindsight',
      HINDSIGHT_TIME_ZONE: 'Europe/Copenhagen',
      HINDSIGHT_WORKING_DAYS: 'sun,mon,tue,wed,thu',
      HINDSIGHT_HOLIDAYS: '2026-12-24, 2026-12-25',
      HINDSIGHT_REVIEW_DUE_WORKING_DAYS: '5',
      HINDSIGHT_REVIEW_SEVERITIES: 'sev1',
      HINDSIGHT_REVIEW_REQUIRE_USER_FACING: 'false',
      HINDSIGHT_REVIEW_LABELS: 'review-requested,postmortem',
      HINDSIGHT_REVIEW_SERVICES: 'payments',
    });
    expect(config.port).toBe(8080);
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://app@db:5432/hindsight' });
    expect(config.calendar).toEqual({ timeZone: 'Europe/Copenhagen', workingWeekdays: [7, 1, 2, 3, 4], holidays: ['2026-12-24', '2026-12-25'] });
    expect(config.reviewDueWorkingDays).toBe(5);
    expect(config.reviewPolicy).toEqual({ severities: ['sev1'], requireUserFacing: false, labels: ['review-requested', 'postmortem'], services: ['payments'] });
  });

  it('lists every bad value, naming its variable', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'eighty', HINDSIGHT_TIME_ZONE: 'Mars/Olympus', HINDSIGHT_HOLIDAYS: '2026-13-01', DATABASE_URL: 'mysql://x', HINDSIGHT_WORKING_DAYS: 'funday' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'HINDSIGHT_TIME_ZONE', 'HINDSIGHT_HOLIDAYS', 'DATABASE_URL', 'HINDSIGHT_WORKING_DAYS']) expect(problems).toContain(name);
  });

  it('stops start-up with a message naming the variable', () => {
    const run = () =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'migrate'], {
        env: { ...process.env, HINDSIGHT_TIME_ZONE: 'Nowhere/City', DATABASE_URL: '' },
        stdio: 'pipe',
      });
    expect(run).toThrow(/HINDSIGHT_TIME_ZONE: must be an IANA time zone/);
  });

  it('prints help for the command line', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--help'], { encoding: 'utf8' });
    expect(output).toMatch(/Usage: hindsight <command>/);
    expect(output).toMatch(/serve/);
    expect(output).toMatch(/migrate/);
  });
});
