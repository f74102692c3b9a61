/**
 * Scale data for benchmarks: the demo world plus many more communes of invented members (default 21,000),
 * into the database of DATABASE_URL. Usage: node apps/api/dist/tools/seed-scale.js [members]
 */
import 'reflect-metadata';
import { MembershipKind, OrgUnitKind } from '@dangbo/shared-types';
import { foldForSearch, vietnameseSortKey } from '@dangbo/vn';
import { loadConfig } from '../config/env';
import { createDataSource, ensureDatabase, parseDatabaseUrl } from '../database/data-source';
import { makePerson, prng } from '../database/seeds/demo-people';
import { UNIT } from '../database/seeds/demo.constants';
import { seedDemoAccountsIfNone, seedDemoIfEmpty } from '../database/seeds/demo.seed';
import { MemberAssignmentEntity, MemberEntity } from '../modules/member/member.entity';
import { buildMemberDraft, derivedColumns } from '../modules/member/member.rules';
import { replaceSearchWords } from '../modules/member/member-search';
import { OrgUnitEntity, OrgUnitLinkEntity } from '../modules/org-unit/org-unit.entity';

const CELLS_PER_COMMUNE = 14;
const MEMBERS_PER_CELL = 25;
const FIRST_UNIT_ID = 100000;
const FIRST_MEMBER_ID = 1000000;

async function main(): Promise<void> {
  const wanted = Number(process.argv[2] ?? 21000);
  // Scale data never lands in a working database by accident: the target must be named on purpose.
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the benchmark database, e.g. mysql://root@127.0.0.1:3306/dangbo_bench');
  const target = parseDatabaseUrl(loadConfig().databaseUrl);
  await ensureDatabase(target);
  const ds = createDataSource(target);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemoIfEmpty(ds);
  await seedDemoAccountsIfNone(ds);
  if ((await ds.getRepository(MemberEntity).count()) >= wanted) {
    console.log('scale data already present');
    await ds.destroy();
    return;
  }
  const random = prng(424242);
  const communes = Math.ceil(wanted / (CELLS_PER_COMMUNE * MEMBERS_PER_CELL));
  let unitId = FIRST_UNIT_ID;
  let memberId = FIRST_MEMBER_ID;
  for (let c = 0; c < communes; c += 1) {
    await ds.transaction(async (em) => {
      const communeId = unitId++;
      const units = [{ id: communeId, kind: OrgUnitKind.COMMUNE_COMMITTEE, name: `Đảng bộ xã Thử ${c + 1}` }];
      for (let k = 0; k < CELLS_PER_COMMUNE; k += 1) units.push({ id: unitId++, kind: OrgUnitKind.CELL, name: `Chi bộ ấp ${k + 1} xã Thử ${c + 1}` });
      await em.insert(
        OrgUnitEntity,
        units.map((u) => ({ ...u, massOrgKind: null, shortName: null, code: null, searchText: foldForSearch(u.name), sortKey: vietnameseSortKey(u.name), validFrom: '1975-05-01', validTo: null })),
      );
      await em.insert(
        OrgUnitLinkEntity,
        units.map((u, i) => ({ unitId: u.id, parentId: i === 0 ? UNIT.DISTRICT_GIONG_TROM : communeId, validFrom: '1975-05-01', validTo: null })),
      );
      const members = [];
      const assignments = [];
      for (const cell of units.slice(1)) {
        for (let i = 0; i < MEMBERS_PER_CELL; i += 1) {
          const { id, ...fields } = makePerson(memberId++, random, { admittedBefore: '2025-01-01' });
          const draft = buildMemberDraft(null, { ...fields, cardNumber: null, citizenId: null }, '2099-12-31');
          members.push({ id, ...draft, ...derivedColumns(draft) });
          assignments.push({ memberId: id, unitId: cell.id, kind: MembershipKind.OFFICIAL, validFrom: fields.admittedOn, validTo: null, note: null });
        }
      }
      await em.insert(MemberEntity, members);
      await replaceSearchWords(em, members, false);
      await em.insert(MemberAssignmentEntity, assignments);
    });
    if ((c + 1) % 10 === 0 || c + 1 === communes) console.log(`scale data: ${c + 1}/${communes} communes`);
  }
  await ds.query('ANALYZE TABLE member, member_assignment, org_unit, org_unit_link');
  console.log(`members: ${await ds.getRepository(MemberEntity).count()}`);
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
