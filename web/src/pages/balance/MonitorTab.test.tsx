import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, monitorResult, type Sent, supervisorDetail } from './balance-fixtures.ts';
import RoundPage from './RoundPage.tsx';
import { renderPage } from './render-page.tsx';

const posts = (sent: Sent[]) => sent.filter((s) => s.method === 'POST');

function renderMonitor(routes: Record<string, (sent: Sent) => Response> = {}) {
  const sent = fakeApi({
    'GET /api/balance/rounds/5': () => json(supervisorDetail),
    'GET /api/balance/rounds/5/monitor': () => json({ result: monitorResult(), basis: 'filed', rows: 3 }),
    ...routes,
  });
  renderPage('leader', '/balance/rounds/:id', '/balance/rounds/5?tab=monitor', <RoundPage />);
  return sent;
}

/** The cells of the table row that holds a text. */
function rowOf(text: string): string[] {
  const row = screen.getByText(text).closest('tr');
  if (!row) throw new Error(`no row with ${text}`);
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const dropdowns = document.querySelectorAll('.ant-select-dropdown');
  const dropdown = dropdowns[dropdowns.length - 1] as HTMLElement;
  fireEvent.click(await within(dropdown).findByText(option));
}

describe('the monitor of a round', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the failing indicator, the blocker text and each school’s misses', async () => {
    renderMonitor();
    expect(await screen.findByText('初中体育运动场馆面积差异系数0.52，超出0.07')).toBeTruthy();
    expect(screen.getByText('含待审核数据，锁定后以审核通过数据为准')).toBeTruthy();
    expect(rowOf('生均体育运动场馆面积')).toEqual([
      '生均体育运动场馆面积',
      '12.24 ㎡/生',
      '0.520',
      '≤0.45',
      '未达标',
      '0.07',
      '8.16—16.32',
      '石门初中',
    ]);
    expect(rowOf('每百名学生拥有县级及以上骨干教师数').slice(2, 6)).toEqual(['0.300', '≤0.45', '达标', '—']);
    expect(rowOf('5/7')).toEqual([
      '石门初中',
      '初中',
      '400',
      '5/7',
      '未达标',
      '骨干教师 0.8/1（80%）体育运动场馆 8.5/10.2（83%）',
    ]);
    expect(rowOf('学生数少于50人的教学点')).toEqual(['石门教学点', '小学', '23', '学生数少于50人的教学点']);
    expect(screen.getByRole('link', { name: /导出计算表/ }).getAttribute('href')).toBe(
      '/api/balance/rounds/5/export.xlsx',
    );
    expect(screen.getByRole('img', { name: '初中各指标差异系数与标准' })).toBeTruthy();
  });

  it('sends the what-if changes and shows before → after, marked as not saved', async () => {
    const user = userEvent.setup();
    const after = monitorResult(0.44);
    after.schools[1] = { ...(after.schools[1] as (typeof after.schools)[number]), met: 6, pass: true };
    const sent = renderMonitor({
      'POST /api/balance/rounds/5/what-if': () => json({ before: monitorResult(), after }),
    });
    await screen.findByText('初中体育运动场馆面积差异系数0.52，超出0.07');
    await choose('学校', '石门初中（初中）');
    await choose('指标', '体育运动场馆面积（㎡）');
    await user.type(screen.getByRole('spinbutton', { name: '增减数量' }), '800');
    await user.click(screen.getByRole('button', { name: /添加一项变化/ }));
    const schools = screen.getAllByRole('combobox', { name: '学校' });
    expect(schools).toHaveLength(2);
    fireEvent.mouseDown(schools[1] as HTMLElement);
    const dropdowns = document.querySelectorAll('.ant-select-dropdown');
    fireEvent.click(
      await within(dropdowns[dropdowns.length - 1] as HTMLElement).findByText('石门初中（初中）'),
    );
    fireEvent.mouseDown(screen.getAllByRole('combobox', { name: '指标' })[1] as HTMLElement);
    const keyDropdowns = document.querySelectorAll('.ant-select-dropdown');
    fireEvent.click(
      await within(keyDropdowns[keyDropdowns.length - 1] as HTMLElement).findByText(
        '县级及以上骨干教师数（人）',
      ),
    );
    await user.type(screen.getAllByRole('spinbutton', { name: '增减数量' })[1] as HTMLElement, '2');
    await user.click(screen.getByRole('button', { name: /^试\s*算$/ }));

    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(JSON.parse(String(posts(sent)[0]?.body))).toEqual({
      changes: [
        { name: '石门初中', stage: 'junior', key: 'sportsArea', delta: 800 },
        { name: '石门初中', stage: 'junior', key: 'backboneTeachers', delta: 2 },
      ],
    });
    expect(await screen.findByText('试算结果，不保存')).toBeTruthy();
    const changed = screen.getByText('差异系数变化').closest('.ant-table-wrapper') as HTMLElement;
    const cells = within(changed)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(cells).toEqual([['初中', '体育运动场馆', '0.520', '0.440', '≤0.45', '未达标→达标']]);
    expect(rowOf('5/7 → 6/7')).toEqual(['石门初中（初中）', '5/7 → 6/7', '未达标→达标']);
  });
});
