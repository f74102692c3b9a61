/**
 * The 2025 reorganisation of the demo world (REORGANISATION_2025 in demo.constants.ts), applied the way a provincial
 * office would apply it in the panel: one `restructureUnits` per decision, each in its own transaction with its audit
 * entry, so the lineage, the moved cells, grants and criteria set, the ended posts and the dated names are the
 * service's own rows, not a copy of them. An event already recorded is refused by the service as applied
 * (CONFLICT, reason EVENT_APPLIED) and skipped here, so an interrupted run completes on the next start.
 */
import { ErrorCode, OrgUnitKind } from '@dangbo/shared-types';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/env';
import { Context, createContext } from '../../context';
import { AppError } from '../../core/errors';
import { Access } from '../../modules/auth/access';
import { CommitteeTermEntity } from '../../modules/org-unit/org-unit.entity';
import { OrgEventType } from '../../modules/org-event/org-event.entity';
import { RestructureInput } from '../../modules/org-event/org-event.input';
import { restructureUnits } from '../../modules/org-event/restructure.service';
import { NEIGHBOUR_COMMUNES, REORGANISATION_2025 as R, UNIT } from './demo.constants';

const ids = (...units: number[]) => units.map(String);

/** The decisions in the order they are applied: a unit is moved or merged away before its old parent ends. */
export function reorganisationEvents(): RestructureInput[] {
  const on = { effectiveDate: R.DATE, decisionDate: R.DECISION_DATE };
  return [
    {
      ...on,
      type: OrgEventType.RENAME,
      unitIds: ids(UNIT.PROVINCE_BEN_TRE),
      newName: R.PROVINCE_NAME,
      newShortName: R.PROVINCE_SHORT_NAME,
      decisionNumber: R.DECISIONS.RENAME_PROVINCE,
      note: 'Hợp nhất Đảng bộ các tỉnh Bến Tre, Trà Vinh, Vĩnh Long thành Đảng bộ tỉnh Vĩnh Long (dữ liệu mẫu chỉ có phía Bến Tre)',
    },
    { ...on, type: OrgEventType.RENAME, unitIds: ids(UNIT.FRONT_PROVINCE), newName: R.FRONT_PROVINCE_NAME, decisionNumber: R.DECISIONS.FRONT },
    {
      ...on,
      type: OrgEventType.MERGE,
      unitIds: ids(UNIT.COMMUNE_MY_THANH, ...NEIGHBOUR_COMMUNES.map((n) => n.id)),
      parentId: String(UNIT.PROVINCE_BEN_TRE),
      newUnits: [{ name: R.COMMUNE_NAME, shortName: R.COMMUNE_SHORT_NAME, kind: OrgUnitKind.COMMUNE_COMMITTEE }],
      decisionNumber: R.DECISIONS.MERGE_COMMUNE,
      note: 'Thành lập Đảng bộ xã mới trực thuộc Tỉnh ủy (Kết luận 157-KL/TW)',
    },
    ...[UNIT.COMMUNE_LUONG_HOA, UNIT.COMMUNE_PHONG_NAM, UNIT.COMMUNE_SON_PHU].map((id) => ({
      ...on,
      type: OrgEventType.MOVE,
      unitIds: ids(id),
      parentId: String(UNIT.PROVINCE_BEN_TRE),
      decisionNumber: R.DECISIONS.MOVE_COMMUNES,
    })),
    {
      ...on,
      type: OrgEventType.MERGE,
      unitIds: ids(UNIT.FRONT_MY_THANH, ...NEIGHBOUR_COMMUNES.map((n) => n.frontId)),
      parentId: String(UNIT.FRONT_PROVINCE),
      newUnits: [{ name: R.FRONT_NAME, kind: OrgUnitKind.FRONT }],
      decisionNumber: R.DECISIONS.FRONT,
    },
    { ...on, type: OrgEventType.END, unitIds: ids(UNIT.FRONT_DISTRICT), decisionNumber: R.DECISIONS.FRONT },
    { ...on, type: OrgEventType.END, unitIds: ids(UNIT.DISTRICT_GIONG_TROM), decisionNumber: R.DECISIONS.END_DISTRICT, note: 'Kết thúc hoạt động của Đảng bộ huyện (Kết luận 157-KL/TW)' },
  ];
}

/** The demo's own context: the system, unrestricted, recorded as "hệ thống" in the audit log. */
function seedContext(dataSource: DataSource): Context {
  // The service reads no setting; a configuration of defaults (no environment, no secret file) is enough.
  const config = loadConfig({ NODE_ENV: 'test' });
  return createContext({ requestId: 'demo-seed-2025', config, dataSource, actor: null, access: Access.system(), clientAddress: 'seed' });
}

/** The demo world is loaded (its invented neighbour is there) and its district has not ended yet. */
export async function reorganisationPending(dataSource: DataSource): Promise<boolean> {
  const rows = await dataSource.query(
    'SELECT 1 FROM org_unit d JOIN org_unit n ON n.id = ? AND n.name = ? WHERE d.id = ? AND d.validTo IS NULL',
    [UNIT.COMMUNE_TAN_THANH, NEIGHBOUR_COMMUNES[0].name, UNIT.DISTRICT_GIONG_TROM],
  );
  return rows.length > 0;
}

export async function reorganise2025(dataSource: DataSource): Promise<void> {
  for (const input of reorganisationEvents()) {
    try {
      await restructureUnits(seedContext(dataSource), input, false);
    } catch (e) {
      const applied = e instanceof AppError && e.code === ErrorCode.CONFLICT && e.extra.reason === 'EVENT_APPLIED';
      if (!applied) throw e;
    }
  }
  // The new committee's term (terms are not part of an event: a committee is appointed, then a congress elects).
  const commune = await dataSource.query('SELECT n.id FROM org_lineage g JOIN org_unit n ON n.id = g.successorId WHERE g.predecessorId = ? AND g.type = ?', [
    UNIT.COMMUNE_MY_THANH,
    OrgEventType.MERGE,
  ]);
  const communeId = Number(commune[0].id);
  if ((await dataSource.getRepository(CommitteeTermEntity).count({ where: { unitId: communeId } })) === 0) {
    await dataSource.getRepository(CommitteeTermEntity).insert({ unitId: communeId, name: 'Nhiệm kỳ 2025–2030', startDate: R.DATE, endDate: null });
  }
}
