import type { InspectionList } from '@shared/findings.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InspectionForm } from './InspectionForm.tsx';

const notFiled: InspectionList = {
  period: '2024-05',
  rows: [{ unit: { id: 3, name: '城关小学', kind: 'school' }, filings: [] }],
};

function renderForm(list: InspectionList = notFiled) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <InspectionForm period="2024-05" list={list} />
      </AntApp>
    </QueryClientProvider>,
  );
}

const posts = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter((call) => (call[1] as RequestInit | undefined)?.method === 'POST');

describe('monthly inspection form', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for the problem of each listed finding before sending anything', async () => {
    const sent = vi.spyOn(globalThis, 'fetch');
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: '提交月度检查' }));
    expect(await screen.findByText('请填写问题描述')).toBeTruthy();
    expect(await screen.findByText('请选择整改期限（YYYY-MM-DD）')).toBeTruthy();
    expect(posts(sent)).toHaveLength(0);
  });

  it('files "no findings this month" as an empty list', async () => {
    const sent = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ id: 1, findingIds: [], note: '本月检查未发现问题' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      }),
    );
    renderForm();
    fireEvent.click(screen.getByLabelText('本月检查未发现问题'));
    await waitFor(() => expect(screen.queryByText('问题 1')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '提交月度检查' }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    const [url, init] = posts(sent)[0] as [string, RequestInit];
    expect(url).toBe('/api/inspections');
    expect(JSON.parse(String(init.body))).toEqual({ period: '2024-05', findings: [] });
  });

  it('shows a filed month instead of the form', () => {
    renderForm({
      period: '2024-05',
      rows: [
        {
          unit: { id: 3, name: '城关小学', kind: 'school' },
          filings: [
            {
              id: 9,
              itemId: null,
              findingCount: 0,
              note: '本月检查未发现问题',
              filedBy: '王老师',
              filedAt: '2024-05-20T02:00:00.000Z',
            },
          ],
        },
      ],
    });
    expect(screen.getByText('已于 2024-05-20 10:00 填报：本月检查未发现问题')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交月度检查' })).toBeNull();
  });
});
