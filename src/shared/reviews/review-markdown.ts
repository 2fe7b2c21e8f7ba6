/**
 * The whole review as Markdown (F16 export, and what GET /api/reviews/:id/markdown serves): the
 * same sections, in the same order, as the review page. Pure: the document in, text out.
 */
import type { ActionItem } from '../actions/action-item.schema.js';
import type { TimelineEntry } from '../timeline/timeline.schema.js';
import type { Factor, FactorKind } from './factor.schema.js';
import { block, inline, link, section, table, timestamp } from './markdown-text.js';
import type { ReviewDocument } from './review-document.schema.js';
import { formatDuration } from './review-metrics.js';
import { templateSections } from './review-templates.js';

type Metric = ReviewDocument['metrics'][number];

const byTime = (a: TimelineEntry, b: TimelineEntry) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.id - b.id;

function header({ review, incident }: ReviewDocument): string {
  const facts = [
    ['Incident', `#${incident.id}, ${incident.severity}${incident.userFacing ? ', user-facing' : ''}, ${incident.status}`],
    ['Services', incident.services.join(', ')],
    ['Review', `${review.state}${review.dueAt ? `, due ${timestamp(review.dueAt)}` : ''}`],
    ['Owner', review.owner],
    ['Facilitator', review.facilitator],
    ['Scribe', review.scribe],
    ['Commander', incident.commander],
    ['Template', templateSections[review.template].label],
  ];
  return [`# ${inline(incident.title)}`, table(['', ''], facts)].join('\n\n');
}

const keyMoments = [
  ['Impact started', 'impactStartedAt'],
  ['Detected', 'detectedAt'],
  ['Responded', 'respondedAt'],
  ['Mitigated', 'mitigatedAt'],
  ['Resolved', 'resolvedAt'],
] as const;

function metricRow(metric: Metric): string[] {
  if (metric.status === 'known') {
    const note = `${timestamp(metric.from)} → ${timestamp(metric.to)}${metric.derivedFromTimeline ? ' (from the timeline)' : ''}`;
    return [metric.label, formatDuration(metric.milliseconds), note];
  }
  return [metric.label, metric.status, metric.reason];
}

function metrics(doc: ReviewDocument): string {
  const moments = table(['Moment', 'Time'], keyMoments.map(([label, field]) => [label, timestamp(doc.incident[field])]));
  return section('Key timestamps and metrics', moments, table(['Metric', 'Value', 'How it was found'], doc.metrics.map(metricRow)));
}

function timeline(entries: TimelineEntry[]): string {
  if (entries.length === 0) return section('Timeline', '_No timeline entries yet._');
  const rows = [...entries].sort(byTime).map((e) => [timestamp(e.occurredAt), e.kind, e.text, e.author, e.source]);
  return section('Timeline', table(['Time', 'Kind', 'Event', 'Author', 'Source'], rows));
}

function factor(f: Factor, entries: Map<number, TimelineEntry>): string {
  const facts = [
    f.category ? `Category: ${f.category}` : '',
    f.tags.length ? `Tags: ${f.tags.join(', ')}` : '',
    f.acceptedRisk ? 'Accepted as a risk' : '',
  ].filter(Boolean);
  const linked = f.timelineEntryIds.flatMap((id) => {
    const entry = entries.get(id);
    return entry ? [`- ${timestamp(entry.occurredAt)}: ${inline(entry.text)}`] : [];
  });
  return [
    `### ${inline(f.title)}`,
    facts.length ? `_${facts.join(' · ')}_` : '',
    f.description?.trim() ?? '',
    linked.length ? `Timeline:\n${linked.join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

const factorSections: Array<[FactorKind, string, string]> = [
  ['contributor', 'Contributors', 'No contributors recorded.'],
  ['mitigator', 'Mitigators', 'No mitigators recorded.'],
  ['risk', 'Risks', 'No risks recorded.'],
  ['learning', 'Learnings', 'No learnings recorded.'],
];

function factors(doc: ReviewDocument): string[] {
  const entries = new Map(doc.timeline.map((e) => [e.id, e]));
  return factorSections.map(([kind, heading, empty]) => {
    const items = doc.factors.filter((f) => f.kind === kind).map((f) => factor(f, entries));
    const intro = kind === 'learning' && doc.review.learnings?.trim() ? [doc.review.learnings.trim()] : [];
    const parts = [...intro, ...items];
    return section(heading, ...(parts.length ? parts : [`_${empty}_`]));
  });
}

function whys(doc: ReviewDocument): string {
  if (doc.whys.length === 0) return section('Five whys', '_No five-whys chains yet._');
  const titles = new Map(doc.factors.map((f) => [f.id, inline(f.title)]));
  const chains = doc.whys.map((chain) => {
    const steps = chain.steps.map((step, i) => `${i + 1}. **${inline(step.why)}**\n   ${inline(step.because) || '_(no answer yet)_'}`);
    const related = chain.factorIds.map((id) => titles.get(id)).filter(Boolean);
    return [
      `### ${inline(chain.title)}`,
      steps.join('\n'),
      `**Systemic cause:** ${chain.systemicCause ? inline(chain.systemicCause) : '_not reached yet_'}`,
      related.length ? `Related factors: ${related.join('; ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  return section('Five whys', ...chains);
}

function questions(doc: ReviewDocument): string {
  return section('Questions', ...doc.questions.map((q) => `### ${q.label}\n\n${block(q.answer, 'Not answered.')}`));
}

function actionItems(doc: ReviewDocument): string {
  if (doc.actionItems.length === 0) return section('Action items', '_No action items yet._');
  const titles = new Map(doc.factors.map((f) => [f.id, f.title]));
  const rows = doc.actionItems.map((a, i) => [
    i + 1,
    a.externalUrl ? link(a.title, a.externalUrl) : a.title,
    a.owner,
    a.dueDate ? `${a.dueDate}${a.overdue ? ' (overdue)' : ''}` : null,
    a.priority,
    a.class,
    a.kind,
    a.status === 'declined' ? `declined: ${a.declineReason ?? ''}` : a.status.replace('_', ' '),
    a.factorIds.map((id) => titles.get(id)).filter(Boolean).join('; '),
  ]);
  const notes = doc.actionItems.flatMap((a, i) => actionNotes(a, i + 1));
  const heads = ['#', 'Action', 'Owner', 'Due', 'Priority', 'Class', 'Kind', 'Status', 'Addresses'];
  return section('Action items', table(heads, rows), notes.join('\n'));
}

function actionNotes(item: ActionItem, n: number): string[] {
  const notes = [];
  if (item.description?.trim()) notes.push(`- **${n}.** ${inline(item.description)}`);
  if (item.secondOrderEffects?.trim()) notes.push(`- **${n}. Second-order effects:** ${inline(item.secondOrderEffects)}`);
  return notes;
}

export function renderReviewMarkdown(doc: ReviewDocument): string {
  const parts = [
    header(doc),
    section('Summary', block(doc.review.summary, 'No summary yet.')),
    section('Impact', block(doc.review.impact ?? doc.incident.customerImpact, 'Impact not described yet.')),
    metrics(doc),
    timeline(doc.timeline),
    ...factors(doc),
    whys(doc),
    questions(doc),
    actionItems(doc),
  ];
  return `${parts.join('\n\n')}\n`;
}
