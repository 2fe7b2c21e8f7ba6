import { z } from 'zod';

const languageFindingSchema = z.object({
  field: z.string().describe('The free-text field, e.g. summary, questions.went_well, timeline.40.text'),
  label: z.string().optional().describe('The field in words, e.g. the title of action item “Alert on pool saturation”'),
  rule: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  explanation: z.string(),
  suggestion: z.string(),
  severity: z.enum(['warning', 'info']),
});

const actionFindingSchema = z.object({
  rule: z.string(),
  target: z.object({ kind: z.enum(['action', 'factor']), id: z.union([z.number(), z.string()]) }),
  explanation: z.string(),
  suggestion: z.string(),
});

/** F9: the review quality score, its parts and reasons, and the findings behind them. Advice, never a block. */
export const qualityScoreSchema = z.object({
  score: z.number().int().min(0).max(100),
  parts: z.object({ completeness: z.number(), blamelessness: z.number(), actionCoverage: z.number() }),
  reasons: z.array(z.string()),
  languageFindings: z.array(languageFindingSchema),
  actionFindings: z.array(actionFindingSchema),
});
