#!/usr/bin/env node
// `npm test`: the whole suite. Unit and API tests (Vitest, on SQLite and, when reachable, PostgreSQL),
// then browser tests (Playwright on Debian's Chromium) against the built app.
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Browser tests on SQLite always, and on PostgreSQL too when DATABASE_URL is set (as in CI): side by
 * side, each with its own server, port, data folder and database. A run mostly waits on its pages
 * (under half a core each), so two take little longer than one. Each run's output goes to
 * test-results/<database>-output.log as it comes, and is printed whole when the run ends.
 */
async function browserTests() {
  // Each run makes its own data folder and database (playwright.config.ts): none is inherited.
  const { DATABASE_URL, HINDSIGHT_E2E_DATA_DIR: _dataDir, HINDSIGHT_E2E_DATABASE: _database, ...base } = process.env;
  const runs = [['SQLite', 'sqlite', { ...base, HINDSIGHT_E2E_PORT: '3100' }]];
  if (DATABASE_URL) runs.push(['PostgreSQL', 'postgres', { ...base, DATABASE_URL, HINDSIGHT_E2E_PORT: '3200' }]);
  fs.mkdirSync('test-results', { recursive: true });
  return Promise.all(
    runs.map(
      ([name, folder, env]) =>
        new Promise((resolve) => {
          const logFile = path.join('test-results', `${folder}-output.log`);
          const log = fs.createWriteStream(logFile);
          const child = spawn('npx playwright test', { shell: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
          child.stdout.pipe(log, { end: false });
          child.stderr.pipe(log, { end: false });
          let finished = false;
          const finish = (ok) => {
            if (finished) return;
            finished = true;
            log.end(() => {
              console.log(`\n$ npx playwright test (on ${name}; ${logFile})\n${fs.readFileSync(logFile, 'utf8')}`);
              resolve([`browser tests on ${name}`, ok]);
            });
          };
          child.on('error', (error) => {
            if (!finished) log.write(`could not start: ${error.message}\n`);
            finish(false);
          });
          child.on('close', (code) => finish(code === 0));
        }),
    ),
  );
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
  if (built) results.push(...(await browserTests()));
} else {
  results.push(['browser tests', false]);
}

const failed = results.filter(([, ok]) => !ok);
console.log('\nSummary:');
for (const [name, ok] of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
if (failedUnitTests.length) console.log(`\nFailed unit and API tests:\n${failedUnitTests.join('\n')}`);
console.log(`suites: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
