import { Level } from '@dangbo/shared-types';
import type { QuotaDecision, QuotaSettings } from './quota';
import { checkQuota, quotaMessage } from './quota';

function decisions(good: number, excellent: number, promoted = 0, peerGroup = 'chi_bo_ap_1'): QuotaDecision[] {
  const out: QuotaDecision[] = [];
  for (let i = 0; i < good; i++) out.push({ subjectId: `${peerGroup}-g${i}`, peerGroup, level: Level.GOOD });
  for (let i = 0; i < excellent; i++) out.push({ subjectId: `${peerGroup}-x${i}`, peerGroup, level: Level.EXCELLENT, promoted: i < promoted });
  out.push({ subjectId: `${peerGroup}-c`, peerGroup, level: Level.COMPLETED });
  return out;
}

describe('quota: count(EXCELLENT) ≤ floor(share × base)', () => {
  it.each<[string, number, number, number, QuotaSettings, number, boolean]>([
    ['4 GOOD allow no EXCELLENT at 20%', 4, 1, 0, {}, 0, false],
    ['5 GOOD allow 1', 5, 1, 0, {}, 1, true],
    ['9 GOOD still allow 1', 9, 2, 0, {}, 1, false],
    ['10 GOOD allow 2', 10, 2, 0, {}, 2, true],
    ['4 GOOD allow 1 at 25% (outstanding)', 4, 1, 0, { outstanding: true }, 1, true],
    ['3 GOOD allow none even at 25%', 3, 1, 0, { outstanding: true }, 0, false],
    ['100 GOOD allow 20', 100, 20, 0, {}, 20, true],
    ['100 GOOD refuse 21', 100, 21, 0, {}, 20, false],
    ['100 GOOD allow 25 when outstanding', 100, 25, 0, { outstanding: true }, 25, true],
    ['a custom share of 0.29 on 100 GOOD allows 29', 100, 29, 0, { share: 0.29 }, 29, true],
    ['promoted counted: 4 GOOD + 1 promoted → base 5, 1 allowed', 4, 1, 1, { baseIncludesPromoted: true }, 1, true],
    ['promoted not counted: 4 GOOD → 0 allowed', 4, 1, 1, { baseIncludesPromoted: false }, 0, false],
    ['not promoted never counts: 4 GOOD + 1 on points → 0 allowed', 4, 1, 0, { baseIncludesPromoted: true }, 0, false],
    ['large group, both settings: 40 GOOD + 10 promoted → 10 allowed', 40, 10, 10, {}, 10, true],
    ['large group without promoted in base: 40 GOOD → 8 allowed', 40, 10, 10, { baseIncludesPromoted: false }, 8, false],
  ])('%s', (_, good, excellent, promoted, settings, allowed, ok) => {
    const r = checkQuota(decisions(good, excellent, promoted), settings);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ good, excellent, allowed, ok });
    expect(r.ok).toBe(ok);
  });

  it('checks each peer group on its own', () => {
    const r = checkQuota([...decisions(5, 1, 0, 'ap_1'), ...decisions(4, 1, 0, 'ap_2')]);
    expect(r.ok).toBe(false);
    expect(r.groups.map((g) => [g.peerGroup, g.ok])).toEqual([
      ['ap_1', true],
      ['ap_2', false],
    ]);
  });

  it('explains a refusal with the numbers, in Vietnamese', () => {
    const [g] = checkQuota(decisions(4, 1)).groups;
    expect(quotaMessage(g)).toBe('Nhóm "chi_bo_ap_1": 1 xuất sắc, vượt mức tối đa 0 (20% của 4 hoàn thành tốt nhiệm vụ).');
    const [h] = checkQuota(decisions(4, 1, 1), { outstanding: true }).groups;
    expect(quotaMessage(h)).toBe('Nhóm "chi_bo_ap_1": 1 xuất sắc, trong mức tối đa 1 (25% của 5 hoàn thành tốt nhiệm vụ, kể cả 1 được nâng lên xuất sắc).');
    const [k] = checkQuota(decisions(8, 1), { share: 0.225 }).groups;
    expect(quotaMessage(k)).toContain('22,5%');
  });
});
