/**
 * The user's text as safe search terms: words of letters and digits only, so nothing typed
 * (quotes, `*`, `-`, `:`, parentheses, NEAR, OR) is ever read as full-text query syntax. The
 * server quotes each term for the engine; the last one matches as a prefix while it is being typed.
 */
export interface SearchTerms {
  terms: string[];
  /** The last term also matches the words it starts: the text does not end after a finished word. */
  prefixLast: boolean;
}

export const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 60;
/** A one-letter prefix matches most of the index: too broad to be worth the work. */
const MIN_PREFIX_LENGTH = 2;

/** Words too common to say anything about a review; dropped unless they are all there is. */
export const stopWords: ReadonlySet<string> = new Set(
  ('a an and are as at be but by for from had has have he her his i if in into is it its of on or our she so that the their them then there these they ' +
    'this to was we were what when where which who why will with you your not no do did does been being than too very can could should would our us')
    .split(' '),
);

/** The words of `text`: lower-cased runs of letters and digits. */
export const wordsOf = (text: string): string[] => text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function tokeniseQuery(text: string): SearchTerms {
  const words = wordsOf(text).map((word) => word.slice(0, MAX_TERM_LENGTH));
  const endsInWord = /[\p{L}\p{N}]$/u.test(text.normalize('NFKC'));
  const last = words.at(-1);
  const prefixLast = endsInWord && last !== undefined && last.length >= MIN_PREFIX_LENGTH;
  const typing = endsInWord ? words.slice(-1) : [];
  const finished = endsInWord ? words.slice(0, -1) : words;
  const meaningful = finished.filter((word) => !stopWords.has(word));
  const kept = [...(meaningful.length || typing.length ? meaningful : finished), ...typing];
  // A one-letter word being typed says too little: left out unless it is the only word.
  const usable = kept.filter((word, i) => !(i === kept.length - 1 && endsInWord && word.length < MIN_PREFIX_LENGTH && kept.length > 1));
  const terms = [...new Set(usable)].slice(-MAX_TERMS);
  return { terms, prefixLast: prefixLast && terms.at(-1) === last };
}
