import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BoardPage from '../pages/board/BoardPage.tsx';
import { userOf } from '../test-support/users.ts';
import { ApiError } from './client.ts';
import { queryDefaults, shouldRetry } from './query-client.ts';
import { meKey } from './session.ts';

const notFound = '未找到编号为 999 的工作要点，或您无权查看。请从工作要点列表中选择。';

/** The server answering every plan request with the given statuses in turn (the last one repeats). */
function stubPlanAnswers(statuses: number[]) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      calls.push(String(input));
      const status = statuses[Math.min(calls.length, statuses.length) - 1] ?? 200;
      const body =
        status === 404
          ? { error: { code: 'NOT_FOUND', message: notFound, details: { planId: 999 } } }
          : status === 503
            ? { error: { code: 'UNAVAILABLE', message: '数据库暂时不可用，请稍后重试。', details: {} } }
            : { plan: plan(), sections: [] };
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

function plan() {
  return {
    id: 999,
    title: '云溪区2024年教育体育工作要点',
    year: 2024,
    status: 'published',
    issuer: null,
    docNumber: null,
    noticeTitle: null,
    issuedOn: null,
    publishedOn: '2024-03-01',
    noticeId: null,
    version: 1,
    warnings: [],
  };
}

function renderBoard() {
  const client = new QueryClient({ defaultOptions: queryDefaults });
  client.setQueryData(meKey, userOf('department'));
  const router = createMemoryRouter([{ path: '/plans/:planId', element: <BoardPage /> }], {
    initialEntries: ['/plans/999'],
  });
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('failed queries', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetch a 404 once and show its Chinese message at once', async () => {
    const calls = stubPlanAnswers([404]);
    renderBoard();
    // Retrying as before (three times, 1 + 2 + 4 s apart) showed it after about 7 s.
    expect(await screen.findByText(notFound, {}, { timeout: 2500 })).toBeTruthy();
    // Longer than the first retry's delay: still one request.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(calls).toEqual(['/api/plans/999']);
  });

  it('try a 503 again, shortly, and show the plan when the server is back', async () => {
    const calls = stubPlanAnswers([503, 200]);
    renderBoard();
    expect(await screen.findByText('云溪区2024年教育体育工作要点', {}, { timeout: 2000 })).toBeTruthy();
    expect(calls).toHaveLength(2);
  });

  it('give up on a server error after two more tries', async () => {
    const calls = stubPlanAnswers([503]);
    renderBoard();
    expect(await screen.findByText('数据库暂时不可用，请稍后重试。', {}, { timeout: 3000 })).toBeTruthy();
    await waitFor(() => expect(calls).toHaveLength(3));
  });
});

describe('shouldRetry', () => {
  it('retries only what may succeed on a second try, at most twice', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422])
      expect([status, shouldRetry(0, new ApiError(status, 'X', '错误'))]).toEqual([status, false]);
    for (const status of [0, 500, 502, 503])
      expect([status, shouldRetry(0, new ApiError(status, 'X', '错误'))]).toEqual([status, true]);
    expect(shouldRetry(1, new ApiError(503, 'X', '错误'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'X', '错误'))).toBe(false);
    // Not an answer of the API (a bug in our own code): retrying would only repeat it.
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });
});
