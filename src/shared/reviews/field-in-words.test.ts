import { describe, expect, it } from 'vitest';
import { fieldInWords } from './field-in-words.js';

const doc = {
  timeline: [{ id: 40, text: 'PagerDuty alert fired for checkout p95 latency above two seconds for five minutes' }],
  factors: [{ id: 12, title: 'No alert on pool saturation' }],
  whys: [{ id: 3, title: 'Why checkout failed' }],
  questions: [{ key: 'went_well', label: 'What went well?' }],
  actionItems: [{ id: 4, title: 'Alert on pool saturation' }],
} as unknown as Parameters<typeof fieldInWords>[1];

describe('fieldInWords: a review field as people say it', () => {
  it.each([
    ['summary', 'the summary'],
    ['impact', 'the impact'],
    ['learnings', 'the learnings'],
    ['incident.customerImpact', 'the incident’s customer impact'],
    ['actionItems.4.title', 'the title of action item “Alert on pool saturation”'],
    ['actionItems.4.description', 'the description of action item “Alert on pool saturation”'],
    ['actionItems.99.title', 'an action item'],
    ['factors.12.description', 'the description of factor “No alert on pool saturation”'],
    ['whys.3.title', 'the title of the five whys “Why checkout failed”'],
    ['whys.3.steps.0.because', 'why 1 (answer) of the five whys “Why checkout failed”'],
    ['whys.3.systemicCause', 'the systemic cause of the five whys “Why checkout failed”'],
    ['timeline.40.text', 'the timeline entry “PagerDuty alert fired for checkout p95 latency…”'],
    ['questions.went_well', 'the answer to “What went well?”'],
  ])('%s', (field, expected) => {
    expect(fieldInWords(field, doc)).toBe(expected);
  });
});
