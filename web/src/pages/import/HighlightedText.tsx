import { Tooltip } from 'antd';
import { memo, useEffect, useMemo, useRef } from 'react';
import { type Mark, segmentText } from './highlight.ts';
import './import.css';

/**
 * What a mark of the notice text can be: a finding of the parser, a word OCR was unsure of, the
 * selected item, or a place to show.
 */
export type MarkKind = 'leader' | 'department' | 'indicator' | 'unsure' | 'selected' | 'focus';

const FINDINGS = new Set<MarkKind>(['leader', 'department', 'indicator']);

/**
 * The notice text with the parser's findings marked (leader, department, indicator — each its own
 * colour), the selected item shaded, and the view scrolled to `scrollTo` (an offset) when it changes.
 * Text is rendered as text, never as HTML.
 */
export const HighlightedText = memo(function HighlightedText({
  text,
  marks,
  describe,
  onMarkClick,
  scrollTo,
  className,
}: {
  text: string;
  marks: ReadonlyArray<Mark<MarkKind>>;
  /** The tooltip of a finding. */
  describe?: (mark: Mark<MarkKind>) => string;
  onMarkClick?: (mark: Mark<MarkKind>) => void;
  /** A change of this value (offset plus a counter) scrolls the text to the offset. */
  scrollTo?: { offset: number; seq: number };
  className?: string;
}) {
  const segments = useMemo(() => segmentText(text, marks), [text, marks]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!scrollTo || !box.current) return;
    const target = [...box.current.querySelectorAll<HTMLElement>('[data-start]')].find(
      (el) => Number(el.dataset.end) > scrollTo.offset,
    );
    target?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [scrollTo]);
  return (
    <div ref={box} className={`notice-text ${className ?? ''}`}>
      {segments.map((segment) => {
        if (segment.marks.length === 0) {
          return (
            <span key={segment.start} data-start={segment.start} data-end={segment.end}>
              {segment.text}
            </span>
          );
        }
        const kinds = [...new Set(segment.marks.map((m) => m.kind))];
        const findings = segment.marks.filter((m) => FINDINGS.has(m.kind));
        const innermost = findings[findings.length - 1];
        const element = (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the item list beside the text is the keyboard path to the same place
          <mark
            key={segment.start}
            data-start={segment.start}
            data-end={segment.end}
            data-kind={innermost?.kind ?? kinds[kinds.length - 1]}
            data-kinds={kinds.join(' ')}
            className={kinds.map((k) => `hl-${k}`).join(' ')}
            onClick={innermost && onMarkClick ? () => onMarkClick(innermost) : undefined}
          >
            {segment.text}
          </mark>
        );
        if (findings.length === 0 || !describe) return element;
        return (
          <Tooltip
            key={segment.start}
            title={findings.map((m) => <div key={`${m.kind}-${m.start}`}>{describe(m)}</div>)}
            mouseEnterDelay={0.15}
          >
            {element}
          </Tooltip>
        );
      })}
    </div>
  );
});
