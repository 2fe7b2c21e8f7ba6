import { Alert, Badge, Button, Grid, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBook, IconLock } from '@tabler/icons-react';
import { Fragment, useEffect } from 'react';
import { Link, useParams } from 'react-router';
import type { ActionItem } from '../../../shared/actions/action-item.schema.js';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import type { Factor } from '../../../shared/reviews/factor.schema.js';
import type { Question } from '../../../shared/reviews/question.schema.js';
import { partsInTemplateOrder } from '../../../shared/reviews/review-parts.js';
import type { Review } from '../../../shared/reviews/review.schema.js';
import type { Whys } from '../../../shared/reviews/whys.schema.js';
import { isReadOnlyState } from '../../../shared/reviews/workflow.js';
import { isApiError } from '../../api/errors.js';
import { useOnScreen } from '../../app/live/use-live.js';
import { OverdueBadge, SeverityBadge } from '../../ui/badges.js';
import { NotFound } from '../../ui/NotFound.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { DueDay } from '../../ui/DueDay.js';
import { useAfterFirstPaint } from '../../ui/use-after-first-paint.js';
import { warmUpLanguageChecker } from '../language/language-client.js';
import { LanguageProvider } from '../language/LanguageContext.js';
import { QualityPanel } from '../language/QualityPanel.js';
import { useReviewQuality } from '../language/use-review-quality.js';
import { useIncident } from '../incidents/use-incident.js';
import { useTimeline } from '../timeline/use-timeline.js';
import { EditorModeProvider } from './editor/editor-context.js';
import { EditorBar } from './editor/EditorBar.js';
import { editorParts } from './editor/editor-parts.js';
import { ReviewDetailsCard } from './editor/ReviewDetailsCard.js';
import { ReviewAttachments } from './ReviewAttachments.js';
import { SectionNavCard } from './editor/SectionNav.js';
import { RelatedIncidentsCard } from '../search/RelatedIncidentsCard.js';
import { useCompleteness } from './editor/use-completeness.js';
import { useLiveReviewDocument, usePeopleSource } from './editor/use-live-document.js';
import { useFactors, useQuestions, useReview, useReviewActionItems, useWhys } from './use-review.js';
import { ShareExternallyButton } from '../sharing/ShareExternallyDialog.js';
import { useReviewDocument } from './use-review-document.js';
import { ExportMenu } from '../knowledge-base/ExportMenu.js';
import { AsyncReviewCard } from '../review-comments/AsyncReviewCard.js';
import { PartComments } from '../review-comments/PartComments.js';
import { MeetingPanel } from '../meetings/MeetingPanel.js';
import { NotesPad } from '../notes/NotesPad.js';

// Stable empty lists, so completeness is not recomputed on every render while parts load.
const noFactors: Factor[] = [];
const noWhys: Whys[] = [];
const noQuestions: Question[] = [];
const noActionItems: ActionItem[] = [];

function PublishedNotice() {
  return (
    <Alert color="teal" variant="light" icon={<IconLock size={18} />} data-testid="published-notice">
      <Text fz="sm">
        This review is published and read-only. Reopen it (at the top) to change anything; action items’ progress (status, owner, due date, priority, tracker issue) can still be updated.
      </Text>
    </Alert>
  );
}

function Editor({ review, incident }: { review: Review; incident: Incident }) {
  const timeline = useTimeline(incident.id);
  const factors = useFactors(review.id);
  const whys = useWhys(review.id);
  const questions = useQuestions(review.id);
  const actionItems = useReviewActionItems(review.id);
  const entries = timeline.data ?? [];
  // The parts that are not needed for the first screen render just after it, so typing can start at once.
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
  // Mantine's lg: the sections and the quality panel sit in a sidebar; below it, in the sticky bar.
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  const readOnly = isReadOnlyState(review.state);
  // The checker's worker starts once the page is on screen, so the first finding needs no wait.
  useEffect(() => {
    if (rest) warmUpLanguageChecker();
  }, [rest]);
  const partProps = { review, incident, timeline: entries, factors: factors.data ?? noFactors, actionItems: actionItems.data ?? noActionItems };

  return (
    <EditorModeProvider mode={{ reviewId: review.id, readOnly }}>
      <LanguageProvider people={people} quality={quality} computing={computing}>
        <Stack gap="lg">
          <EditorBar review={review} completeness={completeness} quality={quality} computing={computing} failed={failed} wide={wide} />
          {readOnly && <PublishedNotice />}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 9 }}>
              <Stack gap="lg">
                <ReviewDetailsCard review={review} />
                <ReviewAttachments reviewId={review.id} />
                <AsyncReviewCard reviewId={review.id} readOnly={readOnly} meeting={<MeetingPanel reviewId={review.id} readOnly={readOnly} />} />
                <NotesPad reviewId={review.id} incidentId={incident.id} readOnly={readOnly} />
                {/* Every part of the review, in the order its template shows them, each with its comment threads. */}
                {partsInTemplateOrder(review.template).map((key) =>
                  editorParts[key].deferred && !rest ? (
                    <Skeleton key={key} h={240} radius="lg" />
                  ) : (
                    <Fragment key={key}>
                      <PartComments reviewId={review.id} part={key} readOnly={readOnly} />
                      {editorParts[key].edit(partProps)}
                    </Fragment>
                  ),
                )}
                {rest && <RelatedIncidentsCard reviewId={review.id} />}
              </Stack>
            </Grid.Col>
            {wide && (
              <Grid.Col span={3}>
                {/* A grid, not a flex column: the cards keep their height and the sidebar scrolls instead. */}
                <div style={{ position: 'sticky', top: 'var(--hs-editor-offset, 140px)', display: 'grid', gap: 16, alignContent: 'start', maxHeight: 'calc(100vh - var(--hs-editor-offset, 140px) - 12px)', overflowY: 'auto', padding: '0 2px 4px' }}>
                  <SectionNavCard completeness={completeness} />
                  <QualityPanel quality={quality} computing={computing} failed={failed} />
                </div>
              </Grid.Col>
            )}
          </Grid>
        </Stack>
      </LanguageProvider>
    </EditorModeProvider>
  );
}

export default function ReviewEditorPage() {
  const id = Number(useParams().id);
  // One request for the whole document; the sections then read their parts from the cache.
  const doc = useReviewDocument(id);
  const loaded = doc.isSuccess;
  const review = useReview(loaded ? id : 0);
  const incident = useIncident(loaded ? doc.data.incidentId : 0);
  const r = review.data;
  const i = incident.data;
  useOnScreen(r ? r.id : null, i ? i.id : null);
  if (doc.isError && isApiError(doc.error) && doc.error.code === 'not_found') return <NotFound what="review" />;

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
            {r.overdue && <OverdueBadge />}
            <Text fz="sm" c="dimmed">
              Owner <Text span fw={600} c="dark">{r.owner?.name ?? 'unassigned'}</Text> · due <DueDay value={r.dueAt} fz="sm" />
            </Text>
          </Group>
        ) : null
      }
      actions={
        <Group gap="xs">
          {r?.state === 'published' && <ShareExternallyButton reviewId={id} />}
          <ExportMenu reviewId={id} />
          <Button component={Link} to={`/reviews/${id}/read`} variant="default" leftSection={<IconBook size={16} />}>
            Read view
          </Button>
        </Group>
      }
    >
      {doc.isError && <QueryError error={doc.error} onRetry={() => void doc.refetch()} />}
      {review.isError && <QueryError error={review.error} onRetry={() => void review.refetch()} />}
      {incident.isError && <QueryError error={incident.error} onRetry={() => void incident.refetch()} />}
      {r && i ? <Editor review={r} incident={i} /> : !doc.isError && <Skeleton h={400} radius="lg" />}
    </Page>
  );
}
