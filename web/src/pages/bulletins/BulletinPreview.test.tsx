import type { BulletinContent } from '@shared/bulletins.ts';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BulletinPreview } from './BulletinPreview.tsx';
import { bulletinMonths } from './months.ts';

const content: BulletinContent = {
  title: '2024年6月工作要点落实情况通报',
  subtitle: '（2024年第6期）',
  intro: '现将6月落实情况通报如下。',
  sections: [
    {
      key: 'overall',
      heading: '一、总体进展',
      text: '总体完成进度46%。\n本月按时报送35份。\n<img src=x onerror=alert(1)>',
      parts: [{ heading: '（一）聚焦党建引领', text: '本部分共4项要点。' }],
      table: null,
      after: '',
    },
    {
      key: 'ranking',
      heading: '五、各股室进展排名',
      text: '',
      parts: [],
      table: { columns: ['名次', '单位', '按时率'], widths: [1, 2, 1], rows: [['1', '办公室', '100%']] },
      after: '请各单位对照排名改进。',
    },
  ],
  closing: '请各单位加快进度。',
  issuer: '岳阳市云溪区教育体育局',
  signedOn: '2024-07-02',
};

describe('BulletinPreview', () => {
  it('lays the bulletin out as printed: title, headings, each line a paragraph, tables, issuer and date', () => {
    render(<BulletinPreview content={content} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('2024年6月工作要点落实情况通报');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '一、总体进展',
      '五、各股室进展排名',
    ]);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('（一）聚焦党建引领');
    expect(screen.getByText('本月按时报送35份。').tagName).toBe('P');
    // Text stays text: nothing typed into a draft becomes markup.
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['名次', '单位', '按时率']);
    expect(within(table).getByText('办公室')).toBeTruthy();
    expect(screen.getByText('岳阳市云溪区教育体育局')).toBeTruthy();
    expect(screen.getByText('2024年7月2日')).toBeTruthy();
  });
});

describe('bulletinMonths', () => {
  it('offers the plan year up to this month, newest first', () => {
    expect(bulletinMonths(2024, '2024-03-15')).toEqual([
      { value: '2024-03', label: '2024年3月' },
      { value: '2024-02', label: '2024年2月' },
      { value: '2024-01', label: '2024年1月' },
    ]);
    expect(bulletinMonths(2024, '2025-01-02')).toHaveLength(12);
    expect(bulletinMonths(2025, '2024-12-31')).toEqual([]);
  });
});
