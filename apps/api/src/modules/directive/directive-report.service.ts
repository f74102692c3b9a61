/**
 * directiveReport: the figures of a directive's implementation report (the customer's 05-CT/TW report), computed
 * from the rows of one unit's subtree over a period. The unit must be in the caller's scope and the directive
 * readable by the caller, else NOT_FOUND (no hint that either exists). The subtree is taken as of the period's end.
 */
import { Context } from '../../context';
import { BadInputError, NotFoundError } from '../../core/errors';
import { parseDate, parseId } from '../../core/input';
import { ActivityAudience, ActivityKind, PropagandaMedium } from '../activity/activity.entity';
import { getDocument } from '../document/document.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { subtreeMemberCounts } from '../org-unit/tree.queries';
import { reportUnitIds } from '../org-event/lineage.queries';
import { UnitNames, unitNamesAt } from '../org-event/unit-names';
import { InspectingBody, InspectionKind } from '@dangbo/shared-types';
import * as q from './directive-report.queries';
import { DirectiveConference, DirectiveInspection, DirectiveOutreach, DirectiveReport } from './directive-report.types';
import { conferenceAttendance, countBy, outreachTotals, periodError, rateOf, splitBySubject, splitPropaganda, yearMonth } from './directive.rules';

export interface DirectiveReportArgs {
  documentId: string;
  unitId: string;
  from: string;
  to: string;
}

/** The unit, if the caller's scope holds it; NOT_FOUND otherwise, as for a unit that does not exist. */
export async function unitInCallerScope(ctx: Context, unitId: number): Promise<OrgUnitEntity> {
  const unit = await ctx.em.findOne(OrgUnitEntity, { where: { id: unitId } });
  if (!unit || !(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) throw new NotFoundError('đơn vị', unitId);
  return unit;
}

export function parsePeriod(fromArg: string, toArg: string): q.Period {
  const from = parseDate('from', fromArg, 'Từ ngày');
  const to = parseDate('to', toArg, 'Đến ngày');
  const bad = periodError(from, to);
  if (bad) throw new BadInputError(bad, `Đến ngày (${to}) phải từ ngày ${from} trở đi`);
  return { from, to };
}

async function conferencesOf(ctx: Context, activities: Awaited<ReturnType<typeof q.familyActivities>>): Promise<DirectiveConference[]> {
  const conferences = activities.filter(q.isPartyConference);
  const sheets = await q.sheetCounts(ctx.em, conferences.map((a) => a.id));
  const out: DirectiveConference[] = [];
  for (const a of conferences) {
    // Expected: every member in the organiser's subtree on the day (dated links and memberships).
    const expected = (await subtreeMemberCounts(ctx.em, [a.unitId], a.heldOn)).get(a.unitId) ?? 0;
    const sheet = sheets.get(a.id) ?? { marked: 0, present: 0 };
    out.push({
      activityId: a.id,
      title: a.title,
      heldOn: a.heldOn,
      conferenceKind: a.conferenceKind,
      unitId: a.unitId,
      marked: sheet.marked,
      absent: sheet.marked - sheet.present,
      attendance: conferenceAttendance(sheet.present, sheet.marked, expected),
    });
  }
  return out;
}

function outreachFor(rows: q.OutreachLineRow[], audience: ActivityAudience, namesThen: Map<number, UnitNames>): DirectiveOutreach {
  const mine = rows.filter((r) => r.audience === audience);
  const totals = outreachTotals(mine);
  const label = (r: q.OutreachLineRow) => {
    const then = namesThen.get(r.unitId);
    return then ? (then.shortName ?? then.name) : r.unitName;
  };
  const names = new Map(mine.map((r) => [r.unitId, label(r)]));
  return { total: totals.total, byUnit: totals.byUnit.map((u) => ({ unitId: u.unitId, unitName: names.get(u.unitId) ?? '', reached: u.figure })) };
}

export async function directiveReport(ctx: Context, args: DirectiveReportArgs): Promise<DirectiveReport> {
  const unitId = parseId('unitId', args.unitId);
  const documentId = parseId('documentId', args.documentId);
  const period = parsePeriod(args.from, args.to);
  const unit = await unitInCallerScope(ctx, unitId);
  const document = await getDocument(ctx, documentId);
  const em = ctx.em;

  // A successor's report over a period before its founding reads what its predecessors did then (README, scope across events).
  const subtree = await reportUnitIds(em, unit, period);
  const inSubtree = new Set(subtree);
  const family = await q.documentFamily(em, documentId);
  const familyDocs = await q.familyDocuments(em, family, documentId, period);
  const cells = await q.cellsAmong(em, subtree);
  const reached = await q.recipientsAmong(em, family, cells, period);
  const activities = await q.familyActivities(em, family, subtree, period);
  const activityIds = activities.map((a) => a.id);

  const outreachRows = await q.outreachOf(em, activityIds);
  const propaganda = activities.filter((a) => a.kind === ActivityKind.PROPAGANDA);
  const names = await q.namesOf(
    em,
    propaganda.flatMap((a) => (a.subjectMemberId ? [a.subjectMemberId] : [])),
    propaganda.flatMap((a) => (a.subjectUnitId ? [a.subjectUnitId] : [])),
  );
  const inspections: DirectiveInspection[] = (await q.inspectionsOf(em, family, subtree, period)).map((r) => ({
    inspectionId: Number(r.id),
    kind: r.kind as InspectionKind,
    inspectingBody: r.inspectingBody as InspectingBody,
    inspectingUnitId: Number(r.inspectingUnitId),
    startOn: String(r.startOn),
    endOn: (r.endOn as string | null) ?? null,
    topic: String(r.topic),
    subjectUnitId: r.subjectUnitId == null ? null : Number(r.subjectUnitId),
    subjectUnitName: (r.subjectUnitName as string | null) ?? null,
    subjectMemberId: r.subjectMemberId == null ? null : Number(r.subjectMemberId),
    subjectMemberName: (r.subjectMemberName as string | null) ?? null,
    conclusion: (r.conclusion as string | null) ?? null,
  }));
  const memberCount = await q.memberCountOn(em, subtree, period.to);
  // Every unit named in the report, by the name it had at the period's end (a 2017 report says "Bến Tre", not "Vĩnh Long").
  const namesThen = await unitNamesAt(em, [unitId, ...outreachRows.map((r) => r.unitId), ...names.units.keys(), ...inspections.flatMap((i) => (i.subjectUnitId === null ? [] : [i.subjectUnitId]))], period.to);
  for (const i of inspections) if (i.subjectUnitId !== null) i.subjectUnitName = namesThen.get(i.subjectUnitId)?.name ?? i.subjectUnitName;
  const study = await q.studyCounts(em, { unitIds: subtree, asOf: period.to }, yearMonth(period.from), yearMonth(period.to));

  return {
    document,
    unitId,
    unitName: namesThen.get(unitId)?.name ?? unit.name,
    from: period.from,
    to: period.to,
    // Issued by the unit or below it; what came from above or outside (124-CV/BTGHU) is listed as received.
    issuedDocuments: familyDocs.filter((d) => d.issuerUnitId !== null && inSubtree.has(d.issuerUnitId)),
    receivedDocuments: familyDocs.filter((d) => (d.issuerUnitId === null || !inSubtree.has(d.issuerUnitId)) && inSubtree.has(d.ownerUnitId)),
    cellsReached: rateOf(reached.size, cells.length),
    cellsNotReached: cells.filter((c) => !reached.has(c)),
    conferences: await conferencesOf(ctx, activities),
    outreachMassOrgs: outreachFor(outreachRows, ActivityAudience.MASS_ORGS, namesThen),
    outreachPeople: outreachFor(outreachRows, ActivityAudience.PEOPLE, namesThen),
    propaganda: {
      count: splitPropaganda(propaganda),
      byMedium: countBy(propaganda.map((a) => a.medium), q.PROPAGANDA_MEDIA).map((c) => ({ medium: c.value as PropagandaMedium, count: c.count })),
      items: propaganda.map((a) => ({
        activityId: a.id,
        title: a.title,
        heldOn: a.heldOn,
        medium: a.medium,
        subjectMemberId: a.subjectMemberId,
        subjectMemberName: a.subjectMemberId ? (names.members.get(a.subjectMemberId) ?? null) : null,
        subjectUnitId: a.subjectUnitId,
        subjectUnitName: a.subjectUnitId ? (namesThen.get(a.subjectUnitId)?.name ?? names.units.get(a.subjectUnitId) ?? null) : null,
      })),
    },
    exemplaryModels: splitBySubject(await q.modelSubjects(em, family, activityIds, subtree, period)),
    inspections,
    commendations: splitBySubject(await q.commendationSubjects(em, family, activityIds, subtree, period)),
    study: { registered: rateOf(study.registered, memberCount), entries: study.entries, reviewed: study.reviewed, generic: rateOf(study.generic, study.reviewed) },
  };
}
