import { describe, it, expect } from 'vitest';
import { unfiledDeadline, unfiledState } from './unfiled';
import { workingDaysBetween } from '@/lib/workdays';

const NOW = Date.UTC(2026, 2, 2, 2); // 2026-03-02 10:00 Beijing

describe('unfiledState', () => {
  it('reads 待推送 / 已推送 / 已逾期 / 已备案 off the row', () => {
    const deadline = NOW + 10 * 86_400_000;
    expect(unfiledState({ filedWebsiteId: null, pushedAt: null, deadline: null }, NOW)).toBe('待推送');
    expect(unfiledState({ filedWebsiteId: null, pushedAt: NOW, deadline }, NOW)).toBe('已推送');
    expect(unfiledState({ filedWebsiteId: null, pushedAt: NOW, deadline }, deadline)).toBe('已推送');
    expect(unfiledState({ filedWebsiteId: null, pushedAt: NOW, deadline }, deadline + 1)).toBe('已逾期');
    expect(unfiledState({ filedWebsiteId: 7, pushedAt: NOW, deadline }, deadline + 1)).toBe('已备案');
  });
  it('gives 30 working days, to the end of the last one', () => {
    const d = unfiledDeadline(NOW);
    expect(workingDaysBetween(NOW, d)).toBe(30);
    expect(workingDaysBetween(NOW, d + 1)).toBeGreaterThan(30);
  });
});
