import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, lastSpring, type Sent, schoolDetail } from './balance-fixtures.ts';
import RoundPage from './RoundPage.tsx';
import { renderPage } from './render-page.tsx';

const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const posts = (sent: Sent[]) => sent.filter((s) => s.method === 'POST');

function renderSchool() {
  const sent = fakeApi({
    'GET /api/balance/rounds/5': () => json(schoolDetail),
    'POST /api/balance/rounds/5/rows': () =>
      json({
        ...schoolDetail,
        prefill: [],
        rows: [
          {
            id: 40,
            unitId: 9,
            unitName: '城关小学',
            stage: 'primary',
            values: { ...lastSpring, backboneTeachers: 11 },
            status: 'submitted',
            returnReason: null,
            file: { id: 7, name: '统计表.pdf' },
            version: 1,
            submittedAt: '2024-10-08T02:00:00.000Z',
            reviewedAt: null,
          },
        ],
      }),
  });
  renderPage('school', '/balance/rounds/:id', '/balance/rounds/5', <RoundPage />);
  return sent;
}

describe('a school filling its rows', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts from last round, and submits `data` JSON with the chosen file as multipart', async () => {
    const user = userEvent.setup();
    const sent = renderSchool();
    expect(await screen.findByText('已按上一轮（2024年春季学期）数据预填，请核对后修改')).toBeTruthy();
    expect(box('小学学生数').value).toBe('820');
    expect(box('小学县级及以上骨干教师数').value).toBe('9');
    await user.clear(box('小学县级及以上骨干教师数'));
    await user.type(box('小学县级及以上骨干教师数'), '11');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['%PDF-1.4'], '统计表.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: '提交审核' }));

    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    const body = posts(sent)[0]?.body as FormData;
    expect(JSON.parse(String(body.get('data')))).toEqual({
      rows: [{ stage: 'primary', values: { ...lastSpring, backboneTeachers: 11 } }],
      submit: true,
    });
    expect((body.get('file') as File).name).toBe('统计表.pdf');
    // The answer is the stored row: its status shows and the prefill note is gone.
    expect(await screen.findByText('待审核')).toBeTruthy();
    expect(screen.queryByText(/已按上一轮/)).toBeNull();
  });

  it('refuses a negative or fractional teacher count with a Chinese message and sends nothing', async () => {
    const user = userEvent.setup();
    const sent = renderSchool();
    await screen.findByText(/已按上一轮/);
    await user.clear(box('小学县级及以上骨干教师数'));
    await user.type(box('小学县级及以上骨干教师数'), '-2');
    await user.clear(box('小学体育艺术专任教师数'));
    await user.type(box('小学体育艺术专任教师数'), '7.5');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('县级及以上骨干教师数不能为负数')).toBeTruthy();
    expect(await screen.findByText('体育艺术专任教师数应为整数')).toBeTruthy();
    expect(posts(sent)).toEqual([]);
  });

  it('lets a 九年一贯制 school add its 初中 row, which must be filled before it is submitted', async () => {
    const user = userEvent.setup();
    const sent = renderSchool();
    await screen.findByText(/已按上一轮/);
    await user.click(screen.getByRole('button', { name: /添加初中数据/ }));
    expect(box('初中学生数').value).toBe('');
    await user.click(screen.getByRole('button', { name: '提交审核' }));
    expect((await screen.findAllByText('请填写学生数')).length).toBe(1);
    expect(posts(sent)).toEqual([]);
    // Neither row is stored yet, so either may go; the 初中 one is the second.
    const removes = screen.getAllByRole('button', { name: /删除此学段/ });
    expect(removes).toHaveLength(2);
    await user.click(removes[1] as HTMLElement);
    expect(screen.queryByLabelText('初中学生数')).toBeNull();
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    const body = posts(sent)[0]?.body as FormData;
    expect(JSON.parse(String(body.get('data'))).rows.map((r: { stage: string }) => r.stage)).toEqual([
      'primary',
    ]);
    expect(body.get('file')).toBeNull();
  });
});

describe('a returned row', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the return reason above the figures', async () => {
    fakeApi({
      'GET /api/balance/rounds/5': () =>
        json({
          ...schoolDetail,
          prefill: [],
          rows: [
            {
              id: 40,
              unitId: 9,
              unitName: '城关小学',
              stage: 'primary',
              values: lastSpring,
              status: 'returned',
              returnReason: '体育运动场馆面积与上学期差异过大，请核实',
              file: null,
              version: 3,
              submittedAt: '2024-10-08T02:00:00.000Z',
              reviewedAt: '2024-10-09T02:00:00.000Z',
            },
          ],
        }),
    });
    renderPage('school', '/balance/rounds/:id', '/balance/rounds/5', <RoundPage />);
    expect(await screen.findByText('退回原因：体育运动场馆面积与上学期差异过大，请核实')).toBeTruthy();
    expect(screen.getByText('已退回')).toBeTruthy();
    expect(box('小学学生数').disabled).toBe(false);
  });
});
