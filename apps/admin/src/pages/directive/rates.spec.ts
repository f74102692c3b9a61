import { rateOf, rateText } from './rates';

describe('rates as the report writes them', () => {
  it('keeps two decimals with a comma (178 of 189 present)', () => {
    expect(rateOf(178, 189)).toBe('94,18%');
  });

  it('drops trailing zeros', () => {
    expect(rateText(0.754)).toBe('75,4%');
    expect(rateText(0.8185)).toBe('81,85%');
    expect(rateOf(18, 18)).toBe('100%');
    expect(rateOf(0, 18)).toBe('0%');
  });

  it('rounds half up on the hundredths, not on floating-point noise', () => {
    expect(rateOf(1, 3)).toBe('33,33%');
    expect(rateOf(2, 3)).toBe('66,67%');
    expect(rateText(0.12345)).toBe('12,35%');
  });

  it('shows a dash when nobody was expected', () => {
    expect(rateOf(0, 0)).toBe('—');
    expect(rateText(null)).toBe('—');
  });
});
