import type { SubjectInputs } from '@dangbo/rating-engine';

/** What a careful developer would write for Mỹ Thạnh's set without an engine: the same rules, in plain code. */
export interface HandResult {
  points: Record<string, number>;
  groups: Record<string, number>;
  total: number;
  level: string;
}

function r2(x: number): number {
  const y = Math.round(Math.abs(x) * 100 + 1e-7) / 100;
  return x < 0 && y !== 0 ? -y : y;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function rateByHand(s: SubjectInputs): HandResult {
  const sc = s.scores;
  const m = s.metrics;
  const f = s.facts;
  const lap = r2(clamp(sc.lap_truong_chinh_tri, 0, 14));
  const bac = r2(
    m.study_registered === 1
      ? Math.max(0, Math.min(10, Math.round(((m.study_months_reported - 0.5 * m.study_generic_count) / 12) * 1000) / 100))
      : 0,
  );
  const tpb = r2(clamp(sc.tu_phe_binh, 0, 6));
  const chung = clamp(r2(lap + bac + tpb), 0, 30);

  const qnv = r2(clamp(sc.quyen_nghia_vu, 0, 25));
  const shcb = r2(Math.max(0, Math.min(15, Math.round((m.attendance_rate / 90) * 1500) / 100)));
  const htnq = s.checks.hoc_tap_nghi_quyet === true ? 10 : 0;
  const nvdx = r2(clamp(sc.nhiem_vu_dot_xuat, 0, 10));
  const ng = r2(Math.round((bac / 10 + shcb / 15) * 500) / 100);
  const kt = r2(Math.min(3, m.commendations * 1.5));
  const vp = r2(clamp(sc.vi_pham_noi_cu_tru, 0, 5));
  const nhiemVu = clamp(r2(qnv + shcb + htnq + nvdx + ng + kt - vp), 0, 70);
  const total = clamp(r2(chung + nhiemVu), 0, 100);

  let rank = total >= 90 ? 0 : total >= 70 ? 1 : total >= 50 ? 2 : 3;
  const a = f.tasks_assigned;
  const onTime = a === 0 ? 1 : f.tasks_on_time / a;
  const late = a === 0 ? 0 : f.tasks_late / a;
  const missed = a === 0 ? 0 : f.tasks_missed / a;
  const exceeded = a === 0 ? 0 : f.tasks_exceeded / a;
  if (rank === 0 && !(onTime === 1 && exceeded >= 0.3 && f.shortcomings_fixed_pct === 100 && m.study_registered === 1 && m.study_generic_count === 0)) rank = 1;
  if (rank === 1 && onTime !== 1) rank = 2;
  if (rank === 2 && !(f.tasks_missed === 0 && late <= 0.2)) rank = 3;
  if (m.discipline_level >= 1 || missed > 0.5 || f.degeneration_signs === 1 || f.forbidden_acts_breach === 1) rank = 3;

  return {
    points: {
      lap_truong_chinh_tri: lap,
      hoc_tap_lam_theo_bac: bac,
      tu_phe_binh: tpb,
      quyen_nghia_vu: qnv,
      sinh_hoat_chi_bo: shcb,
      hoc_tap_nghi_quyet: htnq,
      nhiem_vu_dot_xuat: nvdx,
      neu_guong_noi_cu_tru: ng,
      khen_thuong: kt,
      vi_pham_noi_cu_tru: vp,
    },
    groups: { tieu_chi_chung: chung, ket_qua_nhiem_vu: nhiemVu },
    total,
    level: LEVELS[rank],
  };
}

const LEVELS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];
