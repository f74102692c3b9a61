/**
 * Criteria sets: owned by a unit, for a period and a subject kind. The inspection committee (CRITERIA_ADMIN) edits
 * drafts; publishing runs the engine's compile and refuses with every error; a published set is frozen and a change
 * is a clone (the next revision). Everyone in the subtree the set applies to may read it.
 */
import { codeProblem, compile, evaluate, MEMBER_OUTSIDE_SYSTEM_SET, namesInScope, sampleInputs, STANDARD_BANDS, STANDARD_QUOTA, standardGates, validateFormula } from '@dangbo/rating-engine';
import type { CriteriaSetDefinition, SubjectInputs } from '@dangbo/rating-engine';
import { Capability, CriteriaSetStatus, CriterionKind, SubjectKind } from '@dangbo/shared-types';
import { cleanText } from '@dangbo/vn';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, NotFoundError, staleVersionError } from '../../graphql/errors';
import { optionalText, parseId, requiredText } from '../../graphql/input';
import { PageArgs, toOrder, toPaging } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { ancestorIdsOf } from '../org-unit/tree.queries';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { CriteriaPreview, CriteriaSetFieldsArgs, CriteriaSetFilter, CreateCriteriaSetArgs, CreateCriterionArgs, CriterionFilter, UpdateCriteriaSetArgs, UpdateCriterionArgs } from './criteria.input';
import { CriteriaSetEntity, CriterionEntity } from './criteria.entity';
import { flattenItems, toDefinition } from './criteria.mapper';
import { checkRules } from './criteria.rules';

/** Units whose sets the caller may read: their subtrees and the units above them (whose sets apply to them). */
async function readableOwners(ctx: Context): Promise<number[] | null> {
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
async function getEditableSet(ctx: Context, id: number): Promise<CriteriaSetEntity> {
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

/* ---- criteria ---- */

async function criterionQuery(ctx: Context, f: CriterionFilter = {}) {
  const qb = ctx.em.createQueryBuilder(CriterionEntity, 'c').innerJoin(CriteriaSetEntity, 's', 's.id = c.setId');
  const owners = await readableOwners(ctx);
  if (owners) qb.andWhere('s.unitId IN (:...owners)', { owners: owners.length ? owners : [0] });
  if (f.ids) qb.andWhere('c.id IN (:...ids)', { ids: f.ids.length ? f.ids.map((id) => parseId('filter.ids', id)) : [0] });
  if (f.setId) qb.andWhere('c.setId = :setId', { setId: parseId('filter.setId', f.setId) });
  if (f.parentId) qb.andWhere('c.parentId = :parentId', { parentId: parseId('filter.parentId', f.parentId) });
  if (f.q?.trim()) qb.andWhere('(c.name LIKE :q OR c.code LIKE :q)', { q: `%${cleanText(f.q)}%` });
  return qb;
}

export async function listCriteria(ctx: Context, args: PageArgs, f?: CriterionFilter) {
  const { offset, limit } = toPaging(args, ctx.config.maxPerPage);
  const { columns, direction } = toOrder(args, { position: ['c.parentId', 'c.position'], id: ['c.id'], code: ['c.code'], name: ['c.name'] }, 'position');
  const qb = await criterionQuery(ctx, f);
  columns.forEach((c) => qb.addOrderBy(c, direction));
  return qb.addOrderBy('c.id', 'ASC').offset(offset).limit(limit).getMany();
}

export async function countCriteria(ctx: Context, f?: CriterionFilter) {
  return (await criterionQuery(ctx, f)).getCount();
}

export async function findCriterion(ctx: Context, id: number) {
  return (await criterionQuery(ctx, { ids: [String(id)] })).getOne();
}

/** Checks a criterion against its set: code, parent, numbers, and its formula against the names in scope. */
async function checkCriterion(em: EntityManager, set: CriteriaSetEntity, c: Partial<CriterionEntity> & { id?: number }) {
  const problem = codeProblem(c.code ?? '');
  if (problem) throw new BadInputError('code', problem);
  const siblings = await criteriaOf(em, [set.id]);
  if (siblings.some((s) => s.code === c.code && s.id !== c.id)) throw new BadInputError('code', `Mã "${c.code}" đã dùng cho tiêu chí khác trong bộ này`);
  if (c.parentId != null) {
    const parent = siblings.find((s) => s.id === c.parentId);
    if (!parent || parent.kind !== CriterionKind.GROUP) throw new BadInputError('parentId', 'Tiêu chí cha phải là một nhóm của cùng bộ tiêu chí');
    let cursor: CriterionEntity | undefined = parent;
    while (cursor) {
      if (cursor.id === c.id) throw new BadInputError('parentId', 'Không thể đặt nhóm vào bên trong chính nó');
      cursor = siblings.find((s) => s.id === cursor?.parentId);
    }
  }
  if (!(Number(c.max) >= 0 && Number(c.max) <= 1000)) throw new BadInputError('max', 'Điểm tối đa phải từ 0 đến 1000');
  if (c.min != null && !(c.min <= Number(c.max))) throw new BadInputError('min', 'Điểm tối thiểu không được lớn hơn điểm tối đa');
  const needsFormula = c.kind === CriterionKind.METRIC || c.kind === CriterionKind.FORMULA;
  if (needsFormula && !c.formula) throw new BadInputError('formula', 'Tiêu chí tính từ dữ liệu hoặc công thức cần có công thức');
  if (c.formula) {
    const others = siblings.filter((s) => s.id !== c.id);
    const definition = toDefinition(set, [...others, { ...(c as CriterionEntity), id: c.id ?? -1, setId: set.id, parentId: c.parentId ?? null }]);
    const error = validateFormula(c.formula, namesInScope(definition, c.code));
    if (error) throw new BadInputError('formula', error.message, { position: error.position, errorCode: error.code });
  }
}

export async function createCriterion(ctx: Context, args: CreateCriterionArgs): Promise<CriterionEntity> {
  const setId = parseId('setId', args.setId);
  const row = {
    setId,
    code: args.code.trim(),
    name: requiredText('name', args.name, 'Tên tiêu chí', 500),
    description: optionalText('description', args.description, 'Mô tả', 2000) ?? null,
    kind: args.kind,
    max: args.max,
    min: args.min ?? null,
    formula: optionalText('formula', args.formula, 'Công thức', 100000) ?? null,
    parentId: args.parentId ? parseId('parentId', args.parentId) : null,
  };
  return runMutation(ctx, 'createCriterion', async ({ em, audit }) => {
    const set = await getEditableSet(ctx, setId);
    await checkCriterion(em, set, row);
    const [{ next }] = await em.query('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM criterion WHERE setId = ? AND parentId <=> ?', [setId, row.parentId]);
    const saved = await em.save(em.create(CriterionEntity, { ...row, position: args.position ?? Number(next) }));
    await audit({ entity: 'Criterion', entityId: saved.id, before: null, after: saved, unitId: set.unitId });
    return saved;
  });
}

export async function updateCriterion(ctx: Context, args: UpdateCriterionArgs): Promise<CriterionEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateCriterion', async ({ em, audit }) => {
    const current = await findCriterion(ctx, id);
    if (!current) throw new NotFoundError('tiêu chí', id);
    const set = await getEditableSet(ctx, current.setId);
    if (args.version != null && args.version !== current.version) throw staleVersionError('Tiêu chí');
    const next: CriterionEntity = {
      ...current,
      ...(args.code !== undefined ? { code: args.code.trim() } : {}),
      ...(args.name !== undefined ? { name: requiredText('name', args.name, 'Tên tiêu chí', 500) } : {}),
      ...(args.description !== undefined ? { description: optionalText('description', args.description, 'Mô tả', 2000) ?? null } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
      ...(args.max != null ? { max: args.max } : {}),
      ...(args.min !== undefined ? { min: args.min } : {}),
      ...(args.formula !== undefined ? { formula: optionalText('formula', args.formula, 'Công thức', 100000) ?? null } : {}),
      ...(args.parentId !== undefined ? { parentId: args.parentId ? parseId('parentId', args.parentId) : null } : {}),
      ...(args.position != null ? { position: args.position } : {}),
    };
    await checkCriterion(em, set, next);
    const saved = await updateVersioned(em, CriterionEntity, current, next, 'Tiêu chí');
    await audit({ entity: 'Criterion', entityId: id, before: current, after: saved, unitId: set.unitId });
    return saved;
  });
}

export async function reorderCriteria(ctx: Context, setIdArg: string, parentIdArg: string | null, idArgs: string[]): Promise<CriterionEntity[]> {
  const setId = parseId('setId', setIdArg);
  const parentId = parentIdArg ? parseId('parentId', parentIdArg) : null;
  const ids = idArgs.map((id) => parseId('ids', id));
  return runMutation(ctx, 'reorderCriteria', async ({ em, audit }) => {
    const set = await getEditableSet(ctx, setId);
    const siblings = (await criteriaOf(em, [setId])).filter((c) => c.parentId === parentId);
    const same = siblings.length === ids.length && new Set(ids).size === ids.length && siblings.every((c) => ids.includes(c.id));
    if (!same) throw new BadInputError('ids', 'Danh sách phải gồm đúng các tiêu chí cùng cấp, mỗi tiêu chí một lần');
    for (const [position, id] of ids.entries()) await em.update(CriterionEntity, { id }, { position });
    await audit({ entity: 'CriteriaSet', entityId: setId, before: { parentId, order: siblings.map((c) => c.id) }, after: { parentId, order: ids }, unitId: set.unitId });
    return criteriaOf(em, [setId]).then((rows) => ids.map((id) => rows.find((r) => r.id === id) as CriterionEntity));
  });
}

export async function deleteCriterion(ctx: Context, idArg: string): Promise<CriterionEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteCriterion', async ({ em, audit }) => {
    const current = await findCriterion(ctx, id);
    if (!current) throw new NotFoundError('tiêu chí', id);
    const set = await getEditableSet(ctx, current.setId);
    // A group goes with everything inside it.
    const all = await criteriaOf(em, [set.id]);
    const doomed = new Set([id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of all) {
        if (c.parentId !== null && doomed.has(c.parentId) && !doomed.has(c.id)) {
          doomed.add(c.id);
          grew = true;
        }
      }
    }
    await em.delete(CriterionEntity, { id: In([...doomed]) });
    await audit({ entity: 'Criterion', entityId: id, before: { ...current, removedWithIt: [...doomed].filter((d) => d !== id) }, after: null, unitId: set.unitId });
    return { ...current, id };
  });
}
