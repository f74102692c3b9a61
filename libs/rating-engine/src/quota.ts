import { Level } from '@dangbo/shared-types';
import { formatNumberVi } from './format';

/** One decided (or proposed) rating, as the quota sees it. */
export interface QuotaDecision {
  subjectId: string;
  /** Subjects of similar position and role, as chosen by the deciding body (default: same kind, same decider). */
  peerGroup: string;
  level: Level;
  /** Rated EXCELLENT although the points and conditions alone gave GOOD: promoted from the GOOD pool. */
  promoted?: boolean;
}

/** Quota settings; see {@link checkQuota}. */
export interface QuotaSettings {
  /** Normal share (default 0.2). */
  share?: number;
  /** The deciding body flags outstanding results: the outstanding share applies. */
  outstanding?: boolean;
  /** Share for outstanding results (default 0.25). */
  outstandingShare?: number;
  /** Count promoted EXCELLENT decisions in the GOOD base (default true). */
  baseIncludesPromoted?: boolean;
}

/** The quota of one peer group. */
export interface QuotaGroupResult {
  peerGroup: string;
  excellent: number;
  good: number;
  /** EXCELLENT decisions marked `promoted`. */
  promoted: number;
  base: number;
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
 * where share is 0.2, or 0.25 when `outstanding`, and base = count(GOOD), plus, when `baseIncludesPromoted`,
 * the EXCELLENT decisions marked `promoted`.
 *
 * Why promoted ones may count: the regulation caps EXCELLENT at "20% of those rated GOOD", and every EXCELLENT
 * rating is taken out of the GOOD pool. Counting only the final GOOD ratings would make the base shrink as
 * people are promoted: with 5 good members, promoting one leaves 4 GOOD and an allowance of 0. The default
 * (true) therefore measures the share against the pool before promotion. Whether that is the intended reading
 * is not settled (domain.md §7), so it is a setting; EXCELLENT ratings reached on points alone never count.
 * `floor` because the cap is "no more than": 20% of 4 GOOD allows 0. Groups are listed in order of first
 * appearance.
 */
export function checkQuota(decisions: readonly QuotaDecision[], settings: QuotaSettings = {}): QuotaResult {
  const share = settings.outstanding ? (settings.outstandingShare ?? 0.25) : (settings.share ?? 0.2);
  const includePromoted = settings.baseIncludesPromoted ?? true;
  const byGroup = new Map<string, QuotaGroupResult>();
  for (const d of decisions) {
    let g = byGroup.get(d.peerGroup);
    if (!g) {
      g = { peerGroup: d.peerGroup, excellent: 0, good: 0, promoted: 0, base: 0, share, allowed: 0, ok: true };
      byGroup.set(d.peerGroup, g);
    }
    if (d.level === Level.EXCELLENT) {
      g.excellent++;
      if (d.promoted) g.promoted++;
    } else if (d.level === Level.GOOD) {
      g.good++;
    }
  }
  const groups = [...byGroup.values()];
  for (const g of groups) {
    g.base = g.good + (includePromoted ? g.promoted : 0);
    // The epsilon keeps 0.29 × 100 (= 28.999…) from losing a place.
    g.allowed = Math.floor(share * g.base + 1e-9);
    g.ok = g.excellent <= g.allowed;
  }
  return { ok: groups.every((g) => g.ok), groups };
}

/**
 * The Vietnamese sentence shown with a refused decision (or a warning on the rating screen), e.g.
 * "Nhóm "Chi bộ ấp 1": 2 xuất sắc, vượt mức tối đa 1 (20% của 5 hoàn thành tốt nhiệm vụ)."
 */
export function quotaMessage(g: QuotaGroupResult): string {
  const pct = `${formatNumberVi(Math.round(g.share * 10000) / 100)}%`;
  const basis = g.promoted > 0 && g.base > g.good ? `${g.base} hoàn thành tốt nhiệm vụ, kể cả ${g.promoted} được nâng lên xuất sắc` : `${g.base} hoàn thành tốt nhiệm vụ`;
  const head = `Nhóm "${g.peerGroup}": ${g.excellent} xuất sắc`;
  return g.ok
    ? `${head}, trong mức tối đa ${g.allowed} (${pct} của ${basis}).`
    : `${head}, vượt mức tối đa ${g.allowed} (${pct} của ${basis}).`;
}
