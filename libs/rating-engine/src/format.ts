import { LEVEL_LABELS, Level } from '@dangbo/shared-types';

/**
 * Rounds to 2 decimals, half away from zero. Points are shown and stored with 2 decimals; plain
 * `Math.round(x * 100) / 100` turns 1.005 into 1 because 1.005 * 100 is 100.49999…, hence the small nudge.
 */
export function round2(x: number): number {
  const y = Math.round(Math.abs(x) * 100 + 1e-7) / 100;
  return x < 0 && y !== 0 ? -y : y;
}

// Traces print a handful of points per subject; converting doubles to text was most of the trace's cost, and
// points are hundredths in 0..100, so their texts are made once.
const CACHE_LIMIT = 10000;
const cache: string[] = [];

/** A number the Vietnamese way, with a decimal comma: 94.18 → "94,18". */
export function formatNumberVi(x: number): string {
  const h = Math.round(x * 100);
  if (h >= 0 && h <= CACHE_LIMIT && h / 100 === x) {
    let text = cache[h];
    if (text === undefined) {
      text = slowFormat(x);
      cache[h] = text;
    }
    return text;
  }
  return slowFormat(x);
}

function slowFormat(x: number): string {
  return Number.isInteger(x) ? String(x) : String(x).replace('.', ',');
}

/** Full Vietnamese name of a level. */
export function levelName(level: Level): string {
  return LEVEL_LABELS[level]?.name ?? String(level);
}

/** True for the four level values. */
export function isLevel(x: unknown): x is Level {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(LEVEL_LABELS, x);
}
