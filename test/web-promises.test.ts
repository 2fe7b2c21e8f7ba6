import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The web app never points people at something that does not exist yet. Each entry names a
 * feature still to come (issues 18 and 20); when it lands, remove its line here.
 */
const notYetBuilt: Array<[string, RegExp]> = [
  ['alert webhooks (issue 18)', /webhook/i],
  ['the command-line client (issue 20)', /command[- ]line|\bCLI\b/],
];

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/web');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe('the web app promises only what is there', () => {
  it.each(notYetBuilt)('mentions no %s', (_feature, pattern) => {
    const offenders = sources(webRoot).filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(webRoot, f))).toEqual([]);
  });
});
