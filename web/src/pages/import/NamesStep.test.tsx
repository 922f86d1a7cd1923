import type { DepartmentName, ParsePreview } from '@shared/import.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { mappingOf, type NameChoice, NamesStep } from './NamesStep.tsx';

const WHY = '“纪监室”是“纪检监察室”的简称（字序一致）';

/** A parse preview as the server answers it, reduced to what the names step reads. */
function preview(departments: DepartmentName[], similarNames: ParsePreview['similarNames']): ParsePreview {
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
    warnings: [],
    text: '',
    names: { departments, leaders: [] },
    spans: [],
    units: departments.flatMap((d) =>
      d.status === 'unknown' ? [] : [{ ...d.unit, kind: 'department' as const }],
    ),
    similarNames,
  };
}

const unknown = (name: string, suggestions: Array<{ id: number; name: string; why?: string }> = []) =>
  ({ name, status: 'unknown', suggestions }) as const;

/** The names step with the wizard's state around it, and the mapping it would send. */
function Wizard({ of }: { of: ParsePreview }) {
  const [choices, setChoices] = useState<Record<string, NameChoice>>({});
  return (
    <AntApp>
      <NamesStep
        preview={of}
        choices={choices}
        onChange={(name, c) => setChoices((all) => ({ ...all, [name]: c }))}
      />
      <pre data-testid="mapping">{JSON.stringify(mappingOf(of, choices))}</pre>
    </AntApp>
  );
}

const mapping = () => JSON.parse(screen.getByTestId('mapping').textContent ?? 'null');

describe('NamesStep alias proposals', () => {
  it('merges two new names of one notice with one click: 纪检监察室 is created, 纪监室 becomes its alias', async () => {
    const user = userEvent.setup();
    const of = preview(
      [unknown('办公室'), unknown('纪监室'), unknown('纪检监察室')],
      [{ name: '纪监室', other: '纪检监察室', why: WHY }],
    );
    render(<Wizard of={of} />);
    const proposals = screen.getByTestId('name-proposals');
    expect(proposals.textContent).toContain('纪监室 与 纪检监察室 可能是同一单位');
    expect(proposals.textContent).toContain(WHY);

    await user.click(within(proposals).getByRole('button', { name: '合并为 纪检监察室' }));
    expect(within(proposals).getByText('已合并：纪监室 作为 纪检监察室 的别名')).toBeTruthy();
    expect(screen.getByText('并入 纪检监察室（记为别名）')).toBeTruthy();
    // 办公室 is still undecided, so nothing can be sent yet; deciding the rest keeps the merge.
    expect(mapping()).toBeNull();
    await user.click(screen.getByRole('button', { name: /其余 1 个全部新建为股室/ }));
    expect(mapping()).toEqual({ 办公室: 'create', 纪监室: { aliasOf: '纪检监察室' }, 纪检监察室: 'create' });
  });

  it('keeps the full name’s own decision when merging into it (created as a school stays a school)', async () => {
    const user = userEvent.setup();
    const of = preview(
      [unknown('纪监室'), unknown('纪检监察室')],
      [{ name: '纪监室', other: '纪检监察室', why: WHY }],
    );
    render(<Wizard of={of} />);
    const rows = screen.getAllByRole('row');
    const fullRow = rows.find((r) => r.textContent?.startsWith('纪检监察室')) as HTMLElement;
    await user.click(within(fullRow).getByText('新建为学校'));
    await user.click(screen.getByRole('button', { name: '合并为 纪检监察室' }));
    expect(mapping()).toEqual({ 纪监室: { aliasOf: '纪检监察室' }, 纪检监察室: 'create_school' });
  });

  it('maps a name to the directory unit it abbreviates with one click', async () => {
    const user = userEvent.setup();
    const of = preview(
      [
        { name: '纪检监察室', status: 'known', unit: { id: 7, name: '纪检监察室' } },
        unknown('纪监室', [{ id: 7, name: '纪检监察室', why: WHY }]),
      ],
      [],
    );
    render(<Wizard of={of} />);
    const proposals = screen.getByTestId('name-proposals');
    expect(proposals.textContent).toContain('纪监室 与 纪检监察室 可能是同一单位');
    await user.click(within(proposals).getByRole('button', { name: '合并为 纪检监察室' }));
    expect(mapping()).toEqual({ 纪监室: 7 });
  });

  it('offers no merge when nothing looks alike', () => {
    render(<Wizard of={preview([unknown('教育股'), unknown('体育股')], [])} />);
    expect(screen.queryByTestId('name-proposals')).toBeNull();
  });
});
