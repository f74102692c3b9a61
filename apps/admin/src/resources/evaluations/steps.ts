/**
 * Which step of an evaluation the signed-in user may take, and what a step sends. The server decides per unit
 * (evaluation.service.ts: submit by the cell, appraise by the cell or the board above, decide by the deciding
 * committee); this only keeps the panel from offering a button the session's capabilities can never use, and the
 * stages a step may start from.
 */
import { Capability, type Level } from '@dangbo/shared-types';
import type { EvaluationRecord, EvaluationStage, Step } from './api';

export interface StepAvailability {
  step: Step;
  /** A message key saying why it cannot be taken, or null when it can. */
  blocked: string | null;
}

const FROM: Record<Step, EvaluationStage[]> = {
  submit: ['PENDING', 'SUBMITTED'],
  appraise: ['SUBMITTED', 'APPRAISED'],
  decide: ['APPRAISED', 'DECIDED'],
};

function capabilitiesFor(step: Step, member: boolean): Capability[] {
  if (step === 'submit') return member ? [Capability.RECORD_CELL_WORK] : [Capability.RECORD_CELL_WORK, Capability.DECIDE];
  if (step === 'appraise') return member ? [Capability.RECORD_CELL_WORK, Capability.APPRAISE] : [Capability.APPRAISE, Capability.DECIDE];
  return [Capability.DECIDE];
}

/** The three steps as the session may see them: hidden (not returned) without the capability, else blocked or open. */
export function availableSteps(ev: Pick<EvaluationRecord, 'stage' | 'status' | 'memberId' | 'criteriaSetId'>, capabilities: readonly string[], locked: boolean): StepAvailability[] {
  const held = new Set(capabilities);
  const out: StepAvailability[] = [];
  for (const step of ['submit', 'appraise', 'decide'] as const) {
    if (!capabilitiesFor(step, ev.memberId !== null).some((c) => held.has(c))) continue;
    let blocked: string | null = null;
    if (locked) blocked = 'app.rating.blocked.locked';
    else if (ev.status !== 'ACTIVE') blocked = 'app.rating.blocked.withdrawn';
    else if (!ev.criteriaSetId) blocked = 'app.rating.blocked.no_set';
    else if (!FROM[step].includes(ev.stage)) blocked = 'app.rating.blocked.stage';
    out.push({ step, blocked });
  }
  return out;
}

/** A decision at another level than the engine's must say why (the server refuses it otherwise). */
export const needsReason = (step: Step, level: Level | null, engineLevel: Level | null): boolean => step === 'decide' && level !== null && engineLevel !== null && level !== engineLevel;

/** Whether the period is locked where the evaluation lies: the whole period, or a lock on its unit, its parent or its deciding unit. */
export function lockedFor(
  period: { lockedAt: string | null; locks: { unitId: string; reopenedAt: string | null }[] } | null | undefined,
  ev: Pick<EvaluationRecord, 'unitId' | 'decidingUnitId'> & { unit?: { parentId?: string | null } | null },
): boolean {
  if (!period) return false;
  if (period.lockedAt) return true;
  const places = new Set([ev.unitId, ev.decidingUnitId, ev.unit?.parentId].filter(Boolean).map(String));
  return period.locks.some((l) => !l.reopenedAt && places.has(String(l.unitId)));
}

/** Only the values that differ from what the evaluation holds are sent (a step merges them key by key). */
export function changedValues<T>(saved: Record<string, T> | null | undefined, working: Record<string, T>): Record<string, T> | undefined {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(working)) if (saved?.[k] !== v) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}
