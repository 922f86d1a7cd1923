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
    unranked: null,
    silent: false,
    rank: 1,
    total: 62.84,
    assessedWeight: 100,
    completion: { achieved: 3, expected: 5, points: 36 },
    timeliness: { onTime: 5, due: 8, points: 15.63 },
    quality: { accepted: 5, reviewed: 7, filed: 7, points: 10.71 },
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
        fullWeight={100}
        units={[
          unit({}),
          unit({
            unitId: 2,
            unitName: '财务股',
            ranked: false,
            unranked: 'noTasks',
            rank: null,
            total: null,
            assessedWeight: null,
            lines: [{ kind: 'total', text: '无考核任务，不参加排名', points: null }],
          }),
        ]}
      />,
    );
    expect(screen.getByText('62.84')).toBeTruthy();
    expect(screen.getByText('15.63')).toBeTruthy();
    expect(screen.getByText('无考核任务')).toBeTruthy();
    expect(screen.queryByText('完成情况：已验收 3 / 应完成 5 = 60.0% × 60 = 36.00')).toBeNull();
    // Only 办公室 can be expanded: a unit without tasks has nothing to show.
    const expanders = screen.getAllByRole('button', { name: /展开行|Expand row/ });
    expect(expanders).toHaveLength(1);
    fireEvent.click(expanders[0] as HTMLElement);
    expect(await screen.findByText('完成情况：已验收 3 / 应完成 5 = 60.0% × 60 = 36.00')).toBeTruthy();
    expect(screen.getByText('总分：36.00 + 15.63 + 10.71 + 2.00 - 1.50 = 62.84')).toBeTruthy();
  });

  it('marks a scaled total, a measure left out, a silent unit, a tie and a unit with no data yet', async () => {
    const scaledLine = '总分：按可考核项折算 (15.00 + 0.00) / (60 + 25) × 100 = 17.65';
    const silentRule =
      '排名规则：应报送 4 份进展报告，一份未报送，截至考核日没有有效报告，排在所有有有效报告的单位之后（不论总分高低）';
    const noDataLine = '无考核数据：截至考核日没有可以考核的项目，不计总分，不参加排名';
    const silent = (unitId: number, unitName: string) =>
      unit({
        unitId,
        unitName,
        unitKind: 'school',
        rank: 2,
        total: 17.65,
        silent: true,
        assessedWeight: 85,
        completion: { achieved: 1, expected: 4, points: 15 },
        timeliness: { onTime: 0, due: 4, points: 0 },
        quality: { accepted: 0, reviewed: 0, filed: 0, points: null },
        bonus: 0,
        penalty: 0,
        lines: [
          { kind: 'total', text: scaledLine, points: 17.65 },
          { kind: 'rule', text: silentRule, points: null },
        ],
      });
    render(
      <RankingTable
        title="学校排名"
        fullWeight={100}
        units={[
          unit({ unitId: 1, unitName: '城关小学', unitKind: 'school', rank: 1 }),
          silent(2, '城西小学'),
          silent(3, '实验小学'),
          unit({
            unitId: 4,
            unitName: '城北中学',
            unitKind: 'school',
            ranked: false,
            unranked: 'noData',
            rank: null,
            total: null,
            assessedWeight: null,
            lines: [{ kind: 'total', text: noDataLine, points: null }],
          }),
        ]}
      />,
    );
    // The two silent schools share the second place, each marked; quality reads 暂不考核.
    expect(screen.getAllByText('并列')).toHaveLength(2);
    expect(screen.getAllByText('应报未报')).toHaveLength(2);
    expect(screen.getAllByText('暂不考核')).toHaveLength(2);
    expect(screen.getAllByText('折算')).toHaveLength(2);
    expect(screen.getByText('无考核数据')).toBeTruthy();
    // The reason is on hover and in the unit's lines.
    fireEvent.mouseEnter(screen.getByText('无考核数据'));
    expect(await screen.findByText(noDataLine)).toBeTruthy();
    const expanders = screen.getAllByRole('button', { name: /展开行|Expand row/ });
    expect(expanders).toHaveLength(4);
    fireEvent.click(expanders[1] as HTMLElement);
    expect(await screen.findByText(scaledLine)).toBeTruthy();
    expect(screen.getByText(silentRule)).toBeTruthy();
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
