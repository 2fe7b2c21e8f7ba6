/**
 * Cuts the action items out of the postmortems under ../shared/data (list items and table rows
 * under an "Action items", "Corrective actions", "Follow-up" ... heading) and prints candidate
 * references with their text, for labelling into test/fixtures/language/real-action-items.jsonl.
 *
 *   npx tsx scripts/language-actions-extract.ts > /tmp/action-candidates.jsonl
 */
import fs from 'node:fs';
import path from 'node:path';
import { REAL_SOURCES, sourceFilePath, textHash } from '../test/fixtures/language/real-sources.js';

const ACTION_HEADING =
  /^(#{1,6})\s*(.*(action|corrective|follow[- ]?up|remediation|next steps|preventi|what we are doing|what we're doing|improvements?|todo|to-do|mitigation|future|recommend|going forward|measures|tasks|what'?s next|fixes|work items|lessons|takeaways|what can (you|i|we)|what is pypi doing|long term|short term|protecting|securing|locking dependencies|what you can do|what actions).*)$/i;
const SKIP_HEADING = /timeline/i;

function markdownFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return entry.name === 'audits' ? [] : markdownFiles(path.join(dir, entry.name), relative);
    return entry.name.endsWith('.md') && !/template|README|SOURCE|SECURITY/i.test(entry.name) ? [relative] : [];
  });
}

for (const source of REAL_SOURCES.filter((s) => s.id !== 'danluu-post-mortems')) {
  const dir = path.dirname(sourceFilePath(source, 'x'));
  for (const file of markdownFiles(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    let level = 0;
    let offset = 0;
    let index = 0;
    text.split('\n').forEach((line, n) => {
      const lineStart = offset;
      offset += line.length + 1;
      const heading = /^(#{1,6})\s/.exec(line);
      if (heading) {
        const match = ACTION_HEADING.exec(line);
        if (match && !SKIP_HEADING.test(line)) level = match[1]!.length;
        else if (heading[1]!.length <= level) level = 0;
        return;
      }
      if (level === 0) return;
      const item = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*\S)\s*$/.exec(line) ?? /^\s*\|\s*([^|]*[A-Za-z][^|]*?)\s*\|/.exec(line);
      if (!item || /^[-:\s|]+$/.test(item[1]!) || /^(action|item|owner|description|task)s?\b\s*$/i.test(item[1]!)) return;
      const start = lineStart + line.indexOf(item[1]!);
      const end = start + item[1]!.length;
      const itemText = text.slice(start, end);
      if ((itemText.match(/[A-Za-z]+/g) ?? []).length < 2) return;
      const doc = `${source.id}/${file}`;
      console.log(JSON.stringify({ id: `${doc}#a${index++}`, source: source.id, path: file, line: n + 1, start, end, hash: textHash(itemText), doc, text: itemText }));
    });
  }
}
