/**
 * The criteria of a set: a tree of groups and criteria, edited only while the set is a draft. Each save checks the
 * code, the parent, the numbers and the formula against the names in scope; publishing checks the whole set.
 */
import { codeProblem, namesInScope, validateFormula } from '@dangbo/rating-engine';
import { CriterionKind } from '@dangbo/shared-types';
import { cleanText } from '@dangbo/vn';
import { EntityManager, In } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, NotFoundError, staleVersionError } from '../../graphql/errors';
import { optionalText, parseId, requiredText } from '../../graphql/input';
import { PageArgs, toOrder, toPaging } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { CreateCriterionArgs, CriterionFilter, UpdateCriterionArgs } from './criteria.input';
import { CriteriaSetEntity, CriterionEntity } from './criteria.entity';
import { toDefinition } from './criteria.mapper';
import { criteriaOf, getEditableSet, readableOwners } from './criteria.service';

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
