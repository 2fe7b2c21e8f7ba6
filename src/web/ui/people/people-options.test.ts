import { describe, expect, it } from 'vitest';
import { enterChoice, personOptions, toPersonInput } from './people-options.js';

const me = { id: 1, name: 'Ada Lindqvist', email: 'ada@example.com' };
const found = [
  { id: 1, name: 'Ada Lindqvist' },
  { id: 2, name: 'Priya Shah' },
  { id: 3, name: 'Priyanka Rao' },
];
const labels = (options: ReturnType<typeof personOptions>) => options.map((o) => o.label);

describe('what a person picker offers', () => {
  it('puts the signed-in user first, as "Me", and never twice', () => {
    expect(labels(personOptions({ search: '', me, found, allowNames: true }))).toEqual(['Me (Ada Lindqvist)', 'Priya Shah', 'Priyanka Rao']);
  });

  it('offers "me" when the search matches their name, e-mail or the word "me"', () => {
    expect(labels(personOptions({ search: 'lind', me, found: [], allowNames: false }))).toEqual(['Me (Ada Lindqvist)']);
    expect(labels(personOptions({ search: 'me', me, found: [], allowNames: false }))).toEqual(['Me (Ada Lindqvist)']);
    expect(labels(personOptions({ search: 'ada@', me, found: [], allowNames: false }))).toEqual(['Me (Ada Lindqvist)']);
    expect(labels(personOptions({ search: 'pri', me, found: found.slice(1), allowNames: false }))).toEqual(['Priya Shah', 'Priyanka Rao']);
  });

  it('offers what was typed as a plain name when no account has exactly that name', () => {
    const options = personOptions({ search: 'Alex (vendor)', me, found: [], allowNames: true });
    expect(labels(options)).toEqual(['Use “Alex (vendor)” as a name']);
    expect(options[0]!.person).toEqual({ userId: null, name: 'Alex (vendor)' });
    expect(labels(personOptions({ search: 'priya shah', me, found: [found[1]!], allowNames: true }))).toEqual(['Priya Shah']);
    expect(labels(personOptions({ search: 'Alex', me, found: [], allowNames: false }))).toEqual([]);
  });

  it('leaves out people already picked', () => {
    const options = personOptions({ search: '', me, found, allowNames: true, exclude: [{ userId: 2, name: 'Priya Shah' }, { userId: 1, name: 'Ada Lindqvist' }] });
    expect(labels(options)).toEqual(['Priyanka Rao']);
  });

  it('sends accounts by id and plain names as written', () => {
    expect(toPersonInput({ userId: 2, name: 'Priya Shah' })).toEqual({ userId: 2 });
    expect(toPersonInput({ userId: null, name: 'Alex (vendor)' })).toEqual({ name: 'Alex (vendor)' });
  });

  it.each([
    ['Priya Shah', [found[1]!], 'Priya Shah'],
    ['priya shah ', [found[1]!], 'Priya Shah'],
    ['Priya Raman', [found[1]!], 'Use “Priya Raman” as a name'],
    ['ada lindqvist', [], 'Me (Ada Lindqvist)'],
    ['', found, null],
  ])('Enter with nothing highlighted after typing "%s" takes the exact account or the typed name', (search, accounts, expected) => {
    const choice = enterChoice(personOptions({ search, me, found: accounts, allowNames: true }), search);
    expect(choice?.label ?? null).toBe(expected);
  });

  it('Enter takes nothing when plain names are not allowed and nobody has that name', () => {
    expect(enterChoice(personOptions({ search: 'Alex', me, found: [], allowNames: false }), 'Alex')).toBeNull();
  });
});
