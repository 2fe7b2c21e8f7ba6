/** compromise's built-in word list, e.g. { sara: 'FemaleName', will: 'Modal' }, loaded once. */
import nlp from 'compromise';

let cachedLexicon: Record<string, string> | undefined;

export function lexicon(): Record<string, string> {
  cachedLexicon ??= (nlp.world() as { model: { one: { lexicon: Record<string, string> } } }).model.one.lexicon;
  return cachedLexicon;
}

/** Not a word compromise knows: a capitalised one may be a name ("Okafor", "Priya"). */
export function isUnknownWord(word: string): boolean {
  return lexicon()[word.toLowerCase()] === undefined;
}
