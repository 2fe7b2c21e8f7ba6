/**
 * Issue 4's targets: the review editor with 2,000 timeline entries is interactive in under 1 s in
 * headless Chromium, and the initial JavaScript is under 350 KB gzipped. Builds the app, runs the
 * measurement in Playwright (bench/editor/), prints bench/results/editor.json.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';

execSync('npm run build --silent', { stdio: 'inherit' });
const { DATABASE_URL: _ignored, ...sqliteOnly } = process.env;
execSync('npx playwright test --config bench/editor/playwright.config.ts', { stdio: 'inherit', env: sqliteOnly });
const result = JSON.parse(fs.readFileSync('bench/results/editor.json', 'utf8')) as Record<string, unknown>;
console.table([result]);
