import { Badge, Button, Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBook } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import type { ActionItem } from '../../../shared/actions/action-item.schema.js';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import type { Factor } from '../../../shared/reviews/factor.schema.js';
import type { Question } from '../../../shared/reviews/question.schema.js';
import type { Whys } from '../../../shared/reviews/whys.schema.js';
import type { Review } from '../../../shared/reviews/review.schema.js';
import { isApiError } from '../../api/errors.js';
import { OverdueBadge, ReviewStateBadge, SeverityBadge } from '../../ui/badges.js';
import { NotFound } from '../../ui/NotFound.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { ActionItemsSection } from '../actions/ActionItemsSection.js';
import { useIncident } from '../incidents/use-incident.js';
import { MetricsPanel } from '../timeline/MetricsPanel.js';
import { TimelineSection } from '../timeline/TimelineSection.js';
import { useTimeline } from '../timeline/use-timeline.js';
import { CompletenessNav } from './editor/CompletenessNav.js';
import { EditorSection } from './editor/EditorSection.js';
import { ReviewDetailsCard } from './editor/ReviewDetailsCard.js';
import { TextSection } from './editor/TextSection.js';
import { useCompleteness } from './editor/use-completeness.js';
import { FactorsSection } from './factors/FactorsSection.js';
import { QuestionsSection } from './questions/QuestionsSection.js';
import { useFactors, useQuestions, useReview, useReviewActionItems, useWhys } from './use-review.js';
import { useReviewDocument } from './use-review-document.js';
import { WhysSection } from './whys/WhysSection.js';
import { userTimeZone } from '../../ui/format.js';
import { useAfterFirstPaint } from '../../ui/use-after-first-paint.js';
import { warmUpLanguageChecker } from '../language/language-client.js';
import { LanguageProvider } from '../language/LanguageContext.js';
import { QualityPanel } from '../language/QualityPanel.js';
import { useReviewQuality } from '../language/use-review-quality.js';
import { useLiveReviewDocument, usePeopleSource } from './editor/use-live-document.js';

// Stable empty lists, so completeness is not recomputed on every render while parts load.
const noFactors: Factor[] = [];
const noWhys: Whys[] = [];
const noQuestions: Question[] = [];
const noActionItems: ActionItem[] = [];

function Editor({ review, incident }: { review: Review; incident: Incident }) {
  const timeline = useTimeline(incident.id);
  const factors = useFactors(review.id);
  const whys = useWhys(review.id);
  const questions = useQuestions(review.id);
  const actionItems = useReviewActionItems(review.id);
  const entries = timeline.data ?? [];
  // The sections below the timeline render just after the first paint, so typing can start at once.
  const rest = useAfterFirstPaint();
  const completeness = useCompleteness({
    review,
    incident,
    timeline: entries,
    factors: factors.data ?? noFactors,
    whys: whys.data ?? noWhys,
    questions: questions.data ?? noQuestions,
    actionItems: actionItems.data ?? noActionItems,
  });
  const doc = useLiveReviewDocument(review, incident, { timeline: timeline.data, factors: factors.data, whys: whys.data, questions: questions.data, actionItems: actionItems.data }, completeness);
  const { quality, computing, failed } = useReviewQuality(rest ? doc : null);
  const people = usePeopleSource(review, incident);
  // The panel sits in the sidebar on wide screens, below the sections otherwise (Mantine's lg).
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  // The checker's worker starts once the page is on screen, so the first finding needs no wait.
  useEffect(() => {
    if (rest) warmUpLanguageChecker();
  }, [rest]);

  return (
    <LanguageProvider people={people} quality={quality} computing={computing}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Stack gap="lg">
            <TextSection review={review} field="summary" title="Summary" hint="One paragraph for engineers who were not involved: what happened, when, for how long, and the impact." placeholder="On Tuesday at 08:21 UTC a change to …" />
            <TextSection review={review} field="impact" title="Impact" hint="Who was affected and how: customers, internal teams, data." placeholder="All inbound traffic failed for 25 minutes …" />
            <EditorSection id="timeline" title="Timeline" hint={`Exact timestamps, always in time order. Shown in ${userTimeZone}; hover a time for the original.`} count={entries.length} countLabel={(n) => `${n} entr${n === 1 ? 'y' : 'ies'}`}>
              <MetricsPanel incidentId={incident.id} />
              <TimelineSection incident={incident} />
            </EditorSection>
            {rest ? (
              <>
                <FactorsSection reviewId={review.id} timeline={entries} />
                <WhysSection reviewId={review.id} />
                <QuestionsSection reviewId={review.id} />
                <ActionItemsSection reviewId={review.id} factors={factors.data ?? []} />
                <TextSection review={review} field="learnings" title="Learnings" hint="What the organisation should remember from this incident." placeholder="De-registration delay was considered only from a performance angle …" />
                <ReviewDetailsCard review={review} />
                {!wide && <QualityPanel quality={quality} computing={computing} failed={failed} />}
              </>
            ) : (
              <Skeleton h={480} radius="lg" />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }} visibleFrom="lg">
          {/* A grid, not a flex column: the cards keep their height and the sidebar scrolls instead. */}
          <div style={{ position: 'sticky', top: 84, display: 'grid', gap: 16, alignContent: 'start', maxHeight: 'calc(100vh - 100px)', overflowY: 'auto', padding: '0 2px 4px' }}>
            <CompletenessNav completeness={completeness} />
            {wide && <QualityPanel quality={quality} computing={computing} failed={failed} />}
          </div>
        </Grid.Col>
      </Grid>
    </LanguageProvider>
  );
}

export default function ReviewEditorPage() {
  const id = Number(useParams().id);
  // One request for the whole document; the sections then read their parts from the cache.
  const doc = useReviewDocument(id);
  const loaded = doc.isSuccess;
  const review = useReview(loaded ? id : 0);
  const incident = useIncident(loaded ? doc.data.incidentId : 0);
  if (doc.isError && isApiError(doc.error) && doc.error.code === 'not_found') return <NotFound what="review" />;
  const r = review.data;
  const i = incident.data;

  return (
    <Page
      maxWidth={1400}
      title={i ? i.title : <Skeleton h={28} w={360} />}
      crumbs={[{ label: 'Reviews', to: '/reviews' }, ...(i ? [{ label: `Incident #${i.id}`, to: `/incidents/${i.id}` }] : [])]}
      meta={
        r && i ? (
          <Group gap={8} mt={4}>
            <Badge variant="outline" color="gray">Review #{r.id}</Badge>
            <SeverityBadge severity={i.severity} />
            <ReviewStateBadge state={r.state} />
            {r.overdue && <OverdueBadge />}
            <Text fz="sm" c="dimmed">
              Owner <Text span fw={600} c="dark">{r.owner?.name ?? 'unassigned'}</Text> · due <Timestamp value={r.dueAt} format="date" fz="sm" />
            </Text>
          </Group>
        ) : null
      }
      actions={
        <Button component={Link} to={`/reviews/${id}/read`} variant="default" leftSection={<IconBook size={16} />}>
          Read view
        </Button>
      }
    >
      {doc.isError && <QueryError error={doc.error} onRetry={() => void doc.refetch()} />}
      {review.isError && <QueryError error={review.error} onRetry={() => void review.refetch()} />}
      {incident.isError && <QueryError error={incident.error} onRetry={() => void incident.refetch()} />}
      {r && i ? <Editor review={r} incident={i} /> : !doc.isError && <Skeleton h={400} radius="lg" />}
    </Page>
  );
}
