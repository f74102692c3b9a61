/**
 * Between evaluations and the rating engine: the compiled set (published sets are frozen, so one compile per set
 * and version is kept), the subject's metrics from the directive records, and one rating.
 */
import { compile, evaluate, taskFactsProblems } from '@dangbo/rating-engine';
import type { CompiledSet, EngineError, Evaluation, LevelOverride } from '@dangbo/rating-engine';
import { Level, RecordSubject } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { BadInputError } from '../../core/errors';
import { criteriaOf } from '../criteria/criteria.service';
import { CriteriaSetEntity } from '../criteria/criteria.entity';
import { toDefinition } from '../criteria/criteria.mapper';
import { computeMemberMetrics, computeUnitMetrics } from '../directive/metrics.service';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { EvaluationEntity, EvaluationStage, EvaluationStatus } from './evaluation.entity';

const compiled = new Map<string, CompiledSet | EngineError[]>();

/** The compiled set, or its compile errors (a published set compiles; an old one may not after a catalogue change). */
export async function compiledSet(em: EntityManager, setId: number): Promise<CompiledSet | EngineError[]> {
  const set = await em.findOne(CriteriaSetEntity, { where: { id: setId } });
  if (!set) return [{ path: 'criteriaSetId', code: 'NO_SET', message: `Không có bộ tiêu chí mã ${setId}` }];
  const key = `${set.id}:${set.version}`;
  let found = compiled.get(key);
  if (!found) {
    const result = compile(toDefinition(set, await criteriaOf(em, [set.id])));
    found = result.ok ? result.compiled : result.errors;
    compiled.set(key, found);
  }
  return found;
}

export interface RatingInputs {
  scores: Record<string, number>;
  checks: Record<string, boolean>;
  facts: Record<string, number>;
  metrics: Record<string, number>;
  override?: LevelOverride;
}

/** Rates with the set; a set that does not compile is an evaluation with its errors and no level. */
export function rateWith(set: CompiledSet | EngineError[], inputs: RatingInputs): Evaluation {
  if (Array.isArray(set)) return { points: {}, groups: {}, total: null, bandLevel: null, level: null, engineLevel: null, errors: set, trace: [] };
  return evaluate(set, inputs);
}

/** Entered task counts that contradict each other are refused before anything is saved. */
export function checkFacts(facts: Record<string, number>): void {
  const problems = taskFactsProblems(facts);
  if (problems.length) throw new BadInputError(problems[0].path, problems[0].message, { errors: problems });
  for (const [name, value] of Object.entries(facts)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new BadInputError(`facts.${name}`, `Giá trị "${name}" phải là một số`);
  }
}

export interface PeriodDates {
  from: string;
  to: string;
}

const pct = (part: number, whole: number) => Math.round((part / whole) * 10000) / 100;

/**
 * What a collective adds to its directive metrics: the shares of its members' decided levels (once any is decided)
 * and of its members disciplined in the period (once it has members). One place for the per-subject read and the
 * job's grouped read.
 */
export function collectiveShares(out: Record<string, number>, decidedLevels: ReadonlyMap<string, number>, disciplined: number, memberCount: number | null): Record<string, number> {
  const decided = [...decidedLevels.values()].reduce((s, n) => s + n, 0);
  if (decided > 0) {
    const count = (level: Level) => decidedLevels.get(level) ?? 0;
    out.members_excellent_pct = pct(count(Level.EXCELLENT), decided);
    out.members_good_pct = pct(count(Level.GOOD), decided);
    out.members_not_completed_pct = pct(count(Level.NOT_COMPLETED), decided);
  }
  if (memberCount) out.members_disciplined_pct = pct(disciplined, memberCount);
  return out;
}

/**
 * The subject's metrics for the period: the directive metrics of a member or of a collective's subtree, and for a
 * collective the shares of its members' decided levels and of its members disciplined in the period. (A job reads
 * the same for a whole chunk at once: chunk-metrics.queries.ts.)
 */
export async function metricsOf(em: EntityManager, ev: Pick<EvaluationEntity, 'periodId' | 'memberId' | 'subjectUnitId'>, period: PeriodDates): Promise<Record<string, number>> {
  if (ev.memberId !== null) {
    const m = await computeMemberMetrics(em, ev.memberId, period);
    return Object.fromEntries(m.values.map((v) => [v.name, v.value]));
  }
  const unitId = ev.subjectUnitId as number;
  const m = await computeUnitMetrics(em, unitId, period);
  const out: Record<string, number> = Object.fromEntries(m.values.map((v) => [v.name, v.value]));
  const subtree = await subtreeUnitIds(em, [unitId], period.to);
  const marks = subtree.map(() => '?').join(',');
  const levels: { level: Level; n: string }[] = await em.query(
    `SELECT level, COUNT(*) AS n FROM evaluation WHERE periodId = ? AND memberId IS NOT NULL AND status = ? AND stage = ? AND unitId IN (${marks}) GROUP BY level`,
    [ev.periodId, EvaluationStatus.ACTIVE, EvaluationStage.DECIDED, ...subtree],
  );
  let disciplined = 0;
  if (m.memberCount) {
    const [d]: { n: string }[] = await em.query(
      `SELECT COUNT(DISTINCT memberId) AS n FROM discipline WHERE subject = ? AND unitId IN (${marks}) AND decidedOn BETWEEN ? AND ?`,
      [RecordSubject.INDIVIDUAL, ...subtree, period.from, period.to],
    );
    disciplined = Number(d.n);
  }
  return collectiveShares(out, new Map(levels.map((l) => [String(l.level), Number(l.n)])), disciplined, m.memberCount);
}
