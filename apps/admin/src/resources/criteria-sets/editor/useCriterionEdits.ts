import { CriterionKind, ErrorCode } from '@dangbo/shared-types';
import { useMemo, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import {
  applyDrafts,
  buildTree,
  changedFields,
  descendantIds,
  flattenTree,
  moveOrder,
  nextCode,
  nextPosition,
  type CriterionFields,
  type CriterionNode,
  type CriterionRow,
  type Drafts,
} from '../../criteria/tree';
import { hasMin, usesFormula } from '../../criteria/validation';
import * as api from '../api';

/** The server's refusal of a criterion's save, shown next to the field it names. */
export type CriterionError = { id: string; message: string; field?: string; position?: number };

export interface CriterionEditsOptions {
  setId: string;
  /** The saved criteria of the set, as last read. */
  rows: CriterionRow[];
  refetchRows: () => Promise<unknown>;
  /** Runs one write at a time (the editor's busy flag and error notice). */
  run: (what: string, work: () => Promise<void>) => Promise<void>;
  /** Brings the criteria tab forward, where a new criterion shows. */
  showCriteria: () => void;
}

/**
 * The criteria tab's state: the selected criterion, the unsaved edits of each criterion (drafts, applied over the saved
 * rows as `working`) and the writes on criteria (save, add, move, remove).
 */
export function useCriterionEdits({ setId, rows, refetchRows, run, showCriteria }: CriterionEditsOptions) {
  const translate = useTranslate();
  const notify = useNotify();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [criterionError, setCriterionError] = useState<CriterionError | null>(null);

  const working = useMemo(() => applyDrafts(rows, drafts), [rows, drafts]);
  const tree = useMemo(() => buildTree(working), [working]);
  const selected = useMemo(() => flattenTree(tree).find((n) => n.id === selectedId) ?? null, [tree, selectedId]);
  const dirtyIds = useMemo(
    () =>
      new Set(
        Object.keys(drafts).filter((k) => {
          const row = rows.find((r) => r.id === k);
          return row && Object.keys(changedFields(row, drafts[k])).length > 0;
        }),
      ),
    [drafts, rows],
  );

  const edit = (nodeId: string, fields: Partial<CriterionFields>) => {
    setDrafts((d) => ({ ...d, [nodeId]: { ...d[nodeId], ...fields } }));
    if (criterionError?.id === nodeId) setCriterionError(null);
  };

  const discard = (nodeId: string) => {
    setDrafts(({ [nodeId]: _, ...rest }) => rest);
    setCriterionError(null);
  };

  const save = async (nodeId: string) => {
    const row = rows.find((r) => r.id === nodeId);
    if (!row) return;
    const merged = { ...row, ...drafts[nodeId] };
    const fields: Partial<CriterionFields> = changedFields(row, drafts[nodeId]);
    // What the new kind does not use is cleared, so that a former formula or minimum does not linger.
    if (!usesFormula(merged.kind) && row.formula) fields.formula = null;
    if (!hasMin(merged.kind) && row.min !== null && row.min !== undefined) fields.min = null;
    await run('save', async () => {
      setCriterionError(null);
      try {
        await api.updateCriterion(nodeId, row.version, fields);
      } catch (e) {
        // A refusal of this criterion stays on its panel; anything else is the editor's notice.
        if (e instanceof api.ApiError && e.code === ErrorCode.BAD_USER_INPUT) {
          const position = typeof e.extensions.position === 'number' ? e.extensions.position : undefined;
          setCriterionError({ id: nodeId, message: e.message, field: e.field, position });
          return;
        }
        if (e instanceof api.ApiError && e.code === ErrorCode.CONFLICT) {
          setCriterionError({ id: nodeId, message: e.message });
          return;
        }
        throw e;
      }
      // Fetched before the draft goes, so the panel never shows the old values in between.
      await refetchRows();
      setDrafts(({ [nodeId]: _, ...rest }) => rest);
      notify('app.criteria.notify.criterion_saved', { type: 'success' });
    });
  };

  const add = (parentId: string | null, kind: 'group' | 'criterion') =>
    run('add', async () => {
      const isGroup = kind === 'group';
      const created = await api.createCriterion({
        setId,
        parentId,
        code: nextCode(working, isGroup ? 'nhom' : 'tieu_chi'),
        name: translate(isGroup ? 'app.criteria.new_group' : 'app.criteria.new_criterion'),
        kind: isGroup ? CriterionKind.GROUP : CriterionKind.SCORE,
        max: 0,
        min: null,
        formula: null,
        description: null,
        position: nextPosition(rows, parentId),
      });
      await refetchRows();
      setSelectedId(String(created.id));
      showCriteria();
    });

  /** One `reorderCriteria` with every sibling in the new order; on a refusal (siblings changed meanwhile), the tree is read again. */
  const move = (nodeId: string, delta: -1 | 1) =>
    run('move', async () => {
      const order = moveOrder(rows, nodeId, delta);
      if (!order) return;
      try {
        await api.reorderCriteria(setId, order.parentId, order.ids);
      } finally {
        await refetchRows();
      }
    });

  const remove = (node: CriterionNode) =>
    run('remove', async () => {
      await api.deleteCriterion(node.id);
      const gone = new Set([node.id, ...descendantIds(rows, node.id)]);
      setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !gone.has(k))));
      if (selectedId && gone.has(selectedId)) setSelectedId(node.parentId);
      await refetchRows();
      notify('app.criteria.notify.criterion_removed', { type: 'info' });
    });

  return {
    selectedId,
    select: setSelectedId,
    selected,
    working,
    tree,
    dirtyIds,
    criterionError,
    /** Drops every unsaved criterion edit (after a publish: a published set takes no more edits). */
    clearDrafts: () => setDrafts({}),
    edit,
    discard,
    save,
    add,
    move,
    remove,
  };
}
