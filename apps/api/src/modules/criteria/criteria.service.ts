/**
 * Criteria sets: owned by a unit, for a period and a subject kind. The inspection committee (CRITERIA_ADMIN) edits
 * drafts; publishing runs the engine's compile and refuses with every error; a published set is frozen and a change
 * is a clone (the next revision). Everyone in the subtree the set applies to may read it.
 */
import { compile, evaluate, MEMBER_OUTSIDE_SYSTEM_SET, sampleInputs, STANDARD_BANDS, STANDARD_QUOTA, standardGates } from '@dangbo/rating-engine';
import type { CriteriaSetDefinition, SubjectInputs } from '@dangbo/rating-engine';
import { Capability, CriteriaSetStatus, SubjectKind } from '@dangbo/shared-types';
import { cleanText } from '@dangbo/vn';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, NotFoundError, staleVersionError } from '../../graphql/errors';
import { parseId, requiredText } from '../../graphql/input';
import { PageArgs, toOrder, toPaging } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { ancestorIdsOf } from '../org-unit/tree.queries';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { CriteriaPreview, CriteriaSetFieldsArgs, CriteriaSetFilter, CreateCriteriaSetArgs, UpdateCriteriaSetArgs } from './criteria.input';
import { CriteriaSetEntity, CriterionEntity } from './criteria.entity';
import { flattenItems, toDefinition } from './criteria.mapper';
import { checkRules } from './criteria.rules';

/** Units whose sets the caller may read: their subtrees and the units above them (whose sets apply to them). */
export async function readableOwners(ctx: Context): Promise<number[] | null> {
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  if (!scope) return null;
  const roots = ctx.scope.rootIds ?? [];
  const above = await ancestorIdsOf(ctx.em, roots, ctx.today);
  return [...new Set([...scope, ...[...above.values()].flat()])];
}

async function setQuery(ctx: Context, f: CriteriaSetFilter = {}): Promise<SelectQueryBuilder<CriteriaSetEntity>> {
  const qb = ctx.em.createQueryBuilder(CriteriaSetEntity, 's');
  const owners = await readableOwners(ctx);
  if (owners) qb.andWhere('s.unitId IN (:...owners)', { owners: owners.length ? owners : [0] });
  if (f.ids) qb.andWhere('s.id IN (:...ids)', { ids: f.ids.length ? f.ids.map((id) => parseId('filter.ids', id)) : [0] });
  if (f.q?.trim()) qb.andWhere('s.name LIKE :q', { q: `%${cleanText(f.q)}%` });
  if (f.unitId) qb.andWhere('s.unitId = :unitId', { unitId: parseId('filter.unitId', f.unitId) });
  if (f.periodId) qb.andWhere('s.periodId = :periodId', { periodId: parseId('filter.periodId', f.periodId) });
  if (f.subjectKind) qb.andWhere('s.subjectKind = :subjectKind', { subjectKind: f.subjectKind });
  if (f.status) qb.andWhere('s.status = :status', { status: f.status });
  return qb;
}

export async function listCriteriaSets(ctx: Context, args: PageArgs, f?: CriteriaSetFilter) {
  const { offset, limit } = toPaging(args, ctx.config.maxPerPage);
  const { columns, direction } = toOrder(args, { id: ['s.id'], name: ['s.name'], status: ['s.status'], revision: ['s.revision'], createdAt: ['s.createdAt'], subjectKind: ['s.subjectKind'] }, 'id');
  const qb = await setQuery(ctx, f);
  columns.forEach((c) => qb.addOrderBy(c, direction));
  return qb.offset(offset).limit(limit).getMany();
}

export async function countCriteriaSets(ctx: Context, f?: CriteriaSetFilter) {
  return (await setQuery(ctx, f)).getCount();
}

export async function getCriteriaSet(ctx: Context, id: number): Promise<CriteriaSetEntity> {
  const set = await (await setQuery(ctx, { ids: [String(id)] })).getOne();
  if (!set) throw new NotFoundError('bộ tiêu chí', id);
  return set;
}

/** The set a caller may edit: a draft, on a unit where they hold MANAGE_CRITERIA. */
export async function getEditableSet(ctx: Context, id: number): Promise<CriteriaSetEntity> {
  const set = await getCriteriaSet(ctx, id);
  await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_CRITERIA, set.unitId, 'sửa bộ tiêu chí');
  if (set.status !== CriteriaSetStatus.DRAFT) {
    throw new ConflictError('Bộ tiêu chí đã ban hành nên không sửa được; hãy tạo phiên bản mới (nhân bản) rồi sửa', { reason: 'FROZEN' });
  }
  return set;
}

export async function criteriaOf(em: EntityManager, setIds: readonly number[]): Promise<CriterionEntity[]> {
  return setIds.length ? em.find(CriterionEntity, { where: { setId: In([...setIds]) }, order: { position: 'ASC', id: 'ASC' } }) : [];
}

async function definitionOf(em: EntityManager, set: CriteriaSetEntity) {
  return toDefinition(set, await criteriaOf(em, [set.id]));
}

function ruleFields(args: CriteriaSetFieldsArgs) {
  const out: Partial<CriteriaSetEntity> = {};
  if (args.totalMax != null) {
    if (!(args.totalMax > 0 && args.totalMax <= 1000)) throw new BadInputError('totalMax', 'Tổng điểm tối đa phải từ 1 đến 1000');
    out.totalMax = args.totalMax;
  }
  for (const key of ['bands', 'gates', 'downgrades', 'quota'] as const) if (args[key] !== undefined && args[key] !== null) out[key] = checkRules(key, args[key]);
  return out;
}

async function copyCriteria(em: EntityManager, fromSetId: number, toSetId: number, items = null as null | ReturnType<typeof flattenItems>) {
  const source = items ?? flattenItems(toDefinition({ bands: [], gates: [], downgrades: [], quota: STANDARD_QUOTA } as never, await criteriaOf(em, [fromSetId])).items);
  const ids: number[] = [];
  for (const { row, parentIndex } of source) {
    const saved = await em.save(em.create(CriterionEntity, { ...row, setId: toSetId, parentId: parentIndex === null ? null : ids[parentIndex] }));
    ids.push(saved.id);
  }
}

export async function createCriteriaSet(ctx: Context, args: CreateCriteriaSetArgs): Promise<CriteriaSetEntity> {
  const unitId = parseId('unitId', args.unitId);
  const periodId = parseId('periodId', args.periodId);
  const name = requiredText('name', args.name, 'Tên bộ tiêu chí');
  const rules = ruleFields(args);
  return runMutation(ctx, 'createCriteriaSet', async ({ em, audit }) => {
    if (!(await em.exists(OrgUnitEntity, { where: { id: unitId } })) || !(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) {
      throw new BadInputError('unitId', `Không có đơn vị mã ${unitId} trong phạm vi của bạn`);
    }
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_CRITERIA, unitId, 'tạo bộ tiêu chí');
    if (!(await em.exists(RatingPeriodEntity, { where: { id: periodId } }))) throw new BadInputError('periodId', `Không có kỳ đánh giá mã ${periodId}`);
    const template = args.copyFromId ? await getCriteriaSet(ctx, parseId('copyFromId', args.copyFromId)) : null;
    const set = await em.save(
      em.create(CriteriaSetEntity, {
        unitId,
        periodId,
        subjectKind: args.subjectKind,
        name,
        status: CriteriaSetStatus.DRAFT,
        revision: 1,
        lineageId: null,
        totalMax: template ? Number(template.totalMax) : 100,
        bands: template?.bands ?? STANDARD_BANDS,
        gates: template?.gates ?? standardGates(),
        downgrades: template?.downgrades ?? MEMBER_OUTSIDE_SYSTEM_SET.downgrades,
        quota: template?.quota ?? STANDARD_QUOTA,
        publishedAt: null,
        ...rules,
      }),
    );
    await em.update(CriteriaSetEntity, { id: set.id }, { lineageId: set.id });
    if (template) await copyCriteria(em, template.id, set.id);
    await audit({ entity: 'CriteriaSet', entityId: set.id, before: null, after: { ...set, copyFromId: template?.id ?? null }, unitId });
    return { ...set, lineageId: set.id };
  });
}

export async function updateCriteriaSet(ctx: Context, args: UpdateCriteriaSetArgs): Promise<CriteriaSetEntity> {
  const id = parseId('id', args.id);
  const rules = ruleFields(args);
  const name = args.name === undefined ? undefined : requiredText('name', args.name, 'Tên bộ tiêu chí');
  return runMutation(ctx, 'updateCriteriaSet', async ({ em, audit }) => {
    const set = await getEditableSet(ctx, id);
    if (args.version != null && args.version !== set.version) throw staleVersionError('Bộ tiêu chí');
    const saved = await updateVersioned(em, CriteriaSetEntity, set, { ...set, ...rules, ...(name ? { name } : {}) }, 'Bộ tiêu chí');
    await audit({ entity: 'CriteriaSet', entityId: id, before: set, after: saved, unitId: set.unitId });
    return saved;
  });
}

export async function deleteCriteriaSet(ctx: Context, idArg: string): Promise<CriteriaSetEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteCriteriaSet', async ({ em, audit }) => {
    const set = await getEditableSet(ctx, id);
    await em.delete(CriterionEntity, { setId: id });
    await em.delete(CriteriaSetEntity, { id });
    await audit({ entity: 'CriteriaSet', entityId: id, before: set, after: null, unitId: set.unitId });
    return { ...set, id };
  });
}

export async function publishCriteriaSet(ctx: Context, idArg: string): Promise<CriteriaSetEntity> {
  const id = parseId('id', idArg);
  const set = await getEditableSet(ctx, id);
  const result = compile(await definitionOf(ctx.em, set));
  if (!result.ok) {
    throw new BadInputError('definition', `Chưa ban hành được: bộ tiêu chí còn ${result.errors.length} lỗi. ${result.errors[0].message}`, { errors: result.errors });
  }
  return runMutation(ctx, 'publishCriteriaSet', async ({ em, audit }) => {
    // One published set per owner, period and subject kind: the new revision replaces the old one.
    const previous = await em.find(CriteriaSetEntity, { where: { unitId: set.unitId, periodId: set.periodId, subjectKind: set.subjectKind, status: CriteriaSetStatus.PUBLISHED } });
    for (const p of previous) await em.update(CriteriaSetEntity, { id: p.id }, { status: CriteriaSetStatus.ARCHIVED });
    const saved = await updateVersioned(em, CriteriaSetEntity, set, { ...set, status: CriteriaSetStatus.PUBLISHED, publishedAt: new Date() }, 'Bộ tiêu chí');
    await audit({ entity: 'CriteriaSet', entityId: id, before: { status: set.status }, after: { status: saved.status, archived: previous.map((p) => p.id) }, unitId: set.unitId });
    return saved;
  });
}

export async function cloneCriteriaSet(ctx: Context, idArg: string): Promise<CriteriaSetEntity> {
  const source = await getCriteriaSet(ctx, parseId('id', idArg));
  await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_CRITERIA, source.unitId, 'nhân bản bộ tiêu chí');
  return runMutation(ctx, 'cloneCriteriaSet', async ({ em, audit }) => {
    const lineageId = source.lineageId ?? source.id;
    const [{ top }] = await em.query('SELECT MAX(revision) AS top FROM criteria_set WHERE lineageId = ? OR id = ?', [lineageId, lineageId]);
    const { id: _id, version: _v, createdAt: _c, ...copy } = source;
    const clone = await em.save(em.create(CriteriaSetEntity, { ...copy, status: CriteriaSetStatus.DRAFT, revision: Number(top) + 1, lineageId, publishedAt: null }));
    await copyCriteria(em, source.id, clone.id);
    await audit({ entity: 'CriteriaSet', entityId: clone.id, before: null, after: { clonedFrom: source.id, revision: clone.revision }, unitId: source.unitId });
    return clone;
  });
}

export async function previewCriteriaSet(ctx: Context, idArg: string, inputs: unknown, draft?: unknown): Promise<CriteriaPreview> {
  const set = await getCriteriaSet(ctx, parseId('id', idArg));
  // An unsaved draft from the editor is rated as given (compile validates it whole); the stored set otherwise.
  const definition = draft ? (draft as CriteriaSetDefinition) : await definitionOf(ctx.em, set);
  if (draft && (typeof draft !== 'object' || !Array.isArray((draft as CriteriaSetDefinition).items))) {
    throw new BadInputError('definition', 'Bản soạn thảo không đúng dạng bộ tiêu chí');
  }
  const compiled = compile(definition);
  const used = (inputs ?? sampleInputs(definition)) as SubjectInputs;
  if (!compiled.ok) return { errors: compiled.errors, inputs: used, points: {}, groups: {}, total: null, bandLevel: null, level: null, trace: [] };
  const normalized: SubjectInputs = { scores: used.scores ?? {}, checks: used.checks ?? {}, facts: used.facts ?? {}, metrics: used.metrics ?? {}, ...(used.override ? { override: used.override } : {}) };
  const result = evaluate(compiled.compiled, normalized);
  return {
    ...result,
    inputs: normalized,
    trace: result.trace.map((t) => ({ ...t, before: t.before === undefined ? undefined : String(t.before), after: t.after === undefined ? undefined : String(t.after) })),
  };
}

/** The published set that applies to a unit: its own, else the nearest unit above it that published one. */
export async function applicableCriteriaSet(ctx: Context, unitIdArg: string, periodIdArg: string, subjectKind: SubjectKind): Promise<CriteriaSetEntity | null> {
  const unitId = parseId('unitId', unitIdArg);
  const periodId = parseId('periodId', periodIdArg);
  if (!(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) throw new NotFoundError('đơn vị', unitId);
  const chain = [unitId, ...((await ancestorIdsOf(ctx.em, [unitId], ctx.today)).get(unitId) ?? [])];
  const sets = await ctx.em.find(CriteriaSetEntity, { where: { unitId: In(chain), periodId, subjectKind, status: CriteriaSetStatus.PUBLISHED } });
  for (const owner of chain) {
    const found = sets.find((s) => s.unitId === owner);
    if (found) return found;
  }
  return null;
}
