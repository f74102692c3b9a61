import { compile, evaluate, namesInScope, sampleInputs, type EngineError, type SubjectInputs } from '@dangbo/rating-engine';
import { ErrorCode } from '@dangbo/shared-types';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useCanAccess, useGetList, useGetOne, useLogout, useNotify, useRedirect } from 'react-admin';
import { codesWithProblems, problemTarget, publishProblemsOf, type RulesSection } from '../../criteria/problems';
import { sumChecks, toDefinition, type CriterionNode } from '../../criteria/tree';
import { editorAccess } from '../access';
import * as api from '../api';
import { mergeInputs } from '../preview';
import { normalizeRow, rulesOf, setFields, type CriteriaSetRecord } from '../types';
import type { EditableRules } from './RulesPanel';
import { useCriterionEdits } from './useCriterionEdits';

export type TabName = 'criteria' | 'rules' | 'preview';
/** The write waiting for the user's confirmation. */
export type Pending = { kind: 'remove'; node: CriterionNode } | { kind: 'publish' } | { kind: 'delete-set' } | null;

/**
 * Everything the editor page holds: the set and its criteria as read, the unsaved edits, what the rating engine makes
 * of them as they stand (compiled, checked, rated on sample inputs) and the writes to the server. Answers `loading`,
 * `missing` (no such set, or not readable) or `ready` with all of it.
 */
export function useCriteriaSetEditor(id: string) {
  const notify = useNotify();
  const redirect = useRedirect();
  const logout = useLogout();

  const { data: set, isPending, error, refetch: refetchSet } = useGetOne<CriteriaSetRecord>('CriteriaSet', { id, meta: { sparseFields: setFields() } });
  const {
    data: rawRows,
    isPending: rowsPending,
    refetch: refetchRows,
  } = useGetList('Criterion', { filter: { setId: id }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'position', order: 'ASC' } });
  const { data: period } = useGetOne('RatingPeriod', { id: set?.periodId ?? '' }, { enabled: !!set?.periodId });
  const { canAccess, isPending: accessPending } = useCanAccess({ resource: 'CriteriaSet', action: 'edit' });
  const { canAccess: canCreate, isPending: createPending } = useCanAccess({ resource: 'CriteriaSet', action: 'create' });

  const [tab, setTab] = useState<TabName>('criteria');
  const [rulesDraft, setRulesDraft] = useState<EditableRules | null>(null);
  const [publishProblems, setPublishProblems] = useState<EngineError[] | null>(null);
  const [showLiveProblems, setShowLiveProblems] = useState(false);
  const [rulesFocus, setRulesFocus] = useState<{ section: RulesSection; index?: number } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [rulesError, setRulesError] = useState<string | null>(null);
  const [previewInputs, setPreviewInputs] = useState<SubjectInputs | null>(null);
  const [server, setServer] = useState<{ result: api.ServerPreview; basis: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof api.ApiError && e.code === ErrorCode.UNAUTHENTICATED) {
        logout();
        return;
      }
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    },
    [logout, notify],
  );

  /** Runs one write at a time; the tree's buttons are disabled meanwhile. */
  const run = async (what: string, work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const rows = useMemo(() => (rawRows ?? []).map((r) => normalizeRow(r as unknown as Record<string, unknown>)), [rawRows]);
  const criteria = useCriterionEdits({ setId: id, rows, refetchRows, run, showCriteria: () => setTab('criteria') });
  const { working, tree } = criteria;
  const savedRules = useMemo(() => (set ? rulesOf(set) : null), [set]);
  const rules = rulesDraft ?? savedRules;
  const definition = useMemo(() => (set && rules ? toDefinition({ ...rules, subjectKind: set.subjectKind }, working) : null), [set, rules, working]);
  const savedDefinition = useMemo(() => (set && savedRules ? toDefinition({ ...savedRules, subjectKind: set.subjectKind }, rows) : null), [set, savedRules, rows]);
  const compiled = useMemo(() => (definition ? compile(definition) : null), [definition]);
  const problems = useMemo(() => (compiled && !compiled.ok ? compiled.errors : []), [compiled]);
  const sums = useMemo(() => sumChecks(tree, rules?.totalMax ?? 0), [tree, rules]);
  const sample = useMemo(() => (definition ? sampleInputs(definition) : null), [definition]);
  const inputs = useMemo(() => (sample ? mergeInputs(previewInputs, sample) : null), [previewInputs, sample]);
  const evaluation = useMemo(() => (compiled?.ok && inputs ? evaluate(compiled.compiled, inputs) : null), [compiled, inputs]);
  const problemCodes = useMemo(() => (definition ? codesWithProblems(definition, problems) : new Set<string>()), [definition, problems]);
  const codeLabels = useMemo(() => Object.fromEntries(working.map((r) => [r.code, r.name])), [working]);
  const ruleNames = useMemo(() => (definition ? namesInScope(definition) : []), [definition]);
  const rulesDirty = !!rulesDraft && !!savedRules && JSON.stringify(rulesDraft) !== JSON.stringify(savedRules);

  // The capability says what the user may do somewhere; viewerCanManage, whether here (the set's owner unit).
  const access = set ? editorAccess(set, { edit: canAccess, create: canCreate }) : null;
  const editable = !!access?.editable;
  const unsavedCount = criteria.dirtyIds.size + (rulesDirty ? 1 : 0);
  /** What a server preview is computed from: when it changes, the last server answer is out of date. */
  const previewBasis = useMemo(() => JSON.stringify([definition, inputs]), [definition, inputs]);

  // Unsaved edits live in this page only: closing or reloading the tab asks first.
  useEffect(() => {
    if (unsavedCount === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsavedCount]);

  const readOnly = !editable || accessPending;

  const saveRules = () =>
    set &&
    rulesDraft &&
    run('rules', async () => {
      setRulesError(null);
      try {
        await api.updateCriteriaSet(set.id, set.version, rulesDraft);
      } catch (e) {
        if (e instanceof api.ApiError && (e.code === ErrorCode.BAD_USER_INPUT || e.code === ErrorCode.CONFLICT)) {
          setRulesError(e.message);
          return;
        }
        throw e;
      }
      setRulesDraft(null);
      await refetchSet();
      notify('app.criteria.notify.rules_saved', { type: 'success' });
    });

  const discardRules = () => {
    setRulesDraft(null);
    setRulesError(null);
  };

  const publish = () =>
    set &&
    run('publish', async () => {
      try {
        await api.publishCriteriaSet(set.id);
      } catch (e) {
        if (e instanceof api.ApiError && e.code === ErrorCode.BAD_USER_INPUT) {
          setPublishProblems(publishProblemsOf(e));
          window.scrollTo?.({ top: 0, behavior: 'smooth' });
          return;
        }
        throw e;
      }
      setPublishProblems(null);
      criteria.clearDrafts();
      setRulesDraft(null);
      await refetchSet();
      notify('app.criteria.notify.published', { type: 'success' });
    });

  const clone = () =>
    set &&
    run('clone', async () => {
      const created = await api.cloneCriteriaSet(set.id);
      notify('app.criteria.notify.cloned', { type: 'success', messageArgs: { revision: created.revision } });
      redirect('edit', 'CriteriaSet', created.id);
    });

  const deleteSet = () =>
    set &&
    run('delete-set', async () => {
      await api.deleteCriteriaSet(set.id);
      notify('app.criteria.notify.set_deleted', { type: 'info' });
      redirect('list', 'CriteriaSet');
    });

  /** The server rates the draft as the editor holds it when there are unsaved edits, the saved set otherwise. */
  const runServer = () =>
    inputs &&
    definition &&
    run('server', async () => {
      const basis = previewBasis;
      const result = await api.previewCriteriaSet(id, inputs, unsavedCount > 0 ? definition : undefined);
      setServer({ result, basis });
    });

  /** Opens where a problem is: the criterion in the tree, or the rules' section. A publish refusal speaks of the saved set. */
  const pick = (p: EngineError, fromServer: boolean) => {
    const basis = fromServer ? savedDefinition : definition;
    const target = problemTarget(basis, p);
    if (target.tab === 'criteria') {
      const row = working.find((r) => r.code === target.code) ?? rows.find((r) => r.code === target.code);
      if (row) {
        criteria.select(row.id);
        setTab('criteria');
        requestAnimationFrame(() => document.querySelector(`[data-code="${CSS.escape(row.code)}"]`)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }));
      }
    } else if (target.tab === 'rules') {
      setTab('rules');
      setRulesFocus({ section: target.section, index: target.index });
    }
  };

  if (isPending || rowsPending) return { status: 'loading' as const };
  if (error || !set || !definition || !rules || !inputs) return { status: 'missing' as const };
  return {
    status: 'ready' as const,
    set,
    periodName: period?.name as string | undefined,
    access,
    editable,
    readOnly,
    /** The capabilities are still being read: the read-only notice waits for them. */
    capabilitiesPending: accessPending || createPending,
    rows,
    criteria,
    rules,
    rulesDirty,
    rulesError,
    rulesFocus,
    setRulesDraft,
    definition,
    problems,
    rulesProblems: problems.filter((p) => problemTarget(definition, p).tab === 'rules'),
    criteriaProblems: problems.filter((p) => problemTarget(definition, p).tab === 'criteria'),
    problemCodes,
    publishProblems,
    setPublishProblems,
    showLiveProblems,
    setShowLiveProblems,
    sums,
    codeLabels,
    ruleNames,
    inputs,
    setPreviewInputs,
    evaluation,
    server: server?.result ?? null,
    serverStale: !!server && server.basis !== previewBasis,
    tab,
    setTab,
    busy,
    unsavedCount,
    pending,
    setPending,
    saveRules,
    discardRules,
    publish,
    clone,
    deleteSet,
    runServer,
    pick,
  };
}

/** The editor once the set and its criteria are read. */
export type CriteriaSetEditorState = Extract<ReturnType<typeof useCriteriaSetEditor>, { status: 'ready' }>;
