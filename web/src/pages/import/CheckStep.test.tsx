import type { ParsePreview } from '@shared/import.ts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CheckStep } from './CheckStep.tsx';

const PAST_YEAR =
  '这是2024年的工作要点，今天已是2026年：发布后，所有到期事项都会按逾期计算、亮红灯，并向责任股室发出逾期催办。';

function preview(warnings: ParsePreview['warnings']): ParsePreview {
  return {
    issuer: '岳阳市云溪区教育体育局',
    docNumber: '岳云教体〔2024〕4号',
    noticeTitle: null,
    title: '云溪区2024年教育体育工作要点',
    year: 2024,
    issuedOn: '2024-02-22',
    addressees: [],
    preamble: '',
    sections: [],
    warnings,
    text: '云溪区2024年教育体育工作要点',
    names: { departments: [], leaders: [] },
    spans: [],
    units: [],
    similarNames: [],
  };
}

describe('CheckStep', () => {
  it('shows the server’s past-year warning on its own, above the parse warnings', () => {
    render(
      <CheckStep
        preview={preview([
          { code: 'past-plan-year', message: PAST_YEAR, at: 0 },
          { code: 'no-departments', message: '第3条没有找到责任股室。', at: 12 },
        ])}
      />,
    );
    const alert = screen.getByTestId('past-year-warning');
    expect(alert.textContent).toContain('注意：这是往年的工作要点');
    expect(alert.textContent).toContain(PAST_YEAR);
    expect(screen.getByText('解析警告（1 条）')).toBeTruthy();
    expect(screen.getAllByText(PAST_YEAR)).toHaveLength(1);
  });

  it('shows no year alert for a notice of this year or the next', () => {
    render(<CheckStep preview={preview([])} />);
    expect(screen.queryByTestId('past-year-warning')).toBeNull();
    expect(screen.getByText('没有解析警告。')).toBeTruthy();
  });
});
