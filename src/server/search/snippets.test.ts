import { describe, expect, it } from 'vitest';
import type { SnippetSegment } from '../../shared/search/search.schema.js';
import { snippetSegments } from './snippets.js';

const s = '\u0002';
const e = '\u0003';

describe('snippetSegments', () => {
  it.each<[string, string | null, SnippetSegment[] | null]>([
    ['nothing', null, null],
    ['no highlight', 'plain text', null],
    ['one word', `the ${s}disk${e} filled`, [{ text: 'the ', highlight: false }, { text: 'disk', highlight: true }, { text: ' filled', highlight: false }]],
    ['at the start and end', `${s}disk${e} and ${s}disk${e}`, [{ text: 'disk', highlight: true }, { text: ' and ', highlight: false }, { text: 'disk', highlight: true }]],
    ['adjacent highlights merge', `${s}disk${e}${s}full${e}`, [{ text: 'diskfull', highlight: true }]],
    ['HTML stays text', `<b>${s}<script>${e}</b>`, [{ text: '<b>', highlight: false }, { text: '<script>', highlight: true }, { text: '</b>', highlight: false }]],
    ['an unclosed mark runs to the end', `a ${s}disk`, [{ text: 'a ', highlight: false }, { text: 'disk', highlight: true }]],
    ['a stray end mark is dropped', `a${e} ${s}b${e}`, [{ text: 'a ', highlight: false }, { text: 'b', highlight: true }]],
  ])('%s', (_name, marked, segments) => expect(snippetSegments(marked)).toEqual(segments));
});
