import { describe, expect, it } from 'vitest';
import { mentionInProgress } from './mention-in-progress.js';

describe('the @mention being typed', () => {
  it.each([
    ['Thanks @pri', 'pri'],
    ['@', ''],
    ['ask @Priya Sh', 'Priya Sh'],
    ['mail me at ada@example.com', null],
    ['@Priya ', null],
    ['no mention', null],
  ])('%j → %j', (text, expected) => {
    expect(mentionInProgress(text)).toBe(expected);
  });
});
