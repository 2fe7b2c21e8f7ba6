import { z } from 'zod';
import { actionItemSchema } from '../actions/action-item.schema.js';
import { incidentSchema } from '../incidents/incident.schema.js';
import { metricSchema, timelineEntrySchema } from '../timeline/timeline.schema.js';
import { factorSchema } from './factor.schema.js';
import { questionSchema } from './question.schema.js';
import { reviewSchema, reviewTemplateSchema } from './review.schema.js';
import { whysSchema } from './whys.schema.js';

export const completenessSchema = z.object({
  template: reviewTemplateSchema,
  filled: z.number().int().describe('How many of the template sections have content'),
  total: z.number().int(),
  sections: z.array(z.object({ key: z.string(), label: z.string(), filled: z.boolean(), count: z.number().int() })),
});

/** The whole review in one read: what the UI shows and what the Markdown export renders. */
export const reviewDocumentSchema = z.object({
  review: reviewSchema,
  incident: incidentSchema,
  timeline: z.array(timelineEntrySchema).describe('In time order'),
  metrics: z.array(metricSchema),
  factors: z.array(factorSchema),
  whys: z.array(whysSchema),
  questions: z.array(questionSchema),
  actionItems: z.array(actionItemSchema),
  completeness: completenessSchema,
}).meta({ id: 'ReviewDocument' });
export type ReviewDocument = z.infer<typeof reviewDocumentSchema>;
