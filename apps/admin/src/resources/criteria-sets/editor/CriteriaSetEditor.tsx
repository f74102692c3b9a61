import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Alert, Badge, Box, Button, Paper, Tab, Tabs } from '@mui/material';
import { Loading, Title, useParams, useTranslate } from 'react-admin';
import { problemsByPath } from '../../criteria/problems';
import { CriteriaTab } from './CriteriaTab';
import { EditorConfirms } from './EditorConfirms';
import { EditorHeader } from './EditorHeader';
import { PreviewPanel } from './PreviewPanel';
import { ProblemList } from './ProblemList';
import { RulesPanel } from './RulesPanel';
import { useCriteriaSetEditor } from './useCriteriaSetEditor';

/** The set's edit view: the page is keyed by id, so opening the clone starts from a clean state. */
export const CriteriaSetEditor = () => {
  const { id } = useParams<{ id: string }>();
  return id ? <EditorPage key={id} id={id} /> : null;
};

const EditorPage = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const editor = useCriteriaSetEditor(id);

  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'missing') {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {translate('app.criteria.editor.not_found')}
      </Alert>
    );
  }

  const { set, access, editable, readOnly, problems, publishProblems, busy, tab } = editor;
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 4, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="app.criteria.editor.title" />
      <EditorHeader
        set={set}
        periodName={editor.periodName}
        unsavedCount={readOnly ? 0 : editor.unsavedCount}
        canDelete={editable}
        canPublish={editable}
        canTemplate={!!access?.canTemplate}
        canClone={!!access?.canClone}
        busy={busy}
        onDelete={() => editor.setPending({ kind: 'delete-set' })}
        onClone={editor.clone}
        onPublish={() => editor.setPending({ kind: 'publish' })}
      />

      {access?.readOnlyReason && !editor.capabilitiesPending && (
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
          onPick={(p) => editor.pick(p, true)}
          onClose={() => editor.setPublishProblems(null)}
        />
      )}

      {editable && problems.length > 0 && !publishProblems && (
        <Box>
          <Button size="small" color="warning" onClick={() => editor.setShowLiveProblems((s) => !s)}>
            {translate(editor.showLiveProblems ? 'app.criteria.editor.hide_problems' : 'app.criteria.editor.show_problems', { smart_count: problems.length })}
          </Button>
          {editor.showLiveProblems && <ProblemList title="app.criteria.editor.live_problems" problems={problems} severity="warning" onPick={(p) => editor.pick(p, false)} />}
        </Box>
      )}

      <Paper variant="outlined" sx={{ px: 1 }}>
        <Tabs value={tab} onChange={(_, v) => editor.setTab(v)} aria-label={translate('app.criteria.editor.title')}>
          <Tab value="criteria" label={<TabLabel text={translate('app.criteria.tabs.criteria', { smart_count: editor.rows.length })} count={editor.criteriaProblems.length} />} />
          <Tab value="rules" label={<TabLabel text={translate('app.criteria.tabs.rules')} count={editor.rulesProblems.length} dirty={editor.rulesDirty} />} />
          <Tab value="preview" label={<TabLabel text={translate('app.criteria.tabs.preview')} count={0} />} />
        </Tabs>
      </Paper>

      {tab === 'criteria' && <CriteriaTab editor={editor} />}

      {tab === 'rules' && (
        <RulesPanel
          rules={editor.rules}
          onChange={editor.setRulesDraft}
          problems={problemsByPath(problems)}
          names={editor.ruleNames}
          codeLabels={editor.codeLabels}
          topSum={editor.sums.total}
          readOnly={readOnly}
          dirty={editor.rulesDirty}
          saving={busy === 'rules'}
          serverError={editor.rulesError}
          onSave={editor.saveRules}
          onDiscard={editor.discardRules}
          focus={editor.rulesFocus}
        />
      )}

      {tab === 'preview' && (
        <PreviewPanel
          definition={editor.definition}
          inputs={editor.inputs}
          onInputs={editor.setPreviewInputs}
          onReset={() => editor.setPreviewInputs(null)}
          evaluation={editor.evaluation}
          problems={problems}
          server={editor.server}
          serverPending={busy === 'server'}
          onRunServer={editor.runServer}
          serverStale={editor.serverStale}
        />
      )}

      <EditorConfirms editor={editor} />
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
