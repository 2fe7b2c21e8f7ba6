/**
 * Writes test/fixtures/language/real-action-items.jsonl from labelled action-item candidates
 * (language-actions-extract.ts plus a label each: null when the wording is fine, else the
 * wording rule the item deserves). Split by document as the sentences are.
 *
 *   npx tsx scripts/language-actions-build.ts /tmp/labelled-actions.json
 */
import fs from 'node:fs';
import { textHash } from '../test/fixtures/language/real-sources.js';

const [input] = process.argv.slice(2);
if (!input) throw new Error('usage: language-actions-build.ts labelled.json');
const items = JSON.parse(fs.readFileSync(input, 'utf8')) as Array<Record<string, unknown> & { doc: string }>;
const splitOf = (doc: string) => (parseInt(textHash(`hindsight-language-v1:${doc}`), 16) % 2 === 0 ? 'tune' : 'test');
const lines = items.map(({ expected, ...item }) => JSON.stringify({ ...item, split: splitOf(item.doc), expected }));
fs.writeFileSync('test/fixtures/language/real-action-items.jsonl', `${lines.join('\n')}\n`);
console.log(`${lines.length} action items written`);
