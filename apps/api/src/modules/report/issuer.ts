/**
 * Who issues a unit's report, as of the report's date: the body ("Đảng ủy xã Mỹ Thạnh") under its superior of that
 * date (in 2017 the district stood above the commune; the tree's dated links say so), the place for the date line,
 * the signature ("T/M ĐẢNG ỦY" / "BÍ THƯ") and the secretary holding the post on that date.
 */
import { OrgUnitKind, PositionTitle } from '@dangbo/shared-types';
import { Context } from '../../context';
import { NotFoundError } from '../../core/errors';
import { MemberEntity, MemberPositionEntity } from '../member/member.entity';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { ancestorIdsOf } from '../org-unit/tree.queries';
import { unitNamesAt } from '../org-event/unit-names';

export interface ReportIssuer {
  unitId: number;
  /** "Đảng ủy xã Mỹ Thạnh": the committee that signs for the unit. */
  bodyName: string;
  superiorName: string | null;
  /** "Mỹ Thạnh". */
  place: string;
  /** The issuer's code in document numbers ("ĐU"). */
  code: string;
  onBehalf: string;
  position: string;
  signerName: string | null;
}

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/** "Đảng bộ xã Mỹ Thạnh" → "Đảng ủy xã Mỹ Thạnh": a đảng bộ acts through its committee; a chi bộ signs itself. */
export function committeeName(unitName: string): string {
  return unitName.replace(/^Đảng bộ(?=\s)/i, 'Đảng ủy');
}

/** "Đảng bộ xã Mỹ Thạnh" → "Mỹ Thạnh"; "Chi bộ ấp Bến Đò" → "Bến Đò". */
export function placeOf(unitName: string): string {
  return unitName
    .replace(/^(Đảng bộ|Đảng ủy|Chi bộ)\s+/i, '')
    .replace(/^(xã|phường|thị trấn|thị xã|huyện|quận|thành phố|tỉnh|ấp|khu phố)\s+/i, '')
    .trim();
}

const IS_CELL = new Set<OrgUnitKind>([OrgUnitKind.CELL, OrgUnitKind.GRASSROOTS_CELL]);

export function signatureOf(kind: OrgUnitKind): { onBehalf: string; code: string } {
  if (IS_CELL.has(kind)) return { onBehalf: 'T/M CHI BỘ', code: 'CB' };
  if (kind === OrgUnitKind.DISTRICT_COMMITTEE) return { onBehalf: 'T/M BAN THƯỜNG VỤ', code: 'HU' };
  if (kind === OrgUnitKind.PROVINCE_COMMITTEE) return { onBehalf: 'T/M BAN THƯỜNG VỤ', code: 'TU' };
  return { onBehalf: 'T/M ĐẢNG ỦY', code: 'ĐU' };
}

export async function reportIssuer(ctx: Context, unitId: number, asOf: string): Promise<ReportIssuer> {
  const unit = await ctx.em.findOne(OrgUnitEntity, { where: { id: unitId } });
  if (!unit) throw new NotFoundError('đơn vị', unitId);
  const parentId = (await ancestorIdsOf(ctx.em, [unitId], asOf)).get(unitId)?.[0];
  // Both names as they were on the report's date (a 2017 report is not issued under a 2025 name).
  const names = await unitNamesAt(ctx.em, parentId ? [unitId, parentId] : [unitId], asOf);
  const name = names.get(unitId)?.name ?? unit.name;
  const parentName = parentId ? (names.get(parentId)?.name ?? null) : null;
  const secretary = await ctx.em
    .createQueryBuilder(MemberPositionEntity, 'p')
    .innerJoin(MemberEntity, 'm', 'm.id = p.memberId')
    .select('m.fullName', 'fullName')
    .where('p.unitId = :unitId AND p.title = :title', { unitId, title: PositionTitle.SECRETARY })
    .andWhere('p.validFrom <= :asOf AND (p.validTo IS NULL OR p.validTo > :asOf)', { asOf })
    .orderBy('p.validFrom', 'DESC')
    .getRawOne<{ fullName: string }>();
  const sig = signatureOf(unit.kind);
  return {
    unitId,
    bodyName: committeeName(name),
    superiorName: parentName,
    place: placeOf(name),
    code: sig.code,
    onBehalf: sig.onBehalf,
    position: 'BÍ THƯ',
    signerName: secretary?.fullName ?? null,
  };
}

export const issuerBlock = (issuer: ReportIssuer, number: string) => ({
  superior: issuer.superiorName ? upper(issuer.superiorName) : null,
  body: upper(issuer.bodyName),
  number,
});
