/**
 * The five-whys editor suggests the next question from the last answer ("The pool was exhausted" →
 * "Why was the pool exhausted?"). A suggestion must read as an English question: the subject and its
 * auxiliary swap places, a past-tense verb takes "did", and only the first clause is asked about.
 * When the sentence has no shape these rules know, it is asked as "Why is it that …?", which is
 * always grammatical.
 */

const auxiliaries = new Set(['is', 'are', 'was', 'were', 'can', 'could', 'did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'should', 'may', 'might', 'must', 'isn’t', "isn't", 'aren’t', "aren't", 'wasn’t', "wasn't", 'weren’t', "weren't", 'can’t', "can't", 'couldn’t', "couldn't", 'didn’t', "didn't", 'doesn’t', "doesn't", 'don’t', "don't", 'hasn’t', "hasn't", 'haven’t', "haven't", 'hadn’t', "hadn't", 'won’t', "won't", 'wouldn’t', "wouldn't", 'shouldn’t', "shouldn't"]);

const irregularPast: Record<string, string> = {
  ran: 'run', went: 'go', took: 'take', broke: 'break', got: 'get', fell: 'fall', sent: 'send', made: 'make', lost: 'lose', left: 'leave',
  came: 'come', saw: 'see', began: 'begin', grew: 'grow', kept: 'keep', found: 'find', became: 'become', wrote: 'write', hit: 'hit', let: 'let',
  forgot: 'forget', held: 'hold', knew: 'know', thought: 'think', told: 'tell', spent: 'spend', brought: 'bring', built: 'build', led: 'lead', read: 'read',
};

const presentInEed = new Set(['need', 'feed', 'seed', 'speed', 'bleed', 'breed', 'proceed', 'exceed', 'succeed']);

// Leading words that are not names, so they may lose their capital inside the question.
const commonStarts = /^(the|a|an|this|that|these|those|our|we|it|they|there|its|their|some|no|one|two|every|each|all|most|nobody|nothing|someone|something)$/i;

/** "failed" → "fail", "timed" → "time", "retried" → "retry", "dropped" → "drop"; null when not a regular past tense. */
export function baseOfRegularPast(word: string): string | null {
  const w = word.toLowerCase();
  if (!/^[a-z]{3,}ed$/.test(w)) return null;
  if (w.endsWith('eed')) return presentInEed.has(w) ? null : w.slice(0, -1); // "agreed", not "exceed"
  if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  const stem = w.slice(0, -2);
  if (/([bdgkmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  // A single vowel before a final consonant usually lost an e ("timed", "saturated", "paged", "caused"),
  // except after the unstressed endings of "opened", "triggered", "limited", "reckoned".
  if (/[^aeiou][aeiou][bcdgkmprstvz]$/.test(stem) && !/(er|en|on|el|it|et|om|al|ow|ew|ex)$/.test(stem)) return `${stem}e`;
  if (/(us|ur|ir|iz|yz|os|iv|ev|av|ov|uc)$/.test(stem)) return `${stem}e`; // caused, configured, archived
  return stem;
}

// The first word loses its capital inside the question unless it looks like a name ("PagerDuty", "API", "S3").
const lowerStart = (words: string[]) => (words.length && (commonStarts.test(words[0]!) || /^[A-Z][a-z]+$/.test(words[0]!)) ? [words[0]!.toLowerCase(), ...words.slice(1)] : words);

/** The first clause of an answer, as a question starting with "Why". */
export function whyQuestion(answer: string): string {
  let clause = answer.trim().split(/\s*(?:[;:]|—|–| - |, (?:so|and|but|because|which) |\. )\s*/)[0] ?? '';
  clause = clause.replace(/[.?!]+$/, '').replace(/^because\s+/i, '').trim();
  if (!clause) return '';
  if (/^why\b/i.test(clause)) return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}?`;
  const words = clause.split(/\s+/);
  const aux = words.findIndex((w, i) => i > 0 && auxiliaries.has(w.toLowerCase()));
  if (aux > 0) {
    const subject = lowerStart(words.slice(0, aux));
    const rest = words.slice(aux + 1);
    const negated = rest[0]?.toLowerCase() === 'not';
    return `Why ${words[aux]!.toLowerCase()} ${subject.join(' ')}${negated ? ' not' : ''} ${(negated ? rest.slice(1) : rest).join(' ')}?`.replace(/\s+\?$/, '?');
  }
  // An irregular past is surely the verb; a word in -ed may be an adjective of the subject ("the misconfigured pool ran").
  const irregular = words.findIndex((w, i) => i > 0 && irregularPast[w.toLowerCase()] !== undefined);
  const verb = irregular > 0 ? irregular : words.findIndex((w, i) => i > 0 && baseOfRegularPast(w) !== null);
  if (verb > 0) {
    const word = words[verb]!.toLowerCase();
    const base = irregularPast[word] ?? baseOfRegularPast(word)!;
    return `Why did ${lowerStart(words.slice(0, verb)).join(' ')} ${[base, ...words.slice(verb + 1)].join(' ')}?`;
  }
  return `Why is it that ${lowerStart(words).join(' ')}?`;
}
