/**
 * The 2025 rating of the demo (issue 10), on the tree of the year's end (after the 2025 reorganisation): dated
 * statuses for every demo member (probationary until made official, old members exempted from work and activities
 * from the age of 75, two newly admitted members of Lương Hòa: one admitted eight months before the year's end and
 * rated, one five months before and not), the period opened over Mỹ Tân Hưng (the commune formed from Mỹ Thạnh and
 * its neighbours on 2025-07-01, which decides its cells' and members' ratings) and Lương Hòa, and Mỹ Tân Hưng's
 * three steps filled for its members, its cells and its committee, decided in the order of Quy định 366 (members,
 * then the cells, then their secretaries, then the committee) within the xuất sắc quota of every peer group.
 * Multi-row statements: every integration test file seeds this.
 */
import { FACTS } from '@dangbo/rating-engine';
import type { CompiledSet, CriterionDefinition } from '@dangbo/rating-engine';
import { CriterionKind, Level, MemberStatus, SubjectKind } from '@dangbo/shared-types';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EvaluationEntity, EvaluationStage, EvaluationStageEntity, StageKind } from '../../modules/evaluation/evaluation.entity';
import { compiledSet, metricsOf, rateWith } from '../../modules/evaluation/evaluation.engine';
import { quotaSettings } from '../../modules/evaluation/evaluation.quota';
import { MemberStatusEntity } from '../../modules/member/member-status.entity';
import { recountUnits } from '../../modules/member/member-counts';
import { initialStatusSpans } from '../../modules/member/member-status.service';
import { RatingPeriodEntity } from '../../modules/rating-period/rating-period.entity';
import { subtreeUnitIds } from '../../modules/org-unit/tree.queries';
import { processChunk } from '../../modules/rating-job/rating-job.processor';
import { checkQuota } from '@dangbo/rating-engine';
import { insertRows } from './demo-cell-work.seed';
import { addYears, prng } from './demo-people';
import { MY_THANH_CELLS, PERIOD, REORGANISATION_2025, UNIT } from './demo.constants';

/** Cells whose members work in the political system (health station, militia, police, school, offices). */
const IN_SYSTEM_CELL_NAMES = /Y tế|Quân sự|Công an|Trường học|Cơ quan/;

/** Newly admitted members of Lương Hòa (its last cell): eligibility of the 2025 rating shows on them. */
export const DEMO_NEW_MEMBERS = {
  /** Admitted 2025-04-15, eight and a half months before the end of 2025: rated although probationary. */
  ADMITTED_APRIL_2025: 2059,
  /** Admitted 2025-08-20, about four months before the end: not rated in 2025. */
  ADMITTED_AUGUST_2025: 2060,
} as const;

const iso = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

async function datedStatuses(em: EntityManager): Promise<void> {
  await em.query(`UPDATE member_assignment SET validFrom = ? WHERE memberId = ?`, ['2025-04-15', DEMO_NEW_MEMBERS.ADMITTED_APRIL_2025]);
  await em.query(`UPDATE member_assignment SET validFrom = ? WHERE memberId = ?`, ['2025-08-20', DEMO_NEW_MEMBERS.ADMITTED_AUGUST_2025]);
  const moved: { unitId: number }[] = await em.query(`SELECT unitId FROM member_assignment WHERE memberId IN (?, ?)`, [DEMO_NEW_MEMBERS.ADMITTED_APRIL_2025, DEMO_NEW_MEMBERS.ADMITTED_AUGUST_2025]);
  await recountUnits(em, moved.map((m) => Number(m.unitId)));
  await em.query(`UPDATE member SET admittedOn = ?, officialOn = NULL, status = ? WHERE id = ?`, ['2025-04-15', MemberStatus.PROBATIONARY, DEMO_NEW_MEMBERS.ADMITTED_APRIL_2025]);
  await em.query(`UPDATE member SET admittedOn = ?, officialOn = NULL, status = ? WHERE id = ?`, ['2025-08-20', MemberStatus.PROBATIONARY, DEMO_NEW_MEMBERS.ADMITTED_AUGUST_2025]);
  const cells: { id: number; name: string }[] = await em.query(`SELECT id, name FROM org_unit WHERE kind = 'CELL'`);
  const inSystem = cells.filter((c) => IN_SYSTEM_CELL_NAMES.test(c.name)).map((c) => Number(c.id));
  if (inSystem.length) {
    await em.query(
      `UPDATE member SET inPoliticalSystem = 1 WHERE id IN (SELECT memberId FROM member_assignment WHERE validTo IS NULL AND unitId IN (${inSystem.map(() => '?').join(',')}))`,
      inSystem,
    );
  }
  const members: Record<string, unknown>[] = await em.query('SELECT id, status, admittedOn, officialOn, birthDate FROM member');
  const rows: QueryDeepPartialEntity<MemberStatusEntity>[] = [];
  for (const m of members) {
    const status = m.status as MemberStatus;
    const admittedOn = iso(m.admittedOn);
    const officialOn = iso(m.officialOn);
    if (status === MemberStatus.EXEMPTED) {
      // Exempted at 75 (or once official, if later): official before, exempted since.
      const since = [addYears(iso(m.birthDate) ?? '1940-01-01', 75), officialOn ?? admittedOn ?? '2000-01-01'].sort()[1];
      for (const s of initialStatusSpans({ status: MemberStatus.OFFICIAL, admittedOn, officialOn }, since)) rows.push({ ...s, validTo: s.validTo ?? since, memberId: Number(m.id), note: null });
      rows.push({ memberId: Number(m.id), status, validFrom: since, validTo: null, note: 'Miễn công tác và sinh hoạt đảng (tuổi cao)' });
    } else {
      for (const s of initialStatusSpans({ status, admittedOn, officialOn }, '2099-12-31')) rows.push({ ...s, memberId: Number(m.id), note: null });
    }
  }
  await insertRows(em, MemberStatusEntity, rows.filter((r) => r.validTo === null || String(r.validTo) > String(r.validFrom)));
}

type Profile = 'EXCELLENT' | 'GOOD' | 'COMPLETED';

const FRACTION: Record<Profile, number> = { EXCELLENT: 0.96, GOOD: 0.84, COMPLETED: 0.62 };

function leaves(items: CriterionDefinition[]): CriterionDefinition[] {
  return items.flatMap((c) => (c.kind === CriterionKind.GROUP ? leaves(c.children ?? []) : [c]));
}

/** What the cell (or the collective) enters for a profile: points of every scored criterion, and the facts. */
function entries(set: CompiledSet, profile: Profile) {
  const scores: Record<string, number> = {};
  const checks: Record<string, boolean> = {};
  for (const c of leaves(set.definition.items)) {
    if (c.kind === CriterionKind.SCORE) scores[c.code] = Math.round(c.max * FRACTION[profile] * 2) / 2;
    if ((c.kind === CriterionKind.BONUS || c.kind === CriterionKind.PENALTY) && !c.formula) scores[c.code] = 0;
    if (c.kind === CriterionKind.CHECK) checks[c.code] = profile !== 'COMPLETED';
  }
  const facts: Record<string, number> = Object.fromEntries(FACTS.map((f) => [f.name, f.sample]));
  Object.assign(facts, {
    tasks_assigned: 10,
    tasks_on_time: profile === 'COMPLETED' ? 9 : 10,
    tasks_late: profile === 'COMPLETED' ? 1 : 0,
    tasks_missed: 0,
    tasks_exceeded: profile === 'EXCELLENT' ? 4 : 1,
    shortcomings_fixed_pct: 100,
    low_confidence_pct: 3,
    led_units_done_pct: 100,
    led_units_failed_pct: 0,
    led_units_exceeding_share: profile === 'EXCELLENT' ? 0.4 : 0.1,
  });
  return { scores, checks, facts };
}

interface Filled {
  ev: EvaluationEntity;
  profile: Profile;
}

/** Fills the three steps of `evs` in one group of the order, keeping every peer group within its quota. */
async function fill(em: EntityManager, period: RatingPeriodEntity, evs: EvaluationEntity[], pick: (ev: EvaluationEntity) => Profile, decidedAt: Date): Promise<void> {
  const dates = { from: period.startDate, to: period.endDate };
  const planned: (Filled & { inputs: ReturnType<typeof entries> & { metrics: Record<string, number> }; level: Level | null; result: ReturnType<typeof rateWith>; set: CompiledSet })[] = [];
  const settings = quotaSettings(period);
  const decidedBefore: { subjectId: string; peerGroup: string; level: Level }[] = (
    (await em.query(`SELECT id, peerGroup, level FROM evaluation WHERE periodId = ? AND stage = ?`, [period.id, EvaluationStage.DECIDED])) as { id: number; peerGroup: string; level: Level }[]
  ).map((r) => ({ subjectId: String(r.id), peerGroup: r.peerGroup, level: r.level }));
  for (const ev of evs) {
    if (!ev.criteriaSetId) continue;
    const set = await compiledSet(em, ev.criteriaSetId);
    if (Array.isArray(set)) continue;
    // A member's metrics were attached when the period was opened; a collective's read its members' decisions.
    const metrics = ev.memberId !== null && ev.metrics ? ev.metrics : await metricsOf(em, ev, dates);
    const profile = pick(ev);
    const inputs = { ...entries(set, profile), metrics };
    const result = rateWith(set, inputs);
    planned.push({ ev, profile, inputs, level: result.engineLevel, result, set });
  }
  // Within the quota: while a peer group holds more xuất sắc than it may, its last one is rated tốt instead.
  for (;;) {
    const decisions = [...decidedBefore, ...planned.filter((p) => p.level).map((p) => ({ subjectId: String(p.ev.id), peerGroup: p.ev.peerGroup, level: p.level as Level }))];
    const over = checkQuota(decisions, settings).groups.find((g) => !g.ok);
    if (!over) break;
    const last = [...planned].reverse().find((p) => p.ev.peerGroup === over.peerGroup && p.level === Level.EXCELLENT);
    if (!last) break;
    last.profile = 'GOOD';
    last.inputs = { ...entries(last.set, 'GOOD'), metrics: last.inputs.metrics };
    last.result = rateWith(last.set, last.inputs);
    last.level = last.result.engineLevel;
  }
  const stages: QueryDeepPartialEntity<EvaluationStageEntity>[] = [];
  for (const p of planned) {
    const acting = { SELF: p.ev.unitId, APPRAISAL: p.ev.memberId !== null ? p.ev.unitId : p.ev.decidingUnitId, DECISION: p.ev.decidingUnitId };
    for (const kind of [StageKind.SELF, StageKind.APPRAISAL, StageKind.DECISION] as const) {
      stages.push({
        evaluationId: p.ev.id,
        kind,
        scores: p.inputs.scores,
        checks: p.inputs.checks,
        facts: p.inputs.facts,
        metrics: p.inputs.metrics,
        total: p.result.total,
        engineLevel: p.result.engineLevel,
        proposedLevel: p.result.engineLevel,
        reason: null,
        trace: kind === StageKind.DECISION ? (p.result.trace as unknown as never) : undefined,
        errors: p.result.errors,
        actingUnitId: acting[kind],
        actor: kind === StageKind.SELF ? 'Bí thư chi bộ (nhập thay)' : kind === StageKind.APPRAISAL ? 'Chi bộ (thẩm định)' : 'Ban Thường vụ',
        userId: null,
      });
    }
    await em.update(EvaluationEntity, { id: p.ev.id }, {
      ...p.inputs,
      metricsAt: decidedAt,
      stage: p.result.engineLevel ? EvaluationStage.DECIDED : EvaluationStage.APPRAISED,
      level: p.result.engineLevel,
      engineLevel: p.result.engineLevel,
      proposedLevel: p.result.engineLevel,
      total: p.result.total,
      trace: p.result.trace,
      errors: p.result.errors,
      decidedAt: p.result.engineLevel ? decidedAt : null,
    });
  }
  await insertRows(em, EvaluationStageEntity, stages);
}

export async function seedDemoRating(em: EntityManager): Promise<void> {
  await datedStatuses(em);
  const period = (await em.findOne(RatingPeriodEntity, { where: { id: PERIOD.YEAR_2025 } })) as RatingPeriodEntity;
  // Open the period, as the job does a chunk at a time, over Mỹ Tân Hưng and Lương Hòa (where the newly admitted
  // are), on the tree of the period's end; the other communes are left for the tests and the panel to open.
  const subtrees = new Map<number, number[]>();
  for (const unitId of [UNIT.COMMUNE_MY_TAN_HUNG, UNIT.COMMUNE_LUONG_HOA]) {
    const scope = { periodId: period.id, periodEnd: period.endDate, subtree: await subtreeUnitIds(em, [unitId], period.endDate) };
    subtrees.set(unitId, scope.subtree);
    for (let cursor: string | null = null, more = true; more; ) {
      const chunk = await processChunk(em, period, scope, cursor, 500);
      more = chunk.next !== null && chunk.processed === 500;
      cursor = chunk.next;
    }
  }
  const commune = UNIT.COMMUNE_MY_TAN_HUNG;
  const cellIds = (subtrees.get(commune) ?? []).filter((id) => id !== commune);
  const all = await em.find(EvaluationEntity, { where: { periodId: period.id }, order: { id: 'ASC' } });
  const ofCommune = all.filter((e) => cellIds.includes(e.unitId) || e.unitId === commune);
  const random = prng(20251231);
  // About one in ten members is proposed xuất sắc, one in twelve only hoàn thành.
  const drawn = new Map(ofCommune.map((e) => [e.id, ((r) => (r < 0.1 ? 'EXCELLENT' : r > 0.92 ? 'COMPLETED' : 'GOOD'))(random()) as Profile]));
  const at = (h: number) => new Date(Date.UTC(2025, 11, 20, h));
  await fill(em, period, ofCommune.filter((e) => e.memberId !== null && e.subjectKind !== SubjectKind.LEADER), (e) => drawn.get(e.id) as Profile, at(1));
  // Bến Đò and Y tế xuất sắc, Mỹ Thạnh's other 11 cells tốt: the collectives' group holds 2 of its 2 xuất sắc (20% of
  // 11), the quota the panel's story runs into. The neighbours' 4 cells, joined mid-year, are rated hoàn thành.
  const myThanhCells: number[] = MY_THANH_CELLS.map((c) => c.id);
  const cellProfile = (id: number | null): Profile => (id === 101 || id === 103 ? 'EXCELLENT' : myThanhCells.includes(id ?? 0) ? 'GOOD' : 'COMPLETED');
  await fill(em, period, ofCommune.filter((e) => e.subjectUnitId !== null && cellIds.includes(e.subjectUnitId)), (e) => cellProfile(e.subjectUnitId), at(2));
  await fill(em, period, ofCommune.filter((e) => e.subjectKind === SubjectKind.LEADER), (e) => drawn.get(e.id) as Profile, at(3));
  await fill(em, period, ofCommune.filter((e) => e.subjectUnitId === commune), () => 'GOOD', at(4));
}

/**
 * The rating, once the demo's 2025 events are applied (it is rated on the tree of the year's end) and before any
 * evaluation of the period exists; a database that is not the demo (no reorganised Mỹ Thạnh) is left alone.
 */
export async function seedDemoRatingIfNone(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (em) => {
    const reorganised = await em.query('SELECT 1 FROM org_unit WHERE id = ? AND name = ? AND validFrom = ?', [UNIT.COMMUNE_MY_TAN_HUNG, REORGANISATION_2025.COMMUNE_NAME, REORGANISATION_2025.DATE]);
    if (!reorganised.length || (await em.count(EvaluationEntity, { where: { periodId: PERIOD.YEAR_2025 } })) > 0) return;
    await seedDemoRating(em);
  });
}
