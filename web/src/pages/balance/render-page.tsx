// Renders a balance page for the component tests: a signed-in user of one role, at one address.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { meKey } from '../../api/session.ts';
import { type TestRole, userOf } from '../../test-support/users.ts';

/** The page under a signed-in user of the role, at the address (pattern: the page's route). */
export function renderPage(role: TestRole, pattern: string, address: string, page: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(meKey, userOf(role));
  const router = createMemoryRouter([{ path: pattern, element: page }], { initialEntries: [address] });
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
  return client;
}
