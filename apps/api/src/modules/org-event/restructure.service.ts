/**
 * `restructureUnits`: one structural event applied to the tree in one transaction, or listed without writing
 * (dry run). The list of changes comes from the same plan both ways (restructure.plan.ts).
 */
import { Context } from '../../context';
import { runMutation } from '../audit/audit.service';
import { recountUnits } from '../member/member-counts';
import { OrgEventEntity, OrgEventType, OrgEventUnitEntity, OrgEventUnitRole } from './org-event.entity';
import { RestructureInput, RestructureResult } from './org-event.input';
import { Made, planSteps } from './restructure.plan';
import { resolveRequest } from './restructure.rules';

export async function restructureUnits(ctx: Context, input: RestructureInput, dryRun: boolean): Promise<RestructureResult> {
  if (dryRun) {
    const steps = await planSteps(ctx.em, await resolveRequest(ctx, ctx.em, input));
    return { dryRun: true, event: null, changes: steps.map((s) => s.change) };
  }
  return runMutation(ctx, 'restructureUnits', async (tx) => {
    const { em } = tx;
    // Two applies of the same event at once: the second waits here, then sees the first one's event and is refused.
    const locked = [...(input.unitIds ?? []), ...(input.targetId ? [input.targetId] : []), ...(input.parentId ? [input.parentId] : [])].map(Number).filter(Number.isSafeInteger);
    if (locked.length) await em.query(`SELECT id FROM org_unit WHERE id IN (${locked.map(() => '?').join(',')}) FOR UPDATE`, locked);
    const r = await resolveRequest(ctx, em, input);
    const steps = await planSteps(em, r);
    const event = await em.save(
      em.create(OrgEventEntity, {
        type: r.type,
        effectiveDate: r.date,
        documentId: r.documentId,
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        note: r.note,
        unitId: r.parent?.id ?? r.parentOf.get(r.sources[0]?.id) ?? r.target?.id ?? null,
      }),
    );
    const made: Made = { eventId: event.id, newIds: [], log: [], recount: new Set() };
    const writer = { em, audit: async (record: Made['log'][number]) => void made.log.push(record) };
    for (const step of steps) await step.run(writer, made);
    await recountUnits(em, made.recount);
    const results = [...made.newIds, ...(r.target ? [r.target.id] : [])];
    const rows = [
      ...r.sources.map((u) => ({ eventId: event.id, unitId: u.id, role: OrgEventUnitRole.SOURCE })),
      ...results.map((unitId) => ({ eventId: event.id, unitId, role: OrgEventUnitRole.RESULT })),
    ];
    // FOUND acts on no unit: its parent is recorded as the source, so founding the same unit twice is recognised.
    if (r.type === OrgEventType.FOUND && r.parent) rows.push({ eventId: event.id, unitId: r.parent.id, role: OrgEventUnitRole.SOURCE });
    if (rows.length) await em.insert(OrgEventUnitEntity, rows);
    const changes = steps.map((step) => step.change);
    // One audit entry for the whole event (every mutation writes exactly one): it lists each row changed, before and after.
    await tx.audit({ entity: 'OrgEvent', entityId: event.id, before: null, after: { ...event, sources: r.sources.map((u) => u.id), results, changes: made.log }, unitId: event.unitId });
    return { dryRun: false, event, changes };
  });
}
