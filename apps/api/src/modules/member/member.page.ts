/**
 * The members page as one statement: the page's ids are cut from the list query (a deferred join over the name
 * index), then joined to the member rows and, when the query asks for them (a look-ahead on the selection), to the
 * member's cell and the cell's parent as of today. The joined units prime the request's loaders, so the `cell` and
 * `cell { parent }` resolvers answer without a statement of their own: a page with its cells and communes is one
 * round trip instead of four (ids, rows, cells, parents).
 */
import { MembershipKind } from '@dangbo/shared-types';
import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { requestedFields, requestedFieldsAt } from '../../graphql/requested-fields';
import { ListRequest } from '../../core/list';
import { OrgUnitEntity, OrgUnitLinkEntity } from '../org-unit/org-unit.entity';
import { datedKey, unitFromRow } from '../org-unit/org-unit.loaders';
import { MemberAssignmentEntity, MemberEntity } from './member.entity';
import { MemberFilter } from './member.input';

/** The org_unit columns `unitFromRow` reads (column names are the property names). */
const UNIT_COLUMNS = ['id', 'kind', 'massOrgKind', 'name', 'nameFrom', 'shortName', 'code', 'searchText', 'sortKey', 'validFrom', 'validTo', 'version', 'createdAt', 'updatedAt'];
const VALID_AT = (alias: string) => `${alias}.validFrom <= :pageAt AND (${alias}.validTo IS NULL OR ${alias}.validTo > :pageAt)`;

/** What the selection of `allMembers` needs joined: the cell, and the cell's parent. */
export interface PageJoins {
  columns?: (keyof MemberEntity)[];
  cell: boolean;
  parent: boolean;
}

export function pageJoinsOf(info: GraphQLResolveInfo): Omit<PageJoins, 'columns'> {
  const top = requestedFields(info);
  const cell = top.has('cell') || top.has('cellId');
  const underCell = cell ? requestedFieldsAt(info, ['cell']) : new Set<string>();
  return { cell, parent: underCell.has('parent') || underCell.has('parentId') };
}

function selectUnit(qb: SelectQueryBuilder<MemberEntity>, alias: string): void {
  for (const c of UNIT_COLUMNS) qb.addSelect(`${alias}.${c}`, `${alias}__${c}`);
}

function unitOf(raw: Record<string, unknown>, alias: string): OrgUnitEntity | null {
  if (raw[`${alias}__id`] === null || raw[`${alias}__id`] === undefined) return null;
  return unitFromRow(Object.fromEntries(UNIT_COLUMNS.map((c) => [c, raw[`${alias}__${c}`]])));
}

/** The page's members in list order, with cells and parents primed into the loaders; null when the sort is computed in memory. */
export async function memberPage(
  ctx: Context,
  list: { pageQuery: (ctx: Context, args: ListRequest, filter: MemberFilter | undefined, outer: (ids: SelectQueryBuilder<MemberEntity>) => SelectQueryBuilder<MemberEntity>) => Promise<SelectQueryBuilder<MemberEntity> | null> },
  args: ListRequest,
  filter: MemberFilter | undefined,
  joins: PageJoins,
): Promise<MemberEntity[] | null> {
  const qb = await list.pageQuery(ctx, args, filter, (ids) => {
    const outer = ctx.em.createQueryBuilder(MemberEntity, 'm').innerJoin(`(${ids.getQuery()})`, 'page', 'page.id = m.id');
    if (joins.columns) outer.select(joins.columns.map((c) => `m.${c}`));
    if (joins.cell) {
      outer
        .leftJoin(MemberAssignmentEntity, 'pa', `pa.memberId = m.id AND pa.kind = :pageOfficial AND ${VALID_AT('pa')}`, { pageOfficial: MembershipKind.OFFICIAL, pageAt: ctx.today })
        .leftJoin(OrgUnitEntity, 'pc', 'pc.id = pa.unitId');
      selectUnit(outer, 'pc');
    }
    if (joins.cell && joins.parent) {
      outer.leftJoin(OrgUnitLinkEntity, 'pl', `pl.unitId = pc.id AND ${VALID_AT('pl')}`).leftJoin(OrgUnitEntity, 'pp', 'pp.id = pl.parentId');
      selectUnit(outer, 'pp');
    }
    return outer;
  });
  if (!qb) return null;
  const { raw, entities } = await qb.getRawAndEntities();
  if (joins.cell) {
    const units = new Map<number, OrgUnitEntity>();
    const shared = (u: OrgUnitEntity | null) => {
      if (!u) return null;
      const known = units.get(u.id);
      if (known) return known;
      units.set(u.id, u);
      ctx.loaders.unitById.prime(u.id, u);
      return u;
    };
    for (const row of raw) {
      const cell = shared(unitOf(row, 'pc'));
      ctx.loaders.cellOf.clear(datedKey(Number(row.m_id), ctx.today)).prime(datedKey(Number(row.m_id), ctx.today), cell);
      if (cell && joins.parent) ctx.loaders.parentOf.clear(datedKey(cell.id, ctx.today)).prime(datedKey(cell.id, ctx.today), shared(unitOf(row, 'pp')));
    }
  }
  return entities;
}
