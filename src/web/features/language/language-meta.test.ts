import { describe, expect, it } from 'vitest';
import { excerptContext, scoreTone } from './language-meta.js';

const around = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return excerptContext(text, start, start + phrase.length);
};

describe('excerptContext', () => {
  it('shows the flagged phrase inside its own sentence only', () => {
    const text = 'Alerts fired at 08:29. The outage happened because Bob should have checked the config. We rolled back.';
    expect(around(text, 'Bob should have')).toEqual({ before: 'The outage happened because ', match: 'Bob should have', after: ' checked the config.' });
  });

  it('shortens a long sentence at word boundaries and marks the cuts', () => {
    const text = `${'word '.repeat(30)}the engineer failed to ${'notice '.repeat(30)}the alert`;
    const { before, match, after } = around(text, 'the engineer failed to');
    expect(before.startsWith('… word')).toBe(true);
    expect(after.endsWith(' …')).toBe(true);
    expect(after.trimEnd().replace(' …', '').split(' ').every((w) => w === '' || w === 'notice')).toBe(true);
    expect(match).toBe('the engineer failed to');
  });

  it('stops at a line break', () => {
    expect(around('- Carol was careless\n- Second point', 'careless')).toEqual({ before: '- Carol was ', match: 'careless', after: '' });
  });
});

describe('scoreTone', () => {
  it('bands the score calmly', () => {
    expect([90, 70, 45, 10].map((s) => scoreTone(s).label)).toEqual(['Strong', 'Good start', 'Needs work', 'Early draft']);
  });
});
