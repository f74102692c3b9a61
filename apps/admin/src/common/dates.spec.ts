import { isoToText, textToIso, validDate } from './dates';

describe('typed dates', () => {
  it('shows ISO dates as dd/mm/yyyy and keeps half-typed text', () => {
    expect(isoToText('2017-02-15')).toBe('15/02/2017');
    expect(isoToText('15/02/20')).toBe('15/02/20');
    expect(isoToText(null)).toBe('');
  });

  it('stores a complete dd/mm/yyyy (or d/m/yyyy, with - or .) as ISO, an empty input as null', () => {
    expect(textToIso('15/02/2017')).toBe('2017-02-15');
    expect(textToIso('5.2.2017')).toBe('2017-02-05');
    expect(textToIso('  ')).toBeNull();
    expect(textToIso('31/02/2017')).toBe('31/02/2017');
  });

  it('validates what is not a real date', () => {
    expect(validDate('31/02/2017')).toBe('app.validation.invalid_date');
    expect(validDate('2017-02-15')).toBeUndefined();
    expect(validDate(null)).toBeUndefined();
  });
});
