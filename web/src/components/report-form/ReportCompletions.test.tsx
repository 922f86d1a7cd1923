import type { TaskObligations } from '@shared/obligations.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ReportDraft, ReportForm, type SendReport } from './ReportForm.tsx';

// The completions section of the report form against a fake API answering what April owes:
// 每月开展党委理论中心组学习 (one a month) and 集中学法 (twice a year).

const obligations: TaskObligations = {
  taskId: 7,
  period: '2024-04',
  today: '2024-05-10',
  year: 2024,
  indicators: [
    {
      indicatorId: 31,
      kind: 'recurring',
      text: '坚持每月开展党委理论中心组学习',
      name: null,
      per: 'month',
      slot: {
        label: '2024年4月',
        startOn: '2024-04-01',
        endOn: '2024-04-30',
        need: 1,
        accepted: 0,
        pending: 0,
      },
      target: 10,
      accepted: 1,
      pending: 0,
      owedByPeriodEnd: 2,
      dueOn: '2024-12-31',
      targetValue: null,
      latestValue: null,
      milestone: null,
      owes: '本期应完成：坚持每月开展党委理论中心组学习 1 次（2024年4月）',
    },
    {
      indicatorId: 32,
      kind: 'count',
      text: '集中学法机关干部全年不少于两次',
      name: '集中学法',
      per: 'year',
      slot: null,
      target: 2,
      accepted: 0,
      pending: 0,
      owedByPeriodEnd: 0,
      dueOn: '2024-12-31',
      targetValue: null,
      latestValue: null,
      milestone: null,
      owes: '集中学法：全年不少于 2 次，截至4月底应完成 0 次',
    },
  ],
};

const asked: string[] = [];
beforeEach(() => {
  asked.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      asked.push(path);
      return new Response(JSON.stringify(obligations), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const target = {
  taskId: 7,
  title: '深入学习贯彻党的二十大精神',
  itemNo: 1,
  itemTitle: '深入学习贯彻党的二十大精神',
};

function renderForm(draft?: ReportDraft) {
  const sent: FormData[] = [];
  const send: SendReport = async (_taskId, data, onProgress) => {
    onProgress(1);
    sent.push(data);
    return { id: 1 };
  };
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AntApp>
        <ReportForm target={target} defaultPeriod="2024-04" draft={draft} onClose={() => {}} send={send} />
      </AntApp>
    </QueryClientProvider>,
  );
  return sent;
}

describe('completions in the report form', () => {
  it('shows what April owes, records one study session with its minutes and says what is left', async () => {
    const user = userEvent.setup();
    const sent = renderForm();
    expect(
      await screen.findByText('本期应完成：坚持每月开展党委理论中心组学习 1 次（2024年4月）'),
    ).toBeTruthy();
    expect(asked).toContain('/api/tasks/7/obligations?period=2024-04');
    const after = screen.getByTestId('owed-after');
    expect(after.textContent).toContain('坚持每月开展党委理论中心组学习：本期还差 1 次');
    expect(after.textContent).toContain('集中学法：全年还差 2 次（全年不少于 2 次）');

    await user.click(screen.getByRole('button', { name: /登记一次完成：坚持每月开展党委理论中心组学习/ }));
    const row = screen.getByTestId('completion-row');
    await user.type(within(row).getByLabelText(/简要说明/), '4月理论中心组学习');
    const input = row.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['纪要'], '会议纪要.docx'));
    expect(after.textContent).toContain('坚持每月开展党委理论中心组学习：本期已完成');

    await user.type(screen.getByPlaceholderText(/本期完成了哪些工作/), '按计划推进');
    const report = new File(['小结'], '会议纪要.docx');
    await user.upload(
      document.querySelector('.ant-upload-drag input[type=file]') as HTMLInputElement,
      report,
    );
    await user.click(screen.getByRole('button', { name: /提交填报/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const data = sent[0] as FormData;
    // Two files of one name are renamed apart; the completion names its own.
    expect((data.getAll('files') as File[]).map((f) => f.name)).toEqual([
      '会议纪要.docx',
      '会议纪要 (2).docx',
    ]);
    expect(JSON.parse(String(data.get('completions')))).toEqual([
      {
        indicatorId: 31,
        occurredOn: '2024-04-30',
        note: '4月理论中心组学习',
        files: ['会议纪要 (2).docx'],
      },
    ]);
  });

  it('will not send a completion without its note, and names what is missing', async () => {
    const user = userEvent.setup();
    const sent = renderForm();
    await user.click(await screen.findByRole('button', { name: /登记一次完成：集中学法/ }));
    await user.type(screen.getByPlaceholderText(/本期完成了哪些工作/), '按计划推进');
    await user.click(screen.getByRole('button', { name: /提交填报/ }));
    expect(await screen.findByText('请填写简要说明')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('opens a re-filing with the reason it was returned and its returned completion, files kept', async () => {
    const user = userEvent.setup();
    const sent = renderForm({
      period: '2024-04',
      status: 'on_track',
      percent: 40,
      narrative: '4月按计划推进',
      returned: { comment: '请补充签到表', reviewer: '陈玲玲', at: '2024-05-08T02:00:00.000Z' },
      completions: [
        {
          occurrenceId: 91,
          indicatorId: 31,
          occurredOn: '2024-04-12',
          note: '4月学习',
          value: null,
          milestone: null,
          files: ['4月纪要.docx'],
        },
      ],
    });
    expect((await screen.findByTestId('return-reason')).textContent).toContain('退回原因：请补充签到表');
    expect(screen.getByText('陈玲玲于 2024-05-08 10:00 退回')).toBeTruthy();
    expect(await screen.findByText('已上传：4月纪要.docx')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /提交填报/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(JSON.parse(String(sent[0]?.get('completions')))).toEqual([
      { indicatorId: 31, occurredOn: '2024-04-12', note: '4月学习', files: [], occurrenceId: 91 },
    ]);
  });
});
