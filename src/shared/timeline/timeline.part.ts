/** The timeline (F5) and the metrics computed from it (F6). */
import { definePart } from '../reviews/review-part.js';
import { emphasis, paragraph, section, table, text, timestamp } from '../reviews/markdown/mdast.js';
import { formatDuration } from '../reviews/review-metrics.js';
import type { ReviewDocument } from '../reviews/review-document.schema.js';

type Metric = ReviewDocument['metrics'][number];

const keyMoments = [
  ['Impact started', 'impactStartedAt'],
  ['Detected', 'detectedAt'],
  ['Responded', 'respondedAt'],
  ['Mitigated', 'mitigatedAt'],
  ['Resolved', 'resolvedAt'],
] as const;

/** An unknown time is never written: its instant only orders the entry. */
const entryTime = (entry: ReviewDocument['timeline'][number]) =>
  entry.precision === 'unknown' ? 'time unknown' : `${entry.precision === 'approximate' ? '≈ ' : ''}${timestamp(entry.occurredAt)}${entry.precision === 'range' ? ' (range)' : ''}`;

function metricRow(metric: Metric): string[] {
  if (metric.status === 'known') {
    const note = `${timestamp(metric.from)} → ${timestamp(metric.to)}${metric.derivedFromTimeline ? ' (from the timeline)' : ''}`;
    return [metric.label, formatDuration(metric.milliseconds), note];
  }
  return [metric.label, metric.status, metric.reason];
}

export const timelinePart = definePart({
  key: 'timeline',
  label: 'Timeline',
  count: ({ timeline }) => timeline.filter((entry) => !entry.deleted).length,
  markdown(doc) {
    const moments = table(['Moment', 'Time'], keyMoments.map(([label, field]) => [label, timestamp(doc.incident[field])]));
    const metrics = section('Key timestamps and metrics', moments, table(['Metric', 'Value', 'How it was found'], doc.metrics.map(metricRow)));
    const entries = doc.timeline
      .filter((entry) => !entry.deleted)
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.id - b.id)
      .map((e) => [entryTime(e), e.kind, e.text, e.author.name, e.source]);
    const timeline = entries.length
      ? section('Timeline', table(['Time', 'Kind', 'Event', 'Author', 'Source'], entries))
      : section('Timeline', paragraph(emphasis(text('No timeline entries yet.'))));
    return [...metrics, ...timeline];
  },
  texts: ({ timeline }) => timeline.map((e) => ({ field: `timeline.${e.id}.text`, text: e.text })),
});
