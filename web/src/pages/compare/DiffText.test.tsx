import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiffText } from './DiffText.tsx';

describe('DiffText', () => {
  it('marks inserted and deleted runs and keeps equal text plain, in order', () => {
    const { container } = render(
      <DiffText
        runs={[
          { op: 'equal', text: '深入学习贯彻党的二十' },
          { op: 'delete', text: '大' },
          { op: 'insert', text: '届三中全会' },
          { op: 'equal', text: '精神' },
        ]}
      />,
    );
    expect(container.textContent).toBe('深入学习贯彻党的二十大届三中全会精神');
    expect(container.querySelector('ins')?.textContent).toBe('届三中全会');
    expect(container.querySelector('del')?.textContent).toBe('大');
    expect(container.querySelectorAll('ins, del')).toHaveLength(2);
  });

  it('shows hostile text as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <DiffText
        runs={[
          { op: 'insert', text: hostile },
          { op: 'delete', text: '<script>alert(2)</script>' },
        ]}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('ins')?.textContent).toBe(hostile);
    expect(container.textContent).toContain('<script>alert(2)</script>');
  });
});
