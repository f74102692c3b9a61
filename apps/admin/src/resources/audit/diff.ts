/**
 * The audit log keeps `before` and `after` as JSON text. This lines them up field by field for the show page: one
 * row per key of either side, in the order the record wrote them, marked when the value changed.
 */
export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  /** Present on one side only, or different. */
  changed: boolean;
}

/** The value of a JSON text; undefined when there is none; the text itself when it is not JSON. */
export function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The rows of the side-by-side table; a side that is not an object is one row with an empty key. */
export function diffRows(beforeText: string | null | undefined, afterText: string | null | undefined): DiffRow[] {
  const before = parseJson(beforeText);
  const after = parseJson(afterText);
  if (before === undefined && after === undefined) return [];
  if ((before === undefined || isPlainObject(before)) && (after === undefined || isPlainObject(after))) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.map((key) => ({
      key,
      before: b[key],
      after: a[key],
      changed: !(key in b) || !(key in a) || !same(b[key], a[key]),
    }));
  }
  return [{ key: '', before, after, changed: !same(before, after) }];
}

/** A value as text for a table cell: strings as they are, numbers and booleans plainly, the rest as indented JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

/** The whole side, indented, for the raw view. */
export function prettyJson(text: string | null | undefined): string {
  const value = parseJson(text);
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
