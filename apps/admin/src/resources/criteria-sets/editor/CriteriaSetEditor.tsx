import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Alert, Badge, Box, Button, Paper, Tab, Tabs, Typography } from '@mui/material';
import { compile, evaluate, namesInScope, sampleInputs, type EngineError, type SubjectInputs } from '@dangbo/rating-engine';
import { CriterionKind, ErrorCode } from '@dangbo/shared-types';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Confirm, Loading, Title, useCanAccess, useGetList, useGetOne, useLocaleState, useLogout, useNotify, useParams, useRedirect, useTranslate } from 'react-admin';
import { CriteriaTree, TreeToolbar } from '../../criteria/CriteriaTree';
import { CriterionPanel } from '../../criteria/CriterionPanel';
import { codesWithProblems, formatNumber, problemsByPath, problemsOfCriterion, problemTarget, publishProblemsOf, type RulesSection } from '../../criteria/problems';
import {
  applyDrafts,
  buildTree,
  changedFields,
  descendantIds,
  flattenTree,
  moveOrder,
  nextCode,
  nextPosition,
  sumChecks,
  toDefinition,
  type CriterionFields,
  type CriterionNode,
  type Drafts,
} from '../../criteria/tree';
import { hasMin, usesFormula } from '../../criteria/validation';
import { editorAccess } from '../access';
import * as api from '../api';
import { mergeInputs } from '../preview';
import { normalizeRow, rulesOf, setFields, type CriteriaSetRecord } from '../types';
import { EditorHeader } from './EditorHeader';
import { PreviewPanel } from './PreviewPanel';
import { ProblemList } from './ProblemList';
import { RulesPanel, type EditableRules } from './RulesPanel';

type TabName = 'criteria' | 'rules' | 'preview';
type Pending = { kind: 'remove'; node: CriterionNode } | { kind: 'publish' } | { kind: 'delete-set' } | null;

/** The set's edit view: the page is keyed by id, so opening the clone starts from a clean state. */
export const CriteriaSetEditor = () => {
  const { id } = useParams<{ id: string }>();
  return id ? <EditorPage key={id} id={id} /> : null;
};

const EditorPage = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const logout = useLogout();
  const [locale] = useLocaleState();

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
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [rulesDraft, setRulesDraft] = useState<EditableRules | null>(null);
  const [publishProblems, setPublishProblems] = useState<EngineError[] | null>(null);
  const [showLiveProblems, setShowLiveProblems] = useState(false);
  const [rulesFocus, setRulesFocus] = useState<{ section: RulesSection; index?: number } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [criterionError, setCriterionError] = useState<{ id: string; message: string; field?: string; position?: number } | null>(null);
  const [rulesError, setRulesError] = useState<string | null>(null);
  const [previewInputs, setPreviewInputs] = useState<SubjectInputs | null>(null);
  const [server, setServer] = useState<{ result: api.ServerPreview; basis: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const rows = useMemo(() => (rawRows ?? []).map((r) => normalizeRow(r as unknown as Record<string, unknown>)), [rawRows]);
  const working = useMemo(() => applyDrafts(rows, drafts), [rows, drafts]);
  const savedRules = useMemo(() => (set ? rulesOf(set) : null), [set]);
  const rules = rulesDraft ?? savedRules;
  const definition = useMemo(() => (set && rules ? toDefinition({ ...rules, subjectKind: set.subjectKind }, working) : null), [set, rules, working]);
  const savedDefinition = useMemo(() => (set && savedRules ? toDefinition({ ...savedRules, subjectKind: set.subjectKind }, rows) : null), [set, savedRules, rows]);
  const compiled = useMemo(() => (definition ? compile(definition) : null), [definition]);
  const problems = useMemo(() => (compiled && !compiled.ok ? compiled.errors : []), [compiled]);
  const tree = useMemo(() => buildTree(working), [working]);
  const sums = useMemo(() => sumChecks(tree, rules?.totalMax ?? 0), [tree, rules]);
  const sample = useMemo(() => (definition ? sampleInputs(definition) : null), [definition]);
  const inputs = useMemo(() => (sample ? mergeInputs(previewInputs, sample) : null), [previewInputs, sample]);
  const evaluation = useMemo(() => (compiled?.ok && inputs ? evaluate(compiled.compiled, inputs) : null), [compiled, inputs]);
  const problemCodes = useMemo(() => (definition ? codesWithProblems(definition, problems) : new Set<string>()), [definition, problems]);
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
  const codeLabels = useMemo(() => Object.fromEntries(working.map((r) => [r.code, r.name])), [working]);
  const ruleNames = useMemo(() => (definition ? namesInScope(definition) : []), [definition]);
  const rulesDirty = !!rulesDraft && !!savedRules && JSON.stringify(rulesDraft) !== JSON.stringify(savedRules);

  // The capability says what the user may do somewhere; viewerCanManage, whether here (the set's owner unit).
  const access = set ? editorAccess(set, { edit: canAccess, create: canCreate }) : null;
  const editable = !!access?.editable;
  const unsavedCount = dirtyIds.size + (rulesDirty ? 1 : 0);
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
  const selected = useMemo(() => flattenTree(tree).find((n) => n.id === selectedId) ?? null, [tree, selectedId]);

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
    setBusy('save');
    setCriterionError(null);
    try {
      await api.updateCriterion(nodeId, row.version, fields);
      // Fetched before the draft goes, so the panel never shows the old values in between.
      await refetchRows();
      setDrafts(({ [nodeId]: _, ...rest }) => rest);
      notify('app.criteria.notify.criterion_saved', { type: 'success' });
    } catch (e) {
      if (e instanceof api.ApiError && e.code === ErrorCode.BAD_USER_INPUT) {
        const position = typeof e.extensions.position === 'number' ? e.extensions.position : undefined;
        setCriterionError({ id: nodeId, message: e.message, field: e.field, position });
      } else if (e instanceof api.ApiError && e.code === ErrorCode.CONFLICT) {
        setCriterionError({ id: nodeId, message: e.message });
      } else fail(e);
    } finally {
      setBusy(null);
    }
  };

  const add = (parentId: string | null, kind: 'group' | 'criterion') =>
    run('add', async () => {
      const isGroup = kind === 'group';
      const created = await api.createCriterion({
        setId: id,
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
      setTab('criteria');
    });

  /** One `reorderCriteria` with every sibling in the new order; on a refusal (siblings changed meanwhile), the tree is read again. */
  const move = (nodeId: string, delta: -1 | 1) =>
    run('move', async () => {
      const order = moveOrder(rows, nodeId, delta);
      if (!order) return;
      try {
        await api.reorderCriteria(id, order.parentId, order.ids);
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
      setDrafts({});
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

  const pick = (p: EngineError, fromServer: boolean) => {
    const basis = fromServer ? savedDefinition : definition;
    const target = problemTarget(basis, p);
    if (target.tab === 'criteria') {
      const row = working.find((r) => r.code === target.code) ?? rows.find((r) => r.code === target.code);
      if (row) {
        setSelectedId(row.id);
        setTab('criteria');
        requestAnimationFrame(() => document.querySelector(`[data-code="${CSS.escape(row.code)}"]`)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }));
      }
    } else if (target.tab === 'rules') {
      setTab('rules');
      setRulesFocus({ section: target.section, index: target.index });
    }
  };

  if (isPending || rowsPending) return <Loading />;
  if (error || !set || !definition || !rules || !inputs) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {translate('app.criteria.editor.not_found')}
      </Alert>
    );
  }

  const rulesProblems = problems.filter((p) => problemTarget(definition, p).tab === 'rules');
  const criteriaProblems = problems.filter((p) => problemTarget(definition, p).tab === 'criteria');

  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 4, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="app.criteria.editor.title" />
      <EditorHeader
        set={set}
        periodName={period?.name}
        unsavedCount={readOnly ? 0 : unsavedCount}
        canDelete={editable}
        canPublish={editable}
        canTemplate={!!access?.canTemplate}
        canClone={!!access?.canClone}
        busy={busy}
        onDelete={() => setPending({ kind: 'delete-set' })}
        onClone={clone}
        onPublish={() => setPending({ kind: 'publish' })}
      />

      {access?.readOnlyReason && !accessPending && !createPending && (
        <Alert severity="info" icon={<LockOutlinedIcon />}>
          {translate(access.readOnlyReason, { unit: set.unit?.name ?? '' })}
        </Alert>
      )}

      {publishProblems && publishProblems.length > 0 && (
        <ProblemList
          title="app.criteria.editor.publish_refused"
          problems={publishProblems}
          severity="error"
          resolved={(p) => !problems.some((q) => q.code === p.code && q.path === p.path && q.criterionCode === p.criterionCode)}
          onPick={(p) => pick(p, true)}
          onClose={() => setPublishProblems(null)}
        />
      )}

      {editable && problems.length > 0 && !publishProblems && (
        <Box>
          <Button size="small" color="warning" onClick={() => setShowLiveProblems((s) => !s)}>
            {translate(showLiveProblems ? 'app.criteria.editor.hide_problems' : 'app.criteria.editor.show_problems', { smart_count: problems.length })}
          </Button>
          {showLiveProblems && <ProblemList title="app.criteria.editor.live_problems" problems={problems} severity="warning" onPick={(p) => pick(p, false)} />}
        </Box>
      )}

      <Paper variant="outlined" sx={{ px: 1 }}>
        <Tabs value={tab} onChange={(_, v) => setTab(v)} aria-label={translate('app.criteria.editor.title')}>
          <Tab value="criteria" label={<TabLabel text={translate('app.criteria.tabs.criteria', { smart_count: rows.length })} count={criteriaProblems.length} />} />
          <Tab value="rules" label={<TabLabel text={translate('app.criteria.tabs.rules')} count={rulesProblems.length} dirty={rulesDirty} />} />
          <Tab value="preview" label={<TabLabel text={translate('app.criteria.tabs.preview')} count={0} />} />
        </Tabs>
      </Paper>

      {tab === 'criteria' && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 6fr) minmax(0, 5fr)' }, gap: 2, alignItems: 'start' }}>
          <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1.25, borderBottom: '1px solid', borderColor: 'divider', flexWrap: 'wrap' }}>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, color: 'primary.dark', flex: 1 }}>
                {translate('app.criteria.tree.title')}
              </Typography>
              {!readOnly && <TreeToolbar onAdd={add} busy={!!busy} />}
            </Box>
            <TotalBar ok={sums.total.ok} text={translate(sums.total.ok ? 'app.criteria.tree.total_ok' : 'app.criteria.tree.total_mismatch', { sum: formatNumber(sums.total.sum, locale), max: formatNumber(sums.total.max, locale) })} />
            <CriteriaTree
              nodes={tree}
              rows={working}
              selectedId={selectedId}
              onSelect={setSelectedId}
              groupSums={sums.groups}
              problemCodes={problemCodes}
              dirtyIds={dirtyIds}
              readOnly={readOnly}
              busy={!!busy}
              onAdd={add}
              onMove={move}
              onDelete={(node) => setPending({ kind: 'remove', node })}
            />
          </Paper>
          <Paper variant="outlined" sx={{ p: 2, position: { lg: 'sticky' }, top: { lg: 64 }, maxHeight: { lg: 'calc(100vh - 80px)' }, overflowY: { lg: 'auto' } }}>
            {selected ? (
              <CriterionPanel
                key={selected.id}
                node={selected}
                rows={working}
                definition={definition}
                problems={problemsOfCriterion(definition, problems, selected.code)}
                sum={sums.groups.get(selected.id)}
                sample={selected.kind === CriterionKind.GROUP ? evaluation?.groups[selected.code] : evaluation?.points[selected.code]}
                dirty={dirtyIds.has(selected.id)}
                readOnly={readOnly}
                saving={busy === 'save'}
                serverError={criterionError?.id === selected.id ? criterionError : null}
                onChange={(fields) => edit(selected.id, fields)}
                onSave={() => save(selected.id)}
                onDiscard={() => discard(selected.id)}
              />
            ) : (
              <Box sx={{ color: 'text.secondary', p: 2, textAlign: 'center' }}>
                <Typography variant="body2">{translate('app.criteria.panel.none')}</Typography>
              </Box>
            )}
          </Paper>
        </Box>
      )}

      {tab === 'rules' && (
        <RulesPanel
          rules={rules}
          onChange={setRulesDraft}
          problems={problemsByPath(problems)}
          names={ruleNames}
          codeLabels={codeLabels}
          topSum={sums.total}
          readOnly={readOnly}
          dirty={rulesDirty}
          saving={busy === 'rules'}
          serverError={rulesError}
          onSave={saveRules}
          onDiscard={() => {
            setRulesDraft(null);
            setRulesError(null);
          }}
          focus={rulesFocus}
        />
      )}

      {tab === 'preview' && (
        <PreviewPanel
          definition={definition}
          inputs={inputs}
          onInputs={setPreviewInputs}
          onReset={() => setPreviewInputs(null)}
          evaluation={evaluation}
          problems={problems}
          server={server?.result ?? null}
          serverPending={busy === 'server'}
          onRunServer={runServer}
          serverStale={!!server && server.basis !== previewBasis}
        />
      )}

      <Confirm
        isOpen={pending?.kind === 'remove'}
        title="app.criteria.confirm.remove_title"
        content={pending?.kind === 'remove' && pending.node.children.length > 0 ? 'app.criteria.confirm.remove_group' : 'app.criteria.confirm.remove_criterion'}
        translateOptions={pending?.kind === 'remove' ? { name: pending.node.name, smart_count: descendantIds(rows, pending.node.id).length } : {}}
        onConfirm={() => {
          if (pending?.kind === 'remove') remove(pending.node);
          setPending(null);
        }}
        onClose={() => setPending(null)}
      />
      <Confirm
        isOpen={pending?.kind === 'publish'}
        title="app.criteria.confirm.publish_title"
        content={unsavedCount > 0 ? 'app.criteria.confirm.publish_unsaved' : 'app.criteria.confirm.publish'}
        translateOptions={{ smart_count: unsavedCount }}
        confirm="app.criteria.editor.publish"
        onConfirm={() => {
          setPending(null);
          publish();
        }}
        onClose={() => setPending(null)}
      />
      <Confirm
        isOpen={pending?.kind === 'delete-set'}
        title="app.criteria.confirm.delete_set_title"
        content="app.criteria.confirm.delete_set"
        onConfirm={() => {
          setPending(null);
          deleteSet();
        }}
        onClose={() => setPending(null)}
      />
    </Box>
  );
};

const TabLabel = ({ text, count, dirty }: { text: string; count: number; dirty?: boolean }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
    <span>{text}</span>
    {count > 0 && <Badge color="error" badgeContent={count} sx={{ '& .MuiBadge-badge': { position: 'static', transform: 'none' } }} />}
    {dirty && <Box component="span" sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: 'secondary.main' }} />}
  </Box>
);

const TotalBar = ({ ok, text }: { ok: boolean; text: string }) => (
  <Box
    data-testid="total-check"
    sx={{
      px: 2,
      py: 0.75,
      fontSize: 13.5,
      fontWeight: 600,
      color: ok ? 'success.dark' : '#8a5300',
      bgcolor: ok ? '#eef7f0' : '#fff6e5',
      borderBottom: '1px solid',
      borderColor: 'divider',
    }}
  >
    {text}
  </Box>
);
