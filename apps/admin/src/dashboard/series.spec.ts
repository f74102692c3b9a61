import { Level, SubjectKind } from '@dangbo/shared-types';
import { levelSeries, shareText } from './series';

const group = (key: string, levels: [Level, number, number][]) => ({
  key,
  label: key,
  subjectKind: SubjectKind.COLLECTIVE,
  childUnitId: null,
  total: 10,
  decided: 10,
  levels: levels.map(([level, count, share]) => ({ level, count, share })),
});

describe('summary groups as one series per level', () => {
  it('gives every level a value for every group, a level absent from a group counting 0', () => {
    const series = levelSeries([group('a', [[Level.GOOD, 8, 0.8], [Level.EXCELLENT, 2, 0.2]]), group('b', [[Level.NOT_COMPLETED, 1, 0.1]])]);
    expect(series.map((s) => s.level)).toEqual([Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED]);
    expect(series[0].counts).toEqual([2, 0]);
    expect(series[1].shares).toEqual([0.8, 0]);
    expect(series[3].counts).toEqual([0, 1]);
  });

  it('writes shares with a decimal comma', () => {
    expect(shareText(0.125)).toBe('12,5%');
    expect(shareText(0.2)).toBe('20%');
  });
});
