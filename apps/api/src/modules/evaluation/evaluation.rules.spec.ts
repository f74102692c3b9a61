import { Level, MemberStatus, PositionTitle, SubjectKind } from '@dangbo/shared-types';
import { disciplineNeedsReason, eligibility, memberSubjectKind, mergeValues, monthsBefore, seniorPost } from './evaluation.rules';

describe('who is rated in a period ending 2025-12-31 (Quy định 366, Điều 5(2))', () => {
  it.each([
    ['an official member admitted long ago', MemberStatus.OFFICIAL, '2001-03-02', true],
    ['a probationary member admitted 8 months before the end', MemberStatus.PROBATIONARY, '2025-04-30', true],
    ['a member admitted exactly 6 months before the end', MemberStatus.PROBATIONARY, '2025-06-30', true],
    ['a member admitted 5 months before the end', MemberStatus.PROBATIONARY, '2025-07-31', false],
    ['a member admitted 6 months less a day before the end', MemberStatus.PROBATIONARY, '2025-07-01', false],
    ['a member exempted from work and activities', MemberStatus.EXEMPTED, '1970-01-01', false],
    ['a suspended member', MemberStatus.SUSPENDED, '1990-01-01', false],
    ['a member transferred out', MemberStatus.TRANSFERRED_OUT, '1990-01-01', false],
  ])('%s (%s, admitted %s): rated %s', (_label, status, admittedOn, rated) => {
    expect(eligibility({ status, admittedOn }, '2025-12-31').rated).toBe(rated);
  });

  it('counts months to the same day, the month end when the day does not exist', () => {
    expect(monthsBefore('2025-12-31', 6)).toBe('2025-06-30');
    expect(monthsBefore('2025-08-31', 6)).toBe('2025-02-28');
    expect(monthsBefore('2024-08-31', 6)).toBe('2024-02-29');
    expect(monthsBefore('2025-03-31', 3)).toBe('2024-12-31');
  });
});

describe('the framework a member is rated on', () => {
  it('a member holding a leadership post is rated as LEADER', () => {
    expect(memberSubjectKind({ leader: true, inPoliticalSystem: false })).toBe(SubjectKind.LEADER);
    expect(memberSubjectKind({ leader: false, inPoliticalSystem: true })).toBe(SubjectKind.MEMBER_IN_SYSTEM);
    expect(memberSubjectKind({ leader: false, inPoliticalSystem: false })).toBe(SubjectKind.MEMBER_OUTSIDE_SYSTEM);
  });

  it('the secretary post outranks a deputy or committee post; a committee member is no leader', () => {
    const posts = [{ title: PositionTitle.DEPUTY_SECRETARY, unitId: 2 }, { title: PositionTitle.SECRETARY, unitId: 1 }];
    expect(seniorPost(posts)?.unitId).toBe(1);
    expect(seniorPost([{ title: PositionTitle.COMMITTEE_MEMBER }])).toBeNull();
  });
});

describe('step values', () => {
  it('a step replaces only the values it gives', () => {
    expect(mergeValues({ a: 1, b: 2 }, { b: 3 })).toEqual({ a: 1, b: 3 });
    expect(mergeValues(null, undefined)).toEqual({});
  });

  it('khiển trách in the period needs a reason for any level but không hoàn thành', () => {
    expect(disciplineNeedsReason({ discipline_level: 1 }, Level.GOOD, null)).toBe(true);
    expect(disciplineNeedsReason({ discipline_level: 1 }, Level.GOOD, 'Tự phát hiện, khắc phục xong')).toBe(false);
    expect(disciplineNeedsReason({ discipline_level: 1 }, Level.NOT_COMPLETED, null)).toBe(false);
    expect(disciplineNeedsReason({ discipline_level: 0 }, Level.GOOD, null)).toBe(false);
  });
});
