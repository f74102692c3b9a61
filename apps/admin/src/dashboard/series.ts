/**
 * The summary's groups as chart series: one series per level (best first), one value per group, so that a stacked
 * bar shows each group's count of every level, and the same numbers as shares for the table.
 */
import { Level } from '@dangbo/shared-types';
import type { SummaryGroup } from '../resources/evaluations/api';

export const LEVEL_ORDER: readonly Level[] = [Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED];

/** Bar colours per level (green to red, as the level chips). */
export const LEVEL_CHART_COLORS: Record<Level, string> = {
  [Level.EXCELLENT]: '#2e7d32',
  [Level.GOOD]: '#0288d1',
  [Level.COMPLETED]: '#ed6c02',
  [Level.NOT_COMPLETED]: '#d32f2f',
};

export interface LevelSeries {
  level: Level;
  counts: number[];
  shares: number[];
}

export function levelSeries(groups: readonly SummaryGroup[]): LevelSeries[] {
  return LEVEL_ORDER.map((level) => ({
    level,
    counts: groups.map((g) => g.levels.find((l) => l.level === level)?.count ?? 0),
    shares: groups.map((g) => g.levels.find((l) => l.level === level)?.share ?? 0),
  }));
}

/** "12,5%" from 0.125 (the way the reports write shares). */
export const shareText = (share: number) => `${String(Math.round(share * 1000) / 10).replace('.', ',')}%`;
