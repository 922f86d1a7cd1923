import type { EvaluationRubric, UnitEvaluation } from '@shared/evaluations.ts';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdjustmentsCard } from './AdjustmentsCard.tsx';
import { RankingTable } from './RankingTable.tsx';
import { RubricForm } from './RubricForm.tsx';

const rubric: EvaluationRubric = {
  completion: 60,
  timeliness: 25,
  quality: 15,
  bonusCap: 5,
  penaltyCap: 10,
  version: null,
  updatedAt: null,
  updatedBy: null,
};

function renderForm(onSaved = () => {}) {
  return render(
    <AntApp>
      <RubricForm planId={7} rubric={rubric} editable onSaved={onSaved} />
    </AntApp>,
  );
}

describe('rubric form', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses weights that do not sum to 100 with the shared schema message, sending nothing', async () => {
    const sent = vi.spyOn(globalThis, 'fetch');
    renderForm();
    fireEvent.change(screen.getByLabelText('审核质量权重'), { target: { value: '25' } });
    expect(await screen.findByText('三项权重合计 110（须为 100）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存考核规则' }));
    expect(await screen.findByText('完成情况、及时性、审核质量三项权重之和须为 100')).toBeTruthy();
    expect(sent).not.toHaveBeenCalled();
  });

  it('sends a valid rubric to the plan', async () => {
    const sent = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        new Response(JSON.stringify({ version: 1 }), { headers: { 'content-type': 'application/json' } }),
      );
    const saved = vi.fn();
    renderForm(saved);
    fireEvent.change(screen.getByLabelText('完成情况权重'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('审核质量权重'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: '保存考核规则' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const [url, init] = sent.mock.calls[0] ?? [];
    expect(url).toBe('/api/plans/7/evaluation/rubric');
    expect(JSON.parse(String((init as RequestInit).body))).toEqual({
      completion: 50,
      timeliness: 25,
      quality: 25,
      bonusCap: 5,
      penaltyCap: 10,
    });
  });
});

describe('ranking table', () => {
  const unit = (over: Partial<UnitEvaluation>): UnitEvaluation => ({
    unitId: 1,
    unitName: '办公室',
    unitKind: 'department',
    ranked: true,
    rank: 1,
    total: 62.84,
    completion: { achieved: 3, expected: 5, points: 36 },
    timeliness: { onTime: 5, due: 8, points: 15.63 },
    quality: { clean: 5, filed: 7, points: 10.71 },
    bonus: 2,
    penalty: 1.5,
    lines: [
      { kind: 'completion', text: '完成情况：已验收 3 / 应完成 5 = 60.0% × 60 = 36.00', points: 36 },
      { kind: 'total', text: '总分：36.00 + 15.63 + 10.71 + 2.00 - 1.50 = 62.84', points: 62.84 },
    ],
    ...over,
  });

  it('shows scores, marks units without tasks, and expands a unit into its calculation lines', async () => {
    render(
      <RankingTable
        title="股室排名"
        units={[
          unit({}),
          unit({ unitId: 2, unitName: '财务股', ranked: false, rank: null, total: null, lines: [] }),
        ]}
      />,
    );
    expect(screen.getByText('62.84')).toBeTruthy();
    expect(screen.getByText('15.63')).toBeTruthy();
    expect(screen.getByText('无考核任务')).toBeTruthy();
    expect(screen.queryByText('完成情况：已验收 3 / 应完成 5 = 60.0% × 60 = 36.00')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: /展开行|Expand row/ })[0] as HTMLElement);
    expect(await screen.findByText('完成情况：已验收 3 / 应完成 5 = 60.0% × 60 = 36.00')).toBeTruthy();
    expect(screen.getByText('总分：36.00 + 15.63 + 10.71 + 2.00 - 1.50 = 62.84')).toBeTruthy();
  });
});

describe('bonus and penalty form', () => {
  afterEach(() => vi.restoreAllMocks());

  it('requires a reason (the shared schema message) before sending', async () => {
    const sent = vi.spyOn(globalThis, 'fetch');
    render(
      <AntApp>
        <AdjustmentsCard planId={7} adjustments={[]} units={[]} editable onChanged={() => {}} />
      </AntApp>,
    );
    fireEvent.change(screen.getByLabelText('分值'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: /添\s*加/ }));
    expect(await screen.findByText('请填写加减分理由')).toBeTruthy();
    expect(await screen.findByText('请选择单位')).toBeTruthy();
    expect(sent).not.toHaveBeenCalled();
  });

  it('lists entries with their author, and offers no form when locked', () => {
    render(
      <AntApp>
        <AdjustmentsCard
          planId={7}
          adjustments={[
            {
              id: 1,
              unitId: 3,
              unitName: '人事股',
              kind: 'penalty',
              points: 1.5,
              reason: '信息报送差错',
              author: '督导室',
              createdAt: '2024-07-10T02:00:00.000Z',
            },
          ]}
          units={[]}
          editable={false}
          onChanged={() => {}}
        />
      </AntApp>,
    );
    expect(screen.getByText('信息报送差错')).toBeTruthy();
    expect(screen.getByText('1.50')).toBeTruthy();
    expect(screen.getByText('督导室')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /添\s*加/ })).toBeNull();
  });
});
