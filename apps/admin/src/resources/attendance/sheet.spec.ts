import { countPresent, entriesOf, initialRows, missingReasons, rowOfField, toggled, wasSaved, withReason, type ExpectedAttendee } from './sheet';

const expected: ExpectedAttendee[] = [
  { memberId: '1', fullName: 'Nguyễn Văn An', cellId: '101', attendanceId: null, present: null, absenceReason: null },
  { memberId: '2', fullName: 'Trần Thị Bình', cellId: '101', attendanceId: '9', present: false, absenceReason: 'Ốm' },
];

describe('attendance sheet', () => {
  it('starts an unmarked member present and keeps a stored absence with its reason', () => {
    expect(initialRows(expected)).toEqual([
      { memberId: '1', fullName: 'Nguyễn Văn An', present: true, reason: '' },
      { memberId: '2', fullName: 'Trần Thị Bình', present: false, reason: 'Ốm' },
    ]);
    expect(wasSaved(expected)).toBe(true);
    expect(wasSaved([expected[0]])).toBe(false);
  });

  it('refuses an absence without a reason before asking the API', () => {
    const rows = toggled(initialRows(expected), 0);
    expect(missingReasons(rows)).toEqual([0]);
    expect(missingReasons(withReason(rows, 0, '  '))).toEqual([0]);
    expect(missingReasons(withReason(rows, 0, 'Đi làm ăn xa'))).toEqual([]);
  });

  it('sends a reason only for the absent, trimmed', () => {
    const rows = withReason(toggled(initialRows(expected), 1), 1, 'Ốm');
    expect(entriesOf(withReason(toggled(rows, 0), 0, ' Việc gia đình '))).toEqual([
      { memberId: '1', present: false, absenceReason: 'Việc gia đình' },
      { memberId: '2', present: true, absenceReason: null },
    ]);
    expect(countPresent(rows)).toBe(2);
  });

  it('finds the row an API refusal names', () => {
    expect(rowOfField('entries.12.absenceReason')).toBe(12);
    expect(rowOfField('activityId')).toBeNull();
    expect(rowOfField(undefined)).toBeNull();
  });
});
