import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertSource, AlertSourceWithSecret } from '../../shared/alerts/alert-source.schema.js';
import type { Incident } from '../../shared/incidents/incident.schema.js';
import type { TimelineEntry } from '../../shared/timeline/timeline.schema.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';

/**
 * Prometheus Alertmanager as a real peer (Debian's prometheus-alertmanager; scripts/test.mjs installs
 * it when missing): its webhook receiver points at the app with basic auth (the source's secret), an
 * alert posted to its API becomes an incident with its timeline entry, and its resolution resolves it.
 */
const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const WAIT_MS = 90_000;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, log: () => string = () => ''): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() - started > WAIT_MS) throw new Error(`Timed out waiting for ${what}\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Alertmanager {
  url: string;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

async function startAlertmanager(webhookUrl: string, secret: string): Promise<Alertmanager> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-alertmanager-'));
  const config = path.join(dir, 'alertmanager.yml');
  writeFileSync(
    config,
    [
      'route:',
      '  receiver: hindsight',
      "  group_by: ['alertname']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 4h',
      'receivers:',
      '  - name: hindsight',
      '    webhook_configs:',
      `      - url: ${JSON.stringify(webhookUrl)}`,
      '        send_resolved: true',
      '        http_config:',
      '          basic_auth:',
      '            username: alertmanager',
      `            password: ${JSON.stringify(secret)}`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const child = spawn(ALERTMANAGER, [`--config.file=${config}`, `--storage.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=debug'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor('Alertmanager to be ready', async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined), () => output);
  return {
    url,
    child,
    log: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const postAlerts = async (am: Alertmanager, alerts: object[]) => {
  const response = await fetch(`${am.url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
  expect(response.status).toBe(200);
};

describe.each(databaseKinds)('Alertmanager as a real peer on %s', (kind) => {
  const t = useTestApp(kind);
  let alertmanager: Alertmanager | undefined;
  afterAll(async () => alertmanager?.stop());

  const incidentsOf = async (t: TestApp, sourceId: number) => (await t.request<{ items: Incident[] }>({ method: 'GET', url: `/api/incidents?externalSource=alert-source:${sourceId}` })).body.items;

  it('an alert posted to Alertmanager becomes an incident with its timeline entry; resolving the alert resolves it', { timeout: 4 * WAIT_MS }, async () => {
    expect(existsSync(ALERTMANAGER), `${ALERTMANAGER} is missing: apt-get install prometheus-alertmanager`).toBe(true);
    const source = (await t.request<AlertSourceWithSecret>({ method: 'POST', url: '/api/admin/alert-sources', payload: { kind: 'alertmanager', name: 'Prometheus', settings: { defaultSeverity: 'sev3', service: null } } })).body;
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    alertmanager = await startAlertmanager(`${address}/api/hooks/alerts/${source.id}`, source.secret);

    const startsAt = new Date(Date.now() - 60_000);
    const alert = { labels: { alertname: 'CheckoutLatencyHigh', service: 'checkout', severity: 'critical' }, annotations: { summary: 'p99 latency above 2s' }, generatorURL: 'http://prometheus.example/graph?g0.expr=latency', startsAt: startsAt.toISOString() };
    await postAlerts(alertmanager, [alert]);

    const am = alertmanager;
    const [incident] = await waitFor('the incident', async () => {
      const items = await incidentsOf(t, source.id);
      return items.length ? items : undefined;
    }, () => am.log());
    expect(incident).toMatchObject({ title: 'p99 latency above 2s', severity: 'sev1', services: ['checkout'], status: 'active', labels: ['alertmanager'] });
    expect(Date.parse(incident!.detectedAt!)).toBe(startsAt.getTime());
    const entries = async () => (await t.request<{ items: TimelineEntry[] }>({ method: 'GET', url: `/api/incidents/${incident!.id}/timeline` })).body.items.filter((e) => e.source === 'alert');
    const [triggered] = await entries();
    expect(triggered).toMatchObject({ kind: 'detection', text: 'Alertmanager: CheckoutLatencyHigh firing — p99 latency above 2s', provenance: { label: 'Alertmanager "Prometheus"', ref: alert.generatorURL } });

    // Resolving: the same alert with an end in the past.
    const endsAt = new Date();
    await postAlerts(alertmanager, [{ ...alert, endsAt: endsAt.toISOString() }]);
    const resolved = await waitFor('the resolution', async () => {
      const [current] = await incidentsOf(t, source.id);
      return current?.status === 'resolved' ? current : undefined;
    }, () => am.log());
    expect(Date.parse(resolved.resolvedAt!)).toBe(endsAt.getTime());
    expect((await entries()).map((e) => e.kind)).toEqual(['detection', 'resolution']);
    const log = (await t.request<AlertSource>({ method: 'GET', url: `/api/admin/alert-sources/${source.id}` })).body.lastDeliveries;
    expect(log.map((d) => d.status)).toEqual(['updated', 'created']);
    expect(await incidentsOf(t, source.id)).toHaveLength(1);
  });
});
