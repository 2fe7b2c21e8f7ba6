import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutAction } from './shortcuts.js';

const press = (key: string, extra: Partial<Parameters<typeof shortcutAction>[0]> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...extra });

describe('shortcutAction', () => {
  it.each([
    ['?', press('?'), { kind: 'help' }],
    ['/', press('/'), { kind: 'palette' }],
    ['Ctrl+k', press('k', { ctrlKey: true }), { kind: 'palette' }],
    ['Cmd+K', press('K', { metaKey: true }), { kind: 'palette' }],
    ['Ctrl+k while typing', press('k', { ctrlKey: true, typing: true }), { kind: 'palette' }],
    ['Ctrl+Alt+k', press('k', { ctrlKey: true, altKey: true }), null],
    ['/ while typing', press('/', { typing: true }), null],
    ['n', press('n'), { kind: 'new-entry' }],
    ['3', press('3'), { kind: 'section', index: 2 }],
    ['0 is nothing', press('0'), null],
    ['n while typing', press('n', { typing: true }), null],
    ['Ctrl+/', press('/', { ctrlKey: true }), null],
    ['Cmd+n', press('n', { metaKey: true }), null],
    ['x', press('x'), null],
  ])('%s', (_name, input, expected) => {
    expect(shortcutAction(input)).toEqual(expected);
  });
});

describe('isTypingTarget', () => {
  const el = (tagName: string, attrs: Record<string, string> = {}, isContentEditable = false) => ({ tagName, isContentEditable, getAttribute: (n: string) => attrs[n] ?? null });
  it.each([
    ['a text input', el('INPUT'), true],
    ['a date input', el('INPUT', { type: 'date' }), true],
    ['a checkbox', el('INPUT', { type: 'checkbox' }), false],
    ['a textarea', el('TEXTAREA'), true],
    ['an editable div', el('DIV', {}, true), true],
    ['a combobox', el('DIV', { role: 'combobox' }), true],
    ['a button', el('BUTTON'), false],
    ['nothing', null, false],
  ])('%s', (_name, target, expected) => {
    expect(isTypingTarget(target)).toBe(expected);
  });
});
