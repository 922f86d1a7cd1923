import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LightTag } from './LightTag.tsx';

describe('LightTag', () => {
  it('names each light in Chinese', () => {
    render(
      <>
        <LightTag light="red" />
        <LightTag light="done" />
      </>,
    );
    expect(screen.getByText('红灯').getAttribute('data-light')).toBe('red');
    expect(screen.getByText('已办结')).toBeTruthy();
  });
});
