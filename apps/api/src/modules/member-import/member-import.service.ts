/**
 * Importing members from .xlsx: every row is checked first (the member rules, the cell, duplicates within the file,
 * numbers held by other members); any problem and nothing is written. A clean file is written in one transaction,
 * in batches. Rows are matched to existing members by party card number or citizen id, never by name; a matched row
 * that changes nothing is skipped, so importing the same file twice writes nothing (and audits nothing) the second
 * time. Work is done in chunks that yield to the event loop, and progress is published for /metrics.
 */
import { Capability, MEMBER_HOLDING_KINDS, MembershipKind } from '@dangbo/shared-types';
import { foldForSearch } from '@dangbo/vn';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { Context } from '../../context';
import { jobProgress } from '../../core/job-progress';
import { updateVersioned } from '../../database/versioned-update';
import { AppError } from '../../core/errors';
import { AuditEntryEntity } from '../audit/audit.entity';
import { runMutation, snapshot } from '../audit/audit.service';
import { MemberAssignmentEntity, MemberEntity, MemberNumberHistoryEntity } from '../member/member.entity';
import { buildMemberDraft, derivedColumns, MemberDraft } from '../member/member.rules';
import { replaceSearchWords } from '../member/member-search';
import { lockUnits, recountUnits, tallyMembers } from '../member/member-counts';
import { MemberStatusEntity } from '../member/member-status.entity';
import { initialStatusSpans } from '../member/member-status.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { genderOf, ImportColumn, ImportProblem, letterOf, ParsedRow } from './member-import.rules';

export const CHUNK = 500;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const VALID_AT = 'a.validFrom <= :at AND (a.validTo IS NULL OR a.validTo > :at)';

interface Create {
  row: number;
  draft: MemberDraft;
  cellId: number;
}
interface Update {
  row: number;
  member: MemberEntity;
  draft: MemberDraft;
  cellId: number;
  currentCellId: number | null;
  assignmentId: number | null;
}
export interface ImportPlan {
  rows: number;
  creates: Create[];
  updates: Update[];
  unchanged: number;
  problems: ImportProblem[];
}

/** Member-holding cells the caller sees, by id and by folded name (a name two cells share is ambiguous). */
async function cellsInScope(ctx: Context): Promise<{ byId: Map<number, OrgUnitEntity>; byName: Map<string, OrgUnitEntity[]> }> {
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  const qb = ctx.em
    .createQueryBuilder(OrgUnitEntity, 'u')
    .where('u.kind IN (:...kinds)', { kinds: [...MEMBER_HOLDING_KINDS] })
    .andWhere('u.validFrom <= :today AND (u.validTo IS NULL OR u.validTo > :today)', { today: ctx.today });
  if (scope) qb.andWhere('u.id IN (:...scope)', { scope: scope.size ? [...scope] : [0] });
  const cells = await qb.getMany();
  const byName = new Map<string, OrgUnitEntity[]>();
  for (const c of cells) byName.set(foldForSearch(c.name), [...(byName.get(foldForSearch(c.name)) ?? []), c]);
  return { byId: new Map(cells.map((c) => [c.id, c])), byName };
}

async function existingBy(em: EntityManager, field: 'cardNumber' | 'citizenId', values: string[]): Promise<Map<string, MemberEntity>> {
  const out = new Map<string, MemberEntity>();
  for (let i = 0; i < values.length; i += 1000) {
    const found = await em.find(MemberEntity, { where: { [field]: In(values.slice(i, i + 1000)) } });
    for (const m of found) out.set(m[field] as string, m);
    await yieldToLoop();
  }
  return out;
}

async function currentCells(em: EntityManager, memberIds: number[], at: string): Promise<Map<number, { unitId: number; id: number }>> {
  const out = new Map<number, { unitId: number; id: number }>();
  for (let i = 0; i < memberIds.length; i += 1000) {
    const rows = await em
      .createQueryBuilder(MemberAssignmentEntity, 'a')
      .where('a.memberId IN (:...ids) AND a.kind = :kind', { ids: memberIds.slice(i, i + 1000), kind: MembershipKind.OFFICIAL })
      .andWhere(VALID_AT, { at })
      .getMany();
    for (const r of rows) out.set(r.memberId, { unitId: r.unitId, id: r.id });
  }
  return out;
}

const SAME_FIELDS: (keyof MemberDraft)[] = ['fullName', 'familyName', 'middleName', 'givenName', 'namePartsOverridden', 'gender', 'birthDate', 'cardNumber', 'recordNumber', 'citizenId', 'admittedOn', 'officialOn', 'status', 'note'];
const unchangedDraft = (m: MemberEntity, d: MemberDraft) => SAME_FIELDS.every((f) => (m[f] ?? null) === (d[f] ?? null));

/** Checks every row against the rules and the database; writes nothing. */
export async function planImport(ctx: Context, parsed: ParsedRow[], columns: Map<number, ImportColumn>, problems: ImportProblem[], jobId: string): Promise<ImportPlan> {
  const plan: ImportPlan = { rows: parsed.length, creates: [], updates: [], unchanged: 0, problems: [...problems] };
  const bad = new Set(problems.map((p) => p.row));
  // Every problem of a row is listed, but one per field: a bad date cell is not also "missing" to the rules.
  const problem = (row: number, field: string | null, message: string) => {
    if (field && plan.problems.some((p) => p.row === row && p.field === field)) return;
    plan.problems.push({ row, column: field ? letterOf(columns, field) : null, field, message });
    bad.add(row);
  };
  const cells = await cellsInScope(ctx);
  const drafts: { row: number; draft: MemberDraft; cellId: number; values: ParsedRow['values'] }[] = [];
  const manage = new Map<number, boolean>();
  for (let i = 0; i < parsed.length; i++) {
    const { row, values } = parsed[i];
    if (i % CHUNK === 0) {
      jobProgress.advance(jobId, i);
      await yieldToLoop();
    }
    const cellText = values.cell ?? '';
    const cell = /^\d+$/.test(cellText) ? cells.byId.get(Number(cellText)) : undefined;
    const named = cell ? [cell] : (cells.byName.get(foldForSearch(cellText)) ?? []);
    if (named.length !== 1) {
      problem(row, 'cell', named.length ? `Có ${named.length} chi bộ tên "${cellText}": hãy ghi mã chi bộ` : `Không có chi bộ "${cellText}" trong phạm vi của bạn`);
      continue;
    }
    const cellId = named[0].id;
    if (!manage.has(cellId)) manage.set(cellId, await ctx.access.can(ctx.em, ctx.today, Capability.MANAGE_MEMBERS, cellId));
    if (!manage.get(cellId)) {
      problem(row, 'cell', `Bạn không có quyền quản lý đảng viên của ${named[0].name}`);
      continue;
    }
    try {
      const draft = buildMemberDraft(null, { ...values, gender: genderOf(values.gender ?? '') ?? undefined, fullName: values.fullName ?? '' }, ctx.today);
      drafts.push({ row, draft, cellId, values });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const field = typeof e.extra.field === 'string' ? e.extra.field : null;
      problem(row, field, e.message);
    }
  }

  // Numbers within the file: each card and citizen id at most once.
  for (const field of ['cardNumber', 'citizenId'] as const) {
    const first = new Map<string, number>();
    for (const d of drafts) {
      const v = d.draft[field];
      if (!v) continue;
      const at = first.get(v);
      if (at !== undefined) problem(d.row, field, `${field === 'cardNumber' ? 'Số thẻ đảng viên' : 'Số CCCD'} ${v} trùng với dòng ${at}`);
      else first.set(v, d.row);
    }
  }

  const byCard = await existingBy(ctx.em, 'cardNumber', drafts.flatMap((d) => (d.draft.cardNumber ? [d.draft.cardNumber] : [])));
  const byCid = await existingBy(ctx.em, 'citizenId', drafts.flatMap((d) => (d.draft.citizenId ? [d.draft.citizenId] : [])));
  const matchedIds = [...new Set([...byCard.values(), ...byCid.values()].map((m) => m.id))];
  const cellOf = await currentCells(ctx.em, matchedIds, ctx.today);
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  const seen = new Map<number, number>();
  for (const d of drafts) {
    const card = d.draft.cardNumber ? byCard.get(d.draft.cardNumber) : undefined;
    const cid = d.draft.citizenId ? byCid.get(d.draft.citizenId) : undefined;
    if (card && cid && card.id !== cid.id) {
      problem(d.row, 'citizenId', `Số thẻ ${d.draft.cardNumber} và số CCCD ${d.draft.citizenId} thuộc về hai đảng viên khác nhau`);
      continue;
    }
    const match = card ?? cid;
    if (!match) {
      if (!bad.has(d.row)) plan.creates.push({ row: d.row, draft: d.draft, cellId: d.cellId });
      continue;
    }
    const matchedOn = card ? 'cardNumber' : 'citizenId';
    const current = cellOf.get(match.id) ?? null;
    if (scope && (!current || !scope.has(current.unitId))) {
      // Never the holder's name: the number must not reveal who holds it outside the caller's scope.
      problem(d.row, matchedOn, `${matchedOn === 'cardNumber' ? 'Số thẻ đảng viên' : 'Số CCCD'} ${d.draft[matchedOn]} đã thuộc về một đảng viên ngoài phạm vi của bạn`);
      continue;
    }
    if (seen.has(match.id)) {
      problem(d.row, matchedOn, `Dòng này và dòng ${seen.get(match.id)} cùng là một đảng viên (${match.fullName})`);
      continue;
    }
    seen.set(match.id, d.row);
    try {
      // Empty cells keep what is stored: an import fills in, it does not erase.
      const v = d.values;
      // A name split by hand stays so while the full name is the same.
      const parts = match.namePartsOverridden && v.fullName === match.fullName ? { familyName: match.familyName, middleName: match.middleName, givenName: match.givenName } : {};
      const draft = buildMemberDraft({ ...match }, { ...v, ...parts, fullName: v.fullName, gender: genderOf(v.gender ?? '') ?? undefined }, ctx.today);
      if (current && current.unitId !== d.cellId && !(await ctx.access.can(ctx.em, ctx.today, Capability.MANAGE_MEMBERS, current.unitId))) {
        problem(d.row, 'cell', `Bạn không có quyền chuyển ${match.fullName} khỏi chi bộ hiện tại`);
        continue;
      }
      if (bad.has(d.row)) continue;
      if (unchangedDraft(match, draft) && current?.unitId === d.cellId) plan.unchanged += 1;
      else plan.updates.push({ row: d.row, member: match, draft, cellId: d.cellId, currentCellId: current?.unitId ?? null, assignmentId: current?.id ?? null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problem(d.row, typeof e.extra.field === 'string' ? e.extra.field : null, e.message);
    }
  }
  plan.problems.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
  return plan;
}

/** Writes a clean plan in one transaction; nothing when it changes nothing. */
export async function commitImport(ctx: Context, plan: ImportPlan, jobId: string, fileName: string): Promise<void> {
  if (plan.problems.length) throw new Error('commitImport with problems');
  if (!plan.creates.length && !plan.updates.length) return;
  await runMutation(ctx, 'importMembers', async ({ em, audit }) => {
    const at = new Date();
    const auditRow = (entityId: number, before: unknown, after: unknown, unitId: number) => ({
      at,
      userId: ctx.actor?.userId ?? null,
      tokenId: ctx.actor?.tokenId ?? null,
      actor: ctx.actor?.name ?? 'hệ thống',
      operation: 'importMembers',
      entity: 'Member',
      entityId: String(entityId),
      before: snapshot(before),
      after: snapshot(after),
      requestId: ctx.requestId,
      unitId,
    });
    let done = 0;
    // Every cell a membership enters or leaves: locked first, recounted once at the end (member-counts.ts).
    const moves = plan.updates.filter((u) => u.currentCellId !== u.cellId);
    const touched = new Set([...plan.creates.map((c) => c.cellId), ...moves.flatMap((u) => [u.cellId, ...(u.currentCellId !== null ? [u.currentCellId] : [])])]);
    await lockUnits(em, touched);
    for (let i = 0; i < plan.creates.length; i += CHUNK) {
      const chunk = plan.creates.slice(i, i + CHUNK);
      const result = await em.insert(MemberEntity, chunk.map((c) => ({ ...c.draft, ...derivedColumns(c.draft) })));
      const ids = result.identifiers.map((x) => Number(x.id));
      await replaceSearchWords(em, chunk.map((c, k) => ({ id: ids[k], searchText: derivedColumns(c.draft).searchText })), false);
      // The status history a created member starts with (as createMember writes it), all rows of the chunk at once.
      const spans = chunk.flatMap((c, k) => initialStatusSpans(c.draft, ctx.today).map((s) => ({ ...s, memberId: ids[k], note: null })));
      if (spans.length) await em.insert(MemberStatusEntity, spans);
      await em.insert(MemberAssignmentEntity, chunk.map((c, k) => ({ memberId: ids[k], unitId: c.cellId, kind: MembershipKind.OFFICIAL, validFrom: c.draft.admittedOn ?? ctx.today, validTo: null, note: null })));
      await em.insert(AuditEntryEntity, chunk.map((c, k) => auditRow(ids[k], null, { ...c.draft, cellId: c.cellId, row: c.row }, c.cellId)));
      done += chunk.length;
      jobProgress.advance(jobId, plan.rows + done);
      await yieldToLoop();
    }
    for (let i = 0; i < plan.updates.length; i += CHUNK) {
      const audits = [];
      for (const u of plan.updates.slice(i, i + CHUNK)) {
        for (const [field, kind] of [['cardNumber', 'CARD'], ['recordNumber', 'RECORD']] as const) {
          const old = u.member[field];
          if (old && old !== u.draft[field]) await em.insert(MemberNumberHistoryEntity, { memberId: u.member.id, kind, value: old, replacedAt: at });
        }
        if (u.currentCellId !== u.cellId) {
          if (u.assignmentId) await em.update(MemberAssignmentEntity, { id: u.assignmentId }, { validTo: ctx.today });
          await em.insert(MemberAssignmentEntity, { memberId: u.member.id, unitId: u.cellId, kind: MembershipKind.OFFICIAL, validFrom: ctx.today, validTo: null, note: null });
        }
        const saved = await updateVersioned(em, MemberEntity, u.member, { ...u.draft, ...derivedColumns(u.draft) }, 'Đảng viên');
        if (saved.searchText !== u.member.searchText) await replaceSearchWords(em, [saved]);
        audits.push(auditRow(u.member.id, u.member, { ...u.draft, cellId: u.cellId, row: u.row }, u.cellId));
      }
      await em.insert(AuditEntryEntity, audits);
      done += audits.length;
      jobProgress.advance(jobId, plan.rows + done);
      await yieldToLoop();
    }
    await recountUnits(em, touched);
    await tallyMembers(em, plan.creates.length);
    await audit({ entity: 'MemberImport', entityId: null, before: null, after: { fileName, rows: plan.rows, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged } });
  });
}

export const newJobId = () => `member-import-${randomUUID()}`;
