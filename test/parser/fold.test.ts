import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/notice/fold.ts';

describe('the folded copy', () => {
  it('has the same length as the text, so offsets carry over', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => foldText(text).length === text.length));
  });

  it('folds full-width punctuation, traditional keywords and dashes for matching', () => {
    expect(foldText('（責任領導：陳玲玲；１２）')).toBe('(责任领导:陳玲玲;12)');
    expect(foldText('— 2 —\u3000－3－')).toBe('- 2 - -3-');
    expect(foldText('「一岗双责」，')).toBe('“一岗双责”,');
  });
});
