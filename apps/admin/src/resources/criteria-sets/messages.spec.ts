import { CriteriaSetStatus, CriterionKind, LEVEL_LABELS, Level, PeriodKind, SubjectKind } from '@dangbo/shared-types';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { flattenMessages, type Messages } from '../../i18n/flatten';

const viKeys = flattenMessages(vi as unknown as Messages);
const enKeys = flattenMessages(en as unknown as Messages);

describe('criteria messages', () => {
  it('label every value of the criteria enums in both languages', () => {
    const enums = { SubjectKind, CriteriaSetStatus, CriterionKind, Level, PeriodKind };
    const missing = Object.entries(enums).flatMap(([name, values]) =>
      Object.values(values).filter((v) => !viKeys.has(`enums.${name}.${v}`) || !enKeys.has(`enums.${name}.${v}`)).map((v) => `${name}.${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('use the names of Quy định 366 for subject kinds and levels', () => {
    expect(Object.values(SubjectKind).map((k) => viKeys.get(`enums.SubjectKind.${k}`))).toEqual([
      'Tập thể',
      'Cán bộ lãnh đạo quản lý',
      'Đảng viên trong hệ thống chính trị',
      'Đảng viên ngoài hệ thống chính trị',
    ]);
    for (const level of Object.values(Level)) expect(viKeys.get(`enums.Level.${level}`)).toBe(LEVEL_LABELS[level].name);
    expect(viKeys.get('enums.CriteriaSetStatus.PUBLISHED')).toBe('Đã ban hành');
  });

  it('are merged without hiding the other screens (dotted keys add to app, enums and resources)', () => {
    expect(viKeys.get('resources.CriteriaSet.name')).toBe('Bộ tiêu chí |||| Bộ tiêu chí');
    expect(viKeys.get('resources.RatingPeriod.name')).toBe('Kỳ đánh giá |||| Kỳ đánh giá');
    expect(viKeys.get('app.criteria.editor.clone')).toBe('Tạo phiên bản mới');
    expect(viKeys.get('app.title')).toBe('dangbo — Quản lý công tác Đảng');
    expect(viKeys.get('enums.OrgUnitKind.CELL')).toBe('Chi bộ');
    expect(viKeys.get('resources.Member.fields.fullName')).toBe('Họ và tên');
  });
});
