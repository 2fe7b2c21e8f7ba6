import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type LoaderFunctionArgs } from 'react-router';
import { setUnauthenticatedHandler } from '../api/client.js';
import { prefetchReviewDocument } from '../features/reviews/review-document-query.js';
import { NotFound } from '../ui/NotFound.js';
import { AppLayout } from './AppLayout.js';
import { RequireRole, ReviewRoute } from './guards.js';
import { queryClient } from './query-client.js';
import { SessionProvider } from './session.js';
import { LiveProvider } from './live/LiveProvider.js';

// Every page is its own chunk: the first load carries only the shell.
const SignInPage = lazy(() => import('../features/accounts/SignInPage.js'));
const SetupPage = lazy(() => import('../features/accounts/SetupPage.js'));
const TokensPage = lazy(() => import('../features/accounts/TokensPage.js'));
const UsersPage = lazy(() => import('../features/admin/UsersPage.js'));
const AuditPage = lazy(() => import('../features/admin/AuditPage.js'));
const JobsPage = lazy(() => import('../features/admin/JobsPage.js'));
const TrackersPage = lazy(() => import('../features/trackers/TrackersPage.js'));
const WebhooksPage = lazy(() => import('../features/admin/WebhooksPage.js'));
const NotificationPreferencesPage = lazy(() => import('../features/notifications/NotificationPreferencesPage.js'));
const AlertSourcesPage = lazy(() => import('../features/admin/AlertSourcesPage.js'));
const TeamsPage = lazy(() => import('../features/teams/TeamsPage.js'));
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage.js'));
const NewIncidentPage = lazy(() => import('../features/incidents/NewIncidentPage.js'));
const IncidentPage = lazy(() => import('../features/incidents/IncidentPage.js'));
const ReviewsPage = lazy(() => import('../features/reviews/ReviewsPage.js'));
const ReviewReadPage = lazy(() => import('../features/reviews/read/ReviewReadPage.js'));
const ActionItemsPage = lazy(() => import('../features/actions/ActionItemsPage.js'));
const SharedSummaryPage = lazy(() => import('../features/sharing/SharedSummaryPage.js'));
const ImportPage = lazy(() => import('../features/imports/ImportPage.js'));
const ChangesImportPage = lazy(() => import('../features/changes/ChangesImportPage.js'));
const KnowledgeBasePage = lazy(() => import('../features/knowledge-base/KnowledgeBasePage.js'));
const GlobalReviewPage = lazy(() => import('../features/global-review/GlobalReviewPage.js'));
const PortfolioPage = lazy(() => import('../features/portfolio/PortfolioPage.js'));
const DigestPage = lazy(() => import('../features/digests/DigestPage.js'));
const MeetingModePage = lazy(() => import('../features/meetings/MeetingModePage.js'));
const TrendsPage = lazy(() => import('../features/trends/TrendsPage.js'));

/** Starts the review's one big request at navigation time, in parallel with the page's code. */
const prefetchReview = ({ params }: LoaderFunctionArgs) => {
  prefetchReviewDocument(queryClient, Number(params.id));
  return null;
};

/** Pages outside the signed-in frame load their code with a full-page spinner. */
const standalone = (page: ReactNode) => (
  <Suspense
    fallback={
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    }
  >
    {page}
  </Suspense>
);

export const router = createBrowserRouter([
  { path: 'sign-in', element: standalone(<SignInPage />) },
  { path: 'setup', element: standalone(<SetupPage />) },
  // A shared external summary: no account, no app around it (features/sharing).
  { path: 'shared/:token', element: standalone(<SharedSummaryPage />) },
  // Meeting mode: full screen, without the app's frame, but signed in and live.
  {
    path: 'reviews/:id/meeting',
    element: (
      <SessionProvider>
        <LiveProvider>{standalone(<MeetingModePage />)}</LiveProvider>
      </SessionProvider>
    ),
  },
  {
    element: (
      <SessionProvider>
        <LiveProvider>
          <AppLayout />
        </LiveProvider>
      </SessionProvider>
    ),
    children: [
      { index: true, element: <Navigate to="/incidents" replace /> },
      { path: 'incidents', element: <IncidentsPage /> },
      { path: 'incidents/new', element: <RequireRole role="responder"><NewIncidentPage /></RequireRole> },
      { path: 'incidents/:id', element: <IncidentPage /> },
      { path: 'reviews', element: <ReviewsPage /> },
      { path: 'reviews/:id', element: <ReviewRoute />, loader: prefetchReview },
      { path: 'reviews/:id/read', element: <ReviewReadPage />, loader: prefetchReview },
      { path: 'action-items', element: <ActionItemsPage /> },
      { path: 'imports', element: <RequireRole role="responder"><ImportPage /></RequireRole> },
      { path: 'imports/changes', element: <RequireRole role="responder"><ChangesImportPage /></RequireRole> },
      { path: 'knowledge-base', element: <KnowledgeBasePage /> },
      { path: 'global-review', element: <GlobalReviewPage /> },
      { path: 'global-review/:day', element: <GlobalReviewPage /> },
      { path: 'portfolio', element: <PortfolioPage /> },
      { path: 'digest', element: <DigestPage /> },
      { path: 'trends', element: <TrendsPage /> },
      { path: 'settings/tokens', element: <TokensPage /> },
      { path: 'settings/notifications', element: <NotificationPreferencesPage /> },
      { path: 'admin/users', element: <RequireRole role="admin"><UsersPage /></RequireRole> },
      { path: 'admin/audit', element: <RequireRole role="admin"><AuditPage /></RequireRole> },
      { path: 'admin/jobs', element: <RequireRole role="admin"><JobsPage /></RequireRole> },
      { path: 'settings/trackers', element: <RequireRole role="admin"><TrackersPage /></RequireRole> },
      { path: 'admin/webhooks', element: <RequireRole role="admin"><WebhooksPage /></RequireRole> },
      { path: 'admin/alert-sources', element: <RequireRole role="admin"><AlertSourcesPage /></RequireRole> },
      { path: 'admin/teams', element: <RequireRole role="admin"><TeamsPage /></RequireRole> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

// A 401 from any API call (the session expired or was ended elsewhere): forget everything cached
// for that user and ask to sign in, coming back to where they were.
let redirecting = false;
setUnauthenticatedHandler((next) => {
  if (redirecting) return;
  redirecting = true;
  void router.navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true }).finally(() => {
    queryClient.clear();
    redirecting = false;
  });
});
