import { Level } from '@dangbo/shared-types';
import type { SubjectKind } from '@dangbo/shared-types';
import { formatNumberVi } from './format';

/** One decided (or about to be decided) rating, as the quota sees it. */
export interface QuotaDecision {
  subjectId: string;
  /** The peer group the deciding unit puts the subject in (see {@link peerGroupKey}). */
  peerGroup: string;
  level: Level;
}

/**
 * Whether the base of the quota counts those rated EXCELLENT too, when the period does not say. The texts do
 * not settle it (domain.md §1.3): "không vượt quá 20% số được xếp loại hoàn thành tốt nhiệm vụ" read literally
 * counts those whose rating is GOOD, which is also the stricter reading: every decision it allows is allowed by
 * the other one. So the default is `false`; a period may switch it on.
 */
export const DEFAULT_BASE_INCLUDES_EXCELLENT = false;

/** What a peer group is made of; see {@link peerGroupKey}. */
export interface PeerGroupOf {
  /** The unit that decides the rating (e.g. the commune committee for the members of its village cells). */
  decidingUnitId: string | number;
  subjectKind: SubjectKind;
  /** A finer split the deciding unit chooses (similar position and role), e.g. "giao-vien"; none by default. */
  role?: string | null;
}

/**
 * The peer group of a subject: 366-QĐ/TW counts the quota among those of "vị trí, vai trò, chức năng, nhiệm vụ
 * tương đồng" as the competent level decides. By default that is every subject of the same kind decided by the
 * same unit (e.g. all members outside the political system decided by one commune committee), not each cell on
 * its own: per-cell groups mean a cell with fewer than five GOOD members could never have an EXCELLENT one.
 */
export function peerGroupKey(of: PeerGroupOf): string {
  const base = `${of.decidingUnitId}/${of.subjectKind}`;
  return of.role ? `${base}/${of.role}` : base;
}

/** Quota settings: the shares come from the criteria set, the rest from the rating period. */
export interface QuotaSettings {
  /** Normal share (default 0.2). */
  share?: number;
  /** Share where the period grants the exception for outstanding results (default 0.25). */
  outstandingShare?: number;
  /** The period grants the exception: to every peer group (`true`) or to the listed ones. Default none. */
  outstanding?: boolean | readonly string[];
  /** Period setting: the base counts the EXCELLENT ratings too (default {@link DEFAULT_BASE_INCLUDES_EXCELLENT}). */
  baseIncludesExcellent?: boolean;
}

/** The quota of one peer group. */
export interface QuotaGroupResult {
  peerGroup: string;
  excellent: number;
  good: number;
  /** good, plus excellent when the base includes them. */
  base: number;
  baseIncludesExcellent: boolean;
  /** The exception for outstanding results applies to this group. */
  outstanding: boolean;
  share: number;
  allowed: number;
  ok: boolean;
}

export interface QuotaResult {
  ok: boolean;
  groups: QuotaGroupResult[];
}

/**
 * The EXCELLENT quota of 366-QĐ/TW, Điều 11: within each peer group, count(EXCELLENT) ≤ floor(share × base),
 * share 0.2, or 0.25 only for a group the period grants the exception; base = count(GOOD), plus count(EXCELLENT)
 * when `baseIncludesExcellent`. `floor` because the cap is "không vượt quá": 20% of 4 GOOD allows 0. A later
 * decision for the same subject replaces an earlier one. Groups are listed in order of first appearance.
 */
export function checkQuota(decisions: readonly QuotaDecision[], settings: QuotaSettings = {}): QuotaResult {
  const latest = new Map<string, QuotaDecision>();
  for (const d of decisions) {
    latest.delete(d.subjectId);
    latest.set(d.subjectId, d);
  }
  const includeExcellent = settings.baseIncludesExcellent ?? DEFAULT_BASE_INCLUDES_EXCELLENT;
  const byGroup = new Map<string, QuotaGroupResult>();
  const order: string[] = [];
  for (const d of decisions) if (!order.includes(d.peerGroup)) order.push(d.peerGroup);
  for (const name of order) {
    const outstanding = settings.outstanding === true || (Array.isArray(settings.outstanding) && settings.outstanding.includes(name));
    const share = outstanding ? (settings.outstandingShare ?? 0.25) : (settings.share ?? 0.2);
    byGroup.set(name, { peerGroup: name, excellent: 0, good: 0, base: 0, baseIncludesExcellent: includeExcellent, outstanding, share, allowed: 0, ok: true });
  }
  for (const d of latest.values()) {
    const g = byGroup.get(d.peerGroup) as QuotaGroupResult;
    if (d.level === Level.EXCELLENT) g.excellent++;
    else if (d.level === Level.GOOD) g.good++;
  }
  const groups = order.map((n) => byGroup.get(n) as QuotaGroupResult);
  for (const g of groups) {
    g.base = g.good + (includeExcellent ? g.excellent : 0);
    // The epsilon keeps 0.29 × 100 (= 28.999…) from losing a place.
    g.allowed = Math.floor(g.share * g.base + 1e-9);
    g.ok = g.excellent <= g.allowed;
  }
  return { ok: groups.every((g) => g.ok), groups };
}

/**
 * The quota of the candidate's peer group once `candidate` is decided (replacing its earlier decision, if
 * any): what a decision screen checks before saving. `ok: false` means the decision must be refused with
 * {@link quotaMessage}.
 */
export function checkDecision(decided: readonly QuotaDecision[], candidate: QuotaDecision, settings: QuotaSettings = {}): QuotaGroupResult {
  const same = decided.filter((d) => d.peerGroup === candidate.peerGroup);
  return checkQuota([...same, candidate], settings).groups[0];
}

/**
 * The Vietnamese sentence shown with a refused decision (or on the decision screen), e.g.
 * "Nhóm "Chi bộ ấp 1": 2 xuất sắc, vượt mức tối đa 1 (20% của 5 hoàn thành tốt nhiệm vụ)."
 */
export function quotaMessage(g: QuotaGroupResult): string {
  const pct = `${formatNumberVi(Math.round(g.share * 10000) / 100)}%`;
  const basis = g.baseIncludesExcellent
    ? `${g.base} hoàn thành tốt nhiệm vụ trở lên, kể cả ${g.excellent} xuất sắc`
    : `${g.base} hoàn thành tốt nhiệm vụ`;
  const why = g.outstanding ? ', tỷ lệ dành cho đơn vị có thành tích nổi bật' : '';
  const head = `Nhóm "${g.peerGroup}": ${g.excellent} xuất sắc`;
  return `${head}, ${g.ok ? 'trong' : 'vượt'} mức tối đa ${g.allowed} (${pct} của ${basis}${why}).`;
}
