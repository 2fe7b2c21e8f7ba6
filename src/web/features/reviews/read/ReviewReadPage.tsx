import { Box, Button, Group, Skeleton } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { formatDuration } from '../../../../shared/reviews/review-metrics.js';
import { useSession } from '../../../app/session.js';
import { useIncident } from '../../incidents/use-incident.js';
import { useMetrics, useTimeline } from '../../timeline/use-timeline.js';
import { DueDay } from '../../../ui/DueDay.js';
import { ExportMenu } from '../../knowledge-base/ExportMenu.js';
import { useRecordRead } from '../../knowledge-base/use-record-read.js';
import { reviewStateLabel } from '../../../ui/badges.js';
import { QueryError } from '../../../ui/QueryError.js';
import { useFactors, useQuestions, useReview, useReviewActionItems, useTaxonomy, useWhys } from '../use-review.js';
import { useReviewDocument } from '../use-review-document.js';
import { RelatedIncidentsCard } from '../../search/RelatedIncidentsCard.js';
import { ReviewAttachments } from '../ReviewAttachments.js';
import { ReadBody } from './ReadBody.js';
import { readViewMetrics } from './read-metrics.js';
import './read.css';

/** The review as a document, top to bottom in the sources' format; prints cleanly. */
export default function ReviewReadPage() {
  const id = Number(useParams().id);
  const { canWrite } = useSession();
  const doc = useReviewDocument(id);
  const reviewId = doc.isSuccess ? id : 0;
  const incidentId = doc.data?.incidentId ?? 0;
  const review = useReview(reviewId);
  const incident = useIncident(incidentId);
  const timeline = useTimeline(incidentId);
  const metrics = useMetrics(incidentId);
  const factors = useFactors(reviewId);
  const whys = useWhys(reviewId);
  const questions = useQuestions(reviewId);
  const actions = useReviewActionItems(reviewId);
  const taxonomy = useTaxonomy();
  const labels = new Map([...(taxonomy.data?.categories ?? []), ...(taxonomy.data?.tags ?? [])].map((t) => [t.key, t.label]));
  const labelOf = (k: string) => labels.get(k) ?? k;

  const r = review.data;
  const i = incident.data;
  const shownMetrics = readViewMetrics(metrics.data?.items ?? []);
  useRecordRead(id, doc.isSuccess);

  return (
    <Box px={{ base: 'md', md: 32 }} py={28}>
      <Group justify="space-between" maw={880} mx="auto" mb="md" className="hs-no-print">
        {canWrite ? (
          <Button component={Link} to={`/reviews/${id}`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
            Back to the editor
          </Button>
        ) : (
          <Button component={Link} to="/reviews" variant="subtle" leftSection={<IconArrowLeft size={16} />}>
            All reviews
          </Button>
        )}
        <Group gap="xs">
          <ExportMenu reviewId={id} />
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      <Box maw={880} mx="auto" mb="md">
        <ReviewAttachments reviewId={reviewId} />
      </Box>
      {doc.isError && <QueryError error={doc.error} onRetry={() => void doc.refetch()} />}
      {!r || !i ? (
        <Skeleton h={600} maw={880} mx="auto" radius="lg" />
      ) : (
        <article className="hs-doc" data-testid="review-document" aria-label="Incident review">
          <div className="hs-meta">Incident review · #{i.id} · {i.severity.toUpperCase()}{i.userFacing ? ' · user-facing' : ''}{i.services.length ? ` · ${i.services.join(', ')}` : ''}</div>
          <h1>{i.title}</h1>
          <div className="hs-meta">
            Owner {r.owner?.name ?? 'unassigned'}{r.facilitator ? ` · facilitator ${r.facilitator.name}` : ''} · {reviewStateLabel[r.state]}
            {r.dueAt ? <> · due <DueDay value={r.dueAt} /></> : ''}
          </div>
          {shownMetrics.length > 0 && (
            <dl className="hs-stats">
              {shownMetrics.map((m) => (
                <div key={m.key}>
                  <dt>{m.label}</dt>
                  <dd title={m.status === 'known' ? undefined : m.reason}>{m.status === 'known' ? formatDuration(m.milliseconds) : m.status === 'unknown' ? 'Unknown' : 'Contradictory'}</dd>
                </div>
              ))}
            </dl>
          )}

          <ReadBody doc={{ review: r, incident: i, timeline: timeline.data ?? [], factors: factors.data ?? [], whys: whys.data ?? [], questions: questions.data ?? [], actionItems: actions.data ?? [], labelOf }} />
          <p className="hs-meta" style={{ marginTop: 40 }}>Why this review: {r.policy.reason}.</p>
        </article>
      )}
      {reviewId > 0 && (
        <Box maw={880} mx="auto" mt="lg" className="hs-no-print">
          <RelatedIncidentsCard reviewId={reviewId} />
        </Box>
      )}
    </Box>
  );
}
