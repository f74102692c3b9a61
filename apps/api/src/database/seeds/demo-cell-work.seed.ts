/**
 * A cell's routine under Directive 05, for the demo commune: monthly study registrations reviewed by the cell (2016,
 * the report's year, in Mỹ Thạnh's 13 cells; 2025 in those and the 4 of its invented neighbours, all of Mỹ Tân Hưng
 * by the year's end) with some entries generic, as the report complains, and a monthly meeting in each of those 17
 * cells through 2025 with a full attendance sheet, so that the 2025 rating has real attendance to use. Sheets list
 * the members in the cell on each meeting's date (dated memberships). Multi-row inserts only: the harness seeds every
 * test file. The neighbours' rows come after Mỹ Thạnh's, from the same generators, so Mỹ Thạnh's are unchanged.
 */
import { MembershipKind, MemberStatus, StudyOutcome, StudySpecificity } from '@dangbo/shared-types';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ActivityAudience, ActivityEntity, ActivityKind, AttendanceEntity } from '../../modules/activity/activity.entity';
import { StudyEntryEntity, StudyRegistrationEntity } from '../../modules/study/study.entity';
import { FIRST_CELL_MEETING_2025_ID, MY_THANH_CELLS, NEIGHBOUR_COMMUNES } from './demo.constants';
import { prng } from './demo-people';

/** Multi-row INSERTs of at most `chunk` rows, without reading generated values back. */
export async function insertRows<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[], chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await em.createQueryBuilder().insert().into(target).values(rows.slice(i, i + chunk)).updateEntity(false).execute();
  }
}

interface Membership {
  memberId: number;
  unitId: number;
  validFrom: string;
  validTo: string | null;
  exempted: boolean;
}

interface Cell {
  id: number;
  name: string;
}

/** Mỹ Thạnh's cells, then its neighbours' (their ids follow the demo's numbering: commune id × 10 + 1…). */
const MY_THANH: Cell[] = MY_THANH_CELLS.map((c) => ({ id: c.id, name: c.name }));
const WITH_NEIGHBOURS: Cell[] = [...MY_THANH, ...NEIGHBOUR_COMMUNES.flatMap((n) => n.cells.map((name, i) => ({ id: n.id * 10 + i + 1, name })))];

async function memberships(em: EntityManager, cells: Cell[]): Promise<Membership[]> {
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT a.memberId, a.unitId, a.validFrom, a.validTo, m.status FROM member_assignment a JOIN member m ON m.id = a.memberId
      WHERE a.kind = ? AND a.unitId IN (${cells.map(() => '?').join(',')}) ORDER BY a.memberId, a.validFrom`,
    [MembershipKind.OFFICIAL, ...cells.map((c) => c.id)],
  );
  const iso = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return rows.map((r) => ({
    memberId: Number(r.memberId),
    unitId: Number(r.unitId),
    validFrom: iso(r.validFrom) as string,
    validTo: iso(r.validTo),
    exempted: r.status === MemberStatus.EXEMPTED,
  }));
}

const inCellOn = (m: Membership, unitId: number, date: string) => m.unitId === unitId && m.validFrom <= date && (m.validTo === null || m.validTo > date);
const pad2 = (n: number) => String(n).padStart(2, '0');

const ABSENCE_REASONS = ['Ốm', 'Đi làm ăn xa', 'Việc gia đình', 'Đi công tác', 'Tuổi cao, sức yếu', 'Đi học'];

/** Twelve meetings per cell in 2025, on a cell's own day of the month, each with its sheet. */
async function insertCellMeetings2025(em: EntityManager, cells: Cell[], all: Membership[]): Promise<void> {
  const random = prng(20250101);
  const activities: QueryDeepPartialEntity<ActivityEntity>[] = [];
  const sheets: QueryDeepPartialEntity<AttendanceEntity>[] = [];
  cells.forEach((cell, c) => {
    for (let month = 1; month <= 12; month += 1) {
      const id = FIRST_CELL_MEETING_2025_ID + c * 12 + (month - 1);
      const heldOn = `2025-${pad2(month)}-${pad2(3 + c)}`;
      activities.push({
        id,
        kind: ActivityKind.CELL_MEETING,
        conferenceKind: null,
        medium: null,
        subjectMemberId: null,
        subjectUnitId: null,
        unitId: cell.id,
        heldOn,
        title: `Sinh hoạt ${cell.name} tháng ${month}/2025`,
        audience: ActivityAudience.PARTY_MEMBERS,
        note: null,
      });
      for (const m of all.filter((x) => inCellOn(x, cell.id, heldOn))) {
        // Exempted members (miễn sinh hoạt) stay on the sheet, absent with that reason.
        const absentReason = m.exempted ? 'Được miễn sinh hoạt đảng' : random() < 0.07 ? ABSENCE_REASONS[Math.floor(random() * ABSENCE_REASONS.length)] : null;
        sheets.push({ activityId: id, memberId: m.memberId, present: absentReason === null, absenceReason: absentReason });
      }
    }
  });
  await insertRows(em, ActivityEntity, activities);
  await insertRows(em, AttendanceEntity, sheets, 1000);
}

const COMMITMENTS = [
  'Giữ gìn phẩm chất đạo đức, lối sống; gương mẫu trong gia đình và khu dân cư',
  'Tận tụy với công việc, gần dân, lắng nghe ý kiến của nhân dân',
  'Thực hành tiết kiệm, chống lãng phí trong công việc và sinh hoạt',
  'Vận động bà con trong tổ tham gia xây dựng nông thôn mới',
];
const SPECIFIC_ENTRIES = [
  'Vận động 3 hộ trong tổ hiến đất làm đường giao thông nông thôn',
  'Tham gia dọn vệ sinh tuyến đường của ấp vào ngày chủ nhật xanh',
  'Hòa giải thành mâu thuẫn giữa hai hộ giáp ranh trong tổ',
  'Thăm hỏi, tặng quà hộ nghèo trong tổ nhân dịp lễ',
  'Hoàn thành đúng hạn các việc được giao ở cơ quan',
];
const GENERIC_ENTRY = 'Thực hiện tốt tư tưởng, đạo đức, phong cách Hồ Chí Minh';
/** Cells where, as the report says, some entries are still generic (Thạnh Lợi, Mỹ Hòa, Phước Hậu). */
const LOOSE_CELLS = new Set([104, 107, 109]);

/** A registration for every member not exempted, in the cell at the year's first reported month; entries reviewed. */
async function insertStudy(em: EntityManager, cells: Cell[], all: Membership[], year: number, months: number[], seed: number): Promise<void> {
  const random = prng(seed);
  const firstDay = `${year}-${pad2(months[0])}-01`;
  const byMember = new Map(all.filter((m) => !m.exempted && m.validFrom <= firstDay && (m.validTo === null || m.validTo > firstDay)).map((m) => [m.memberId, m]));
  const registered = [...byMember.values()];
  await insertRows(
    em,
    StudyRegistrationEntity,
    registered.map((m) => ({ memberId: m.memberId, year, commitment: COMMITMENTS[m.memberId % COMMITMENTS.length] })),
  );
  const ids: { id: number; memberId: number }[] = await em.query('SELECT id, memberId FROM study_registration WHERE year = ?', [year]);
  const regOf = new Map(ids.map((r) => [Number(r.memberId), Number(r.id)]));
  const cellName = new Map(cells.map((c) => [c.id, c.name]));
  const entries: QueryDeepPartialEntity<StudyEntryEntity>[] = [];
  for (const m of registered) {
    for (const month of months) {
      const generic = random() < (LOOSE_CELLS.has(m.unitId) ? 0.35 : 0.04);
      const next = month === 12 ? `${year + 1}-01-05` : `${year}-${pad2(month + 1)}-05`;
      entries.push({
        registrationId: regOf.get(m.memberId),
        month,
        content: generic ? GENERIC_ENTRY : SPECIFIC_ENTRIES[Math.floor(random() * SPECIFIC_ENTRIES.length)],
        specificity: generic ? StudySpecificity.GENERIC : StudySpecificity.SPECIFIC,
        outcome: random() < 0.05 ? StudyOutcome.NOT_DONE : StudyOutcome.DONE,
        reviewedById: null,
        reviewedBy: `Bí thư ${cellName.get(m.unitId)}`,
        reviewedOn: next,
      });
    }
  }
  await insertRows(em, StudyEntryEntity, entries, 1000);
}

export async function seedCellWork(em: EntityManager): Promise<void> {
  const myThanh = await memberships(em, MY_THANH);
  const all = await memberships(em, WITH_NEIGHBOURS);
  // The study handbook reached members after 58-CV/ĐU (June 2016): entries from July (Mỹ Thạnh's, the report's year).
  await insertStudy(em, MY_THANH, myThanh, 2016, [7, 8, 9, 10, 11, 12], 20160701);
  await insertStudy(em, WITH_NEIGHBOURS, all, 2025, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 20250102);
  await insertCellMeetings2025(em, WITH_NEIGHBOURS, all);
}
