/**
 * Turns candidate sentences into tokens with compromise's part-of-speech tags and UTF-16
 * offsets into the original text. Hyphenated words are merged ("on-call",
 * "double-check") and possessives are flagged ("Bob's" -> norm "bob", possessive).
 */
import nlp from 'compromise';
import type { Term } from 'compromise/misc';
import type { TextSpan } from './sentences.js';

export interface Token {
  text: string;
  /** Lowercase, contractions expanded ("didn't" -> "did", "not"), possessive 's removed. */
  norm: string;
  tags: Set<string>;
  start: number;
  end: number;
  possessive: boolean;
  /** A named person: compromise's #Person tag or a capitalised name from options.people. */
  person: boolean;
  /** A clause or sentence boundary follows this token (. ; : — parentheses). */
  breakAfter: boolean;
  commaAfter: boolean;
}

/** Name parts ("priya", "raman") of the incident's people, accent-free and lowercase. */
export type PeopleIndex = ReadonlySet<string>;

type CompromiseTerm = Term & { implicit?: string };

const CLAUSE_BREAK = /[;:—–()!?.]|\s-\s/;
const POSSESSIVE = /(['’]s|s['’])$/i;
/** `_` and `*` that open or close a word, never inside one (snake_case stays whole). */
const EMPHASIS_MARKS = /(?<![\p{L}\p{N}_*])[_*]+(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])[_*]+(?![\p{L}\p{N}_*])/gu;

/** Letters that Unicode does not decompose into a base letter and an accent. */
const UNDECOMPOSED: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ı: 'i' };

/** Lowercase without accents, so that "Søren", "Soren" and "SØREN" compare equal. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđı]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

export function buildPeopleIndex(people: readonly string[] = []): PeopleIndex {
  const parts = new Set<string>();
  for (const name of people) {
    // "priya.raman@example.com" names Priya Raman, not Example.
    for (const part of foldName(name.split('@')[0] ?? '').split(/[^\p{L}]+/u)) {
      if (part.length >= 2) parts.add(part);
    }
  }
  return parts;
}

/**
 * Tags all candidate sentences in one compromise call (a call costs ~0.1 ms on its own, as
 * much as tagging a short sentence) and returns one token list per span.
 */
export function tokenizeSpans(spans: readonly TextSpan[], people: PeopleIndex): Token[][] {
  // Markdown emphasis ("_attempted_ but failed to", "**Forgot** to") blanked to spaces of the same length: offsets stay.
  const joined = spans.map((span) => span.text).join('\n').replace(EMPHASIS_MARKS, (marks) => ' '.repeat(marks.length));
  const result: Token[][] = spans.map(() => []);
  let spanIndex = 0;
  let spanStart = 0;
  let cursor = 0;
  for (const terms of tag(joined).docs) {
    for (const term of terms as CompromiseTerm[]) {
      const at = term.text === '' ? cursor : joined.indexOf(term.text, cursor);
      const start = at < 0 ? cursor : at;
      cursor = start + term.text.length;
      while (spanIndex < spans.length - 1 && pastSpan(term, start, spanStart + spans[spanIndex]!.text.length)) {
        spanStart += spans[spanIndex]!.text.length + 1;
        spanIndex++;
      }
      const offset = spans[spanIndex]!.start - spanStart;
      pushOrMerge(result[spanIndex]!, toToken(term, offset + start, people), joined, offset);
    }
    const sentenceEnd = result[spanIndex]!.at(-1);
    if (sentenceEnd) sentenceEnd.breakAfter = true;
  }
  for (const tokens of result) {
    const last = tokens.at(-1);
    if (last) last.breakAfter = true;
    markSurnames(tokens);
  }
  return result;
}

/** "Sam Okafor": a capitalised word right after a first name is the person's surname. */
function markSurnames(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const previous = tokens[i - 1]!;
    const token = tokens[i]!;
    if (previous.person && !previous.possessive && !previous.breakAfter && !previous.commaAfter && /^\p{Lu}\p{Ll}/u.test(token.text)) {
      token.person = true;
    }
  }
}

/** An implicit term ("not" of "didn't") sits right at the end of its span. */
function pastSpan(term: CompromiseTerm, start: number, spanEnd: number): boolean {
  return term.text === '' ? start > spanEnd : start >= spanEnd;
}

/** `offset` maps positions in `joined` to positions in the original text. */
function pushOrMerge(tokens: Token[], token: Token, joined: string, offset: number): void {
  const previous = tokens.at(-1);
  const hyphenated = previous && previous.text !== '' && previous.end === token.start - 1 && joined[token.start - offset - 1] === '-';
  if (previous && hyphenated) mergeHyphenated(previous, token, joined.slice(previous.start - offset, token.end - offset));
  else tokens.push(token);
}

/**
 * compromise's tagger without its post-tagger and chunker: those two are ~85% of the time
 * of nlp(text) and only refine tags (e.g. clause chunks) that the rules do not need.
 * See corpus-evaluation.test.ts for the precision this keeps.
 */
const TAGGING_STEPS = ['freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo'];

function tag(sentence: string) {
  const doc = nlp.tokenize(sentence);
  doc.compute(TAGGING_STEPS);
  return doc;
}

function toToken(term: CompromiseTerm, start: number, people: PeopleIndex): Token {
  const possessive = POSSESSIVE.test(term.text);
  const raw = (term.implicit ?? term.normal).toLowerCase();
  const norm = possessive ? raw.replace(/['’]s?$/, '') : raw;
  const tags = new Set(term.tags ?? []);
  const named = /^\p{Lu}/u.test(term.text) && people.has(foldName(term.text.replace(POSSESSIVE, '')));
  return {
    text: term.text,
    norm,
    tags,
    start,
    end: start + term.text.length,
    possessive,
    person: tags.has('Person') || named,
    breakAfter: CLAUSE_BREAK.test(term.post),
    commaAfter: term.post.includes(','),
  };
}

/** "on" + "-" + "call" becomes one token "on-call" that keeps the tags of its last part. */
function mergeHyphenated(into: Token, next: Token, text: string): void {
  into.text = text;
  into.norm = `${into.norm}-${next.norm}`;
  into.tags = new Set([...next.tags, 'Hyphenated']);
  into.end = next.end;
  into.possessive = next.possessive;
  into.person = into.person && next.person;
  into.breakAfter = next.breakAfter;
  into.commaAfter = next.commaAfter;
}
