import { Gender, MassOrgKind, MemberStatus, MembershipKind, OrgUnitKind, PositionTitle, Role } from '@dangbo/shared-types';
import englishMessages from 'ra-language-english';
import { en } from './en';
import { vi } from './vi';
import { flattenMessages, type Messages } from './flatten';


const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'smart_count').sort();

const raEnglish = flattenMessages(englishMessages as unknown as Messages);
const viKeys = flattenMessages(vi as unknown as Messages);
const enKeys = flattenMessages(en as unknown as Messages);

describe('message files', () => {
  it('vi translates every message of ra-language-english (164 in react-admin 5.15)', () => {
    const missing = [...raEnglish.keys()].filter((k) => !viKeys.has(k));
    expect(missing).toEqual([]);
    expect(raEnglish.size).toBeGreaterThanOrEqual(164);
  });

  it('vi and en have exactly the same keys', () => {
    const onlyVi = [...viKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !viKeys.has(k));
    expect({ onlyVi, onlyEn }).toEqual({ onlyVi: [], onlyEn: [] });
  });

  it('a translation keeps the placeholders of its English source', () => {
    const drift = [...viKeys]
      .filter(([key]) => enKeys.has(key))
      .filter(([key, text]) => placeholders(text).join() !== placeholders(enKeys.get(key) as string).join())
      .map(([key]) => key);
    expect(drift).toEqual([]);
  });

  it('has no empty message (a blank is written as a space, like ra.boolean.null)', () => {
    const empty = [...viKeys, ...enKeys].filter(([, text]) => text === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('labels every enum value of the shared types in both languages', () => {
    const enums = { OrgUnitKind, MassOrgKind, MemberStatus, Gender, MembershipKind, PositionTitle, Role };
    const missing = Object.entries(enums).flatMap(([name, values]) =>
      Object.values(values).filter((v) => !viKeys.has(`enums.${name}.${v}`) || !enKeys.has(`enums.${name}.${v}`)).map((v) => `${name}.${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses the Vietnamese names of the statuses and kinds the committee uses', () => {
    expect(['PROBATIONARY', 'OFFICIAL', 'EXEMPTED', 'SUSPENDED', 'TRANSFERRED_OUT', 'DECEASED', 'REMOVED'].map((s) => viKeys.get(`enums.MemberStatus.${s}`))).toEqual([
      'Dự bị',
      'Chính thức',
      'Miễn sinh hoạt',
      'Đình chỉ sinh hoạt',
      'Đã chuyển đi',
      'Từ trần',
      'Xóa tên',
    ]);
    expect(viKeys.get('enums.OrgUnitKind.GRASSROOTS_CELL')).toBe('Chi bộ cơ sở');
    expect(viKeys.get('app.title')).toBe('dangbo — Quản lý công tác Đảng');
  });

  it('names the roles the way the committee does', () => {
    expect(Object.values(Role).map((r) => viKeys.get(`enums.Role.${r}`))).toEqual([
      'Quản trị hệ thống',
      'Quản trị đơn vị',
      'Quản lý bộ tiêu chí',
      'Thẩm định',
      'Quyết định xếp loại (Ban Thường vụ)',
      'Bí thư chi bộ',
      'Phân tích (chỉ đọc)',
    ]);
  });
});
