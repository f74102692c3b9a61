/**
 * Rates the way the committee's reports write them: a percentage with at most two decimals, a decimal comma and no
 * trailing zero ("94,18%", "75,4%", "100%").
 */
export function rateText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  // Rounded on the hundredths of a percent, in integers: 0.9418 * 10000 is not always 9418 in floating point.
  const hundredths = Math.round(rate * 1_000_000) / 100;
  const rounded = Math.round(hundredths) / 100;
  return `${String(rounded).replace('.', ',')}%`;
}

/** present / expected, or null when nobody was expected. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Rate text of a count against a total. */
export const rateOf = (part: number, whole: number) => rateText(ratio(part, whole));
