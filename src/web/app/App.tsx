import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { RouterProvider } from 'react-router';
import { ConflictProvider } from '../ui/conflict/ConflictProvider.js';
import { queryClient } from './query-client.js';
import { router } from './router.js';
import { theme } from './theme.js';

export function App() {
  return (
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <ConflictProvider>
            <RouterProvider router={router} />
          </ConflictProvider>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  );
}
