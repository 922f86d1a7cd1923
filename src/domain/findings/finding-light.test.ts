import { describe, expect, it } from 'vitest';
import { findingLight } from './finding-light.ts';

describe('findingLight', () => {
  const today = '2024-05-20';
  it('is red once the deadline has passed and the finding is not closed', () => {
    expect(findingLight({ status: 'open', dueOn: '2024-05-19' }, today)).toEqual({
      light: 'red',
      reason: '已超过整改期限 1 天',
    });
    expect(findingLight({ status: 'escalated', dueOn: '2024-05-01' }, today).light).toBe('red');
  });
  it('is yellow on the due day and within 3 days of it', () => {
    expect(findingLight({ status: 'open', dueOn: '2024-05-20' }, today)).toEqual({
      light: 'yellow',
      reason: '今天到期',
    });
    expect(findingLight({ status: 'open', dueOn: '2024-05-23' }, today)).toEqual({
      light: 'yellow',
      reason: '3 天后到期',
    });
  });
  it('is green further out, and says an escalated finding waits for assignment', () => {
    expect(findingLight({ status: 'open', dueOn: '2024-05-24' }, today)).toEqual({
      light: 'green',
      reason: '距整改期限还有 4 天',
    });
    expect(findingLight({ status: 'escalated', dueOn: '2024-06-30' }, today).reason).toContain('待指派');
  });
  it('is done when closed and green while a rectification waits for verification, even past due', () => {
    expect(findingLight({ status: 'closed', dueOn: '2024-01-01' }, today).light).toBe('done');
    expect(findingLight({ status: 'rectified', dueOn: '2024-01-01' }, today)).toEqual({
      light: 'green',
      reason: '已回复整改，待验收',
    });
  });
  it('counts days across a month end', () => {
    expect(findingLight({ status: 'open', dueOn: '2024-06-02' }, '2024-05-31').reason).toBe('2 天后到期');
  });
});
