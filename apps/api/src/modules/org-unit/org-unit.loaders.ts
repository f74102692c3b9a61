/**
 * One DataLoader per relation per request. Keys of dated relations carry the date (`id@asOf`), so the same
 * request can read the tree at two dates without mixing answers.
 */
import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { CommitteeTermEntity, HeadCountEntity, OrgUnitEntity, OrgUnitLinkEntity } from './org-unit.entity';
import { ancestorIdsOf, subtreeMemberCounts } from './tree.queries';

export type DatedKey = `${number}@${string}`;
export const datedKey = (id: number, asOf: string): DatedKey => `${id}@${asOf}`;
const splitKey = (key: DatedKey): [number, string] => {
  const at = key.indexOf('@');
  return [Number(key.slice(0, at)), key.slice(at + 1)];
};

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

const linkValid = (alias: string) => `${alias}.validFrom <= :asOf AND (${alias}.validTo IS NULL OR ${alias}.validTo > :asOf)`;

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

  const parentOf = new DataLoader<DatedKey, OrgUnitEntity | null>((keys) =>
    byDate(
      keys,
      async (ids, asOf) => {
        const { entities, raw } = await em
          .createQueryBuilder(OrgUnitEntity, 'p')
          .innerJoin(OrgUnitLinkEntity, 'l', 'l.parentId = p.id')
          .addSelect('l.unitId', 'child_id')
          .where('l.unitId IN (:...ids)', { ids })
          .andWhere(linkValid('l'), { asOf })
          .getRawAndEntities();
        prime(entities);
        const byId = new Map(entities.map((e) => [e.id, e]));
        const out = new Map<number, OrgUnitEntity | null>();
        raw.forEach((r: { child_id: number; p_id: number }) => out.set(Number(r.child_id), byId.get(Number(r.p_id)) ?? null));
        return out;
      },
      null,
    ),
  );

  const childrenOf = new DataLoader<DatedKey, OrgUnitEntity[]>((keys) =>
    byDate(
      keys,
      async (ids, asOf) => {
        const { entities, raw } = await em
          .createQueryBuilder(OrgUnitEntity, 'c')
          .innerJoin(OrgUnitLinkEntity, 'l', 'l.unitId = c.id')
          .addSelect('l.parentId', 'parent_id')
          .where('l.parentId IN (:...ids)', { ids })
          .andWhere(linkValid('l'), { asOf })
          .orderBy('c.sortKey', 'ASC')
          .getRawAndEntities();
        prime(entities);
        const byId = new Map(entities.map((e) => [e.id, e]));
        const out = new Map<number, OrgUnitEntity[]>();
        for (const r of raw as { parent_id: number; c_id: number }[]) {
          const list = out.get(Number(r.parent_id)) ?? [];
          const child = byId.get(Number(r.c_id));
          if (child) list.push(child);
          out.set(Number(r.parent_id), list);
        }
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
