import type { IndicatorSpan, IndicatorView } from '@shared/items.ts';
import { Tooltip } from 'antd';
import { Fragment } from 'react';
import { board } from '../../i18n/board.ts';
import { progressText } from './format.ts';

const t = board.item;

/** The item's text with the words that state indicators underlined; hovering (or focusing) shows kind and progress. */
export function ItemBody({
  body,
  spans,
  indicators,
}: {
  body: string;
  spans: IndicatorSpan[];
  indicators: ReadonlyMap<number, IndicatorView>;
}) {
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > body.length) continue;
    if (span.start > at) pieces.push(<Fragment key={`t${at}`}>{body.slice(at, span.start)}</Fragment>);
    const shown = span.indicatorIds.map((id) => indicators.get(id)).filter((i) => i !== undefined);
    const first = shown[0];
    const tip = (
      <div>
        <div>{t.kind[span.kind] ?? span.kind}</div>
        {first?.progress ? (
          <>
            <div>
              {progressText(first)}（{t.expected(String(first.progress.expected))}）
            </div>
            <div>{first.progress.reason}</div>
          </>
        ) : null}
      </div>
    );
    pieces.push(
      <Tooltip key={`s${span.start}`} title={tip}>
        <span
          className="item-indicator"
          data-light={first?.progress?.light}
          data-testid="indicator-span"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the same tooltip as hovering
          tabIndex={0}
        >
          {body.slice(span.start, span.end)}
        </span>
      </Tooltip>,
    );
    at = span.end;
  }
  if (at < body.length) pieces.push(<Fragment key={`t${at}`}>{body.slice(at)}</Fragment>);
  return <div className="item-body">{pieces}</div>;
}
