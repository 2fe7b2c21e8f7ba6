/**
 * Prints the blameless checker's figures on the real development set, per part and kind, and
 * with -v every miss and false flag (for tuning: run it on the tune part only).
 *
 *   npx tsx scripts/language-evaluate.ts [tune|test|all|synthetic] [-v]
 */
import {
  evaluateActionItems,
  evaluateRealSentences,
  formatActionEvaluation,
  formatEvaluation,
  type Part,
} from '../test/fixtures/language/real-evaluation.js';

const part = (process.argv.find((a) => ['tune', 'test', 'all', 'synthetic'].includes(a)) ?? 'tune') as Part;
const result = evaluateRealSentences(part);
if (process.argv.includes('-v')) {
  for (const miss of result.misses) console.log(`MISS ${miss.kind.padEnd(16)} ${miss.text}`);
  for (const flag of result.falseFlags) console.log(`FLAG ${flag.rules.padEnd(16)} ${flag.text}`);
}
console.log(formatEvaluation(result));
if (part !== 'synthetic') {
  const actions = evaluateActionItems(part);
  if (process.argv.includes('-v')) {
    for (const miss of actions.misses) console.log(`ACTION MISS ${miss.expected.padEnd(22)} ${miss.text}`);
    for (const flag of actions.falseFlags) console.log(`ACTION FLAG ${flag.rule.padEnd(22)} ${flag.text}`);
  }
  console.log(formatActionEvaluation(actions));
}
