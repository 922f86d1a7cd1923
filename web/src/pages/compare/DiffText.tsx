import type { DiffRun } from '@shared/plan-compare.ts';

const inserted = { background: '#d9f7be', color: '#135200', textDecoration: 'underline' };
const deleted = { background: '#ffccc7', color: '#a8071a', textDecoration: 'line-through' };

/** A character-level difference: new words underlined in green, removed words struck through in red. */
export function DiffText({ runs }: { runs: readonly DiffRun[] }) {
  return (
    <span className="diff-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>
      {runs.map((run, index) => {
        const key = `${index}-${run.op}`;
        if (run.op === 'insert')
          return (
            <ins key={key} style={inserted}>
              {run.text}
            </ins>
          );
        if (run.op === 'delete')
          return (
            <del key={key} style={deleted}>
              {run.text}
            </del>
          );
        return <span key={key}>{run.text}</span>;
      })}
    </span>
  );
}
