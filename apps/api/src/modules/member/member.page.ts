/**
 * The members page as one statement: the page's ids are cut from the list query (a deferred join over the name
 * index), then joined to the member rows and, when the query asks for them (a look-ahead on the selection), to the
 * member's cell and the cell's parent as of today. A page with its cells and communes is one round trip instead of
 * four (ids, rows, cells, parents).
 *
 * What the statement joined is handed to the field resolvers without a promise: `cellId` reads the joined id
 * (`joinedCellId`), `cell` the joined unit (`joinedCell`), and the units also prime the request's loaders for
 * `cell { parent }`. Rows are mapped to entities here, column by column through the driver's own conversion, not by
 * the ORM's generic result transformer: at 500 rows that transformer cost more than the statement (BENCHMARKS.md).
 */
import { MembershipKind } from '@dangbo/shared-types';
import { GraphQLResolveInfo } from 'graphql';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { requestedFields, requestedFieldsAt } from '../../graphql/requested-fields';
import { ListRequest } from '../../core/list';
import { OrgUnitEntity, OrgUnitLinkEntity } from '../org-unit/org-unit.entity';
import { datedKey, selectUnitColumns, unitFromAliased, unitIdAliased } from '../org-unit/org-unit.loaders';
import { rememberParent } from '../org-unit/org-unit.page';
import { MemberAssignmentEntity, MemberEntity } from './member.entity';
import { MemberFilter } from './member.input';

const VALID_AT = (alias: string) => `${alias}.validFrom <= :pageAt AND (${alias}.validTo IS NULL OR ${alias}.validTo > :pageAt)`;

/** What the selection of `allMembers` needs joined: the cell's id, the whole cell, and the cell's parent. */
export interface PageJoins {
  columns?: (keyof MemberEntity)[];
  cellId: boolean;
  cell: boolean;
  parent: boolean;
}

export function pageJoinsOf(info: GraphQLResolveInfo): Omit<PageJoins, 'columns'> {
  const top = requestedFields(info);
  const cell = top.has('cell');
  const underCell = cell ? requestedFieldsAt(info, ['cell']) : new Set<string>();
  return { cellId: cell || top.has('cellId'), cell, parent: underCell.has('parent') || underCell.has('parentId') };
}

/** What the page statement joined for a member, as of the request's today: read by the field resolvers. */
const joined = new WeakMap<MemberEntity, { at: string; cellId: number | null; cell?: OrgUnitEntity | null }>();

/** The member's official cell id today when the page statement joined it; undefined when it did not. */
export function joinedCellId(member: MemberEntity, today: string): number | null | undefined {
  const j = joined.get(member);
  return j && j.at === today ? j.cellId : undefined;
}

/** The member's official cell today when the page statement joined it; undefined when it did not. */
export function joinedCell(member: MemberEntity, today: string): OrgUnitEntity | null | undefined {
  const j = joined.get(member);
  return j && j.at === today ? j.cell : undefined;
}

/** Maps raw `m_<column>` values to a member entity with the driver's conversions (booleans, dates, transformers). */
function memberMapper(ctx: Context, columns: (keyof MemberEntity)[] | undefined): (raw: Record<string, unknown>) => MemberEntity {
  const meta = ctx.dataSource.getMetadata(MemberEntity);
  const driver = ctx.dataSource.driver;
  const picked: ColumnMetadata[] = columns ? columns.map((c) => meta.findColumnWithPropertyName(c) as ColumnMetadata) : meta.columns;
  const fields = picked.map((c) => ({ column: c, property: c.propertyName, alias: `m_${c.databaseName}` }));
  return (raw) => {
    const member = new MemberEntity();
    const target = member as unknown as Record<string, unknown>;
    for (const f of fields) target[f.property] = driver.prepareHydratedValue(raw[f.alias], f.column);
    return member;
  };
}

/** The page's members in list order, with what the selection needs joined; null when the sort is computed in memory. */
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
    if (joins.cellId || joins.cell) {
      outer.leftJoin(MemberAssignmentEntity, 'pa', `pa.memberId = m.id AND pa.kind = :pageOfficial AND ${VALID_AT('pa')}`, { pageOfficial: MembershipKind.OFFICIAL, pageAt: ctx.today });
      outer.addSelect('pa.unitId', 'pa__unitId');
    }
    if (joins.cell) {
      outer.leftJoin(OrgUnitEntity, 'pc', 'pc.id = pa.unitId');
      selectUnitColumns(outer, 'pc');
    }
    if (joins.cell && joins.parent) {
      outer.leftJoin(OrgUnitLinkEntity, 'pl', `pl.unitId = pc.id AND ${VALID_AT('pl')}`).leftJoin(OrgUnitEntity, 'pp', 'pp.id = pl.parentId');
      selectUnitColumns(outer, 'pp');
    }
    return outer;
  });
  if (!qb) return null;
  const raw = await qb.getRawMany<Record<string, unknown>>();
  const toMember = memberMapper(ctx, joins.columns);
  // A page of 500 members sits in a few dozen cells: each unit is built, primed and given its parent once.
  const units = new Map<number, OrgUnitEntity>();
  const withParent = new Set<number>();
  const unitOf = (row: Record<string, unknown>, alias: string): OrgUnitEntity | null => {
    const id = unitIdAliased(row, alias);
    if (id === null) return null;
    const known = units.get(id);
    if (known !== undefined) return known;
    const unit = unitFromAliased(row, alias) as OrgUnitEntity;
    // Read as of today, like a unit a resolver would load: `cell` and `parent` hand this very object on.
    unit.asOf = ctx.today;
    units.set(id, unit);
    ctx.loaders.unitById.prime(id, unit);
    return unit;
  };
  const members: MemberEntity[] = [];
  const seen = new Set<number>();
  for (const row of raw) {
    const member = toMember(row);
    // One official cell at a time is a rule of the writes; should two rows overlap, the member is listed once.
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    members.push(member);
    if (!(joins.cellId || joins.cell)) continue;
    const cellId = row.pa__unitId === null || row.pa__unitId === undefined ? null : Number(row.pa__unitId);
    if (!joins.cell) {
      joined.set(member, { at: ctx.today, cellId });
      continue;
    }
    const cell = unitOf(row, 'pc');
    joined.set(member, { at: ctx.today, cellId, cell });
    ctx.loaders.cellOf.clear(datedKey(member.id, ctx.today)).prime(datedKey(member.id, ctx.today), cell);
    if (cell && joins.parent && !withParent.has(cell.id)) {
      withParent.add(cell.id);
      const parent = unitOf(row, 'pp');
      ctx.loaders.parentOf.clear(datedKey(cell.id, ctx.today)).prime(datedKey(cell.id, ctx.today), parent);
      rememberParent(cell, ctx.today, parent);
    }
  }
  return members;
}
