import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, openRound, type Sent, supervisorDetail } from './balance-fixtures.ts';
import RoundPage from './RoundPage.tsx';
import { renderPage } from './render-page.tsx';

const posts = (sent: Sent[]) => sent.filter((s) => s.method === 'POST');

const refused = {
  error: {
    code: 'INVALID_INPUT',
    message: '表格中有 2 处错误，未写入任何数据，请修改后重新导入',
    details: {
      field: 'file',
      errors: [
        { row: 4, column: '县级及以上骨干教师数', message: '应为不小于 0 的整数' },
        { row: 7, column: '学校', message: '“城关一小”不在本单位的学校名录中' },
      ],
    },
  },
};

function renderSupervisor(routes: Record<string, (sent: Sent) => Response> = {}) {
  const sent = fakeApi({ 'GET /api/balance/rounds/5': () => json(supervisorDetail), ...routes });
  renderPage('supervisor', '/balance/rounds/:id', '/balance/rounds/5', <RoundPage />);
  return sent;
}

describe('the bureau’s view of a round', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists each row with its figures, file and status, and the schools yet to fill', async () => {
    renderSupervisor();
    expect(await screen.findByText('城关小学')).toBeTruthy();
    expect(screen.getByText('1,800,000')).toBeTruthy();
    const file = screen.getByRole('link', { name: '城关小学统计表.pdf' });
    expect(file.getAttribute('href')).toBe('/api/balance/rows/31/file');
    expect(screen.getByText('待审核')).toBeTruthy();
    expect(screen.getByText('未填报学校（1）')).toBeTruthy();
    expect(screen.getByText('石门教学点')).toBeTruthy();
    expect(screen.getByRole('link', { name: /下载模板/ }).getAttribute('href')).toBe(
      '/api/balance/rounds/5/template.xlsx',
    );
  });

  it('shows every row and column of a refused sheet and says nothing was written', async () => {
    const user = userEvent.setup();
    const sent = renderSupervisor({ 'POST /api/balance/rounds/5/import': () => json(refused, 400) });
    await screen.findByText('城关小学');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['PK'], '秋季学期.xlsx'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('表格中有 2 处错误，未写入任何数据，请修改后重新导入')).toBeTruthy();
    expect(within(dialog).getByText('整张表格未写入任何数据。请按下表修改后重新导入。')).toBeTruthy();
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['4', '县级及以上骨干教师数', '应为不小于 0 的整数'],
      ['7', '学校', '“城关一小”不在本单位的学校名录中'],
    ]);
    const body = posts(sent)[0]?.body as FormData;
    expect((body.get('file') as File).name).toBe('秋季学期.xlsx');
  });

  it('returns a row only with a reason, sending the row’s version', async () => {
    const user = userEvent.setup();
    const sent = renderSupervisor({
      'POST /api/balance/rows/31/review': () =>
        json({ ...supervisorDetail.rows[0], status: 'returned', returnReason: '请核实', version: 3 }),
    });
    await screen.findByText('城关小学');
    await user.click(screen.getByRole('button', { name: /^退\s*回$/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^退\s*回$/ }));
    expect(await within(dialog).findByText('退回时请填写退回原因')).toBeTruthy();
    expect(posts(sent)).toEqual([]);
    await user.type(within(dialog).getByLabelText('退回原因'), '请核实体育运动场馆面积');
    await user.click(within(dialog).getByRole('button', { name: /^退\s*回$/ }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(JSON.parse(String(posts(sent)[0]?.body))).toEqual({
      decision: 'return',
      reason: '请核实体育运动场馆面积',
      version: 2,
    });
  });

  it('offers 仍然锁定 when rows are not all accepted, and then locks with force', async () => {
    const user = userEvent.setup();
    const sent = renderSupervisor({
      'POST /api/balance/rounds/5/lock': (request) =>
        JSON.parse(String(request.body)).force
          ? json({ ...openRound, status: 'locked', lockedAt: '2024-11-01T02:00:00.000Z' })
          : json({ error: { code: 'CONFLICT', message: '还有 1 行待审核、1 所学校未填报' } }, 409),
    });
    await screen.findByText('城关小学');
    await user.click(screen.getByRole('button', { name: /锁\s*定/ }));
    expect(await screen.findByText(/锁定后学校不能再修改数据/)).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: /^锁\s*定$/ }).at(-1) as HTMLElement);
    expect(await screen.findByText('还有 1 行待审核、1 所学校未填报')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '仍然锁定' }));
    await waitFor(() => expect(posts(sent)).toHaveLength(2));
    expect(posts(sent).map((p) => JSON.parse(String(p.body)))).toEqual([{}, { force: true }]);
  });
});
