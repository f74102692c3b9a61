import { CriterionKind, LEVEL_ORDER, Level, SubjectKind } from '@dangbo/shared-types';
import { isLevel } from './format';
import { MAX_DEPTH } from './scope';
import { FUNCTIONS, isForbiddenName } from './formula/typecheck';
import type { CriteriaSetDefinition, CriterionDefinition, EngineError } from './types';
import { FRAME_366 } from './types';
import { TOTAL_NAME, VARIABLES } from './variables';

/** A criterion with where it sits, as `compile` sees it. */
export interface Located {
  def: CriterionDefinition;
  path: string;
  /** Index of the parent group in the flat list, or -1 at top level. */
  parent: number;
}

const CODE_RE = /^[a-z][a-z0-9_]*$/;
const RESERVED = new Set(['and', 'or', 'not', 'in', 'of', 'if', 'then', 'else', 'mod', 'true', 'false', TOTAL_NAME, ...Object.keys(FUNCTIONS)]);
const KINDS = new Set<string>(Object.values(CriterionKind));
// Sums of maxima are compared after rounding: 0.1 + 0.2 must equal 0.3.
const EPS = 1e-6;

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Why `code` cannot name a criterion or a downgrade, or null when it can. */
export function codeProblem(code: unknown): string | null {
  if (typeof code !== 'string' || !CODE_RE.test(code) || code.length > 64) {
    return 'Mã chỉ gồm chữ thường không dấu, chữ số và "_", bắt đầu bằng chữ cái (tối đa 64 ký tự), ví dụ tieu_chi_1.';
  }
  if (RESERVED.has(code) || isForbiddenName(code)) return `"${code}" là từ dành riêng của công thức, hãy chọn mã khác.`;
  if (VARIABLES.has(code)) return `"${code}" trùng tên một chỉ số dữ liệu, hãy chọn mã khác.`;
  return null;
}

/**
 * Structural checks of a whole set, every problem collected: codes, kinds, maxima and their sums, bands,
 * gates, downgrades and quota. Formulas are checked by `compile`, which needs the flat list returned here.
 */
export function validateStructure(set: CriteriaSetDefinition, errors: EngineError[], warnings: EngineError[]): Located[] {
  const err = (path: string, code: string, message: string, criterionCode?: string): void => {
    errors.push(criterionCode === undefined ? { path, code, message } : { path, code, message, criterionCode });
  };
  if (typeof set?.name !== 'string' || set.name.trim() === '') err('name', 'MISSING_NAME', 'Bộ tiêu chí cần có tên.');
  if (!Object.values(SubjectKind).includes(set?.subjectKind)) err('subjectKind', 'INVALID_SUBJECT_KIND', 'Đối tượng đánh giá không hợp lệ.');
  const totalOk = isNum(set?.totalMax) && set.totalMax > 0;
  if (!totalOk) err('totalMax', 'INVALID_TOTAL_MAX', 'Tổng điểm tối đa phải là số dương (thường là 100).');

  const flat: Located[] = [];
  const firstPath = new Map<string, string>();
  const visit = (list: unknown, base: string, parent: number, depth: number): number => {
    if (!Array.isArray(list)) {
      err(base, 'INVALID_ITEMS', 'Danh sách tiêu chí không hợp lệ.');
      return 0;
    }
    let sum = 0;
    list.forEach((raw: CriterionDefinition, i: number) => {
      const path = `${base}[${i}]`;
      if (!raw || typeof raw !== 'object') return err(path, 'INVALID_CRITERION', 'Tiêu chí không hợp lệ.');
      const c = raw;
      const cc = typeof c.code === 'string' ? c.code : undefined;
      const problem = codeProblem(c.code);
      if (problem) err(`${path}.code`, 'INVALID_CODE', problem, cc);
      else if (firstPath.has(c.code)) err(`${path}.code`, 'DUPLICATE_CODE', `Mã "${c.code}" đã dùng ở ${firstPath.get(c.code)}.`, cc);
      else firstPath.set(c.code, path);
      if (typeof c.name !== 'string' || c.name.trim() === '') err(`${path}.name`, 'MISSING_NAME', 'Tiêu chí cần có tên.', cc);
      if (!KINDS.has(c.kind)) err(`${path}.kind`, 'INVALID_KIND', 'Loại tiêu chí không hợp lệ.', cc);
      if (!isNum(c.max) || c.max < 0) err(`${path}.max`, 'INVALID_MAX', 'Điểm tối đa phải là số không âm.', cc);
      if (c.min !== undefined && (!isNum(c.min) || c.min < 0 || (isNum(c.max) && c.min > c.max))) {
        err(`${path}.min`, 'INVALID_MIN', 'Điểm tối thiểu phải nằm trong khoảng từ 0 đến điểm tối đa.', cc);
      }
      const index = flat.length;
      flat.push({ def: c, path, parent });
      if (c.kind !== CriterionKind.BONUS && c.kind !== CriterionKind.PENALTY && isNum(c.max)) sum += c.max;
      const hasChildren = Array.isArray(c.children) && c.children.length > 0;
      if (c.kind === CriterionKind.GROUP) {
        if (!hasChildren) return err(`${path}.children`, 'EMPTY_GROUP', `Nhóm "${c.name}" chưa có tiêu chí con.`, cc);
        if (depth >= MAX_DEPTH) return err(`${path}.children`, 'TOO_DEEP', `Nhóm lồng nhau quá ${MAX_DEPTH} cấp.`, cc);
        const childSum = visit(c.children, `${path}.children`, index, depth + 1);
        if (isNum(c.max) && Math.abs(childSum - c.max) > EPS) {
          err(`${path}.max`, 'GROUP_MAX_MISMATCH', `Nhóm "${c.name}" có điểm tối đa ${c.max} nhưng các tiêu chí con cộng lại ${round(childSum)} (không tính điểm cộng, điểm trừ).`, cc);
        }
      } else if (hasChildren) {
        err(`${path}.children`, 'CHILDREN_NOT_ALLOWED', 'Chỉ nhóm (GROUP) mới có tiêu chí con.', cc);
      }
      const needsFormula = c.kind === CriterionKind.METRIC || c.kind === CriterionKind.FORMULA;
      const mayHaveFormula = needsFormula || c.kind === CriterionKind.BONUS || c.kind === CriterionKind.PENALTY;
      if (!mayHaveFormula && typeof c.formula === 'string' && c.formula.trim() !== '') {
        warnings.push({ path: `${path}.formula`, code: 'FORMULA_IGNORED', message: 'Loại tiêu chí này không dùng công thức; công thức bị bỏ qua.', criterionCode: cc });
      }
    });
    return sum;
  };
  const topSum = visit(set?.items, 'items', -1, 1);
  if (totalOk && Math.abs(topSum - set.totalMax) > EPS) {
    err('totalMax', 'TOTAL_MAX_MISMATCH', `Tổng điểm tối đa là ${set.totalMax} nhưng các nhóm, tiêu chí cấp trên cùng cộng lại ${round(topSum)}.`);
  }
  validateBands(set, totalOk ? set.totalMax : 100, err);
  validateRules(set, err);
  validateFrame(set, err);
  return flat;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

type Err = (path: string, code: string, message: string) => void;

function validateBands(set: CriteriaSetDefinition, totalMax: number, err: Err): void {
  if (!Array.isArray(set?.bands) || set.bands.length === 0) return err('bands', 'INVALID_BANDS', 'Cần khai báo các mức điểm xếp loại.');
  let prevRank = -1;
  let prevMin = Infinity;
  set.bands.forEach((b, i) => {
    const rank = isLevel(b?.level) ? LEVEL_ORDER.indexOf(b.level) : -1;
    if (rank < 0) return err(`bands[${i}].level`, 'INVALID_BANDS', 'Mức xếp loại không hợp lệ.');
    if (rank <= prevRank) err(`bands[${i}].level`, 'INVALID_BANDS', 'Các mức phải xếp từ cao xuống thấp, mỗi mức một lần.');
    if (!isNum(b.min) || b.min < 0 || b.min > totalMax) {
      err(`bands[${i}].min`, 'INVALID_BANDS', `Ngưỡng điểm phải nằm trong khoảng 0 đến ${totalMax}.`);
    } else if (b.min >= prevMin) {
      err(`bands[${i}].min`, 'INVALID_BANDS', 'Ngưỡng điểm phải giảm dần từ mức cao xuống mức thấp.');
    }
    prevRank = Math.max(prevRank, rank);
    if (isNum(b.min)) prevMin = b.min;
  });
}

function validateRules(set: CriteriaSetDefinition, err: Err): void {
  if (!Array.isArray(set?.gates)) err('gates', 'INVALID_GATE', 'Danh sách điều kiện không hợp lệ.');
  else
    set.gates.forEach((g, i) => {
      if (!isLevel(g?.level) || g.level === Level.NOT_COMPLETED) err(`gates[${i}].level`, 'INVALID_GATE', 'Điều kiện phải gắn với mức xuất sắc, tốt hoặc hoàn thành.');
      if (typeof g?.message !== 'string' || g.message.trim() === '') err(`gates[${i}].message`, 'MISSING_MESSAGE', 'Cần ghi nội dung điều kiện.');
    });
  if (!Array.isArray(set?.downgrades)) err('downgrades', 'INVALID_DOWNGRADE', 'Danh sách trường hợp không hoàn thành nhiệm vụ không hợp lệ.');
  else {
    const seen = new Set<string>();
    set.downgrades.forEach((d, i) => {
      const problem = codeProblem(d?.code);
      if (problem) err(`downgrades[${i}].code`, 'INVALID_CODE', problem);
      else if (seen.has(d.code)) err(`downgrades[${i}].code`, 'DUPLICATE_CODE', `Mã "${d.code}" đã dùng cho một trường hợp khác.`);
      else seen.add(d.code);
      if (typeof d?.message !== 'string' || d.message.trim() === '') err(`downgrades[${i}].message`, 'MISSING_MESSAGE', 'Cần ghi nội dung trường hợp.');
    });
  }
  const q = set?.quota;
  if (!q || typeof q !== 'object') return err('quota', 'INVALID_QUOTA', 'Cần khai báo tỷ lệ xuất sắc.');
  if (!isNum(q.share) || q.share <= 0 || q.share > 1) err('quota.share', 'INVALID_QUOTA', 'Tỷ lệ xuất sắc phải lớn hơn 0 và không quá 1 (ví dụ 0.2).');
  if (!isNum(q.outstandingShare) || q.outstandingShare > 1 || (isNum(q.share) && q.outstandingShare < q.share)) {
    err('quota.outstandingShare', 'INVALID_QUOTA', 'Tỷ lệ cho đơn vị có thành tích nổi bật phải từ tỷ lệ thường đến 1 (ví dụ 0.25).');
  }
}

/**
 * A set that claims the 366 frame keeps it: exactly two top-level groups, the common group of 30 points then the
 * task group of 70, and 100 points in all (366-QĐ/TW, Điều 10: every framework is 30 + 70). Top-level bonus and
 * penalty items are allowed, as they do not count towards the maximum.
 */
function validateFrame(set: CriteriaSetDefinition, err: Err): void {
  if (set?.frame === undefined) return;
  if (set.frame !== FRAME_366) return err('frame', 'INVALID_FRAME', 'Khung tiêu chí không hợp lệ.');
  const message = 'Bộ tiêu chí theo khung Quy định 366-QĐ/TW phải giữ nhóm tiêu chí chung 30 điểm và nhóm kết quả thực hiện nhiệm vụ 70 điểm, tổng 100 điểm.';
  const counted = Array.isArray(set.items) ? set.items.filter((c) => c && c.kind !== CriterionKind.BONUS && c.kind !== CriterionKind.PENALTY) : [];
  const shape = counted.map((c) => `${c.kind}:${c.max}`).join(',');
  if (set.totalMax !== 100 || shape !== `${CriterionKind.GROUP}:30,${CriterionKind.GROUP}:70`) err('frame', 'FRAME_366_BROKEN', message);
}
