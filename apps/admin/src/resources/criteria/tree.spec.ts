import { compile, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET, STANDARD_BANDS, STANDARD_QUOTA } from '@dangbo/rating-engine';
import type { CriterionDefinition } from '@dangbo/rating-engine';
import { CriterionKind, SubjectKind } from '@dangbo/shared-types';
import {
  applyDrafts,
  buildTree,
  changedFields,
  descendantIds,
  edgesOf,
  flattenTree,
  moveOrder,
  nextCode,
  nextPosition,
  sumChecks,
  toDefinition,
  type CriterionRow,
  type SetRules,
} from './tree';

let seq = 0;
function row(id: string, parentId: string | null, code: string, kind: CriterionKind, max: number, position: number, extra: Partial<CriterionRow> = {}): CriterionRow {
  seq++;
  return { id, setId: '9', parentId, code, name: code.toUpperCase(), description: null, kind, max, min: null, formula: null, position, version: seq, ...extra };
}

const G = CriterionKind.GROUP;
const S = CriterionKind.SCORE;

/** Two groups (30 + 70), the second with a bonus; positions deliberately out of order, as the API may return them. */
const ROWS: CriterionRow[] = [
  row('2', null, 'ket_qua', G, 70, 1),
  row('1', null, 'chung', G, 30, 0),
  row('12', '1', 'tu_phe_binh', S, 10, 1),
  row('11', '1', 'chinh_tri', S, 20, 0),
  row('21', '2', 'nhiem_vu', S, 70, 0),
  row('22', '2', 'khen_thuong', CriterionKind.BONUS, 5, 1, { formula: 'min(5, commendations)' }),
];

const RULES: SetRules = {
  name: 'Thử',
  subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM,
  totalMax: 100,
  bands: [...STANDARD_BANDS],
  gates: [],
  downgrades: [],
  quota: { ...STANDARD_QUOTA },
};

describe('buildTree', () => {
  it('nests children under their group, in position order, with their depth', () => {
    const tree = buildTree(ROWS);
    expect(tree.map((n) => n.code)).toEqual(['chung', 'ket_qua']);
    expect(tree[0].children.map((n) => [n.code, n.depth])).toEqual([
      ['chinh_tri', 1],
      ['tu_phe_binh', 1],
    ]);
    expect(flattenTree(tree).map((n) => n.code)).toEqual(['chung', 'chinh_tri', 'tu_phe_binh', 'ket_qua', 'nhiem_vu', 'khen_thuong']);
  });

  it('breaks position ties by id and shows an orphan at the top rather than losing it', () => {
    const rows = [row('5', null, 'b', S, 1, 0), row('4', null, 'a', S, 1, 0), row('6', '99', 'orphan', S, 1, 0)];
    expect(buildTree(rows).map((n) => n.code)).toEqual(['a', 'b', 'orphan']);
  });

  it('returns on a cycle in the parent links (bad data never hangs the editor)', () => {
    const rows = [row('1', '2', 'a', G, 1, 0), row('2', '1', 'b', G, 1, 0)];
    expect(flattenTree(buildTree(rows)).length).toBeLessThanOrEqual(2);
  });
});

describe('toDefinition', () => {
  it('builds the engine definition the API would build, and it compiles', () => {
    const def = toDefinition(RULES, ROWS);
    expect(def.items.map((i) => i.code)).toEqual(['chung', 'ket_qua']);
    expect(def.items[1].children?.[1]).toEqual({ code: 'khen_thuong', name: 'KHEN_THUONG', kind: CriterionKind.BONUS, max: 5, formula: 'min(5, commendations)' });
    const result = compile(def);
    expect(result.ok).toBe(true);
  });

  it('round-trips a shipped template (Mỹ Thạnh) through rows', () => {
    const rows: CriterionRow[] = [];
    const walk = (list: CriterionDefinition[], parentId: string | null) =>
      list.forEach((c, position) => {
        const id = String(rows.length + 1);
        rows.push(row(id, parentId, c.code, c.kind, c.max, position, { name: c.name, description: c.description ?? null, formula: c.formula ?? null, min: c.min ?? null }));
        if (c.children) walk(c.children, id);
      });
    const set = MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET;
    walk(set.items, null);
    const def = toDefinition({ ...set }, rows);
    expect(def.items).toEqual(set.items);
    expect(compile(def).ok).toBe(true);
  });

  it('drops blank formulas and descriptions and keeps a minimum of 0', () => {
    const rows = [row('1', null, 'a', S, 100, 0, { formula: '  ', description: '', min: 0 })];
    expect(toDefinition(RULES, rows).items[0]).toEqual({ code: 'a', name: 'A', kind: S, max: 100, min: 0 });
  });
});

describe('applyDrafts and changedFields', () => {
  it('applies unsaved edits over the saved rows', () => {
    const rows = applyDrafts(ROWS, { '11': { max: 25, name: 'Chính trị' } });
    expect(rows.find((r) => r.id === '11')).toMatchObject({ max: 25, name: 'Chính trị', code: 'chinh_tri' });
    expect(rows.find((r) => r.id === '12')).toBe(ROWS.find((r) => r.id === '12'));
  });

  it('sends only what changed; blank and null are the same', () => {
    const saved = ROWS.find((r) => r.id === '11') as CriterionRow;
    expect(changedFields(saved, { max: 20, name: 'Sửa', formula: '', description: null })).toEqual({ name: 'Sửa' });
    expect(changedFields(saved, undefined)).toEqual({});
  });
});

describe('sumChecks', () => {
  it('adds the children of each group (bonus and penalty excluded) and the top level against totalMax', () => {
    const { groups, total } = sumChecks(buildTree(ROWS), 100);
    expect(groups.get('1')).toEqual({ sum: 30, max: 30, ok: true });
    expect(groups.get('2')).toEqual({ sum: 70, max: 70, ok: true });
    expect(total).toEqual({ sum: 100, max: 100, ok: true });
  });

  it('reports a group whose children do not add up, with the numbers, live as drafts change', () => {
    const { groups, total } = sumChecks(buildTree(applyDrafts(ROWS, { '12': { max: 5 } })), 100);
    expect(groups.get('1')).toEqual({ sum: 25, max: 30, ok: false });
    expect(total.ok).toBe(true);
  });

  it('compares decimals after rounding (0.1 + 0.2 is 0.3) and counts a half-typed max as 0', () => {
    const rows = [row('1', null, 'g', G, 0.3, 0), row('2', '1', 'a', S, 0.1, 0), row('3', '1', 'b', S, 0.2, 1), row('4', '1', 'c', S, Number.NaN, 2)];
    expect(sumChecks(buildTree(rows), 0.3).groups.get('1')).toEqual({ sum: 0.3, max: 0.3, ok: true });
  });
});

describe('moveOrder', () => {
  it('swaps a criterion with its previous sibling and lists every sibling in the new order, for one reorderCriteria', () => {
    expect(moveOrder(ROWS, '12', -1)).toEqual({ parentId: '1', ids: ['12', '11'] });
    expect(moveOrder(ROWS, '21', 1)).toEqual({ parentId: '2', ids: ['22', '21'] });
  });

  it('moves groups among the top level only (parentId null), never past an end', () => {
    expect(moveOrder(ROWS, '1', -1)).toBeNull();
    expect(moveOrder(ROWS, '2', 1)).toBeNull();
    expect(moveOrder(ROWS, '1', 1)).toEqual({ parentId: null, ids: ['2', '1'] });
    expect(moveOrder(ROWS, 'nope', 1)).toBeNull();
  });

  it('orders by position then id whatever gaps and ties deletions and copies left, and sends all siblings', () => {
    const rows = [row('1', null, 'a', S, 1, 0), row('2', null, 'b', S, 1, 5), row('3', null, 'c', S, 1, 5), row('4', null, 'd', S, 1, 9), row('5', '1', 'x', S, 1, 0)];
    expect(moveOrder(rows, '4', -1)).toEqual({ parentId: null, ids: ['1', '2', '4', '3'] });
  });

  it('reads a parent id given as a number as the same parent', () => {
    const rows = [row('7', 3 as unknown as string, 'a', S, 1, 0), row('8', '3', 'b', S, 1, 1)];
    expect(moveOrder(rows, '8', -1)).toEqual({ parentId: '3', ids: ['8', '7'] });
  });

  it('tells the tree which buttons to disable', () => {
    expect(edgesOf(ROWS, '11')).toEqual({ first: true, last: false });
    expect(edgesOf(ROWS, '22')).toEqual({ first: false, last: true });
  });
});

describe('new criteria', () => {
  it('takes the smallest free code with the prefix', () => {
    expect(nextCode([{ code: 'nhom_1' }, { code: 'nhom_3' }], 'nhom')).toBe('nhom_2');
    expect(nextCode([], 'tieu_chi')).toBe('tieu_chi_1');
  });

  it('goes after the last sibling', () => {
    expect(nextPosition(ROWS, '1')).toBe(2);
    expect(nextPosition(ROWS, null)).toBe(2);
    expect(nextPosition(ROWS, '21')).toBe(0);
  });

  it('knows what a group takes with it when removed', () => {
    expect(descendantIds(ROWS, '2').sort()).toEqual(['21', '22']);
    expect(descendantIds([...ROWS, row('31', '21', 'x', S, 1, 0)], '2').sort()).toEqual(['21', '22', '31']);
    expect(descendantIds(ROWS, '11')).toEqual([]);
  });
});
