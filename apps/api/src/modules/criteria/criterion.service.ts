/**
 * The criteria of a set: a tree of groups and criteria, edited only while the set is a draft. Each save checks the
 * code, the parent, the numbers and the formula against the names in scope; publishing checks the whole set.
 */
import { codeProblem, namesInScope, validateFormula } from '@dangbo/rating-engine';
import { CriterionKind } from '@dangbo/shared-types';
import { EntityManager, In } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, NotFoundError, staleVersionError } from '../../core/errors';
import { longText, parseId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { runBulk, runMutation } from '../audit/audit.service';
import { CreateCriterionArgs, CriterionFilter, CriterionPatch, UpdateCriterionArgs } from './criteria.input';
import { CriteriaSetEntity, CriterionEntity } from './criteria.entity';
import { definitionProblem, LIMITS } from './criteria.limits';
import { toDefinition } from './criteria.mapper';
import { criteriaOf, getEditableSet, readableOwners } from './criteria.service';

/** Criteria of the sets the caller may read. */
export const criterionList = defineList<CriterionEntity, CriterionFilter>({
  type: CriterionEntity,
  alias: 'c',
  label: 'tiêu chí',
  from: (ctx) => ctx.em.createQueryBuilder(CriterionEntity, 'c').innerJoin(CriteriaSetEntity, 's', 's.id = c.setId'),
  scope: { units: readableOwners, column: 's.unitId' },
  search: [
    { sql: 'c.name', kind: 'text' },
    { sql: 'c.code', kind: 'ascii' },
  ],
  filter(qb, f) {
    if (f.setId) qb.andWhere('c.setId = :setId', { setId: parseId('filter.setId', f.setId) });
    if (f.parentId) qb.andWhere('c.parentId = :parentId', { parentId: parseId('filter.parentId', f.parentId) });
  },
  defaultSort: 'position',
});

export const listCriteria = (ctx: Context, args: PageArgs, f?: CriterionFilter) => criterionList.list(ctx, args, f);
export const countCriteria = (ctx: Context, f?: CriterionFilter) => criterionList.count(ctx, f);
export const findCriterion = (ctx: Context, id: number) => criterionList.find(ctx, id);
export const getCriterion = (ctx: Context, id: number) => criterionList.get(ctx, id);

/** Checks a criterion against its set: code, parent, numbers, and its formula against the names in scope. */
async function checkCriterion(em: EntityManager, set: CriteriaSetEntity, c: Partial<CriterionEntity> & { id?: number }) {
  if ((c.code ?? '').length > LIMITS.code) throw new BadInputError('code', `Mã tiêu chí dài quá ${LIMITS.code} ký tự`);
  const problem = codeProblem(c.code ?? '');
  if (problem) throw new BadInputError('code', problem);
  const siblings = await criteriaOf(em, [set.id]);
  if (c.id === undefined && siblings.length >= LIMITS.criteriaPerSet) {
    throw new BadInputError('setId', `Bộ tiêu chí đã có ${siblings.length} tiêu chí (kể cả nhóm), tối đa ${LIMITS.criteriaPerSet}`);
  }
  if (siblings.some((s) => s.code === c.code && s.id !== c.id)) throw new ConflictError(`Mã "${c.code}" đã dùng cho tiêu chí khác trong bộ này`, { field: 'code', reason: 'DUPLICATE' });
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
  const others = siblings.filter((s) => s.id !== c.id);
  const definition = toDefinition(set, [...others, { ...(c as CriterionEntity), id: c.id ?? -1, setId: set.id, parentId: c.parentId ?? null }]);
  // The saved set stays within what a preview or a publish accepts (criteria.limits.ts).
  const tooBig = definitionProblem(definition);
  if (tooBig) throw new BadInputError('setId', `Bộ tiêu chí sẽ vượt giới hạn: ${tooBig.message}`, { path: tooBig.path });
  if (c.formula) {
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
    description: longText('description', args.description, 'Mô tả', 2000) ?? null,
    kind: args.kind,
    max: args.max,
    min: args.min ?? null,
    formula: longText('formula', args.formula, 'Công thức', LIMITS.formula) ?? null,
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
      ...(args.description !== undefined ? { description: longText('description', args.description, 'Mô tả', 2000) ?? null } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
      ...(args.max != null ? { max: args.max } : {}),
      ...(args.min !== undefined ? { min: args.min } : {}),
      ...(args.formula !== undefined ? { formula: longText('formula', args.formula, 'Công thức', LIMITS.formula) ?? null } : {}),
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

/** The single update's rules for each criterion, all or none (runBulk). */
export function updateCriteria(ctx: Context, ids: string[], patch: CriterionPatch) {
  return runBulk(ctx, 'updateCriteria', ids, (id) => updateCriterion(ctx, { ...patch, id }));
}

export function deleteCriteria(ctx: Context, ids: string[]) {
  return runBulk(ctx, 'deleteCriteria', ids, (id) => deleteCriterion(ctx, id));
}
