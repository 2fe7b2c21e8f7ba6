/**
 * Review templates (F4): which sections a review shows and in what order. No section is ever
 * required; completeness only reports which ones have content. A section counts what its sources
 * hold, as each review part counts it (review-part.ts).
 */
import type { FactorKind } from './factor.schema.js';
import type { QuestionKey } from './review-questions.js';

export const reviewTemplates = ['sources', 'google-sre', 'gitlab'] as const;
export type ReviewTemplate = (typeof reviewTemplates)[number];

export type ReviewTextField = 'summary' | 'impact' | 'learnings';

/** What a template section shows: a review part, or a selection of one (factors of a kind, one question). */
export type SectionSource =
  | { part: ReviewTextField }
  | { part: 'timeline' }
  | { part: 'factors'; kind: FactorKind }
  | { part: 'whys' }
  | { part: 'questions'; key: QuestionKey }
  | { part: 'actionItems' };

export interface TemplateSection {
  key: string;
  label: string;
  sources: SectionSource[];
}

const text = (part: ReviewTextField): SectionSource => ({ part });
const factors = (kind: FactorKind): SectionSource => ({ part: 'factors', kind });
const question = (key: QuestionKey): SectionSource => ({ part: 'questions', key });
const timeline: SectionSource = { part: 'timeline' };
const whys: SectionSource = { part: 'whys' };
const actionItems: SectionSource = { part: 'actionItems' };

export const templateSections: Record<ReviewTemplate, { label: string; sections: TemplateSection[] }> = {
  // The DevOps-library format: summary, timeline, contributing factors, what went well, action items.
  sources: {
    label: 'Incident review (DevOps library)',
    sections: [
      { key: 'summary', label: 'Incident summary', sources: [text('summary')] },
      { key: 'timeline', label: 'Timeline', sources: [timeline] },
      { key: 'contributors', label: 'Contributing factors', sources: [factors('contributor'), whys] },
      { key: 'went_well', label: 'What went well', sources: [question('went_well'), factors('mitigator')] },
      { key: 'action_items', label: 'Action items', sources: [actionItems] },
    ],
  },
  // Google SRE book, chapter 15 and its example postmortem.
  'google-sre': {
    label: 'Postmortem (Google SRE)',
    sections: [
      { key: 'summary', label: 'Summary', sources: [text('summary')] },
      { key: 'impact', label: 'Impact', sources: [text('impact')] },
      { key: 'contributors', label: 'Trigger and contributing factors', sources: [factors('contributor'), whys] },
      { key: 'detection', label: 'Detection', sources: [question('detect_sooner')] },
      { key: 'resolution', label: 'Resolution', sources: [question('resolve_faster'), question('mitigate_impact')] },
      { key: 'action_items', label: 'Action items', sources: [actionItems] },
      { key: 'went_well', label: 'Lessons learned: what went well', sources: [question('went_well'), factors('mitigator')] },
      { key: 'went_wrong', label: 'Lessons learned: what went wrong', sources: [question('went_wrong')] },
      { key: 'got_lucky', label: 'Lessons learned: where we got lucky', sources: [question('got_lucky')] },
      { key: 'timeline', label: 'Timeline', sources: [timeline] },
    ],
  },
  // GitLab's incident review issue template.
  gitlab: {
    label: 'Incident review (GitLab)',
    sections: [
      { key: 'summary', label: 'Summary', sources: [text('summary')] },
      { key: 'impact', label: 'Customer impact', sources: [text('impact')] },
      { key: 'detection', label: 'Detection and response', sources: [question('detect_sooner'), question('diagnose_faster'), timeline] },
      { key: 'whys', label: 'Five whys', sources: [whys] },
      { key: 'contributors', label: 'Contributing factors', sources: [factors('contributor')] },
      { key: 'went_well', label: 'What went well', sources: [question('went_well')] },
      { key: 'went_wrong', label: 'What can be improved', sources: [question('went_wrong'), factors('risk')] },
      { key: 'learnings', label: 'Learnings', sources: [text('learnings'), factors('learning'), question('learned_about_system')] },
      { key: 'action_items', label: 'Corrective actions', sources: [actionItems] },
    ],
  },
};
