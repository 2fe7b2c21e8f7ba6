import { describe, expect, it } from 'vitest';
import { cheapWords } from './prefilter.js';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it.each([
    ['One. Two!  Three?', ['One.', 'Two!', 'Three?']],
    ['Line one\nLine two', ['Line one', 'Line two']],
    ['| 09:05 | Bob paged Sara |', ['09:05', 'Bob paged Sara']],
    ['Version v1.2.3 was deployed at 10:00. Done', ['Version v1.2.3 was deployed at 10:00.', 'Done']],
    ['He said "stop." Then left.', ['He said "stop."', 'Then left.']],
    ['Peter W. restarted the pods. Done.', ['Peter W. restarted the pods.', 'Done.']],
    ['Caches, e.g. Redis, were cold. Then warm.', ['Caches, e.g. Redis, were cold.', 'Then warm.']],
    ['The engineer restarted\nthe pods. Done', ['The engineer restarted\nthe pods.', 'Done']],
    ['- first item\n- second item', ['- first item', '- second item']],
    ['Summary\n\nthe pods restarted', ['Summary', 'the pods restarted']],
    ['', []],
  ])('%j', (text, expected) => {
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(expected);
    for (const span of spans) expect(text.slice(span.start, span.start + span.text.length)).toBe(span.text);
  });
});

describe('cheapWords', () => {
  it.each([
    ["Didn't bother", ['did', 'not', 'bother']],
    ['should’ve', ['should', 'have']],
    ["Bob's on-call", ['bob', 's', 'on', 'call']],
    ["can't, won't", ['can', 'not', 'will', 'not']],
  ])('%s', (text, expected) => {
    expect(cheapWords(text)).toEqual(expected);
  });
});
