/**
 * A level of the tree as one statement, like the members page (member/member.page.ts): the page's ids are cut from
 * the list query (a deferred join), joined to the unit rows and, when the query asks for them (a look-ahead on the
 * selection), to each unit's parent, its number of children and its subtree's member count, all at the list's date.
 * The panel opening a level of 500 communes with their counts is then one statement instead of five (ids, rows,
 * parents, children, counts), plus the total.
 *
 * The joined values prime the request's loaders, so the field resolvers (org-unit.fields.ts) keep their own scope
 * checks and answer without a statement; for a caller without restriction they answer without a promise too.
 * Children are counted here only for such a caller: a restricted one sees only the children inside their subtrees,
 * which the `childrenOf` loader filters as before.
 */
import { GraphQLResolveInfo } from 'graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { ListRequest } from '../../core/list';
import { requestedFields } from '../../graphql/requested-fields';
import { keptCountAt } from '../member/member-counts';
import { OrgUnitEntity, OrgUnitLinkEntity } from './org-unit.entity';
import { OrgUnitFilter } from './org-unit.input';
import { datedKey, selectUnitColumns, unitFromAliased } from './org-unit.loaders';

/** What the selection of `allOrgUnits` needs joined. */
export interface UnitPageJoins {
  parent: boolean;
  childCount: boolean;
  memberCount: boolean;
}

export function unitPageJoinsOf(info: GraphQLResolveInfo): UnitPageJoins {
  const top = requestedFields(info);
  return { parent: top.has('parent') || top.has('parentId'), childCount: top.has('childCount'), memberCount: top.has('memberCount') };
}

const VALID_AT = (alias: string) => `${alias}.validFrom <= :pageAsOf AND (${alias}.validTo IS NULL OR ${alias}.validTo > :pageAsOf)`;

/** What the page statement joined for a unit at a date: read by the field resolvers without a promise. */
interface Joined {
  at: string;
  parent?: OrgUnitEntity | null;
  childCount?: number;
  memberCount?: number;
}
const joined = new WeakMap<OrgUnitEntity, Joined>();

/** Records a unit's parent at `at` read by another page statement (a member's cell and its commune, member.page.ts). */
export function rememberParent(unit: OrgUnitEntity, at: string, parent: OrgUnitEntity | null): void {
  const j = joined.get(unit);
  if (j && j.at === at) j.parent = parent;
  else joined.set(unit, { at, parent });
}

/** The unit's parent at `at` when the page statement joined it (null: none); undefined when it did not. */
export function joinedParent(unit: OrgUnitEntity, at: string): OrgUnitEntity | null | undefined {
  const j = joined.get(unit);
  return j && j.at === at ? j.parent : undefined;
}

export function joinedChildCount(unit: OrgUnitEntity, at: string): number | undefined {
  const j = joined.get(unit);
  return j && j.at === at ? j.childCount : undefined;
}

export function joinedMemberCount(unit: OrgUnitEntity, at: string): number | undefined {
  const j = joined.get(unit);
  return j && j.at === at ? j.memberCount : undefined;
}

type PageQuery = (ctx: Context, args: ListRequest, filter: OrgUnitFilter | undefined, outer: (ids: SelectQueryBuilder<OrgUnitEntity>) => SelectQueryBuilder<OrgUnitEntity>) => Promise<SelectQueryBuilder<OrgUnitEntity> | null>;

/** The page's units in list order, read at `asOf`, with what the selection needs joined; null for a sort computed in memory. */
export async function unitPage(ctx: Context, list: { pageQuery: PageQuery }, args: ListRequest, filter: OrgUnitFilter | undefined, asOf: string, joins: UnitPageJoins): Promise<OrgUnitEntity[] | null> {
  const countChildren = joins.childCount && ctx.scope.isUnrestricted;
  const qb = await list.pageQuery(ctx, args, filter, (ids) => {
    const idsSql = ids.getQuery();
    const outer = ctx.em.createQueryBuilder(OrgUnitEntity, 'u').select([]).innerJoin(`(${idsSql})`, 'page', 'page.id = u.id').setParameter('pageAsOf', asOf);
    selectUnitColumns(outer as SelectQueryBuilder<ObjectLiteral>, 'u');
    if (joins.parent) {
      outer.leftJoin(OrgUnitLinkEntity, 'pl', `pl.unitId = u.id AND ${VALID_AT('pl')}`).leftJoin(OrgUnitEntity, 'pp', 'pp.id = pl.parentId');
      selectUnitColumns(outer as SelectQueryBuilder<ObjectLiteral>, 'pp');
    }
    if (countChildren) {
      // As the childrenOf loader counts them: the links valid at the date, to units that exist.
      outer.addSelect(`(SELECT COUNT(*) FROM org_unit_link cl JOIN org_unit cu ON cu.id = cl.unitId WHERE cl.parentId = u.id AND ${VALID_AT('cl')})`, 'page__childCount');
    }
    if (joins.memberCount) {
      // As subtreeMemberCounts (tree.queries.ts) counts them, for the page's units only: each unit's subtree at the
      // date, and the members officially in it then, from the counts kept per unit (member/member-counts.ts).
      outer
        .addCommonTableExpression(
          `SELECT pi.id, pi.id FROM (${idsSql}) pi
           UNION ALL
           SELECT ps.root, l.unitId FROM org_unit_link l JOIN page_sub ps ON l.parentId = ps.id WHERE ${VALID_AT('l')}`,
          'page_sub',
          { recursive: true, columnNames: ['root', 'id'] },
        )
        .addCommonTableExpression(
          `SELECT ps.root, SUM(${keptCountAt('b', ':pageAsOf')}) AS n FROM page_sub ps JOIN member_count b ON b.unitId = ps.id GROUP BY ps.root`,
          'page_count',
          { columnNames: ['root', 'n'] },
        )
        .leftJoin('page_count', 'pn', 'pn.root = u.id')
        .addSelect('pn.n', 'page__memberCount');
    }
    return outer;
  });
  if (!qb) return null;
  const rows = await qb.getRawMany<Record<string, unknown>>();
  const units: OrgUnitEntity[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const unit = unitFromAliased(row, 'u') as OrgUnitEntity;
    // One parent at a time is a rule of the writes; should two links overlap, the unit is listed once.
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    unit.asOf = asOf;
    units.push(unit);
    const key = datedKey(unit.id, asOf);
    const facts: Joined = { at: asOf };
    if (joins.parent) {
      const parent = unitFromAliased(row, 'pp');
      if (parent) ctx.loaders.unitById.prime(parent.id, parent);
      ctx.loaders.parentOf.clear(key).prime(key, parent);
      facts.parent = parent;
    }
    if (countChildren) facts.childCount = Number(row.page__childCount);
    if (joins.memberCount) {
      facts.memberCount = Number(row.page__memberCount ?? 0);
      ctx.loaders.memberCount.clear(key).prime(key, facts.memberCount);
    }
    joined.set(unit, facts);
  }
  return units;
}
