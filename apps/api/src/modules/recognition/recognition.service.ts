/**
 * Commendations, discipline and exemplary models: the three record types over the shared list and writes
 * (record-crud.ts), each with its own fields, date and filters.
 */
import { CommendationForm, DisciplineLevel } from '@dangbo/shared-types';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { BadInputError } from '../../core/errors';
import { longText, parseDate, parseOptionalDate, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { dateField, defineRecordList, notInFuture, RecordKind, recordWrites } from './record-crud';
import { CommendationEntity, DisciplineEntity, ExemplaryModelEntity, LONG_TEXT_MAX } from './recognition.entity';
import {
  CommendationFilter,
  CreateCommendationArgs,
  CreateDisciplineArgs,
  CreateExemplaryModelArgs,
  DisciplineFilter,
  ExemplaryModelFilter,
  UpdateCommendationArgs,
  UpdateDisciplineArgs,
  UpdateExemplaryModelArgs,
} from './recognition.input';

function decidedRange<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, alias: string, f: { from?: string; to?: string }) {
  if (f.from) qb.andWhere(`${alias}.decidedOn >= :from`, { from: parseDate('filter.from', f.from) });
  if (f.to) qb.andWhere(`${alias}.decidedOn <= :to`, { to: parseDate('filter.to', f.to) });
}

const commendationKind: RecordKind<CommendationEntity, CommendationFilter, CreateCommendationArgs, UpdateCommendationArgs> = {
  type: CommendationEntity,
  name: 'Commendation',
  label: 'khen thưởng',
  alias: 'cm',
  search: [{ sql: 'cm.achievement', kind: 'text' }],
  filter(qb, f) {
    if (f.form) qb.andWhere('cm.form = :form', { form: f.form });
    decidedRange(qb, 'cm', f);
  },
  defaultSort: 'decidedOn',
  decidingBodyRequired: true,
  hasActivity: true,
  fields(args, current, ctx) {
    const out: Partial<CommendationEntity> = {};
    out.decidedOn = notInFuture('decidedOn', dateField('decidedOn', args.decidedOn, current?.decidedOn, 'Ngày quyết định'), ctx, 'Ngày quyết định');
    if (args.form != null) out.form = args.form as CommendationForm;
    else if (!current) throw new BadInputError('form', 'Chưa chọn hình thức khen thưởng');
    if (args.achievement !== undefined) out.achievement = longText('achievement', args.achievement, 'Thành tích', LONG_TEXT_MAX) ?? null;
    return out;
  },
  dateOf: (v) => v.decidedOn as string,
};

const disciplineKind: RecordKind<DisciplineEntity, DisciplineFilter, CreateDisciplineArgs, UpdateDisciplineArgs> = {
  type: DisciplineEntity,
  name: 'Discipline',
  label: 'kỷ luật',
  alias: 'dc',
  search: [{ sql: 'dc.violation', kind: 'text' }],
  filter(qb, f) {
    if (f.level) qb.andWhere('dc.level = :level', { level: f.level });
    decidedRange(qb, 'dc', f);
  },
  defaultSort: 'decidedOn',
  decidingBodyRequired: true,
  hasActivity: true,
  fields(args, current, ctx) {
    const out: Partial<DisciplineEntity> = {};
    out.decidedOn = notInFuture('decidedOn', dateField('decidedOn', args.decidedOn, current?.decidedOn, 'Ngày quyết định'), ctx, 'Ngày quyết định');
    if (args.level != null) out.level = args.level as DisciplineLevel;
    else if (!current) throw new BadInputError('level', 'Chưa chọn hình thức kỷ luật');
    if (args.violation !== undefined || !current) {
      const violation = longText('violation', args.violation ?? null, 'Tóm tắt vi phạm', LONG_TEXT_MAX);
      if (!violation) throw new BadInputError('violation', 'Tóm tắt vi phạm không được để trống');
      out.violation = violation;
    }
    return out;
  },
  dateOf: (v) => v.decidedOn as string,
};

const exemplaryKind: RecordKind<ExemplaryModelEntity, ExemplaryModelFilter, CreateExemplaryModelArgs, UpdateExemplaryModelArgs> = {
  type: ExemplaryModelEntity,
  name: 'ExemplaryModel',
  label: 'gương điển hình',
  alias: 'em',
  search: [{ sql: 'em.title', kind: 'text' }],
  filter(qb, f) {
    if (f.year != null) qb.andWhere('em.year = :year', { year: f.year });
  },
  defaultSort: 'year',
  decidingBodyRequired: false,
  hasActivity: true,
  fields(args, current, ctx) {
    const out: Partial<ExemplaryModelEntity> = {};
    const year = args.year ?? current?.year;
    if (year == null) throw new BadInputError('year', 'Chưa nhập năm');
    if (!Number.isInteger(year) || year < 1930 || year > Number(ctx.today.slice(0, 4))) {
      throw new BadInputError('year', `Năm ${year} không hợp lệ (từ 1930 đến năm nay)`);
    }
    out.year = year;
    if (args.title != null || !current) out.title = requiredText('title', args.title ?? '', 'Tên gương điển hình', 500);
    if (args.description !== undefined) out.description = longText('description', args.description, 'Mô tả', LONG_TEXT_MAX) ?? null;
    const recognizedOn = args.recognizedOn === undefined ? current?.recognizedOn ?? null : parseOptionalDate('recognizedOn', args.recognizedOn, 'Ngày công nhận') ?? null;
    if (recognizedOn && recognizedOn.slice(0, 4) !== String(year)) {
      throw new BadInputError('recognizedOn', `Ngày công nhận ${recognizedOn} không thuộc năm ${year}`);
    }
    out.recognizedOn = recognizedOn ? notInFuture('recognizedOn', recognizedOn, ctx, 'Ngày công nhận') : null;
    return out;
  },
  // Without a date of recognition the member's cell is read at the end of the year (or today, in the current year).
  dateOf: (v, ctx) => v.recognizedOn ?? [`${v.year}-12-31`, ctx.today].sort()[0],
};

export const commendationList = defineRecordList(commendationKind);
export const disciplineList = defineRecordList(disciplineKind);
export const exemplaryModelList = defineRecordList(exemplaryKind);

export const commendations = {
  get: (ctx: Context, id: number) => commendationList.get(ctx, id),
  list: (ctx: Context, args: PageArgs, f?: CommendationFilter) => commendationList.list(ctx, args, f),
  count: (ctx: Context, f?: CommendationFilter) => commendationList.count(ctx, f),
  ...recordWrites(commendationKind, commendationList),
};

export const disciplines = {
  get: (ctx: Context, id: number) => disciplineList.get(ctx, id),
  list: (ctx: Context, args: PageArgs, f?: DisciplineFilter) => disciplineList.list(ctx, args, f),
  count: (ctx: Context, f?: DisciplineFilter) => disciplineList.count(ctx, f),
  ...recordWrites(disciplineKind, disciplineList),
};

export const exemplaryModels = {
  get: (ctx: Context, id: number) => exemplaryModelList.get(ctx, id),
  list: (ctx: Context, args: PageArgs, f?: ExemplaryModelFilter) => exemplaryModelList.list(ctx, args, f),
  count: (ctx: Context, f?: ExemplaryModelFilter) => exemplaryModelList.count(ctx, f),
  ...recordWrites(exemplaryKind, exemplaryModelList),
};
