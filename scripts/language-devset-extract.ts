/**
 * Step 1 of building the real development set (test/fixtures/language/README.md): cuts the
 * postmortems of every source into sentences, the way the checker does, and writes candidate
 * references with their text (for labelling only; the text is never committed).
 *
 *   HINDSIGHT_LANGUAGE_SOURCES=/tmp/langsrc npx tsx scripts/language-devset-extract.ts > /tmp/candidates.jsonl
 */
import fs from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../src/shared/language/sentences.js';
import { REAL_SOURCES, SHARED_DATA_DIR, FETCHED_SOURCES_DIR, textHash, type RealSource } from '../test/fixtures/language/real-sources.js';

const SKIP_FILES = /(^|\/)audits\/|(^|\/)SECURITY\.md$|(^|\/)(README|SOURCE|TEMPLATE|LICENSE)[^/]*$|template|\.json$|\/P2P_|dump_consensus/i;
/** Post-event summaries of the sources kept aside (../shared/data/README.md), as danluu's list links them. */
const KEPT_ASIDE = /aws\.amazon|amazon\.com|azure|microsoft|cloud\.google|status\.cloud\.google|github\.blog|githubstatus|github\.com\/blog|wikimedia|wikitech|posthog|mybinder|portswigger|chia|intelligentdds|justice\.gov\.uk|ministryofjustice/i;

function files(source: RealSource): string[] {
  const root = source.kind === 'shared' ? path.join(SHARED_DATA_DIR, source.id) : path.join(FETCHED_SOURCES_DIR, source.repo.replace('/', '+'));
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.md$/i.test(entry.name) || (source.id === 'danluu-post-mortems' && entry.name === 'README.md')) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.filter((f) => source.id === 'danluu-post-mortems' ? f === 'README.md' : !SKIP_FILES.test(f)).sort();
}

/** Blanks what is not prose (front matter, code, HTML, link targets) so offsets stay those of the file. */
function proseMask(text: string, danluu: boolean): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let masked = text.replace(/^---\n[\s\S]*?\n---\n/, blank);
  masked = masked.replace(/```[\s\S]*?```/g, blank).replace(/<[^>\n]+>/g, blank).replace(/`[^`\n]*`/g, (s) => s);
  masked = masked.replace(/\]\([^)\n]*\)/g, (s) => ']' + blank(s.slice(1)));
  if (danluu) {
    masked = masked
      .split('\n')
      .map((line, i, all) => {
        const raw = text.split('\n')[i] ?? '';
        return /^\[/.test(raw) && !KEPT_ASIDE.test(raw) && i > 0 && all ? line : blank(line);
      })
      .join('\n');
  }
  return masked;
}

const LEAD = /^(\s*(?:[-*+>]|#{1,6}|\d+[.)]|\*\*[^*]{0,40}\*\*:?|\[[^\]]{0,60}\]\.?)\s*)+/;

for (const source of REAL_SOURCES) {
  for (const file of files(source)) {
    const full = source.kind === 'shared' ? path.join(SHARED_DATA_DIR, source.id, file) : path.join(FETCHED_SOURCES_DIR, source.repo.replace('/', '+'), file);
    const text = fs.readFileSync(full, 'utf8');
    const masked = proseMask(text, source.id === 'danluu-post-mortems');
    let index = 0;
    for (const span of splitSentences(masked)) {
      let start = span.start;
      let end = span.start + span.text.length;
      const lead = LEAD.exec(text.slice(start, end));
      if (lead) start += lead[0].length;
      while (end > start && /[\s*|]/.test(text[end - 1]!)) end--;
      const sentence = text.slice(start, end);
      const words = sentence.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
      if (words.length < 4 || /https?:\/\//.test(sentence) && words.length < 8 || /^[-:| ]+$/.test(sentence) || /https?:|\[|\]/.test(masked.slice(start, end).replace(/\](?=\s)/g, '')) && words.length < 6) continue;
      if (/^(date|time|status|owner|authors?|severity|duration|impact|summary|tags?)\s*:/i.test(sentence) && words.length < 6) continue;
      const line = text.slice(0, start).split('\n').length;
      const doc = `${source.id}/${file}`;
      console.log(JSON.stringify({ id: `${doc}#${index++}`, source: source.id, path: file, line, start, end, hash: textHash(sentence), doc, text: sentence.replace(/\s+/g, ' ') }));
    }
  }
}
