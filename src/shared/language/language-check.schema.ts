/**
 * POST /api/language/check: the blameless-language checker for integrations and scripts.
 * Written once here; the server validates with it and the OpenAPI document is built from it.
 */
import { z } from 'zod';

/** Long enough for a whole review (about 15,000 words), short enough to answer in well under a second. */
export const LANGUAGE_CHECK_MAX_TEXT = 100_000;
export const LANGUAGE_CHECK_MAX_PEOPLE = 100;

export const languageCheckRequestSchema = z.strictObject({
  text: z.string().max(LANGUAGE_CHECK_MAX_TEXT).describe('The text to check: a sentence, a field or a whole review in Markdown'),
  people: z
    .array(z.string().trim().min(1).max(200))
    .max(LANGUAGE_CHECK_MAX_PEOPLE)
    .optional()
    .describe('Names of the people involved (e.g. commander and responders), so that names the checker does not know are recognised'),
});

export const blameKindSchema = z
  .enum(['human_error', 'counterfactual', 'character', 'exhortation', 'person_as_cause'])
  .describe('human_error, counterfactual (hindsight), character (judgement of a person), exhortation (asking people to try harder), person_as_cause');

export const languageFindingSchema = z.object({
  rule: z.string().describe('Stable rule id, e.g. omission or person-as-cause'),
  kind: blameKindSchema,
  start: z.number().int().describe('UTF-16 offset of the excerpt in `text`'),
  end: z.number().int(),
  excerpt: z.string().describe('text.slice(start, end)'),
  explanation: z.string().describe('Why this phrasing gets in the way of learning'),
  suggestion: z.string().describe('A systemic question or reframing built from this sentence, without the person’s name'),
  severity: z.enum(['warning', 'info']).describe('info when the writer reflects on their own team ("we", "I")'),
});

export const languageCheckResponseSchema = z.object({ findings: z.array(languageFindingSchema) });

export type LanguageCheckRequest = z.infer<typeof languageCheckRequestSchema>;
export type LanguageCheckResponse = z.infer<typeof languageCheckResponseSchema>;
