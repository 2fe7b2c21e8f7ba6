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

  it('has working defaults for accounts: http://localhost:3000, no proxy trusted, no single sign-on', () => {
    const config = loadConfig({});
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.trustProxy).toBe(false);
    expect(config.auth).toEqual({ secureCookies: false, oidc: null });
  });

  it('reads the public URL, the proxies to trust and OpenID Connect', () => {
    const config = loadConfig({
      HINDSIGHT_PUBLIC_URL: 'https://hindsight.example.com/',
      HINDSIGHT_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10',
      HINDSIGHT_OIDC_ISSUER: 'https://login.example.com/realms/eng',
      HINDSIGHT_OIDC_CLIENT_ID: 'hindsight',
      HINDSIGHT_OIDC_CLIENT_SECRET: 's3cret',
      HINDSIGHT_OIDC_DEFAULT_ROLE: 'responder',
      HINDSIGHT_OIDC_NAME: 'Example SSO',
    });
    expect(config.publicUrl).toBe('https://hindsight.example.com');
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.10']);
    expect(config.auth).toEqual({
      secureCookies: true,
      oidc: { issuer: 'https://login.example.com/realms/eng', clientId: 'hindsight', clientSecret: 's3cret', defaultRole: 'responder', name: 'Example SSO' },
    });
    expect(loadConfig({ HINDSIGHT_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ HINDSIGHT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    // A public client (PKCE, no secret), and a local test provider over http.
    expect(loadConfig({ HINDSIGHT_OIDC_ISSUER: 'http://127.0.0.1:9000', HINDSIGHT_OIDC_CLIENT_ID: 'cli' }).auth.oidc).toMatchObject({ clientSecret: null, defaultRole: 'viewer', name: 'Single sign-on' });
  });

  it('lists every bad account setting, naming its variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
    };
    const all = problems({
      HINDSIGHT_PUBLIC_URL: 'hindsight.example.com',
      HINDSIGHT_TRUST_PROXY: 'the load balancer',
      HINDSIGHT_OIDC_ISSUER: 'http://login.example.com',
      HINDSIGHT_OIDC_DEFAULT_ROLE: 'owner',
    });
    expect(all).toMatch(/HINDSIGHT_PUBLIC_URL: must be the http\(s\) URL users open/);
    expect(all).toMatch(/HINDSIGHT_TRUST_PROXY: must be true, false, a hop count or IP addresses\/CIDRs/);
    expect(all).toMatch(/HINDSIGHT_OIDC_ISSUER: must use https \(http is allowed only for localhost or 127.0.0.1\)/);
    expect(all).toMatch(/HINDSIGHT_OIDC_DEFAULT_ROLE: /);
    expect(all).toMatch(/HINDSIGHT_OIDC_CLIENT_ID: is required when HINDSIGHT_OIDC_ISSUER is set/);
    expect(problems({ HINDSIGHT_OIDC_CLIENT_ID: 'x' })).toMatch(/HINDSIGHT_OIDC_ISSUER: is required when HINDSIGHT_OIDC_CLIENT_ID/);
  });

  it.each(['0x10', '1e3', '80.0', '-1', '65536', ' 80', '8080a'])('refuses PORT=%j: decimal digits up to 65535 only', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT: must be a port number from 0 to 65535/);
  });

  it.each([
    ['10.0.0.0/99', false],
    ['10.0.0.0/33', false],
    ['::/129', false],
    ['10.0.0.0/32', true],
    ['fd00::/8', true],
    ['10.0.0.0/8,::1', true],
  ])('checks that the CIDR prefix of HINDSIGHT_TRUST_PROXY=%s fits its address family', (value, valid) => {
    const load = () => loadConfig({ HINDSIGHT_TRUST_PROXY: value });
    if (valid) expect(load().trustProxy).toEqual(value.split(','));
    else expect(load).toThrow(/HINDSIGHT_TRUST_PROXY: must be true, false, a hop count or IP addresses\/CIDRs/);
  });

  it('reads the operations settings: metrics token, drain and grace periods', () => {
    expect(loadConfig({}).operations).toEqual({ metricsToken: null, shutdownDrainSeconds: 1, shutdownGraceSeconds: 10 });
    expect(loadConfig({ HINDSIGHT_METRICS_TOKEN: 'x'.repeat(16), HINDSIGHT_SHUTDOWN_DRAIN_SECONDS: '5', HINDSIGHT_SHUTDOWN_GRACE_SECONDS: '30' }).operations).toEqual({
      metricsToken: 'x'.repeat(16),
      shutdownDrainSeconds: 5,
      shutdownGraceSeconds: 30,
    });
    expect(() => loadConfig({ HINDSIGHT_METRICS_TOKEN: 'short', HINDSIGHT_SHUTDOWN_GRACE_SECONDS: '-1' })).toThrow(/HINDSIGHT_METRICS_TOKEN: [^\n]*\n[^\n]*HINDSIGHT_SHUTDOWN_GRACE_SECONDS: /);
  });

  it.each([
    [{}, { weekday: 1, hour: 9 }],
    [{ HINDSIGHT_DIGEST_WEEKDAY: 'Friday', HINDSIGHT_DIGEST_HOUR: '16' }, { weekday: 5, hour: 16 }],
    [{ HINDSIGHT_DIGEST_WEEKDAY: 'sun', HINDSIGHT_DIGEST_HOUR: '0' }, { weekday: 7, hour: 0 }],
  ])('sends the weekly team digest at a weekday and hour: %j', (env, expected) => {
    expect(loadConfig(env).notifications.weeklyDigest).toEqual(expected);
  });

  it('refuses a weekly digest day or hour that is not one, naming each', () => {
    expect(() => loadConfig({ HINDSIGHT_DIGEST_WEEKDAY: 'monkey', HINDSIGHT_DIGEST_HOUR: '24' })).toThrow(/HINDSIGHT_DIGEST_WEEKDAY: [^\n]*\n[^\n]*HINDSIGHT_DIGEST_HOUR: /);
  });

  it('runs a job worker by default, and reads its settings', () => {
    expect(loadConfig({}).jobs).toEqual({ enabled: true, concurrency: 10, pollIntervalMs: 1_000, retentionDays: 14, deadRetentionDays: 90 });
    const config = loadConfig({
      HINDSIGHT_JOBS: 'off',
      HINDSIGHT_JOB_CONCURRENCY: '4',
      HINDSIGHT_JOB_POLL_MS: '250',
      HINDSIGHT_JOB_RETENTION_DAYS: '7',
      HINDSIGHT_JOB_DEAD_RETENTION_DAYS: '30',
    });
    expect(config.jobs).toEqual({ enabled: false, concurrency: 4, pollIntervalMs: 250, retentionDays: 7, deadRetentionDays: 30 });
    expect(() => loadConfig({ HINDSIGHT_JOBS: 'sometimes', HINDSIGHT_JOB_CONCURRENCY: '0', HINDSIGHT_JOB_RETENTION_DAYS: 'forever' })).toThrow(
      /HINDSIGHT_JOBS: [^\n]*\n[^\n]*HINDSIGHT_JOB_CONCURRENCY: [^\n]*\n[^\n]*HINDSIGHT_JOB_RETENTION_DAYS: /,
    );
  });

  it('never prints the OpenID client secret', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'config'], {
      encoding: 'utf8',
      env: { ...process.env, HINDSIGHT_OIDC_ISSUER: 'https://login.example.com', HINDSIGHT_OIDC_CLIENT_ID: 'hindsight', HINDSIGHT_OIDC_CLIENT_SECRET: 'do-not-print-me' },
    });
    expect(output).not.toContain('do-not-print-me');
    expect(JSON.parse(output).operations.metricsToken).toBeNull();
    expect(JSON.parse(output).auth.oidc.clientSecret).toBe('(set)');
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
    expect(output).toMatch(/admin create --email <email> --name <name> \[--password <password>\]/);
  });
});
