import type { DocumentParts } from './review-part.js';

const quoted = (text: string | null | undefined, max = 48): string => {
  const t = (text ?? '').trim().replace(/\s+/g, ' ');
  return `“${t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t}”`;
};

const properties: Record<string, string> = { title: 'title', description: 'description', systemicCause: 'systemic cause', why: 'question', because: 'answer' };
const sectionNames: Record<string, string> = { summary: 'the summary', impact: 'the impact', learnings: 'the learnings', 'incident.customerImpact': 'the incident’s customer impact' };

/**
 * A review field as people say it, for messages: `actionItems.4.title` → the title of action item
 * “Alert on pool saturation”. The path (reviewTexts' naming) stays the key; this is only what is shown.
 */
export function fieldInWords(field: string, doc: Pick<DocumentParts, 'timeline' | 'factors' | 'whys' | 'questions' | 'actionItems'>): string {
  const named = sectionNames[field];
  if (named) return named;
  const [area, key, ...rest] = field.split('.');
  const id = Number(key);
  const property = properties[rest.at(-1) ?? ''] ?? null;
  switch (area) {
    case 'actionItems': {
      const item = doc.actionItems.find((a) => a.id === id);
      return item ? `the ${property ?? 'text'} of action item ${quoted(item.title)}` : 'an action item';
    }
    case 'factors': {
      const factor = doc.factors.find((f) => f.id === id);
      return factor ? `the ${property ?? 'text'} of factor ${quoted(factor.title)}` : 'a factor';
    }
    case 'whys': {
      const whys = doc.whys.find((w) => w.id === id);
      if (!whys) return 'a five-whys chain';
      if (rest[0] === 'steps') return `why ${Number(rest[1]) + 1} (${property ?? 'text'}) of the five whys ${quoted(whys.title)}`;
      return `the ${property ?? 'text'} of the five whys ${quoted(whys.title)}`;
    }
    case 'timeline': {
      const entry = doc.timeline.find((e) => e.id === id);
      return entry ? `the timeline entry ${quoted(entry.text)}` : 'a timeline entry';
    }
    case 'questions': {
      const question = doc.questions.find((q) => q.key === key);
      return question ? `the answer to ${quoted(question.label)}` : 'an answer to a key question';
    }
    default:
      return field;
  }
}
