#!/usr/bin/env node
// `npm test`: the whole suite. Unit and API tests (Vitest, on SQLite and, when reachable, PostgreSQL),
// then browser tests (Playwright on Debian's Chromium) against the built app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const chromium = '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(chromium)) return true;
  console.log('Chromium is missing: installing it from Debian packages (apt-get install chromium)...');
  const asRoot = process.getuid?.() === 0 ? '' : 'sudo -n ';
  const install = spawnSync('sh', ['-c', `${asRoot}apt-get update -qq && ${asRoot}apt-get install -y -qq chromium`], { stdio: 'inherit' });
  if (install.status === 0 && fs.existsSync(chromium)) return true;
  console.error('Could not install Chromium; browser tests need /usr/bin/chromium (apt-get install chromium).');
  return false;
}

const alertmanager = '/usr/bin/prometheus-alertmanager';

/** The alert sources' test talks to a real Alertmanager (src/server/alerts/alertmanager.test.ts): Debian's package. */
function ensureAlertmanager() {
  if (fs.existsSync(alertmanager)) return;
  console.log('Alertmanager is missing: installing it from Debian packages (apt-get install prometheus-alertmanager)...');
  const asRoot = process.getuid?.() === 0 ? '' : 'sudo -n ';
  const install = spawnSync('sh', ['-c', `${asRoot}apt-get update -qq && ${asRoot}apt-get install -y -qq --no-install-recommends prometheus-alertmanager`], { stdio: 'inherit' });
  if (install.status !== 0 || !fs.existsSync(alertmanager)) console.error('Could not install Alertmanager; its test fails without /usr/bin/prometheus-alertmanager.');
}

function run(command, env = process.env) {
  console.log(`\n$ ${command}`);
  return spawnSync(command, { shell: true, stdio: 'inherit', env }).status === 0;
}

/** Browser tests on SQLite always, and on PostgreSQL too when DATABASE_URL is set (as in CI). */
function browserTests() {
  const { DATABASE_URL, ...withoutPostgres } = process.env;
  const runs = [['browser tests on SQLite', run('npx playwright test', withoutPostgres)]];
  if (DATABASE_URL) runs.push(['browser tests on PostgreSQL', run('npx playwright test', process.env)]);
  return runs;
}

/** Vitest's failures, read from its JSON report, for the summary: CI keeps only the end of the output. */
function vitestFailures(reportFile) {
  try {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    return report.testResults.flatMap((file) =>
      file.assertionResults
        .filter((test) => test.status === 'failed')
        .map((test) => `  ${path.relative(process.cwd(), file.name)} > ${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n')[0].slice(0, 300)}`),
    );
  } catch {
    return [];
  }
}

const vitestReport = path.join(os.tmpdir(), `hindsight-vitest-${process.pid}.json`);
const results = [];
ensureAlertmanager();
results.push(['unit and API tests', run(`npx vitest run --reporter=default --reporter=json --outputFile=${vitestReport}`)]);
const failedUnitTests = vitestFailures(vitestReport);
fs.rmSync(vitestReport, { force: true });
if (ensureChromium()) {
  const built = run('npm run build --silent');
  results.push(['build', built]);
  if (built) results.push(...browserTests());
} else {
  results.push(['browser tests', false]);
}

const failed = results.filter(([, ok]) => !ok);
console.log('\nSummary:');
for (const [name, ok] of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
if (failedUnitTests.length) console.log(`\nFailed unit and API tests:\n${failedUnitTests.join('\n')}`);
console.log(`suites: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
