/**
 * One DataLoader per relation per request. Keys of dated relations carry the date (`id@asOf`), so the same
 * request can read the tree at two dates without mixing answers.
 */
import DataLoader from 'dataloader';
import { EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommitteeTermEntity, HeadCountEntity, OrgUnitEntity } from './org-unit.entity';
import { ancestorIdsOf, LINK_VALID_AT, subtreeMemberCounts } from './tree.queries';

export type DatedKey = `${number}@${string}`;
export const datedKey = (id: number, asOf: string): DatedKey => `${id}@${asOf}`;
const splitKey = (key: DatedKey): [number, string] => {
  const at = key.indexOf('@');
  return [Number(key.slice(0, at)), key.slice(at + 1)];
};

/** An org_unit row (column names are the property names) as an entity, without the ORM's per-row transformer. */
export function unitFromRow(row: Record<string, unknown>): OrgUnitEntity {
  return Object.assign(new OrgUnitEntity(), {
    id: Number(row.id),
    kind: row.kind,
    massOrgKind: row.massOrgKind ?? null,
    name: row.name,
    nameFrom: row.nameFrom ?? null,
    shortName: row.shortName ?? null,
    code: row.code ?? null,
    searchText: row.searchText,
    sortKey: row.sortKey,
    validFrom: row.validFrom,
    validTo: row.validTo ?? null,
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** The org_unit columns `unitFromRow` reads (column names are the property names). */
export const UNIT_COLUMNS = ['id', 'kind', 'massOrgKind', 'name', 'nameFrom', 'shortName', 'code', 'searchText', 'sortKey', 'validFrom', 'validTo', 'version', 'createdAt', 'updatedAt'] as const;

/** Each column's name as `<alias>__<column>`, made once per alias: building them per row and column was the page's
 * largest cost at 500 rows (BENCHMARKS.md). */
const aliasedColumns = new Map<string, { column: (typeof UNIT_COLUMNS)[number]; key: string }[]>();
function columnsAs(alias: string) {
  let columns = aliasedColumns.get(alias);
  if (!columns) aliasedColumns.set(alias, (columns = UNIT_COLUMNS.map((column) => ({ column, key: `${alias}__${column}` }))));
  return columns;
}

/** Selects a joined unit's columns as `<alias>__<column>`, for `unitFromAliased`. */
export function selectUnitColumns(qb: SelectQueryBuilder<ObjectLiteral>, alias: string): void {
  for (const { column, key } of columnsAs(alias)) qb.addSelect(`${alias}.${column}`, key);
}

/** The id of the unit selected by `selectUnitColumns`, or null when the join found none. */
export function unitIdAliased(raw: Record<string, unknown>, alias: string): number | null {
  const id = raw[columnsAs(alias)[0].key];
  return id === null || id === undefined ? null : Number(id);
}

/** The unit selected by `selectUnitColumns`, or null when the join found none. */
export function unitFromAliased(raw: Record<string, unknown>, alias: string): OrgUnitEntity | null {
  if (unitIdAliased(raw, alias) === null) return null;
  const row: Record<string, unknown> = {};
  for (const { column, key } of columnsAs(alias)) row[column] = raw[key];
  return unitFromRow(row);
}

/** Groups dated keys by date so each date costs one statement. */
async function byDate<V>(keys: readonly DatedKey[], load: (ids: number[], asOf: string) => Promise<Map<number, V>>, empty: V): Promise<V[]> {
  const dates = new Map<string, number[]>();
  for (const k of keys) {
    const [id, asOf] = splitKey(k);
    dates.set(asOf, [...(dates.get(asOf) ?? []), id]);
  }
  const results = new Map<DatedKey, V>();
  for (const [asOf, ids] of dates) {
    const found = await load(ids, asOf);
    for (const id of ids) results.set(datedKey(id, asOf), found.get(id) ?? empty);
  }
  return keys.map((k) => results.get(k) ?? empty);
}

export function createOrgUnitLoaders(em: EntityManager) {
  const unitById: DataLoader<number, OrgUnitEntity | null> = new DataLoader(async (ids) => {
    const rows = await em.find(OrgUnitEntity, { where: { id: In([...ids]) } });
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });

  /** Loads units joined to a link and primes `unitById`, so a following lookup costs nothing. */
  const prime = (units: OrgUnitEntity[]) => {
    for (const u of units) unitById.prime(u.id, u);
  };

  /** Units joined to a dated relation in one statement, mapped by hand (no ORM hydration per row) and primed. */
  const linked = async (sql: string, params: unknown[]): Promise<{ key: number; unit: OrgUnitEntity }[]> => {
    const rows: (Record<string, unknown> & { _key: number })[] = await em.query(sql, params);
    const seen = new Map<number, OrgUnitEntity>();
    return rows.map((row) => {
      const id = Number(row.id);
      let unit = seen.get(id);
      if (!unit) {
        unit = unitFromRow(row);
        seen.set(id, unit);
        prime([unit]);
      }
      return { key: Number(row._key), unit };
    });
  };

  const parentOf = new DataLoader<DatedKey, OrgUnitEntity | null>((keys) =>
    byDate(
      keys,
      async (ids, asOf) => {
        const rows = await linked(
          `SELECT l.unitId AS _key, p.* FROM org_unit_link l JOIN org_unit p ON p.id = l.parentId
            WHERE l.unitId IN (${ids.map(() => '?').join(',')}) AND ${LINK_VALID_AT('l')}`,
          [...ids, asOf, asOf],
        );
        return new Map(rows.map((r) => [r.key, r.unit]));
      },
      null,
    ),
  );

  const childrenOf = new DataLoader<DatedKey, OrgUnitEntity[]>((keys) =>
    byDate(
      keys,
      async (ids, asOf) => {
        const rows = await linked(
          `SELECT l.parentId AS _key, c.* FROM org_unit_link l JOIN org_unit c ON c.id = l.unitId
            WHERE l.parentId IN (${ids.map(() => '?').join(',')}) AND ${LINK_VALID_AT('l')} ORDER BY c.sortKey, c.id`,
          [...ids, asOf, asOf],
        );
        const out = new Map<number, OrgUnitEntity[]>();
        for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), r.unit]);
        return out;
      },
      [],
    ),
  );

  const ancestorIds = new DataLoader<DatedKey, number[]>((keys) => byDate(keys, (ids, asOf) => ancestorIdsOf(em, ids, asOf), []));
  const memberCount = new DataLoader<DatedKey, number>((keys) => byDate(keys, (ids, asOf) => subtreeMemberCounts(em, ids, asOf), 0));

  const termsOf = new DataLoader<number, CommitteeTermEntity[]>(async (ids) => {
    const rows = await em.find(CommitteeTermEntity, { where: { unitId: In([...ids]) }, order: { startDate: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.unitId === id));
  });

  const headCountsOf = new DataLoader<number, HeadCountEntity[]>(async (ids) => {
    const rows = await em.find(HeadCountEntity, { where: { unitId: In([...ids]) }, order: { asOf: 'DESC' } });
    return ids.map((id) => rows.filter((r) => r.unitId === id));
  });

  return { unitById, parentOf, childrenOf, ancestorIds, memberCount, termsOf, headCountsOf };
}
