import './styles.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setSessionLostHandler } from './api/client';
import { PreferencesProvider } from './app/preferences';
import { resetSession } from './auth/session';
import { makeRouter } from './router';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change by asking again; a network failure might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
const router = makeRouter({ queryClient });

// The session ended under the user (expired, signed out elsewhere, password reset): back to sign-in,
// and after signing in, back to the page they were on.
setSessionLostHandler(() => {
  // The location last asked for, even while its loader is still running: a link's loader is often the request
  // that finds the session gone, and the user should come back to where they were going.
  const here = router.latestLocation.href;
  resetSession(queryClient, null);
  if (!here.startsWith('/sign-in')) void router.navigate({ to: '/sign-in', search: { next: here, expired: true } });
});

const initialDir = document.documentElement.dir === 'ltr' ? 'ltr' : 'rtl';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={initialDir} detectDirection={false}>
        <MantineProvider theme={theme}>
          <PreferencesProvider>
            <Notifications position="top-center" />
            <RouterProvider router={router} />
          </PreferencesProvider>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
