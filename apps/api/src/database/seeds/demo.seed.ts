/**
 * The demo world: Tỉnh Bến Tre → huyện Giồng Trôm → xã Mỹ Thạnh (13 cells, 189 members on 2017-02-15, the
 * commune of the customer's report), its Fatherland Front and five mass organisations with head counts, three more
 * communes and two small invented neighbours; then the report's story of Directive 05-CT/TW and a year of cell work
 * (demo-directive.seed.ts); then the 2025 reorganisation through restructureUnits (demo-reorganisation.seed.ts:
 * the district ends, Mỹ Thạnh and its neighbours form Mỹ Tân Hưng under the province, now tỉnh Vĩnh Long); then
 * the 2025 rating of Mỹ Tân Hưng (demo-rating.seed.ts).
 * Idempotent: the world loads only into a database without units, in one transaction; the later steps (each event
 * in its own transaction, as the API applies it, then the rating) run when that world is there without them.
 */
import { Gender, MassOrgKind, MembershipKind, OrgUnitKind, PositionTitle, Role } from '@dangbo/shared-types';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/auth/password';
import { MemberAssignmentEntity, MemberEntity, MemberPositionEntity } from '../../modules/member/member.entity';
import { RoleGrantEntity, UserEntity } from '../../modules/user/user.entity';
import { buildMemberDraft, derivedColumns } from '../../modules/member/member.rules';
import { replaceSearchWords } from '../../modules/member/member-search';
import { recountAll } from '../../modules/member/member-counts';
import { CommitteeTermEntity, HeadCountEntity, HeadCountKind, OrgUnitEntity, OrgUnitLinkEntity } from '../../modules/org-unit/org-unit.entity';
import { foldForSearch, vietnameseSortKey } from '@dangbo/vn';
import {
  CELL,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  FIRST_MY_THANH_MEMBER_ID,
  FIRST_OTHER_MEMBER_ID,
  MASS_ORG_HEAD_COUNTS,
  MEMBER,
  MY_THANH_CELLS,
  MY_THANH_POPULATION,
  FIRST_NEIGHBOUR_MEMBER_ID,
  NEIGHBOUR_COMMUNES,
  OTHER_COMMUNES,
  REORGANISATION_2025,
  UNIT,
} from './demo.constants';
import { insertCriteria } from './criteria.seed';
import { seedDirectiveStory } from './demo-directive.seed';
import { seedDemoRatingIfNone } from './demo-rating.seed';
import { reorganise2025, reorganisationPending } from './demo-reorganisation.seed';
import { DemoPerson, makePerson, prng } from './demo-people';

const FOUNDED = '1975-05-01';
const TODAY_FOR_SEED = '2099-12-31';

interface UnitRow {
  id: number;
  kind: OrgUnitKind;
  name: string;
  parentId: number | null;
  massOrgKind?: MassOrgKind;
  shortName?: string;
}

function unitRows(): UnitRow[] {
  const rows: UnitRow[] = [
    { id: UNIT.PROVINCE_BEN_TRE, kind: OrgUnitKind.PROVINCE_COMMITTEE, name: 'Đảng bộ tỉnh Bến Tre', shortName: 'Tỉnh ủy Bến Tre', parentId: null },
    { id: UNIT.DISTRICT_GIONG_TROM, kind: OrgUnitKind.DISTRICT_COMMITTEE, name: 'Đảng bộ huyện Giồng Trôm', shortName: 'Huyện ủy Giồng Trôm', parentId: UNIT.PROVINCE_BEN_TRE },
    { id: UNIT.COMMUNE_MY_THANH, kind: OrgUnitKind.COMMUNE_COMMITTEE, name: 'Đảng bộ xã Mỹ Thạnh', shortName: 'Đảng ủy xã Mỹ Thạnh', parentId: UNIT.DISTRICT_GIONG_TROM },
    { id: UNIT.FRONT_PROVINCE, kind: OrgUnitKind.FRONT, name: 'Ủy ban MTTQ Việt Nam tỉnh Bến Tre', parentId: UNIT.PROVINCE_BEN_TRE },
    { id: UNIT.FRONT_DISTRICT, kind: OrgUnitKind.FRONT, name: 'Ủy ban MTTQ Việt Nam huyện Giồng Trôm', parentId: UNIT.DISTRICT_GIONG_TROM },
    // The Front is a parallel hierarchy (MTTQ huyện → MTTQ xã → đoàn thể): the commune's own children are its cells.
    { id: UNIT.FRONT_MY_THANH, kind: OrgUnitKind.FRONT, name: 'Ủy ban MTTQ Việt Nam xã Mỹ Thạnh', parentId: UNIT.FRONT_DISTRICT },
  ];
  for (const m of MASS_ORG_HEAD_COUNTS) {
    rows.push({ id: m.unitId, kind: OrgUnitKind.MASS_ORG, massOrgKind: m.kind as MassOrgKind, name: m.name, parentId: UNIT.FRONT_MY_THANH });
  }
  for (const c of MY_THANH_CELLS) rows.push({ id: c.id, kind: OrgUnitKind.CELL, name: c.name, parentId: UNIT.COMMUNE_MY_THANH });
  for (const commune of [...OTHER_COMMUNES, ...NEIGHBOUR_COMMUNES]) {
    rows.push({ id: commune.id, kind: OrgUnitKind.COMMUNE_COMMITTEE, name: commune.name, parentId: UNIT.DISTRICT_GIONG_TROM });
    commune.cells.forEach((name, i) => rows.push({ id: commune.id * 10 + i + 1, kind: OrgUnitKind.CELL, name, parentId: commune.id }));
  }
  for (const n of NEIGHBOUR_COMMUNES) rows.push({ id: n.frontId, kind: OrgUnitKind.FRONT, name: n.frontName, parentId: UNIT.FRONT_DISTRICT });
  return rows;
}

/** Named people the report and the tests refer to; everyone else is drawn from the seeded generator. */
const FIXED_NAMES: Record<number, { fullName: string; gender: Gender }> = {
  [MEMBER.SECRETARY_BEN_DO]: { fullName: 'Trần Thị Ánh', gender: Gender.FEMALE },
  [MEMBER.SECRETARY_NGHIA_HUAN]: { fullName: 'Nguyễn Văn Đức', gender: Gender.MALE },
  [MEMBER.SECRETARY_Y_TE]: { fullName: 'Lê Minh Ân', gender: Gender.MALE },
};

interface Placed {
  person: DemoPerson;
  cellId: number;
  secretary: boolean;
}

function people(): Placed[] {
  const random = prng(20170215);
  const placed: Placed[] = [];
  let id = FIRST_MY_THANH_MEMBER_ID;
  for (const cell of MY_THANH_CELLS) {
    for (let i = 0; i < cell.members; i += 1, id += 1) {
      const person = makePerson(id, random, { admittedBefore: '2016-06-01', fixedName: FIXED_NAMES[id] });
      placed.push({ person, cellId: cell.id, secretary: i === 0 });
    }
  }
  id = FIRST_OTHER_MEMBER_ID;
  for (const commune of OTHER_COMMUNES) {
    commune.cells.forEach((_name, c) => {
      for (let i = 0; i < commune.perCell; i += 1, id += 1) {
        const person = makePerson(id, random, { admittedBefore: '2025-06-01' });
        placed.push({ person, cellId: commune.id * 10 + c + 1, secretary: i === 0 });
      }
    });
  }
  // The neighbours draw from their own generator: everyone above stays exactly who they were.
  const neighbourRandom = prng(20250701);
  id = FIRST_NEIGHBOUR_MEMBER_ID;
  for (const commune of NEIGHBOUR_COMMUNES) {
    commune.cells.forEach((_name, c) => {
      for (let i = 0; i < commune.perCell; i += 1, id += 1) {
        const person = makePerson(id, neighbourRandom, { admittedBefore: '2024-06-01' });
        placed.push({ person, cellId: commune.id * 10 + c + 1, secretary: i === 0 });
      }
    });
  }
  return placed;
}

async function insertUnits(em: EntityManager): Promise<void> {
  const rows = unitRows();
  await em.insert(
    OrgUnitEntity,
    rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      massOrgKind: r.massOrgKind ?? null,
      name: r.name,
      shortName: r.shortName ?? null,
      code: null,
      searchText: foldForSearch(r.name),
      sortKey: vietnameseSortKey(r.name),
      validFrom: FOUNDED,
      validTo: null,
    })),
  );
  await em.insert(
    OrgUnitLinkEntity,
    rows.filter((r) => r.parentId !== null).map((r) => ({ unitId: r.id, parentId: r.parentId as number, validFrom: FOUNDED, validTo: null })),
  );
  // The district and Mỹ Thạnh end on 2025-06-30 within their 2020–2025 term; Mỹ Tân Hưng's term starts with it
  // (demo-reorganisation.seed.ts), the province goes on into 2025–2030.
  const terms = ([UNIT.PROVINCE_BEN_TRE, UNIT.DISTRICT_GIONG_TROM, UNIT.COMMUNE_MY_THANH] as number[]).flatMap((unitId): { unitId: number; name: string; startDate: string; endDate: string | null }[] =>
    unitId === UNIT.PROVINCE_BEN_TRE
      ? [
          { unitId, name: 'Nhiệm kỳ 2015–2020', startDate: '2015-07-10', endDate: '2020-07-15' },
          { unitId, name: 'Nhiệm kỳ 2020–2025', startDate: '2020-07-16', endDate: '2025-07-10' },
          { unitId, name: 'Nhiệm kỳ 2025–2030', startDate: '2025-07-11', endDate: null },
        ]
      : [
          { unitId, name: 'Nhiệm kỳ 2015–2020', startDate: '2015-07-10', endDate: '2020-07-15' },
          { unitId, name: 'Nhiệm kỳ 2020–2025', startDate: '2020-07-16', endDate: REORGANISATION_2025.LAST_DAY_BEFORE },
        ],
  );
  await em.insert(CommitteeTermEntity, terms);
  await em.insert(HeadCountEntity, [
    ...MASS_ORG_HEAD_COUNTS.map((m) => ({ unitId: m.unitId, asOf: '2016-12-31', kind: HeadCountKind.MEMBERS, count: m.count })),
    { unitId: UNIT.FRONT_MY_THANH, asOf: '2016-12-31', kind: HeadCountKind.PEOPLE, count: MY_THANH_POPULATION },
  ]);
}

async function insertMembers(em: EntityManager): Promise<void> {
  const placed = people();
  const members = placed.map(({ person }) => {
    const { id, ...fields } = person;
    const draft = buildMemberDraft(null, fields, TODAY_FOR_SEED);
    return { id, ...draft, ...derivedColumns(draft) };
  });
  for (let i = 0; i < members.length; i += 200) await em.insert(MemberEntity, members.slice(i, i + 200));
  await replaceSearchWords(em, members, false);
  await em.insert(
    MemberAssignmentEntity,
    placed.map(({ person, cellId }) => ({ memberId: person.id, unitId: cellId, kind: MembershipKind.OFFICIAL, validFrom: person.admittedOn, validTo: null, note: null })),
  );
  await em.insert(
    MemberPositionEntity,
    placed
      .filter((p) => p.secretary)
      .map((p) => ({ memberId: p.person.id, unitId: p.cellId, title: PositionTitle.SECRETARY, validFrom: '2015-05-20', validTo: null })),
  );
  await em.insert(MemberPositionEntity, [
    { memberId: MEMBER.SECRETARY_NGHIA_HUAN, unitId: UNIT.COMMUNE_MY_THANH, title: PositionTitle.COMMITTEE_MEMBER, validFrom: '2015-07-10', validTo: null },
    { memberId: MEMBER.SECRETARY_Y_TE, unitId: CELL.Y_TE, title: PositionTitle.CELL_COMMITTEE_MEMBER, validFrom: '2010-05-20', validTo: '2015-05-20' },
  ]);
}

/** Adds the demo accounts to a database that has no account yet (development data; never in production). */
export async function seedDemoAccountsIfNone(dataSource: DataSource): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (em) => {
    if ((await em.count(UserEntity)) > 0) return false;
    await em.insert(
      UserEntity,
      DEMO_ACCOUNTS.map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, passwordHash, active: true, demo: true, lastLoginAt: null })),
    );
    await em.insert(
      RoleGrantEntity,
      DEMO_ACCOUNTS.flatMap((a) => a.grants.map((g) => ({ userId: a.id, role: g.role as Role, unitId: g.unitId, validFrom: g.validFrom ?? null }))),
    );
    return true;
  });
}

/**
 * Loads the demo world into an empty database; returns false (and loads no world) when units already exist. The 2025
 * events and the rating follow the world in their own transactions (the events through the API's own service, after
 * the accounts whose grants they move); a start interrupted between them completes them next time.
 */
export async function seedDemoIfEmpty(dataSource: DataSource, log: (message: string) => void = () => undefined): Promise<boolean> {
  const seeded = await dataSource.transaction(async (em) => {
    if ((await em.count(OrgUnitEntity)) > 0) return false;
    log('loading demo data…');
    await insertUnits(em);
    await insertMembers(em);
    await insertCriteria(em);
    await seedDirectiveStory(em);
    // The world's members were written in bulk: their counts are made from them once (member-counts.ts).
    await recountAll(em);
    return true;
  });
  if (await seedDemoAccountsIfNone(dataSource)) log(`demo accounts: ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')} (mật khẩu ${DEMO_PASSWORD})`);
  if (seeded || (await reorganisationPending(dataSource))) {
    log('applying the 2025 reorganisation of the demo…');
    await reorganise2025(dataSource);
  }
  await seedDemoRatingIfNone(dataSource);
  return seeded;
}
