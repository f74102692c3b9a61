/**
 * Where a problem of a criteria set points to, for the editor: the engine's `EngineError.path`
 * (`items[1].children[0].formula`, `gates[2].expression`, `totalMax`) becomes the criterion to select or the part
 * of the rules to show. Also numbers typed the Vietnamese way and the caret under a formula error.
 */
import type { CriteriaSetDefinition, CriterionDefinition, EngineError } from '@dangbo/rating-engine';

export type RulesSection = 'general' | 'bands' | 'gates' | 'downgrades' | 'quota';

export type ProblemTarget =
  | { tab: 'criteria'; code: string; field?: string }
  | { tab: 'rules'; section: RulesSection; index?: number; field?: string }
  | { tab: 'none' };

const ITEM_STEP = /^(?:items|children)\[(\d+)\]/;

/** The criterion a definition path such as `items[1].children[0].max` names, and the field after it. */
export function criterionAtPath(definition: CriteriaSetDefinition, path: string): { code: string; field?: string } | null {
  let rest = path;
  let list: CriterionDefinition[] | undefined = definition.items;
  let found: CriterionDefinition | undefined;
  while (rest) {
    const m = ITEM_STEP.exec(rest);
    if (!m) break;
    found = list?.[Number(m[1])];
    if (!found) return null;
    list = found.children;
    rest = rest.slice(m[0].length).replace(/^\./, '');
  }
  if (!found) return null;
  return rest ? { code: found.code, field: rest.split('.')[0] } : { code: found.code };
}

/** What to show for a problem: the criterion (by code, else by path) or the section of the rules. */
export function problemTarget(definition: CriteriaSetDefinition | null, error: Pick<EngineError, 'path' | 'criterionCode'>): ProblemTarget {
  const path = error.path ?? '';
  const located = definition && path.startsWith('items') ? criterionAtPath(definition, path) : null;
  if (error.criterionCode || located) {
    const field = located?.field ?? (/\.(\w+)$/.exec(path)?.[1] || undefined);
    return { tab: 'criteria', code: error.criterionCode ?? (located as { code: string }).code, ...(field ? { field } : {}) };
  }
  const rule = /^(bands|gates|downgrades|quota)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(path);
  if (rule) {
    const [, section, index, field] = rule;
    return { tab: 'rules', section: section as RulesSection, ...(index !== undefined ? { index: Number(index) } : {}), ...(field ? { field } : {}) };
  }
  if (path === 'totalMax' || path === 'name' || path === 'subjectKind') return { tab: 'rules', section: 'general', field: path };
  return { tab: 'none' };
}

/** Problems of one criterion (by code), keyed by the field they are about (`code`, `max`, `formula`, …; `''` for the whole). */
export function problemsOfCriterion(definition: CriteriaSetDefinition, errors: readonly EngineError[], code: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const t = problemTarget(definition, e);
    if (t.tab === 'criteria' && t.code === code) {
      const field = t.field ?? '';
      if (!(field in out)) out[field] = e.message;
    }
  }
  return out;
}

/** The codes of the criteria that have at least one problem (the tree marks them). */
export function codesWithProblems(definition: CriteriaSetDefinition, errors: readonly EngineError[]): Set<string> {
  const out = new Set<string>();
  for (const e of errors) {
    const t = problemTarget(definition, e);
    if (t.tab === 'criteria') out.add(t.code);
  }
  return out;
}

/** Problems of the rules, keyed by their path without `.expression` (`gates[1]`, `bands[0].min`, `quota.share`, `totalMax`). */
export function problemsByPath(errors: readonly EngineError[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) if (!out.has(e.path)) out.set(e.path, e.message);
  return out;
}

/**
 * The list a refused `publishCriteriaSet` carries in `extensions.errors` (every problem, not only the first); the
 * error's own message alone when the list is missing.
 */
export function publishProblemsOf(error: { message?: string; extensions?: Record<string, unknown> } | null | undefined): EngineError[] {
  const list = error?.extensions?.errors;
  if (Array.isArray(list) && list.length > 0) {
    return list
      .filter((e): e is EngineError => !!e && typeof e === 'object' && typeof (e as EngineError).message === 'string')
      .map((e) => ({ ...e, path: typeof e.path === 'string' ? e.path : '' }));
  }
  return error?.message ? [{ path: '', code: 'ERROR', message: error.message }] : [];
}

/** A formula cut around the 0-based position of its error, for the caret shown under it. */
export function splitAt(source: string, position: number | undefined): { before: string; at: string; after: string } | null {
  if (position === undefined || position === null || !Number.isFinite(position) || position < 0) return null;
  const p = Math.min(Math.floor(position), source.length);
  // Past the end (a formula cut short), the caret marks an empty slot after the last character.
  return { before: source.slice(0, p), at: source.slice(p, p + 1), after: source.slice(p + 1) };
}

/**
 * A number as people type it: `7,5` and `7.5` both mean 7.5; blank is null; anything else is NaN (shown as an
 * error, never sent).
 */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '');
  if (s === '') return null;
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/** A number the Vietnamese way (decimal comma) or the English way. */
export function formatNumber(x: number | null | undefined, locale: string): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const rounded = Math.round(x * 100) / 100;
  return locale === 'vi' ? String(rounded).replace('.', ',') : String(rounded);
}
