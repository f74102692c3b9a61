/**
 * Criteria sets: owned by a unit, for a period and a subject kind. The inspection committee (CRITERIA_ADMIN) edits
 * drafts; publishing runs the engine's compile and refuses with every error; a published set is frozen and a change
 * is a clone (the next revision). Everyone in the subtree the set applies to may read it.
 */
import { FRAME_366, STANDARD_QUOTA, templateFor } from '@dangbo/rating-engine';
import type { CriteriaSetDefinition, EngineError } from '@dangbo/rating-engine';
import { Capability, CriteriaSetStatus, ROLE_CAPABILITIES, SubjectKind } from '@dangbo/shared-types';
import { EntityManager, In } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, NotFoundError, staleVersionError } from '../../core/errors';
import { parseId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { runMutation } from '../audit/audit.service';
import { ancestorIdsOf, subtreeUnitIds } from '../org-unit/tree.queries';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { CriteriaSetFieldsArgs, CriteriaSetFilter, CreateCriteriaSetArgs, UpdateCriteriaSetArgs } from './criteria.input';
import { CriteriaSetEntity, CriterionEntity } from './criteria.entity';
import { flattenItems, toDefinition } from './criteria.mapper';
import { definitionProblem, inputsProblem, refuse } from './criteria.limits';
import type { PreviewResult } from './criteria.preview';
import { checkRules } from './criteria.rules';
import { enginePool } from './engine-pool';

/** Units whose sets the caller may read: their subtrees and the units above them (whose sets apply to them). */
export async function readableOwners(ctx: Context): Promise<number[] | null> {
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  if (!scope) return null;
  const roots = ctx.scope.rootIds ?? [];
  const above = await ancestorIdsOf(ctx.em, roots, ctx.today);
  return [...new Set([...scope, ...[...above.values()].flat()])];
}

/** Units where the caller holds `capability`: null when everywhere (a system administrator). */
export async function unitsWhereCan(ctx: Context, capability: Capability): Promise<number[] | null> {
  if (ctx.access.isSystemAdmin) return null;
  if (ctx.access.readOnly && capability !== Capability.READ) return [];
  const roots = ctx.access.grants.filter((g) => ROLE_CAPABILITIES[g.role].includes(capability)).map((g) => g.unitId);
  return roots.length ? subtreeUnitIds(ctx.em, roots, ctx.today) : [];
}

/** Sets owned by the caller's subtrees or by the units above them. */
export const criteriaSetList = defineList<CriteriaSetEntity, CriteriaSetFilter>({
  type: CriteriaSetEntity,
  alias: 's',
  label: 'bộ tiêu chí',
  scope: { units: readableOwners, column: 's.unitId' },
  search: [{ sql: 's.name', kind: 'text' }],
  filter(qb, f) {
    if (f.unitId) qb.andWhere('s.unitId = :unitId', { unitId: parseId('filter.unitId', f.unitId) });
    if (f.periodId) qb.andWhere('s.periodId = :periodId', { periodId: parseId('filter.periodId', f.periodId) });
    if (f.subjectKind) qb.andWhere('s.subjectKind = :subjectKind', { subjectKind: f.subjectKind });
    if (f.status) qb.andWhere('s.status = :status', { status: f.status });
  },
  sorts: {
    // The same question the field answers: may the caller manage criteria on the owner unit?
    async viewerCanManage(ctx) {
      const units = await unitsWhereCan(ctx, Capability.MANAGE_CRITERIA);
      if (units === null) return { sql: '1' };
      return { sql: 'CASE WHEN s.unitId IN (:...manageable) THEN 1 ELSE 0 END', params: { manageable: units.length ? units : [0] } };
    },
  },
  defaultSort: 'id',
});

export const listCriteriaSets = (ctx: Context, args: PageArgs, f?: CriteriaSetFilter) => criteriaSetList.list(ctx, args, f);
export const countCriteriaSets = (ctx: Context, f?: CriteriaSetFilter) => criteriaSetList.count(ctx, f);
export const getCriteriaSet = (ctx: Context, id: number): Promise<CriteriaSetEntity> => criteriaSetList.get(ctx, id);

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

/**
 * A set rates against a period its owner is bound by: one the owner declared or one of the units above it (as
 * of today) declared. A period of a sibling or of a unit below is refused, the same as one that does not exist.
 */
async function checkPeriodOf(ctx: Context, em: EntityManager, unitId: number, periodId: number): Promise<void> {
  const period = await em.findOne(RatingPeriodEntity, { where: { id: periodId } });
  const owners = [unitId, ...((await ancestorIdsOf(em, [unitId], ctx.today)).get(unitId) ?? [])];
  if (!period || !owners.includes(period.unitId)) {
    throw new BadInputError('periodId', `Kỳ đánh giá mã ${periodId} không dùng được: bộ tiêu chí chỉ dùng kỳ đánh giá của chính đơn vị sở hữu hoặc của cấp trên`);
  }
}

function ruleFields(args: CriteriaSetFieldsArgs) {
  const out: Partial<CriteriaSetEntity> = {};
  if (args.totalMax != null) {
    if (!(args.totalMax > 0 && args.totalMax <= 1000)) throw new BadInputError('totalMax', 'Tổng điểm tối đa phải từ 1 đến 1000');
    out.totalMax = args.totalMax;
  }
  for (const key of ['bands', 'gates', 'downgrades', 'quota'] as const) if (args[key] !== undefined && args[key] !== null) out[key] = checkRules(key, args[key]);
  if (args.frame !== undefined) {
    if (args.frame && args.frame !== FRAME_366) throw new BadInputError('frame', `Khung tiêu chí chỉ có thể là ${FRAME_366} (Quy định 366-QĐ/TW) hoặc để trống`);
    out.frame = args.frame || null;
  }
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
    await checkPeriodOf(ctx, em, unitId, periodId);
    const template = args.copyFromId ? await getCriteriaSet(ctx, parseId('copyFromId', args.copyFromId)) : null;
    // Without a set to copy, the rules start from the subject kind's 366 framework (a leader set gets the leader's).
    const framework = templateFor(args.subjectKind);
    const set = await em.save(
      em.create(CriteriaSetEntity, {
        unitId,
        periodId,
        subjectKind: args.subjectKind,
        name,
        status: CriteriaSetStatus.DRAFT,
        revision: 1,
        lineageId: null,
        // A copy keeps the frame its source claims; a set started empty claims none until it is given one.
        frame: template?.frame ?? null,
        totalMax: template ? Number(template.totalMax) : 100,
        bands: template?.bands ?? framework.bands,
        gates: template?.gates ?? framework.gates,
        downgrades: template?.downgrades ?? framework.downgrades,
        quota: template?.quota ?? framework.quota,
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
  const periodId = args.periodId == null ? undefined : parseId('periodId', args.periodId);
  return runMutation(ctx, 'updateCriteriaSet', async ({ em, audit }) => {
    const set = await getEditableSet(ctx, id);
    if (args.version != null && args.version !== set.version) throw staleVersionError('Bộ tiêu chí');
    if (periodId !== undefined && periodId !== set.periodId) await checkPeriodOf(ctx, em, set.unitId, periodId);
    const saved = await updateVersioned(em, CriteriaSetEntity, set, { ...set, ...rules, ...(name ? { name } : {}), ...(periodId ? { periodId } : {}) }, 'Bộ tiêu chí');
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
  const definition = await definitionOf(ctx.em, set);
  storedWithinLimits(definition);
  // Compiling a large set takes a while: in a worker, so other requests are answered meanwhile.
  const errors = await enginePool.run<EngineError[]>({ op: 'compile', definition });
  if (errors.length) {
    throw new BadInputError('definition', `Chưa ban hành được: bộ tiêu chí còn ${errors.length} lỗi. ${errors[0].message}`, { errors });
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
    // The tree may have changed since the source was made: the clone's period must still be the owner's or above.
    await checkPeriodOf(ctx, em, source.unitId, source.periodId);
    const lineageId = source.lineageId ?? source.id;
    const [{ top }] = await em.query('SELECT MAX(revision) AS top FROM criteria_set WHERE lineageId = ? OR id = ?', [lineageId, lineageId]);
    const { id: _id, version: _v, createdAt: _c, ...copy } = source;
    const clone = await em.save(em.create(CriteriaSetEntity, { ...copy, status: CriteriaSetStatus.DRAFT, revision: Number(top) + 1, lineageId, publishedAt: null }));
    await copyCriteria(em, source.id, clone.id);
    await audit({ entity: 'CriteriaSet', entityId: clone.id, before: null, after: { clonedFrom: source.id, revision: clone.revision }, unitId: source.unitId });
    return clone;
  });
}

/** A stored set over the bounds (saved before they existed) is refused before any work, naming the set. */
function storedWithinLimits(definition: CriteriaSetDefinition): void {
  const problem = definitionProblem(definition);
  if (problem) throw new BadInputError('id', `Bộ tiêu chí vượt giới hạn (${problem.path}): ${problem.message}`, { path: problem.path });
}

export async function previewCriteriaSet(ctx: Context, idArg: string, inputs: unknown, draft?: unknown): Promise<PreviewResult> {
  // Sizes first, before any query or compile: one request must not be able to hold the server.
  if (inputs !== null && inputs !== undefined) refuse(inputsProblem(inputs));
  if (draft !== null && draft !== undefined) {
    refuse(definitionProblem(draft));
    if (typeof draft !== 'object' || !Array.isArray((draft as CriteriaSetDefinition).items)) throw new BadInputError('definition', 'Bản soạn thảo không đúng dạng bộ tiêu chí');
  }
  const set = await getCriteriaSet(ctx, parseId('id', idArg));
  // An unsaved draft from the editor is rated as given (compile validates it whole); the stored set otherwise.
  const definition = draft ? (draft as CriteriaSetDefinition) : await definitionOf(ctx.em, set);
  if (!draft) storedWithinLimits(definition);
  return enginePool.run<PreviewResult>({ op: 'preview', definition, inputs: inputs ?? null });
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
