import { Level, SubjectKind } from '@dangbo/shared-types';
import type { QuotaDecision, QuotaSettings } from './quota';
import { DEFAULT_BASE_INCLUDES_EXCELLENT, checkDecision, checkQuota, peerGroupKey, quotaMessage } from './quota';

const GROUP = peerGroupKey({ decidingUnitId: 12, subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM });

/** `good` members whose decided level is GOOD, `excellent` decided EXCELLENT, and one COMPLETED (never counts). */
function decisions(good: number, excellent: number, peerGroup = GROUP): QuotaDecision[] {
  const out: QuotaDecision[] = [];
  for (let i = 0; i < good; i++) out.push({ subjectId: `${peerGroup}-g${i}`, peerGroup, level: Level.GOOD });
  for (let i = 0; i < excellent; i++) out.push({ subjectId: `${peerGroup}-x${i}`, peerGroup, level: Level.EXCELLENT });
  out.push({ subjectId: `${peerGroup}-c`, peerGroup, level: Level.COMPLETED });
  return out;
}

/** The most EXCELLENT decisions the group accepts next to `good` GOOD ones. */
function mostAllowed(good: number, settings: QuotaSettings): number {
  let x = 0;
  while (checkQuota(decisions(good, x + 1), settings).ok) x++;
  return x;
}

describe('quota: count(xuất sắc) ≤ floor(share × base), 366-QĐ/TW Điều 11', () => {
  it('the stated default: the base counts only those rated tốt', () => {
    expect(DEFAULT_BASE_INCLUDES_EXCELLENT).toBe(false);
    expect(checkQuota(decisions(4, 1)).groups[0]).toMatchObject({ base: 4, baseIncludesExcellent: false, allowed: 0, ok: false });
  });

  // [tốt, most xuất sắc at 20%, at 25% (exception granted)], per base setting.
  describe.each<[string, boolean, [number, number, number][]]>([
    ['base = tốt only', false, [[0, 0, 0], [1, 0, 0], [4, 0, 1], [5, 1, 1], [11, 2, 2]]],
    ['base = tốt + xuất sắc', true, [[0, 0, 0], [1, 0, 0], [4, 1, 1], [5, 1, 1], [11, 2, 3]]],
  ])('%s', (_, baseIncludesExcellent, table) => {
    it.each(table)('%d tốt: at most %d xuất sắc at 20%, %d at 25%; one more is refused', (good, at20, at25) => {
      for (const [settings, most] of [
        [{ baseIncludesExcellent }, at20],
        [{ baseIncludesExcellent, outstanding: true }, at25],
      ] as const) {
        expect(mostAllowed(good, settings)).toBe(most);
        expect(checkQuota(decisions(good, most), settings).ok).toBe(true);
        const over = checkQuota(decisions(good, most + 1), settings);
        expect(over.ok).toBe(false);
        expect(over.groups[0]).toMatchObject({ good, excellent: most + 1, share: settings.outstanding ? 0.25 : 0.2 });
      }
    });
  });

  it('11 tốt at 20% allow 2 xuất sắc and refuse the 3rd, decided one at a time', () => {
    for (const baseIncludesExcellent of [false, true]) {
      const decided = decisions(11, 0);
      for (let i = 0; i < 3; i++) {
        const next = { subjectId: `x${i}`, peerGroup: GROUP, level: Level.EXCELLENT };
        const g = checkDecision(decided, next, { baseIncludesExcellent });
        expect(g.ok).toBe(i < 2);
        if (g.ok) decided.push(next);
      }
    }
  });

  it('25% only where the period grants the exception: to all groups, or to the listed ones', () => {
    const both = [...decisions(4, 1, 'a'), ...decisions(4, 1, 'b')];
    expect(checkQuota(both).groups.map((g) => g.ok)).toEqual([false, false]);
    expect(checkQuota(both, { outstanding: true }).groups.map((g) => g.ok)).toEqual([true, true]);
    expect(checkQuota(both, { outstanding: ['b'] }).groups.map((g) => [g.peerGroup, g.share, g.ok])).toEqual([
      ['a', 0.2, false],
      ['b', 0.25, true],
    ]);
  });

  it('a later decision for the same subject replaces the earlier one', () => {
    const d = decisions(5, 0);
    const promote = (id: string): QuotaDecision => ({ subjectId: id, peerGroup: GROUP, level: Level.EXCELLENT });
    // One of the five tốt becomes xuất sắc: 4 tốt remain, which allow none when the base is tốt only.
    expect(checkDecision(d, promote(d[0].subjectId), { baseIncludesExcellent: false })).toMatchObject({ good: 4, excellent: 1, ok: false });
    expect(checkDecision(d, promote(d[0].subjectId), { baseIncludesExcellent: true })).toMatchObject({ good: 4, excellent: 1, base: 5, ok: true });
  });

  it('a custom share of 0.29 on 100 tốt allows 29 (no floating-point loss)', () => {
    expect(checkQuota(decisions(100, 29), { share: 0.29 }).groups[0]).toMatchObject({ allowed: 29, ok: true });
  });
});

describe('peer groups are defined by the deciding unit', () => {
  it('default: same subject kind under the same deciding unit, whatever the cell', () => {
    const member = (cell: string) => peerGroupKey({ decidingUnitId: 12, subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM, ...{ cell } });
    expect(member('ap-1')).toBe(member('ap-2'));
    expect(peerGroupKey({ decidingUnitId: 12, subjectKind: SubjectKind.MEMBER_IN_SYSTEM })).not.toBe(GROUP);
    expect(peerGroupKey({ decidingUnitId: 13, subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM })).not.toBe(GROUP);
    expect(peerGroupKey({ decidingUnitId: 12, subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM, role: 'giao-vien' })).not.toBe(GROUP);
  });

  it('so three cells of 2 tốt each, decided by one committee, can have a xuất sắc member', () => {
    const cells = ['ap-1', 'ap-2', 'ap-3'].flatMap((cell) =>
      [0, 1].map((i) => ({ subjectId: `${cell}-${i}`, peerGroup: GROUP, level: Level.GOOD })),
    );
    expect(checkDecision(cells, { subjectId: 'ap-1-x', peerGroup: GROUP, level: Level.EXCELLENT }).ok).toBe(true);
  });

  it('checks each peer group on its own', () => {
    const r = checkQuota([...decisions(5, 1, 'ap_1'), ...decisions(4, 1, 'ap_2')]);
    expect(r.ok).toBe(false);
    expect(r.groups.map((g) => [g.peerGroup, g.ok])).toEqual([
      ['ap_1', true],
      ['ap_2', false],
    ]);
  });
});

it('explains a refusal with the numbers, in Vietnamese', () => {
  const [g] = checkQuota(decisions(4, 1, 'chi_bo_ap_1')).groups;
  expect(quotaMessage(g)).toBe('Nhóm "chi_bo_ap_1": 1 xuất sắc, vượt mức tối đa 0 (20% của 4 hoàn thành tốt nhiệm vụ).');
  const [h] = checkQuota(decisions(4, 1, 'chi_bo_ap_1'), { outstanding: true, baseIncludesExcellent: true }).groups;
  expect(quotaMessage(h)).toBe(
    'Nhóm "chi_bo_ap_1": 1 xuất sắc, trong mức tối đa 1 (25% của 5 hoàn thành tốt nhiệm vụ trở lên, kể cả 1 xuất sắc, tỷ lệ dành cho đơn vị có thành tích nổi bật).',
  );
  const [k] = checkQuota(decisions(8, 1), { share: 0.225 }).groups;
  expect(quotaMessage(k)).toContain('22,5%');
});
