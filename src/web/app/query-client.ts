import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors.js';

/** The app's one query client; route loaders use it to start fetching before a page's code arrives. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A 4xx will not fix itself by asking again; a network blip might.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
