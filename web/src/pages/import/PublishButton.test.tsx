import type { ExistingPlan } from '@shared/import.ts';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PublishButton } from './PublishButton.tsx';

interface Call {
  path: string;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const existing: ExistingPlan = {
  id: 4,
  title: '云溪区2024年教育体育工作要点',
  docNo: '岳云教体〔2024〕4号',
  year: 2024,
  status: 'published',
  publishedOn: '2024-02-23',
  reports: 37,
  occurrences: 12,
};

const answer = { planId: 9, tasks: 23, indicators: 40, schoolTasks: 0, replacedPlanIds: [4] };

/** The server: refuses a publish without replace as a duplicate of `existing`, publishes with it. */
function fakeServer(plan: ExistingPlan = existing) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ path, body });
      if (body?.replace === true) return json(200, answer);
      return json(409, {
        error: {
          code: 'CONFLICT',
          message: '本单位已发布过同一份工作要点…',
          details: { existingPlan: plan },
        },
      });
    }),
  );
  return calls;
}

function renderButton() {
  const onPublished = vi.fn();
  const onError = vi.fn();
  render(
    <AntApp>
      <PublishButton planId={9} version={3} onPublished={onPublished} onError={onError} />
    </AntApp>,
  );
  return { onPublished, onError };
}

/** The open confirmation whose title is `title` (antd repeats a confirm's title for screen readers). */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const [shown] = await screen.findAllByText(title, { selector: '.ant-modal-confirm-title' });
  return shown?.closest('.ant-modal') as HTMLElement;
}

async function confirmFirstDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /发\s*布/ }));
  await user.click(await screen.findByRole('button', { name: /确认发布/ }));
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('PublishButton', () => {
  it('turns the duplicate refusal into a destructive confirmation naming the plan and its records, then re-sends with replace', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    const { onPublished, onError } = renderButton();
    await confirmFirstDialog(user);

    const dialog = await dialogTitled('已发布同一文号的工作要点，是否替换？');
    const details = within(dialog).getByTestId('existing-plan');
    expect(details.textContent).toContain(
      '“云溪区2024年教育体育工作要点”（岳云教体〔2024〕4号），2024-02-23 发布',
    );
    expect(details.textContent).toContain('原工作要点已有 37 份进展填报、12 条完成记录');
    expect(within(dialog).getByRole('link', { name: '查看原工作要点' }).getAttribute('href')).toBe(
      '/plans/4',
    );
    const replace = within(dialog).getByRole('button', { name: /替换并发布/ });
    expect(replace.className).toContain('ant-btn-dangerous');
    expect(calls).toEqual([{ path: '/api/plans/9/publish', body: { version: 3 } }]);

    await user.click(replace);
    await waitFor(() => expect(onPublished).toHaveBeenCalledWith(answer));
    expect(calls[1]).toEqual({ path: '/api/plans/9/publish', body: { version: 3, replace: true } });
    expect(onError).not.toHaveBeenCalled();
  });

  it('sends nothing more when the replacement is cancelled', async () => {
    const user = userEvent.setup();
    const calls = fakeServer({ ...existing, docNo: null, reports: 0, occurrences: 0 });
    const { onPublished } = renderButton();
    await confirmFirstDialog(user);
    const dialog = await dialogTitled('已发布同名同年度的工作要点，是否替换？');
    expect(within(dialog).getByTestId('existing-plan').textContent).toContain(
      '原工作要点还没有填报和完成记录',
    );
    await user.click(within(dialog).getByRole('button', { name: /取\s*消|Cancel/ }));
    // Give a wrongly wired cancel the time to send.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toHaveLength(1);
    expect(onPublished).not.toHaveBeenCalled();
  });

  it('hands any other refusal to the page without asking to replace', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(409, { error: { code: 'CONFLICT', message: '该工作要点已被他人修改，请刷新后重试。' } }),
      ),
    );
    const { onError } = renderButton();
    await confirmFirstDialog(user);
    await waitFor(() => expect(onError).toHaveBeenCalled());
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ status: 409, message: '该工作要点已被他人修改，请刷新后重试。' }),
    );
    expect(screen.queryByText(/是否替换/)).toBeNull();
  });
});
