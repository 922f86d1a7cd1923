import type { SectionNode } from '@shared/plan-tree.ts';
import { Button, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { board } from '../../i18n/board.ts';
import { common } from '../../i18n/common.ts';
import { type BoardFilters, type BoardScope, hasFilters } from './filter.ts';

const t = board.board;

/**
 * The board's filter controls; every change goes to the address (typing replaces, choices push).
 * With `scopes`, the user has items of their own and may switch between them and the whole plan.
 */
export function BoardFiltersBar({
  filters,
  onChange,
  leaders,
  departments,
  sections,
  shown,
  total,
  scopes,
}: {
  filters: BoardFilters;
  onChange: (next: BoardFilters, replace?: boolean) => void;
  leaders: string[];
  departments: Array<{ id: number; name: string }>;
  sections: SectionNode[];
  shown: number;
  total: number;
  scopes: boolean;
}) {
  const [text, setText] = useState(filters.q ?? '');
  // Back/forward changes the address: show its search text again.
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  return (
    <div className="board-filters">
      {scopes ? (
        <Segmented<BoardScope>
          aria-label={t.scope.label}
          data-testid="board-scope"
          value={filters.scope ?? 'all'}
          onChange={(scope) => onChange({ ...filters, scope })}
          options={[
            { value: 'mine', label: t.scope.mine },
            { value: 'all', label: t.scope.all },
          ]}
        />
      ) : null}
      <Input.Search
        allowClear
        placeholder={t.searchPlaceholder}
        aria-label={t.searchPlaceholder}
        data-testid="board-search"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange({ ...filters, q: event.target.value || undefined }, true);
        }}
        onSearch={(value) => onChange({ ...filters, q: value || undefined }, true)}
        style={{ width: 240 }}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t.leader}
        aria-label={t.leader}
        value={filters.leader}
        onChange={(value?: string) => onChange({ ...filters, leader: value })}
        options={leaders.map((name) => ({ value: name, label: name }))}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t.department}
        aria-label={t.department}
        value={filters.department}
        onChange={(value?: number) => onChange({ ...filters, department: value })}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        style={{ width: 160 }}
        popupMatchSelectWidth={220}
      />
      <Select
        allowClear
        placeholder={t.section}
        aria-label={t.section}
        value={filters.section}
        onChange={(value?: number) => onChange({ ...filters, section: value })}
        options={sections.map((s) => ({ value: s.id, label: `${t.sectionNo(s.no)}${s.title}` }))}
        style={{ width: 200 }}
        popupMatchSelectWidth={420}
      />
      {hasFilters(filters) ? (
        <Button onClick={() => onChange({ scope: filters.scope })}>{t.clear}</Button>
      ) : null}
      <span style={{ color: '#8c8c8c', marginInlineStart: 'auto' }}>
        {t.shown(shown, total)}
        {filters.light ? ` · ${common.light[filters.light]}` : ''}
      </span>
    </div>
  );
}
