import { DisciplineLevel, RecordSubject } from '@dangbo/shared-types';
import { conferenceAttendance, countBy, disciplineLevel, engineValues, outreachTotals, periodError, rateOf, splitBySubject, splitPropaganda, yearMonth } from './directive.rules';

describe('rates are written the way the report writes them', () => {
  it.each([
    [178, 189, 94.18, '94,18%'],
    [2214, 2705, 81.85, '81,85%'],
    [7389, 9800, 75.4, '75,4%'],
    [13, 13, 100, '100%'],
    [1, 3, 33.33, '33,33%'],
    [0, 12, 0, '0%'],
  ])('%i of %i is %d, "%s"', (part, whole, rate, text) => {
    expect(rateOf(part, whole)).toEqual({ part, whole, rate, text });
  });

  it('nothing to count against has no rate', () => {
    expect(rateOf(0, 0)).toEqual({ part: 0, whole: 0, rate: null, text: '—' });
  });
});

describe('conference attendance', () => {
  it('is present of expected, absent members counted against it', () => {
    expect(conferenceAttendance(178, 189, 189)).toMatchObject({ rate: 94.18, text: '94,18%' });
  });
  it('a sheet with no mark has no rate, not 0%', () => {
    expect(conferenceAttendance(0, 0, 189)).toEqual({ part: 0, whole: 189, rate: null, text: '—' });
  });
  it('an unmarked member counts as not present', () => {
    expect(conferenceAttendance(10, 10, 20).rate).toBe(50);
  });
});

describe('outreach totals', () => {
  const rows = [
    { unitId: 121, reachedCount: 430, headCount: 520 },
    { unitId: 122, reachedCount: 640, headCount: 760 },
    { unitId: 123, reachedCount: 690, headCount: 850 },
    { unitId: 124, reachedCount: 190, headCount: 215 },
    { unitId: 125, reachedCount: 264, headCount: 360 },
  ];
  it('adds reached and head counts over the organisations (2214 of 2705 = 81,85%)', () => {
    const t = outreachTotals(rows);
    expect(t.total).toEqual({ part: 2214, whole: 2705, rate: 81.85, text: '81,85%' });
    expect(t.byUnit.map((u) => [u.unitId, u.figure.text])).toEqual([
      [121, '82,69%'],
      [122, '84,21%'],
      [123, '81,18%'],
      [124, '88,37%'],
      [125, '73,33%'],
    ]);
  });
  it('two rounds of one organisation add up within it', () => {
    const t = outreachTotals([
      { unitId: 1, reachedCount: 10, headCount: 100 },
      { unitId: 1, reachedCount: 20, headCount: 100 },
    ]);
    expect(t.byUnit).toEqual([{ unitId: 1, figure: { part: 30, whole: 200, rate: 15, text: '15%' } }]);
  });
  it('no rows: no rate', () => {
    expect(outreachTotals([]).total.text).toBe('—');
  });
});

describe('splits and counts', () => {
  it('splits records into collective and individual', () => {
    const rows = [RecordSubject.COLLECTIVE, RecordSubject.INDIVIDUAL, RecordSubject.INDIVIDUAL].map((subject) => ({ subject }));
    expect(splitBySubject(rows)).toEqual({ total: 3, collective: 1, individual: 2 });
  });
  it('a propaganda column about nobody in particular is neither individual nor collective', () => {
    expect(
      splitPropaganda([
        { subjectMemberId: 1019, subjectUnitId: null },
        { subjectMemberId: null, subjectUnitId: 101 },
        { subjectMemberId: null, subjectUnitId: null },
      ]),
    ).toEqual({ total: 3, individual: 1, collective: 1 });
  });
  it('counts by value in the given order, keeping zeros', () => {
    expect(countBy(['TV', 'TV', 'RADIO', null], ['RADIO', 'TV', 'WEB'])).toEqual([
      { value: 'RADIO', count: 1 },
      { value: 'TV', count: 2 },
      { value: 'WEB', count: 0 },
    ]);
  });
});

describe('metric helpers', () => {
  it('discipline_level is the most severe level, 0 for none', () => {
    expect(disciplineLevel([])).toBe(0);
    expect(disciplineLevel([DisciplineLevel.KHIEN_TRACH])).toBe(1);
    expect(disciplineLevel([DisciplineLevel.KHIEN_TRACH, DisciplineLevel.CACH_CHUC, DisciplineLevel.CANH_CAO])).toBe(3);
    expect(disciplineLevel([DisciplineLevel.KHAI_TRU])).toBe(4);
  });
  it('year-month of a date', () => {
    expect(yearMonth('2016-05-15')).toBe(201605);
    expect(yearMonth('2017-02-28')).toBe(201702);
  });
  it('a period that ends before it starts is refused on "to"', () => {
    expect(periodError('2025-01-01', '2024-12-31')).toBe('to');
    expect(periodError('2025-01-01', '2025-01-01')).toBeNull();
  });
});

describe('engine values', () => {
  const base = { attendance_rate: 91.67, meetings_held: 12, study_registered: 1, study_months_reported: 12, study_generic_count: 2, commendations: 1, discipline_level: 0 };
  it('carry every catalogue name', () => {
    expect(engineValues(base)).toEqual(base);
  });
  it('leave out a rate with no meeting to count against', () => {
    const values = engineValues({ ...base, attendance_rate: null, meetings_held: 0 });
    expect(values).not.toHaveProperty('attendance_rate');
    expect(values.meetings_held).toBe(0);
  });
});
