import type { ItemNode, Light, PlanTree, SectionNode } from '@shared/plan-tree.ts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  boardChoices,
  defaultScope,
  filterBoard,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  itemIsMine,
  lightCounts,
  splitMatches,
} from './filter.ts';
import { Highlight } from './Highlight.tsx';

function item(
  id: number,
  title: string,
  body: string,
  light: Light | null,
  leaders: string[],
  departments: Array<[number, string, boolean]>,
): ItemNode {
  return {
    id,
    no: id,
    title,
    body,
    weight: 1,
    leaders,
    departments: departments.map(([unitId, name, isLead]) => ({ id: unitId, name, isLead })),
    draftIndicators: [],
    tasks: [],
    ...(light ? { light: { light, progress: 0.5, reason: '' } } : {}),
  };
}

const sections: SectionNode[] = [
  {
    id: 10,
    no: 1,
    title: '聚焦党建引领',
    items: [
      item(
        1,
        '深入学习贯彻党的二十大精神',
        '坚持每月开展党委理论中心组学习',
        'red',
        ['陈玲玲', '林海'],
        [
          [1, '办公室', true],
          [2, '行政审批股', false],
        ],
      ),
      item(
        2,
        '不断加强基层党建工作',
        '建立中小学校党组织领导的校长负责制',
        'green',
        ['陈玲玲'],
        [[3, '人事股', true]],
      ),
    ],
  },
  {
    id: 20,
    no: 2,
    title: '聚焦全面发展',
    items: [
      item(
        3,
        '切实加强学校德育工作',
        '召开家校社协同育人推进会，开展ＡＩ课程',
        'yellow',
        ['李开军'],
        [
          [4, '教育股', true],
          [1, '办公室', false],
        ],
      ),
      item(4, '切实加强体卫艺工作', '举办中小学生阳光体育运动会', null, ['李开军'], [[5, '体育股', true]]),
    ],
  },
];
const tree: Pick<PlanTree, 'sections'> = { sections };
const ids = (filtered: SectionNode[]) => filtered.flatMap((s) => s.items.map((i) => i.id));

describe('board filters', () => {
  it('shows everything without filters, sections in order', () => {
    const shown = filterBoard(tree, {});
    expect(shown.map((s) => s.id)).toEqual([10, 20]);
    expect(ids(shown)).toEqual([1, 2, 3, 4]);
  });

  it('filters by light, an item without a light (no visible task) matching none', () => {
    expect(ids(filterBoard(tree, { light: 'red' }))).toEqual([1]);
    expect(ids(filterBoard(tree, { light: 'grey' }))).toEqual([]);
    // A section left without items is dropped.
    expect(filterBoard(tree, { light: 'green' }).map((s) => s.id)).toEqual([10]);
  });

  it('filters by department (lead or co-owner), leader and section', () => {
    expect(ids(filterBoard(tree, { department: 1 }))).toEqual([1, 3]);
    expect(ids(filterBoard(tree, { leader: '陈玲玲' }))).toEqual([1, 2]);
    expect(ids(filterBoard(tree, { section: 20 }))).toEqual([3, 4]);
  });

  it('searches Chinese substrings in titles and bodies, ignoring full-width and case', () => {
    expect(ids(filterBoard(tree, { q: '党建' }))).toEqual([2]);
    expect(ids(filterBoard(tree, { q: '中心组' }))).toEqual([1]);
    expect(ids(filterBoard(tree, { q: '运动会' }))).toEqual([4]);
    expect(ids(filterBoard(tree, { q: 'ai课程' }))).toEqual([3]);
    expect(ids(filterBoard(tree, { q: '不存在的词' }))).toEqual([]);
  });

  it('combines filters with and', () => {
    expect(ids(filterBoard(tree, { department: 1, light: 'yellow' }))).toEqual([3]);
    expect(ids(filterBoard(tree, { leader: '陈玲玲', q: '学校' }))).toEqual([2]);
    expect(ids(filterBoard(tree, { leader: '陈玲玲', section: 20 }))).toEqual([]);
    expect(ids(filterBoard(tree, { department: 1, section: 10, q: '学习', light: 'red' }))).toEqual([1]);
  });

  it('counts lights over the items the other filters leave', () => {
    expect(lightCounts(tree, {})).toEqual({ red: 1, yellow: 1, green: 1, grey: 0, done: 0 });
    expect(lightCounts(tree, { leader: '李开军', light: 'red' })).toEqual({
      red: 0,
      yellow: 1,
      green: 0,
      grey: 0,
      done: 0,
    });
  });

  it('reads and writes the address query, ignoring malformed values', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('light=red&department=4&leader=%E9%99%88%E7%8E%B2%E7%8E%B2&section=x&q=%20德育%20'),
    );
    expect(filters).toEqual({ light: 'red', department: 4, leader: '陈玲玲', q: '德育' });
    expect(filtersFromSearch(new URLSearchParams('light=purple&department=-1'))).toEqual({});
    expect(filtersToSearch(filters).toString()).toBe(
      new URLSearchParams({ light: 'red', department: '4', leader: '陈玲玲', q: '德育' }).toString(),
    );
  });

  it('lists the leaders and departments named in the plan once each', () => {
    const choices = boardChoices(tree);
    expect(choices.leaders).toEqual(['陈玲玲', '林海', '李开军']);
    expect(choices.departments.map((d) => d.name)).toEqual([
      '办公室',
      '行政审批股',
      '人事股',
      '教育股',
      '体育股',
    ]);
  });

  it('marks every match of the search in a text', () => {
    expect(splitMatches('学习贯彻，学习教育', '学习')).toEqual([
      { text: '学习', match: true },
      { text: '贯彻，', match: false },
      { text: '学习', match: true },
      { text: '教育', match: false },
    ]);
    render(<Highlight text="开展ＡＩ课程" q="ai" />);
    expect(screen.getByText('ＡＩ').tagName).toBe('MARK');
  });

  it('reads and writes the scope, which clearing the filters keeps', () => {
    expect(filtersFromSearch(new URLSearchParams('scope=mine&light=red'))).toEqual({
      scope: 'mine',
      light: 'red',
    });
    expect(filtersFromSearch(new URLSearchParams('scope=everything'))).toEqual({});
    expect(filtersToSearch({ scope: 'all' }).toString()).toBe('scope=all');
    expect(hasFilters({ scope: 'mine' })).toBe(false);
    expect(hasFilters({ scope: 'mine', q: '党建' })).toBe(true);
  });

  it('opens on 与我有关 only for users who see part of a published plan and have something of their own', () => {
    const unit = { unitId: 1, leader: null };
    const leader = { unitId: null, leader: '陈玲玲' };
    const nobody = { unitId: null, leader: null };
    expect(defaultScope(unit, false, false)).toBe('mine');
    expect(defaultScope(leader, false, false)).toBe('mine');
    expect(defaultScope(leader, true, false)).toBe('all');
    expect(defaultScope(nobody, false, false)).toBe('all');
    expect(defaultScope(unit, false, true)).toBe('all');
  });

  it('finds the items of a unit through its tasks, co-owned ones included, and of a leader by name', () => {
    const owned = {
      ...item(5, '推进集团化办学', '', null, ['林海'], []),
      tasks: [
        {
          id: 50,
          title: '推进集团化办学',
          lead: { id: 4, name: '教育股' },
          coOwners: [{ id: 1, name: '办公室' }],
          startOn: '2024-03-01',
          dueOn: '2024-12-31',
          status: 'pending' as const,
          version: 1,
          indicators: [],
          schools: [],
        },
      ],
    };
    expect(itemIsMine(owned, { unitId: 1, leader: null })).toBe(true);
    expect(itemIsMine(owned, { unitId: 3, leader: null })).toBe(false);
    expect(itemIsMine(owned, { unitId: null, leader: '林海' })).toBe(true);
    // Named as a department of the item is not enough: the unit must own one of its tasks.
    expect(itemIsMine(sections[0]?.items[0] as ItemNode, { unitId: 1, leader: null })).toBe(false);
    const mine = filterBoard(
      { sections: [{ ...sections[0]!, items: [owned] }] },
      { scope: 'mine' },
      {
        unitId: 1,
        leader: null,
      },
    );
    expect(ids(mine)).toEqual([5]);
  });
});
