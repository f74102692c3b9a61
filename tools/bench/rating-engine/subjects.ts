import type { SubjectInputs } from '@dangbo/rating-engine';

/** mulberry32: small, fast, deterministic; the same seed gives the same subjects on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic members of a village cell, spread over every level: most do all their tasks, some are late, miss
 * tasks or are disciplined; scores are in half points and now and then above the max (to exercise clamping).
 */
export function makeSubjects(count: number, seed = 20171231): SubjectInputs[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const half = (max: number): number => Math.round(rnd() * (max + 1) * 2) / 2;
  const pick = <T>(p: number, a: T, b: T): T => (rnd() < p ? a : b);
  const tasks = (assigned: number) => {
    const missed = pick(0.95, 0, int(1, assigned));
    const late = pick(0.8, 0, int(0, assigned - missed));
    const onTime = assigned - missed - late;
    return { tasks_assigned: assigned, tasks_on_time: onTime, tasks_late: late, tasks_missed: missed, tasks_exceeded: int(0, onTime + late) };
  };
  const out: SubjectInputs[] = [];
  for (let i = 0; i < count; i++) {
    const months = pick(0.6, 12, int(0, 12));
    out.push({
      scores: {
        lap_truong_chinh_tri: 9 + half(5),
        tu_phe_binh: 3 + half(3),
        quyen_nghia_vu: 16 + half(9),
        nhiem_vu_dot_xuat: 6 + half(4),
        vi_pham_noi_cu_tru: pick(0.9, 0, half(5)),
      },
      checks: { hoc_tap_nghi_quyet: rnd() < 0.85 },
      metrics: {
        attendance_rate: Math.round((40 + rnd() * 60) * 100) / 100,
        study_registered: pick(0.8, 1, 0),
        study_months_reported: months,
        study_generic_count: pick(0.5, 0, int(0, months)),
        commendations: pick(0.8, 0, int(1, 3)),
        discipline_level: pick(0.95, 0, int(1, 4)),
        members_excellent_pct: 0,
        members_good_pct: 0,
        members_not_completed_pct: 0,
        members_disciplined_pct: 0,
      },
      facts: {
        // Counts that add up (on time + late + missed = assigned), as the engine requires.
        ...tasks(int(1, 20)),
        degeneration_signs: pick(0.99, 0, 1),
        forbidden_acts_breach: pick(0.99, 0, 1),
        shortcomings_fixed_pct: pick(0.8, 100, int(50, 99)),
        low_confidence_pct: 0,
        led_units_done_pct: 100,
        led_units_failed_pct: 0,
      },
    });
  }
  return out;
}
