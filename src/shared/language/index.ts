/** Public API of the pure language rules: F7 blameless language, F8 action quality, F9 score. */
export { checkBlameless } from './blameless.js';
export { BLAMELESS_RULES, type BlamelessRule, type RuleId } from './blameless-rules.js';
export { checkActionItems } from './action-quality.js';
export type { ActionRuleId } from './action-rules.js';
export {
  scoreReview,
  QUALITY_WEIGHTS,
  type ReviewQualityInput,
  type QualityScore,
  type FieldLanguageFinding,
} from './quality-score.js';
export type {
  ActionFinding,
  ActionItemInput,
  ActionQualityInput,
  BlamelessOptions,
  ContributorInput,
  ItemId,
  LanguageFinding,
  Severity,
} from './types.js';
