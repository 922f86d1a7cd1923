import type { ItemNode, SectionNode } from '@shared/plan-tree.ts';
import { Card, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LightTag } from '../../components/LightTag.tsx';
import { ShareProgress } from '../../components/ShareProgress.tsx';
import { board } from '../../i18n/board.ts';
import { splitMatches } from './filter.ts';
import { Highlight, snippetAround } from './Highlight.tsx';

const t = board.board;

/** One section of the board: its header (light, progress) and the rows of its matching items. */
export function SectionBlock({ planId, section, q }: { planId: number; section: SectionNode; q?: string }) {
  return (
    <Card
      className="board-section"
      size="small"
      styles={{ body: { padding: 0 } }}
      title={
        <div className="board-section-head">
          <span className="board-section-title">
            {t.sectionNo(section.no)}
            {section.title}
          </span>
          {section.light ? <LightTag light={section.light.light} reason={section.light.reason} /> : null}
        </div>
      }
      extra={section.light ? <ShareProgress view={section.light} weighted /> : null}
    >
      <div className="board-head" aria-hidden="true">
        <span>{t.columns.no}</span>
        <span>{t.columns.title}</span>
        <span>{t.columns.light}</span>
        <span>{t.columns.reason}</span>
        <span>{t.columns.progress}</span>
        <span>{t.columns.leaders}</span>
        <span>{t.columns.departments}</span>
      </div>
      {section.items.map((item) => (
        <ItemRow key={item.id} planId={planId} item={item} q={q} />
      ))}
    </Card>
  );
}

function ItemRow({ planId, item, q }: { planId: number; item: ItemNode; q?: string }) {
  const navigate = useNavigate();
  const href = `/plans/${planId}/items/${item.id}`;
  const titleMatches = splitMatches(item.title, q).some((part) => part.match);
  const snippet = q && !titleMatches ? snippetAround(item.body, q) : null;
  return (
    // The title is the keyboard-reachable link; the whole row is a larger mouse target for it.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the row's link inside is the keyboard path
    // biome-ignore lint/a11y/noStaticElementInteractions: as above
    <div
      className="board-row"
      data-testid="board-item"
      data-item-id={item.id}
      data-light={item.light?.light}
      onClick={() => navigate(href)}
    >
      <span className="board-no">{item.no}</span>
      <div className="board-title">
        <Link to={href} onClick={(event) => event.stopPropagation()}>
          <Highlight text={item.title} q={q} />
        </Link>
        {snippet ? (
          <div className="board-snippet">
            <Highlight text={snippet} q={q} />
          </div>
        ) : null}
      </div>
      <span>{item.light ? <LightTag light={item.light.light} /> : <Tag>{t.noTasksVisible}</Tag>}</span>
      <span className="board-reason" title={item.light?.reason}>
        {item.light?.reason ?? ''}
      </span>
      <span className="board-progress">
        <span className="board-label">{t.progress}</span>
        {item.light ? <ShareProgress view={item.light} /> : '—'}
      </span>
      <span className="board-people">
        <span className="board-label">{t.leader}</span>
        {item.leaders.join('、') || '—'}
      </span>
      <span className="board-people">
        <span className="board-label">{t.department}</span>
        {item.departments.map((d, index) => (
          <span key={d.id}>
            {index > 0 ? '、' : ''}
            {d.name}
            {d.isLead ? (
              <Tag color="red" bordered={false} style={{ marginInline: 4, padding: '0 4px', fontSize: 11 }}>
                {t.lead}
              </Tag>
            ) : null}
          </span>
        ))}
      </span>
    </div>
  );
}
