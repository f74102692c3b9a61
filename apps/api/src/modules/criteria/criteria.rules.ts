/**
 * Shape checks of a set's rules at save time (the engine's compile checks their meaning at publish time). Bad
 * shapes are refused here, so a draft always holds something the editor can show.
 */
import { Level } from '@dangbo/shared-types';
import { BadInputError } from '../../core/errors';
import { jsonSizeProblem, refuse, rulesProblem } from './criteria.limits';

const LEVELS = Object.values(Level) as string[];
/** Bytes of one rules argument: 30 gates of 500-character expressions and messages fit with room. */
const RULES_BYTES = 128 * 1024;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkRules(key: 'bands' | 'gates' | 'downgrades' | 'quota', value: unknown): unknown {
  const fail = (message: string) => {
    throw new BadInputError(key, message);
  };
  // Sizes before shapes: counts, text lengths, and the bytes of whatever else came along.
  refuse(jsonSizeProblem(value, key, RULES_BYTES, 4, 'Cấu hình'));
  if (key !== 'quota') refuse(rulesProblem(key, value));
  if (key === 'quota') {
    if (!isObject(value)) fail('Cấu hình tỷ lệ phải là một đối tượng');
    const q = value as Record<string, unknown>;
    const share = Number(q.share);
    const outstanding = Number(q.outstandingShare);
    if (!(share > 0 && share <= 1) || !(outstanding >= share && outstanding <= 1)) fail('Tỷ lệ xuất sắc phải trong (0; 1], tỷ lệ khi có thành tích nổi bật không nhỏ hơn tỷ lệ thường');
    // Whether the base counts xuất sắc ratings is a setting of the rating period now, not of the set: dropped.
    return { share, outstandingShare: outstanding };
  }
  if (!Array.isArray(value)) fail('Phải là một danh sách');
  const list = value as unknown[];
  return list.map((item, i) => {
    if (!isObject(item)) fail(`Mục ${i + 1} không hợp lệ`);
    const o = item as Record<string, unknown>;
    if (key === 'bands') {
      if (!LEVELS.includes(String(o.level)) || !Number.isFinite(Number(o.min))) fail(`Mức ${i + 1}: cần mức xếp loại và điểm tối thiểu`);
      return { level: o.level, min: Number(o.min) };
    }
    if (typeof o.expression !== 'string' || typeof o.message !== 'string') fail(`Mục ${i + 1}: cần biểu thức và lời giải thích`);
    if (key === 'gates') {
      if (!LEVELS.includes(String(o.level))) fail(`Điều kiện ${i + 1}: cần mức xếp loại`);
      return { level: o.level, expression: o.expression, message: o.message };
    }
    return { code: String(o.code ?? ''), expression: o.expression, message: o.message };
  });
}
