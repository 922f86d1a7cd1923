import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import { ReportForm, type SendReport } from './ReportForm.tsx';

const target = {
  taskId: 7,
  title: '坚持每月开展党委理论中心组学习',
  itemNo: 1,
  itemTitle: '深入学习贯彻党的二十大精神',
};

function renderForm(props: { defaultPeriod?: string }) {
  const sent: Array<{ taskId: number; data: FormData }> = [];
  const send: SendReport = async (taskId, data, onProgress) => {
    onProgress(1);
    sent.push({ taskId, data });
    return { id: 1 };
  };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <ReportForm target={target} onClose={() => {}} send={send} {...props} />
      </AntApp>
    </QueryClientProvider>,
  );
  return sent;
}

const submitButton = () => screen.getByRole('button', { name: /提交填报/ });

describe('ReportForm', () => {
  it('refuses a missing period, a percent of 101 and an empty narrative with the shared Chinese messages', async () => {
    const user = userEvent.setup();
    const sent = renderForm({});
    const percent = screen
      .getAllByLabelText('自报进度')
      .find((el) => el.tagName === 'INPUT' && el.getAttribute('role') === 'spinbutton');
    if (!percent) throw new Error('no percent box');
    await user.clear(percent);
    await user.type(percent, '101');
    await user.click(submitButton());
    expect(await screen.findByText('请选择填报期次')).toBeTruthy();
    expect(await screen.findByText('自报进度应在 0 到 100 之间')).toBeTruthy();
    expect(await screen.findByText('请填写进展说明')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the period, status, percent, narrative and every chosen file as multipart fields', async () => {
    const user = userEvent.setup();
    const sent = renderForm({ defaultPeriod: '2024-05' });
    await user.click(screen.getByText('存在风险'));
    const percent = screen
      .getAllByLabelText('自报进度')
      .find((el) => el.getAttribute('role') === 'spinbutton');
    if (!percent) throw new Error('no percent box');
    await user.clear(percent);
    await user.type(percent, '45');
    await user.type(screen.getByPlaceholderText(/本期完成了哪些工作/), '  召开理论学习中心组会议1次  ');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const minutes = new File(['会议纪要'], '会议纪要.docx', { type: 'application/octet-stream' });
    const photo = new File([new Uint8Array(2048)], '现场照片.jpg', { type: 'image/jpeg' });
    await user.upload(input, [minutes, photo]);
    expect(screen.getByText('2.0 KB')).toBeTruthy();
    await user.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    const [call] = sent;
    expect(call?.taskId).toBe(7);
    expect(call?.data.get('period')).toBe('2024-05');
    expect(call?.data.get('status')).toBe('at_risk');
    expect(call?.data.get('percent')).toBe('45');
    expect(call?.data.get('narrative')).toBe('召开理论学习中心组会议1次');
    expect(((call?.data.getAll('files') ?? []) as File[]).map((f) => f.name)).toEqual([
      '会议纪要.docx',
      '现场照片.jpg',
    ]);
  });

  it('lets a chosen file be removed before sending', async () => {
    const user = userEvent.setup();
    const sent = renderForm({ defaultPeriod: '2024-05' });
    await user.type(screen.getByPlaceholderText(/本期完成了哪些工作/), '按计划推进');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, [new File(['a'], '错传.txt'), new File(['b'], '纪要.txt')]);
    await user.click(screen.getByRole('button', { name: '删除 错传.txt' }));
    await user.click(submitButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(((sent[0]?.data.getAll('files') ?? []) as File[]).map((f) => f.name)).toEqual(['纪要.txt']);
  });
});
