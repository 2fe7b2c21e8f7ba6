/** `npm run bench`: every benchmark in turn; each writes bench/results/<name>.json and prints a table. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const only = process.argv.slice(2);
const benches = fs
  .readdirSync('bench')
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

for (const file of benches) {
  console.log(`\n# ${file}`);
  execFileSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
}
