import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined';
import CloudSyncOutlinedIcon from '@mui/icons-material/CloudSyncOutlined';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { Alert, Box, Button, CircularProgress, Paper, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { CriteriaSetDefinition, EngineError, Evaluation, SubjectInputs } from '@dangbo/rating-engine';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { ServerPreview } from '../api';
import { inputCriteria, sameResult, usedVariables, VARIABLE_GROUPS } from '../preview';
import { ResultView, type Result } from '../ResultView';
import { CheckInputs, ScoreInputs, VariableInputs } from '../SubjectInputFields';
import { SectionHeading } from '../../../common/SectionHeading';

export interface PreviewPanelProps {
  definition: CriteriaSetDefinition;
  inputs: SubjectInputs;
  onInputs: (inputs: SubjectInputs) => void;
  onReset: () => void;
  /** The browser's evaluation of the working set (null while it does not compile). */
  evaluation: Evaluation | null;
  /** Why the working set does not compile. */
  problems: EngineError[];
  /** The last answer of `previewCriteriaSet`. */
  server: ServerPreview | null;
  serverPending: boolean;
  onRunServer: () => void;
  /** The set or the inputs changed since the server's answer (which rated the draft as it then was). */
  serverStale: boolean;
}


/**
 * Rating a made-up subject: the inputs (entered points, checks, metrics and facts, prefilled from the engine's
 * `sampleInputs`) on the left; on the right the points of every criterion, group subtotals, total, band and final
 * level with the engine's trace, computed in the browser as the set is edited, or by the server on request (the
 * draft as it stands, unsaved edits included).
 */
export const PreviewPanel = (props: PreviewPanelProps) => {
  const translate = useTranslate();
  const [source, setSource] = useState<'browser' | 'server'>('browser');
  const showServer = source === 'server' && props.server;
  const result: Result | null = showServer ? (props.server as Result) : props.evaluation;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(340px, 5fr) 7fr' }, gap: 2, alignItems: 'start' }}>
      <InputsCard {...props} />
      <Paper
        variant="outlined"
        sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2, position: { lg: 'sticky' }, top: { lg: 64 }, maxHeight: { lg: 'calc(100vh - 80px)' }, overflowY: { lg: 'auto' } }}
        component="section"
        aria-label={translate('app.criteria.preview.result')}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <SectionHeading title="app.criteria.preview.result" sx={{ flex: 1 }} />
          <ToggleButtonGroup size="small" exclusive value={showServer ? 'server' : 'browser'} onChange={(_, v) => v && setSource(v)}>
            <ToggleButton value="browser">{translate('app.criteria.preview.in_browser')}</ToggleButton>
            <ToggleButton value="server" disabled={!props.server}>
              {translate('app.criteria.preview.on_server')}
            </ToggleButton>
          </ToggleButtonGroup>
          <Button
            variant="outlined"
            size="small"
            startIcon={props.serverPending ? <CircularProgress size={16} /> : <CloudSyncOutlinedIcon />}
            onClick={() => {
              setSource('server');
              props.onRunServer();
            }}
            disabled={props.serverPending}
          >
            {translate('app.criteria.preview.run_server')}
          </Button>
        </Box>
        {showServer && props.serverStale && <Alert severity="info">{translate('app.criteria.preview.server_stale')}</Alert>}
        {props.server && props.evaluation && !props.serverStale && (
          <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: sameResult(props.server, props.evaluation) ? 'success.dark' : '#8a5300' }}>
            <CloudDoneOutlinedIcon fontSize="small" />
            {translate(sameResult(props.server, props.evaluation) ? 'app.criteria.preview.agree' : 'app.criteria.preview.differ')}
          </Typography>
        )}
        {!showServer && !props.evaluation ? (
          <ProblemsBlock problems={props.problems} />
        ) : result ? (
          <ResultView definition={props.definition} result={result} />
        ) : null}
      </Paper>
    </Box>
  );
};

const InputsCard = ({ definition, inputs, onInputs, onReset }: PreviewPanelProps) => {
  const translate = useTranslate();
  const [allVariables, setAllVariables] = useState(false);
  const { scores, checks } = inputCriteria(definition);
  const used = usedVariables(definition);
  const hidden = VARIABLE_GROUPS.reduce((n, g) => n + g.list.filter((v) => !used.has(v.name)).length, 0);
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }} component="section" aria-label={translate('app.criteria.preview.inputs')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Box sx={{ flex: 1 }}>
          <SectionHeading title="app.criteria.preview.inputs" help="app.criteria.preview.inputs_help" />
        </Box>
        <Button size="small" startIcon={<RestartAltIcon />} onClick={onReset}>
          {translate('app.criteria.preview.reset')}
        </Button>
      </Box>
      <ScoreInputs scores={scores} inputs={inputs} onInputs={onInputs} />
      <CheckInputs checks={checks} inputs={inputs} onInputs={onInputs} />
      {VARIABLE_GROUPS.map(({ source, list }) => (
        <VariableInputs key={source} source={source} variables={allVariables ? list : list.filter((v) => used.has(v.name))} inputs={inputs} onInputs={onInputs} />
      ))}
      {hidden > 0 && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => setAllVariables((a) => !a)}>
          {translate(allVariables ? 'app.criteria.preview.used_variables' : 'app.criteria.preview.all_variables', { smart_count: hidden })}
        </Button>
      )}
    </Paper>
  );
};

const ProblemsBlock = ({ problems }: { problems: EngineError[] }) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning">
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {translate('app.criteria.preview.cannot_compile', { smart_count: problems.length })}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {problems.slice(0, 8).map((p, i) => (
          <li key={i}>
            <Typography variant="body2">{p.message}</Typography>
          </li>
        ))}
      </Box>
    </Alert>
  );
};
