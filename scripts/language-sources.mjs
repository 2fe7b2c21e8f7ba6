#!/usr/bin/env node
// Materialises the fetched postmortem repositories of the real language development set
// (test/fixtures/language/real-sources.ts) from local git snapshots, at the pinned commits,
// into ../shared/language-sources (or $HINDSIGHT_LANGUAGE_SOURCES): one folder per
// repository named owner+name. The project stores only references into these files.
//
//   node scripts/language-sources.mjs <dir holding owner+name/repo git directories>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const snapshots = process.argv[2];
if (!snapshots) {
  console.error('usage: node scripts/language-sources.mjs <snapshots dir>');
  process.exit(2);
}
const target = process.env.HINDSIGHT_LANGUAGE_SOURCES ?? path.resolve(here, '../../shared/language-sources');
const sourcesFile = fs.readFileSync(path.resolve(here, '../test/fixtures/language/real-sources.ts'), 'utf8');
const fetched = [...sourcesFile.matchAll(/repo: '([^']+)', commit: '([0-9a-f]{40})'[^\n]*kind: 'fetched'/g)];
const dataSet = fs.readFileSync(path.resolve(here, '../test/fixtures/language/real-sentences.jsonl'), 'utf8');
const actionSet = fs.readFileSync(path.resolve(here, '../test/fixtures/language/real-action-items.jsonl'), 'utf8');
const wanted = new Set(
  [...dataSet.split('\n'), ...actionSet.split('\n')].filter(Boolean).map((line) => {
    const { source, path: file } = JSON.parse(line);
    return `${source}\u0000${file}`;
  }),
);
for (const [, repo, commit] of fetched) {
  const gitDir = path.join(snapshots, repo.replace('/', '+'), 'repo');
  for (const key of wanted) {
    const [source, file] = key.split('\u0000');
    const id = sourcesFile.match(new RegExp(`id: '([^']+)', repo: '${repo.replace('/', '\\/')}'`))?.[1];
    if (source !== id) continue;
    const out = path.join(target, repo.replace('/', '+'), file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${file}`]));
    console.log(`${repo}@${commit.slice(0, 8)} ${file}`);
  }
}
