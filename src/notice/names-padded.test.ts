import { describe, expect, it } from 'vitest';
import { foldText } from './fold.ts';
import { splitNames } from './names.ts';
import { makeView } from './view.ts';

// A leader cell of a task table as pasted, read the way the parser reads one.
function cell(written: string) {
  const view = makeView(written, foldText(written), [{ start: 0, end: written.length }]);
  return splitNames(view, 0, view.str.length, true, true).map((n) => ({
    name: n.name,
    unsure: n.unsure !== undefined,
  }));
}

const sure = (...names: string[]) => names.map((name) => ({ name, unsure: false }));
const unsure = (...names: string[]) => names.map((name) => ({ name, unsure: true }));

describe('leader cells padded to a fixed width', () => {
  it('joins a two-character name padded to three (周 岚, 陈  丽, 周　岚)', () => {
    expect(cell('周 岚')).toEqual(sure('周岚'));
    expect(cell('陈  丽')).toEqual(sure('陈丽'));
    expect(cell('周　岚')).toEqual(sure('周岚'));
  });

  it('reads three-character names padded or not: 欧阳 明 after its compound surname, 王 小 明 spaced out', () => {
    expect(cell('欧阳 明')).toEqual(sure('欧阳明'));
    expect(cell('欧阳明')).toEqual(sure('欧阳明'));
    expect(cell('王 小 明')).toEqual(sure('王小明'));
    expect(cell('上官云')).toEqual(sure('上官云'));
  });

  it('separates names apart by spaces when only one cut fits (周　岚　许　诺, 陈　丽　林海波)', () => {
    expect(cell('周　岚　许　诺')).toEqual(sure('周岚', '许诺'));
    expect(cell('陈　丽　林海波')).toEqual(sure('陈丽', '林海波'));
    expect(cell('钟　凯　上官云')).toEqual(sure('钟凯', '上官云'));
  });

  it('cuts a run with no separator by its padding, marked unsure (周 岚许 诺, 欧阳明韩 松)', () => {
    expect(cell('周 岚许 诺')).toEqual(unsure('周岚', '许诺'));
    expect(cell('欧阳明韩 松')).toEqual(unsure('欧阳明', '韩松'));
    expect(cell('李明王强')).toEqual(unsure('李明', '王强'));
    expect(cell('欧阳明华')).toEqual(sure('欧阳明华'));
  });

  it('marks a run unsure when two cuts fit equally (王 小 明 李 强, 王小明李强)', () => {
    expect(cell('王 小 明 李 强').every((n) => n.unsure)).toBe(true);
    expect(
      cell('王小明李强')
        .map((n) => n.name)
        .join(''),
    ).toBe('王小明李强');
    expect(cell('王小明李强').every((n) => n.unsure)).toBe(true);
  });

  it('takes a line break in a cell as a separator and keeps titles whole (各分管领导)', () => {
    expect(cell('周 岚\n许 诺')).toEqual(sure('周岚', '许诺'));
    expect(cell('各分管领导')).toEqual(sure('各分管领导'));
    expect(cell('局班子成员')).toEqual(sure('局班子成员'));
  });
});
