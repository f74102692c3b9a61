/**
 * Scale data for benchmarks: the demo world plus many more communes of invented members (default 21,000), into the
 * database of DATABASE_URL. Usage: node apps/api/dist/tools/seed-scale.js [members]
 *
 * The communes stand directly under the province (as every commune does since the 2025 reform ended the districts),
 * 14 cells of 25 members each. Rows go in as multi-row INSERTs of many communes at a time, one transaction per batch,
 * written by hand rather than through the ORM (which re-reads generated columns after every insert): a million
 * members take minutes, not hours (BENCHMARKS.md, members page). Running it again adds nothing once the database
 * holds the members asked for.
 */
import 'reflect-metadata';
import { MembershipKind, OrgUnitKind } from '@dangbo/shared-types';
import { foldForSearch, vietnameseSortKey } from '@dangbo/vn';
import { EntityManager } from 'typeorm';
import { loadConfig } from '../config/env';
import { SORT_KEY_LENGTH } from '../database/columns';
import { createDataSource, ensureDatabase, parseDatabaseUrl } from '../database/data-source';
import { makePerson, prng } from '../database/seeds/demo-people';
import { UNIT } from '../database/seeds/demo.constants';
import { seedDemoAccountsIfNone, seedDemoIfEmpty } from '../database/seeds/demo.seed';
import { MemberEntity } from '../modules/member/member.entity';
import { buildMemberDraft, derivedColumns } from '../modules/member/member.rules';
import { searchWordsOf } from '../modules/member/member-search';
import { recountUnits, tallyMembers } from '../modules/member/member-counts';

const CELLS_PER_COMMUNE = 14;
const MEMBERS_PER_CELL = 25;
const FIRST_UNIT_ID = 100000;
const FIRST_MEMBER_ID = 1000000;
const FOUNDED = '1975-05-01';
/** Communes per transaction: 20 × 350 members, about 3 MB of SQL per INSERT, well inside max_allowed_packet. */
const COMMUNES_PER_BATCH = 20;

/** One multi-row INSERT (nothing is escaped by hand: every value is a placeholder). */
async function insertRows(em: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const tuple = `(${columns.map(() => '?').join(',')})`;
  await em.query(`INSERT INTO ${table} (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ${rows.map(() => tuple).join(',')}`, rows.flat());
}

const sortKey = (s: string) => s.slice(0, SORT_KEY_LENGTH);

async function main(): Promise<void> {
  const started = Date.now();
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
  const present = await ds.getRepository(MemberEntity).count();
  if (present >= wanted) {
    console.log(`scale data already present (${present.toLocaleString('en')} members)`);
    await ds.destroy();
    return;
  }
  const random = prng(424242);
  const communes = Math.ceil(wanted / (CELLS_PER_COMMUNE * MEMBERS_PER_CELL));
  let unitId = FIRST_UNIT_ID;
  let memberId = FIRST_MEMBER_ID;
  for (let first = 0; first < communes; first += COMMUNES_PER_BATCH) {
    const units: unknown[][] = [];
    const links: unknown[][] = [];
    const members: unknown[][] = [];
    const words: unknown[][] = [];
    const assignments: unknown[][] = [];
    for (let c = first; c < Math.min(communes, first + COMMUNES_PER_BATCH); c += 1) {
      const communeId = unitId++;
      const level: { id: number; kind: OrgUnitKind; name: string; parentId: number }[] = [
        { id: communeId, kind: OrgUnitKind.COMMUNE_COMMITTEE, name: `Đảng bộ xã Thử ${c + 1}`, parentId: UNIT.PROVINCE_BEN_TRE },
      ];
      for (let k = 0; k < CELLS_PER_COMMUNE; k += 1) level.push({ id: unitId++, kind: OrgUnitKind.CELL, name: `Chi bộ ấp ${k + 1} xã Thử ${c + 1}`, parentId: communeId });
      for (const u of level) {
        units.push([u.id, u.kind, null, u.name, null, null, null, foldForSearch(u.name), sortKey(vietnameseSortKey(u.name)), FOUNDED, null, 1]);
        links.push([u.id, u.parentId, FOUNDED, null]);
      }
      for (const cell of level.slice(1)) {
        for (let i = 0; i < MEMBERS_PER_CELL; i += 1) {
          const { id, ...fields } = makePerson(memberId++, random, { admittedBefore: '2025-01-01' });
          const d = buildMemberDraft(null, { ...fields, cardNumber: null, citizenId: null }, '2099-12-31');
          const derived = derivedColumns(d);
          members.push([
            id, d.fullName, d.familyName, d.middleName, d.givenName, d.namePartsOverridden ? 1 : 0,
            sortKey(derived.sortGiven), sortKey(derived.sortFamily), sortKey(derived.sortMiddle), derived.searchText,
            d.gender, d.birthDate, d.cardNumber, d.recordNumber, d.citizenId, d.admittedOn, d.officialOn, d.status, d.note, 1, 0,
          ]);
          for (const word of searchWordsOf(derived.searchText)) words.push([word, id]);
          assignments.push([id, cell.id, MembershipKind.OFFICIAL, fields.admittedOn, null, null]);
        }
      }
    }
    await ds.transaction(async (em) => {
      await insertRows(em, 'org_unit', ['id', 'kind', 'massOrgKind', 'name', 'nameFrom', 'shortName', 'code', 'searchText', 'sortKey', 'validFrom', 'validTo', 'version'], units);
      await insertRows(em, 'org_unit_link', ['unitId', 'parentId', 'validFrom', 'validTo'], links);
      await insertRows(
        em,
        'member',
        ['id', 'fullName', 'familyName', 'middleName', 'givenName', 'namePartsOverridden', 'sortGiven', 'sortFamily', 'sortMiddle', 'searchText', 'gender', 'birthDate', 'cardNumber', 'recordNumber', 'citizenId', 'admittedOn', 'officialOn', 'status', 'note', 'version', 'inPoliticalSystem'],
        members,
      );
      // In key order: the word index is the table's clustered key, so sorted rows fill its pages in sequence.
      words.sort((a, b) => (a[0] === b[0] ? (a[1] as number) - (b[1] as number) : (a[0] as string) < (b[0] as string) ? -1 : 1));
      for (let i = 0; i < words.length; i += 20000) await insertRows(em, 'member_search_word', ['word', 'memberId'], words.slice(i, i + 20000));
      await insertRows(em, 'member_assignment', ['memberId', 'unitId', 'kind', 'validFrom', 'validTo', 'note'], assignments);
      await recountUnits(em, assignments.map((a) => a[1] as number));
      await tallyMembers(em, members.length);
    });
    const done = Math.min(communes, first + COMMUNES_PER_BATCH);
    if (done % 200 === 0 || done === communes) console.log(`scale data: ${done}/${communes} communes, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await ds.query('ANALYZE TABLE member, member_assignment, member_search_word, member_count_change, org_unit, org_unit_link');
  console.log(`members: ${(await ds.getRepository(MemberEntity).count()).toLocaleString('en')}; seeded in ${Math.round((Date.now() - started) / 1000)} s`);
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
