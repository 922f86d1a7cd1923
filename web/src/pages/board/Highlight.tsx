import { splitMatches } from './filter.ts';

/** Text with the parts matching the search marked (rendered as text, never as HTML). */
export function Highlight({ text, q }: { text: string; q?: string }) {
  const parts = splitMatches(text, q);
  if (parts.length === 1 && !parts[0]?.match) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string, never reordered
          <mark key={index} className="board-mark">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string, never reordered
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** A short piece of the body around the first match, for items matched by their body only. */
export function snippetAround(body: string, q: string | undefined, radius = 24): string | null {
  if (!q) return null;
  const parts = splitMatches(body, q);
  const first = parts.findIndex((p) => p.match);
  if (first < 0) return null;
  const start = parts.slice(0, first).reduce((n, p) => n + p.text.length, 0);
  const from = Math.max(0, start - radius);
  const to = Math.min(body.length, start + q.length + radius);
  return `${from > 0 ? '…' : ''}${body.slice(from, to)}${to < body.length ? '…' : ''}`;
}
