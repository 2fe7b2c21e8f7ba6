/**
 * The editor's side of the review-parts registry (src/shared/reviews/review-parts.ts): how each
 * part is edited and where the section navigation jumps for a template section that shows it.
 * Keyed by `PartKey`, so a part added to the registry without an editor here does not compile.
 */
import type { ReactNode } from 'react';
import type { ActionItem } from '../../../../shared/actions/action-item.schema.js';
import type { Incident } from '../../../../shared/incidents/incident.schema.js';
import type { Factor } from '../../../../shared/reviews/factor.schema.js';
import type { PartKey } from '../../../../shared/reviews/review-part.js';
import type { SectionSource } from '../../../../shared/reviews/review-templates.js';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import type { TimelineEntry } from '../../../../shared/timeline/timeline.schema.js';
import { userTimeZone } from '../../../ui/format.js';
import { ActionItemsSection } from '../../actions/ActionItemsSection.js';
import { SuspectChangesCard } from '../../changes/SuspectChangesCard.js';
import { MetricsPanel } from '../../timeline/MetricsPanel.js';
import { TimelineSection } from '../../timeline/TimelineSection.js';
import { FactorsSection } from '../factors/FactorsSection.js';
import { QuestionsSection } from '../questions/QuestionsSection.js';
import { WhysSection } from '../whys/WhysSection.js';
import { useEditorMode } from './editor-context.js';
import { EditorSection } from './EditorSection.js';
import { TextSection } from './TextSection.js';

export interface EditorPartProps {
  review: Review;
  incident: Incident;
  timeline: TimelineEntry[];
  factors: Factor[];
  actionItems: ActionItem[];
}

function TimelineEditor({ incident, entries }: { incident: Incident; entries: number }) {
  const { readOnly } = useEditorMode();
  return (
    <EditorSection id="timeline" title="Timeline" hint={`Exact timestamps, always in time order. Shown in ${userTimeZone}; hover a time for the original.`} count={entries} countLabel={(n) => `${n} entr${n === 1 ? 'y' : 'ies'}`} editingField="timeline">
      <MetricsPanel incidentId={incident.id} />
      <SuspectChangesCard incident={incident} readOnly={readOnly} />
      <TimelineSection incident={incident} readOnly={readOnly} />
    </EditorSection>
  );
}

export interface EditorPart<K extends PartKey> {
  edit: (props: EditorPartProps) => ReactNode;
  /** The element id the section navigation jumps to for a template section's source. */
  anchor: (source: Extract<SectionSource, { part: K }>) => string;
  /** Rendered right after the first paint, so the page accepts typing at once (see useAfterFirstPaint). */
  deferred: boolean;
}

export const editorParts: { readonly [K in PartKey]: EditorPart<K> } = {
  summary: {
    anchor: () => 'summary',
    deferred: false,
    edit: ({ review }) => <TextSection review={review} field="summary" title="Summary" hint="One paragraph for engineers who were not involved: what happened, when, for how long, and the impact." placeholder="On Tuesday at 08:21 UTC a change to …" />,
  },
  impact: {
    anchor: () => 'impact',
    deferred: false,
    edit: ({ review }) => <TextSection review={review} field="impact" title="Impact" hint="Who was affected and how: customers, internal teams, data." placeholder="All inbound traffic failed for 25 minutes …" />,
  },
  timeline: {
    anchor: () => 'timeline',
    deferred: false,
    edit: ({ incident, timeline }) => <TimelineEditor incident={incident} entries={timeline.length} />,
  },
  factors: {
    anchor: (source) => `factors-${source.kind}`,
    deferred: true,
    edit: ({ review, timeline }) => <FactorsSection reviewId={review.id} timeline={timeline} />,
  },
  whys: {
    anchor: () => 'whys',
    deferred: true,
    edit: ({ review }) => <WhysSection reviewId={review.id} />,
  },
  questions: {
    anchor: (source) => `question-${source.key}`,
    deferred: true,
    edit: ({ review }) => <QuestionsSection reviewId={review.id} />,
  },
  actionItems: {
    anchor: () => 'action-items',
    deferred: true,
    edit: ({ review, factors }) => <ActionItemsSection reviewId={review.id} factors={factors} />,
  },
  learnings: {
    anchor: () => 'learnings',
    deferred: true,
    edit: ({ review }) => <TextSection review={review} field="learnings" title="Learnings" hint="What the organisation should remember from this incident." placeholder="De-registration delay was considered only from a performance angle …" />,
  },
};

/** Where the navigation jumps for a source (each part answers for its own kind of source). */
export const anchorOf = (source: SectionSource): string => (editorParts[source.part].anchor as (source: SectionSource) => string)(source);
