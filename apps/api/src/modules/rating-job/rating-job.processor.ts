/**
 * One chunk of a rating job: the next subjects after the cursor (collectives, then members), their metrics, and
 * one write-back: new evaluations in one multi-row INSERT (the unique period+subject index makes a repeat a no-op,
 * so a chunk retried after a crash never writes a subject twice), refreshed ones in one UPDATE … CASE, withdrawn
 * and restored ones in one UPDATE each. The caller runs it in the transaction that also moves the cursor.
 */
import { EntityManager } from 'typeorm';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { EvaluationEntity, EvaluationStage, EvaluationStatus } from '../evaluation/evaluation.entity';
import { compiledSet, metricsOf, rateWith } from '../evaluation/evaluation.engine';
import { Candidate, collectiveChunk, memberChunk, PassScope, Subject } from '../evaluation/subjects.queries';

export interface ChunkResult {
  /** The cursor after this chunk; null when the pass is complete. */
  next: string | null;
  processed: number;
  created: number;
}

const json = (v: unknown) => JSON.stringify(v ?? null);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Candidates after `cursor` ("U:<id>" / "M:<id>"; null: the start), at most `size`. */
async function nextCandidates(em: EntityManager, scope: PassScope, cursor: string | null, size: number): Promise<Candidate[]> {
  const [phase, last] = cursor ? [cursor.slice(0, 1), Number(cursor.slice(2))] : ['U', 0];
  if (phase === 'U') {
    const units = await collectiveChunk(em, scope, last, size);
    if (units.length === size) return units;
    return [...units, ...(await memberChunk(em, scope, 0, size - units.length))];
  }
  return memberChunk(em, scope, last, size);
}

export async function processChunk(em: EntityManager, period: RatingPeriodEntity, scope: PassScope, cursor: string | null, size: number): Promise<ChunkResult> {
  const candidates = await nextCandidates(em, scope, cursor, size);
  if (!candidates.length) return { next: null, processed: 0, created: 0 };
  const keys = candidates.map((c) => c.key);
  const existing = await em
    .createQueryBuilder(EvaluationEntity, 'e')
    .where('e.periodId = :periodId AND e.subjectKey IN (:...keys)', { periodId: period.id, keys })
    .getMany();
  const byKey = new Map(existing.map((e) => [e.subjectKey, e]));
  const dates = { from: period.startDate, to: period.endDate };

  const fresh: { subject: Subject; metrics: Record<string, number> }[] = [];
  const refreshed: { ev: EvaluationEntity; metrics: Record<string, number>; level: string | null; total: number | null; errors: unknown; trace: unknown }[] = [];
  const withdraw: number[] = [];
  const restore: number[] = [];
  for (const c of candidates) {
    const ev = byKey.get(c.key);
    if (!c.subject) {
      if (ev && ev.status === EvaluationStatus.ACTIVE && ev.stage !== EvaluationStage.DECIDED) withdraw.push(ev.id);
      continue;
    }
    if (!ev) {
      fresh.push({ subject: c.subject, metrics: await metricsOf(em, { periodId: period.id, memberId: c.subject.memberId, subjectUnitId: c.subject.subjectUnitId }, dates) });
      continue;
    }
    // A decision freezes the metrics it was taken on.
    if (ev.stage === EvaluationStage.DECIDED) continue;
    if (ev.status === EvaluationStatus.WITHDRAWN) restore.push(ev.id);
    const metrics = await metricsOf(em, ev, dates);
    // Before any step there is nothing entered to rate; after one, the engine's level follows the fresh metrics.
    const rated = ev.stage !== EvaluationStage.PENDING && ev.criteriaSetId ? rateWith(await compiledSet(em, ev.criteriaSetId), { scores: ev.scores ?? {}, checks: ev.checks ?? {}, facts: ev.facts ?? {}, metrics }) : null;
    refreshed.push({ ev, metrics, level: rated?.engineLevel ?? ev.engineLevel, total: rated ? rated.total : ev.total, errors: rated ? rated.errors : ev.errors, trace: rated ? rated.trace : ev.trace });
  }

  const now = new Date();
  if (fresh.length) {
    const cols = ['periodId', 'subjectKey', 'subjectKind', 'memberId', 'subjectUnitId', 'subjectName', 'unitId', 'decidingUnitId', 'ledUnitId', 'criteriaSetId', 'peerGroup', 'stage', 'status', 'metrics', 'metricsAt', 'version', 'createdAt', 'updatedAt'];
    const values = fresh.flatMap(({ subject: s, metrics }) => [
      period.id, s.key, s.subjectKind, s.memberId, s.subjectUnitId, s.name.slice(0, 255), s.unitId, s.decidingUnitId, s.ledUnitId, s.criteriaSetId, s.peerGroup,
      EvaluationStage.PENDING, EvaluationStatus.ACTIVE, json(metrics), now, 1, now, now,
    ]);
    const row = `(${marks(cols.length)})`;
    await em.query(
      `INSERT INTO evaluation (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES ${fresh.map(() => row).join(', ')} ON DUPLICATE KEY UPDATE id = id`,
      values,
    );
  }
  if (refreshed.length) {
    const ids = refreshed.map((r) => r.ev.id);
    const caseOf = (pick: (r: (typeof refreshed)[number]) => unknown) => ({ sql: `CASE id ${refreshed.map(() => 'WHEN ? THEN ?').join(' ')} END`, params: refreshed.flatMap((r) => [r.ev.id, pick(r)]) });
    const parts = [caseOf((r) => json(r.metrics)), caseOf((r) => r.level), caseOf((r) => r.total), caseOf((r) => json(r.errors)), caseOf((r) => json(r.trace))];
    await em.query(
      `UPDATE evaluation SET metrics = ${parts[0].sql}, engineLevel = ${parts[1].sql}, total = ${parts[2].sql}, errors = ${parts[3].sql}, trace = ${parts[4].sql}, metricsAt = ? WHERE id IN (${marks(ids.length)})`,
      [...parts.flatMap((p) => p.params), now, ...ids],
    );
  }
  if (withdraw.length) await em.query(`UPDATE evaluation SET status = ? WHERE id IN (${marks(withdraw.length)})`, [EvaluationStatus.WITHDRAWN, ...withdraw]);
  if (restore.length) await em.query(`UPDATE evaluation SET status = ? WHERE id IN (${marks(restore.length)})`, [EvaluationStatus.ACTIVE, ...restore]);
  return { next: candidates[candidates.length - 1].key, processed: candidates.length, created: fresh.length };
}
