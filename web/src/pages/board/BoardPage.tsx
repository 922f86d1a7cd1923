import type { Light } from '@shared/plan-tree.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Result, Spin } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { planTreeQuery } from '../../api/query-client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { errorMessage } from '../../components/ApiErrorAlert.tsx';
import { LightTag, lightColors } from '../../components/LightTag.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ReportingRuleButton } from '../../components/reporting-rule/ReportingRuleModal.tsx';
import { ShareProgress } from '../../components/ShareProgress.tsx';
import { board } from '../../i18n/board.ts';
import { common } from '../../i18n/common.ts';
import { LedgerButtons } from '../ledger/LedgerButtons.tsx';
import { BoardFiltersBar } from './BoardFiltersBar.tsx';
import './board.css';
import {
  type BoardFilters,
  boardChoices,
  defaultScope,
  filterBoard,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  hasMine,
  lightCounts,
  type Mine,
} from './filter.ts';
import { SectionBlock } from './SectionBlock.tsx';

const t = board.board;
const lightOrder: Light[] = ['red', 'yellow', 'green', 'grey', 'done'];

/** The plan tree of GET /api/plans/:id, shared with the item page's breadcrumb. */
export function usePlanTree(planId: number) {
  return useQuery(planTreeQuery(planId));
}

/** /plans/:planId — the board: every item by section with its light, reason and progress, filterable. */
export default function BoardPage() {
  const planId = Number(useParams().planId);
  const navigate = useNavigate();
  const me = useCurrentUser();
  const mine = useMemo<Mine>(
    () => ({
      unitId: can(me, 'reports.submit') ? (me.unit?.id ?? null) : null,
      leader: me.leader?.name ?? null,
    }),
    [me],
  );
  const readsAll = can(me, 'plans.readAll');
  const [search, setSearch] = useSearchParams();
  const query = usePlanTree(planId);
  const tree = query.data;
  const draft = tree?.plan.status === 'draft';
  const filters = useMemo(() => {
    const asked = filtersFromSearch(search);
    return { ...asked, scope: asked.scope ?? defaultScope(mine, readsAll, draft) };
  }, [search, mine, readsAll, draft]);
  const visible = useMemo(() => (tree ? filterBoard(tree, filters, mine) : []), [tree, filters, mine]);
  const choices = useMemo(() => (tree ? boardChoices(tree) : { leaders: [], departments: [] }), [tree]);
  const counts = useMemo(() => (tree ? lightCounts(tree, filters, mine) : undefined), [tree, filters, mine]);

  if (query.isPending) return <Spin style={{ margin: 48 }} tip={common.loading} />;
  if (query.isError || !tree) {
    return (
      <Result
        status="warning"
        title={errorMessage(query.error)}
        extra={<Button onClick={() => navigate('/plans')}>{board.item.breadcrumbPlans}</Button>}
      />
    );
  }
  const setFilters = (next: BoardFilters, replace = false) => setSearch(filtersToSearch(next), { replace });
  const total = tree.sections.reduce((n, s) => n + s.items.length, 0);
  const shown = visible.reduce((n, s) => n + s.items.length, 0);
  const subtitle = [tree.plan.docNumber, tree.lights ? t.asOf(tree.lights.asOf) : null]
    .filter(Boolean)
    .join(' · ');

  return (
    <PageContainer
      title={tree.plan.title}
      subtitle={subtitle}
      extra={
        <>
          {tree.plan.status === 'draft' ? null : (
            <LedgerButtons
              planId={tree.plan.id}
              canImport={can(me, 'plans.publish') && tree.plan.status === 'published'}
            />
          )}
          {can(me, 'reporting.edit') ? (
            <ReportingRuleButton target={{ kind: 'plan', planId: tree.plan.id }} />
          ) : null}
        </>
      }
    >
      {tree.plan.status === 'draft' ? (
        <Alert
          type="info"
          showIcon
          message={t.draft}
          action={<Link to={`/import/${tree.plan.id}`}>{t.goReview}</Link>}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {tree.lights && counts ? (
        <Card size="small">
          <div className="board-summary">
            <span>
              {t.planLight}：<LightTag light={tree.lights.light} reason={tree.lights.reason} />
            </span>
            <span className="board-summary-progress">
              {t.overall}
              <ShareProgress view={tree.lights} weighted />
            </span>
            <fieldset className="board-counts" aria-label={t.light}>
              {lightOrder.map((light) => (
                <button
                  type="button"
                  key={light}
                  className="board-count"
                  aria-pressed={filters.light === light}
                  title={t.countTitle(common.light[light] ?? light, counts[light])}
                  style={{ color: lightColors[light] }}
                  onClick={() =>
                    setFilters({ ...filters, light: filters.light === light ? undefined : light })
                  }
                >
                  <span className="board-count-dot" style={{ background: lightColors[light] }} />
                  {common.light[light]} {counts[light]}
                </button>
              ))}
            </fieldset>
          </div>
        </Card>
      ) : null}
      <BoardFiltersBar
        filters={filters}
        onChange={setFilters}
        leaders={choices.leaders}
        departments={choices.departments}
        sections={tree.sections}
        shown={shown}
        total={total}
        scopes={hasMine(mine)}
      />
      {total === 0 ? (
        <Card>
          <Empty description={t.noItems} />
        </Card>
      ) : visible.length === 0 && filters.scope === 'mine' && !hasFilters(filters) ? (
        <Card>
          <Empty description={t.noMine(mine.unitId !== null, mine.leader !== null)}>
            <Button onClick={() => setFilters({ scope: 'all' })}>{t.showAll}</Button>
          </Empty>
        </Card>
      ) : visible.length === 0 ? (
        <Card>
          <Empty description={`${t.noMatch}。${t.noMatchHint}`}>
            <Button onClick={() => setFilters({ scope: filters.scope })}>{t.clear}</Button>
          </Empty>
        </Card>
      ) : (
        visible.map((section) => (
          <SectionBlock key={section.id} planId={tree.plan.id} section={section} q={filters.q} />
        ))
      )}
    </PageContainer>
  );
}
