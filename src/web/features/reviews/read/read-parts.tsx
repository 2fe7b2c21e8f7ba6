/**
 * The read view's side of the review-parts registry (src/shared/reviews/review-parts.ts): what each
 * part shows for a template section's source, and what it holds that the template did not show.
 * Keyed by `PartKey`, so a new part without a read view does not compile.
 */
import type { ReactNode } from 'react';
import type { ActionItem } from '../../../../shared/actions/action-item.schema.js';
import type { Incident } from '../../../../shared/incidents/incident.schema.js';
import { factorKinds, type Factor, type FactorKind } from '../../../../shared/reviews/factor.schema.js';
import type { Question } from '../../../../shared/reviews/question.schema.js';
import type { PartKey } from '../../../../shared/reviews/review-part.js';
import type { SectionSource } from '../../../../shared/reviews/review-templates.js';
import type { Review } from '../../../../shared/reviews/review.schema.js';
import type { Whys } from '../../../../shared/reviews/whys.schema.js';
import type { TimelineEntry } from '../../../../shared/timeline/timeline.schema.js';
import { userTimeZone } from '../../../ui/format.js';
import { factorKindMeta } from '../factors/factor-meta.js';
import { ActionTable, FactorList, Prose, WhysChains } from './ReadSections.js';
import { ReadTimeline } from './ReadTimeline.js';

export interface ReadDoc {
  review: Review;
  incident: Incident;
  timeline: TimelineEntry[];
  factors: Factor[];
  whys: Whys[];
  questions: Question[];
  actionItems: ActionItem[];
  labelOf: (key: string) => string;
}

/** Content the template did not show, under its own heading. */
export interface ReadBlock {
  heading: string;
  content: ReactNode;
}

type SourceOf<K extends PartKey> = Extract<SectionSource, { part: K }>;

export interface ReadPart<K extends PartKey> {
  /** What the part shows for one source of a template section; null when it holds nothing for it. */
  show: (doc: ReadDoc, source: SourceOf<K>) => ReactNode | null;
  /** What it holds that the template's sources (`shown`) left out. */
  rest: (doc: ReadDoc, shown: Array<SourceOf<K>>) => ReadBlock[];
  /** Its leftovers read as a subsection of the section before it (impact after the summary), not at the end. */
  nestsUnderPrevious?: boolean;
}

const written = (text: string | null | undefined) => Boolean(text?.trim());
const ofKind = (doc: ReadDoc, kind: FactorKind) => doc.factors.filter((f) => f.kind === kind);
const textPart = <K extends 'summary' | 'impact' | 'learnings'>(text: (doc: ReadDoc) => string | null, heading: string, nestsUnderPrevious = false): ReadPart<K> => ({
  show: (doc) => (written(text(doc)) ? <Prose text={text(doc)} /> : null),
  rest: (doc, shown) => (shown.length === 0 && written(text(doc)) ? [{ heading, content: <Prose text={text(doc)} /> }] : []),
  nestsUnderPrevious,
});

export const readParts: { readonly [K in PartKey]: ReadPart<K> } = {
  summary: textPart((doc) => doc.review.summary, 'Summary'),
  // The incident's own description of the impact stands in until the review has one.
  impact: textPart((doc) => doc.review.impact ?? doc.incident.customerImpact, 'Impact', true),
  timeline: {
    show: (doc) => (
      <>
        <p className="hs-meta">All times in {userTimeZone}; the original timestamps keep their offsets.</p>
        <ReadTimeline entries={doc.timeline} />
      </>
    ),
    rest: (doc, shown) => (shown.length === 0 && doc.timeline.length ? [{ heading: 'Timeline', content: <ReadTimeline entries={doc.timeline} /> }] : []),
  },
  factors: {
    show: (doc, source) => (ofKind(doc, source.kind).length ? <FactorList factors={ofKind(doc, source.kind)} labelOf={doc.labelOf} /> : null),
    rest: (doc, shown) =>
      factorKinds
        .filter((kind) => !shown.some((s) => s.kind === kind) && ofKind(doc, kind).length > 0)
        .map((kind) => ({ heading: factorKindMeta[kind].label, content: <FactorList factors={ofKind(doc, kind)} labelOf={doc.labelOf} /> })),
  },
  whys: {
    show: (doc) => (doc.whys.length ? <WhysChains chains={doc.whys} /> : null),
    rest: (doc, shown) => (shown.length === 0 && doc.whys.length ? [{ heading: 'Five whys', content: <WhysChains chains={doc.whys} /> }] : []),
  },
  questions: {
    show: (doc, source) => {
      const answer = doc.questions.find((q) => q.key === source.key)?.answer;
      return written(answer) ? <Prose text={answer} /> : null;
    },
    rest: (doc, shown) => {
      const others = doc.questions.filter((q) => written(q.answer) && !shown.some((s) => s.key === q.key));
      if (others.length === 0) return [];
      const content = others.map((q) => (
        <div key={q.key}>
          <h3>{q.label}</h3>
          <Prose text={q.answer} />
        </div>
      ));
      return [{ heading: 'Key questions', content }];
    },
  },
  actionItems: {
    show: (doc) => <ActionTable items={doc.actionItems} />,
    rest: (doc, shown) => (shown.length === 0 && doc.actionItems.length ? [{ heading: 'Action items', content: <ActionTable items={doc.actionItems} /> }] : []),
  },
  learnings: textPart((doc) => doc.review.learnings, 'Learnings'),
};

/** A source, shown by the part it names (each part answers for its own kind of source). */
export const showSource = (doc: ReadDoc, source: SectionSource): ReactNode | null => (readParts[source.part].show as (doc: ReadDoc, source: SectionSource) => ReactNode | null)(doc, source);

/** A part's leftovers, given the sources of it the template showed. */
export const restOf = (doc: ReadDoc, key: PartKey, shown: SectionSource[]): ReadBlock[] => (readParts[key].rest as (doc: ReadDoc, shown: SectionSource[]) => ReadBlock[])(doc, shown);
