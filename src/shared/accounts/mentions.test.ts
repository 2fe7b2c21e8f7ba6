import { describe, expect, it } from 'vitest';
import { findMentions, type Mentionable } from './mentions.js';

const users: Mentionable[] = [
  { id: 1, name: 'Ana Lima', email: 'ana@example.com' },
  { id: 2, name: 'Ana Souza', email: 'asouza@example.com' },
  { id: 3, name: 'Priya Shah', email: 'priya.shah@example.com' },
  { id: 4, name: 'Tom', email: 'tom@example.com' },
];

describe('findMentions', () => {
  it.each([
    ['a full name', 'Thanks @Priya Shah, can you check?', [3]],
    ['a unique first name', 'cc @priya', [3]],
    ['an e-mail address', 'ping @asouza@example.com please', [2]],
    ['the longest name, not a shared first name', '@Ana Lima and @Ana Souza', [1, 2]],
    ['nobody for a first name two users share', 'over to @Ana', []],
    ['nobody inside an e-mail address', 'mail tom@example.com', []],
    ['nobody when the name runs on into a longer word', '@Tommy said so', []],
    ['each person once, in order of first mention', '@Tom @Priya Shah @tom', [4, 3]],
    ['a name followed by punctuation', 'Agreed (@Tom).', [4]],
    ['nothing without an @', 'Priya Shah agreed', []],
  ])('finds %s', (_, text, ids) => {
    expect(findMentions(text, users)).toEqual(ids);
  });
});
