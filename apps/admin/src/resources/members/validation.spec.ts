import { admittedOnValidator, officialOnValidator, validateBirthDate, validateCitizenId } from './validation';

const today = () => '2026-11-26';
const admitted = admittedOnValidator(today);
const official = officialOnValidator(today);

describe('member form rules (the same as the API, in translation keys)', () => {
  it.each([
    ['an official date before the admission date', '2015-02-02', { admittedOn: '2015-02-03' }, 'app.validation.official_before_admitted'],
    ['an official date in the future', '2027-01-01', { admittedOn: '2026-01-01' }, 'app.validation.official_in_future'],
    ['no official date for an official member', null, { status: 'OFFICIAL' }, 'app.validation.official_needs_date'],
    ['the same day as admission', '2015-02-03', { admittedOn: '2015-02-03' }, undefined],
    ['a year after admission', '2016-02-03', { admittedOn: '2015-02-03' }, undefined],
    ['no official date for a probationary member', null, { status: 'PROBATIONARY' }, undefined],
    ['a half-typed date (the date input reports it)', '03/02/20', { admittedOn: '2015-02-03' }, undefined],
  ])('official date: %s', (_case, value, values, expected) => {
    expect(official(value, values)).toEqual(expected);
  });

  it.each([
    ['missing while an official date is set', null, { officialOn: '2016-01-01' }, 'app.validation.official_without_admitted'],
    ['in the future', '2026-11-27', {}, 'app.validation.admitted_in_future'],
    ['before the 18th birthday', '2008-02-28', { birthDate: '1990-03-01' }, { message: 'app.validation.admitted_too_young', args: { age: 18 } }],
    ['on the 18th birthday', '2008-02-28', { birthDate: '1990-02-28' }, undefined],
    ['empty and no official date', null, {}, undefined],
  ])('admission date: %s', (_case, value, values, expected) => {
    expect(admitted(value, values)).toEqual(expected);
  });

  it('refuses a birth date after today', () => {
    expect(validateBirthDate('2999-01-01')).toBe('app.validation.birth_in_future');
    expect(validateBirthDate('1971-08-01')).toBeUndefined();
  });

  it('accepts a 12-digit CCCD or a 9-digit CMND, spaces ignored', () => {
    expect(validateCitizenId('083 071 037 703')).toBeUndefined();
    expect(validateCitizenId('123456789')).toBeUndefined();
    expect(validateCitizenId('12345')).toBe('app.validation.citizen_id');
    expect(validateCitizenId('')).toBeUndefined();
  });
});
