import { lazy } from 'react';
import { createBrowserRouter, Navigate, type LoaderFunctionArgs } from 'react-router';
import { prefetchReviewDocument } from '../features/reviews/review-document-query.js';
import { NotFound } from '../ui/NotFound.js';
import { AppLayout } from './AppLayout.js';
import { queryClient } from './query-client.js';

// Every page is its own chunk: the first load carries only the shell.
const IncidentsPage = lazy(() => import('../features/incidents/IncidentsPage.js'));
const NewIncidentPage = lazy(() => import('../features/incidents/NewIncidentPage.js'));
const IncidentPage = lazy(() => import('../features/incidents/IncidentPage.js'));
const ReviewsPage = lazy(() => import('../features/reviews/ReviewsPage.js'));
const ReviewEditorPage = lazy(() => import('../features/reviews/ReviewEditorPage.js'));
const ReviewReadPage = lazy(() => import('../features/reviews/read/ReviewReadPage.js'));
const ActionItemsPage = lazy(() => import('../features/actions/ActionItemsPage.js'));

/** Starts the review's one big request at navigation time, in parallel with the page's code. */
const prefetchReview = ({ params }: LoaderFunctionArgs) => {
  prefetchReviewDocument(queryClient, Number(params.id));
  return null;
};

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/incidents" replace /> },
      { path: 'incidents', element: <IncidentsPage /> },
      { path: 'incidents/new', element: <NewIncidentPage /> },
      { path: 'incidents/:id', element: <IncidentPage /> },
      { path: 'reviews', element: <ReviewsPage /> },
      { path: 'reviews/:id', element: <ReviewEditorPage />, loader: prefetchReview },
      { path: 'reviews/:id/read', element: <ReviewReadPage />, loader: prefetchReview },
      { path: 'action-items', element: <ActionItemsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
