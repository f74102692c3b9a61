import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined';
import CloudSyncOutlinedIcon from '@mui/icons-material/CloudSyncOutlined';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { Alert, Box, Button, Checkbox, CircularProgress, Paper, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { CriteriaSetDefinition, EngineError, Evaluation, SubjectInputs } from '@dangbo/rating-engine';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { NumberText } from '../../criteria/NumberText';
import type { ServerPreview } from '../api';
import { inputCriteria, sameResult, usedVariables, VARIABLE_GROUPS } from '../preview';
import { ResultView, type Result } from '../ResultView';

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
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, color: 'primary.dark', flex: 1 }}>
            {translate('app.criteria.preview.result')}
          </Typography>
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
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, color: 'primary.dark' }}>
            {translate('app.criteria.preview.inputs')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.criteria.preview.inputs_help')}
          </Typography>
        </Box>
        <Button size="small" startIcon={<RestartAltIcon />} onClick={onReset}>
          {translate('app.criteria.preview.reset')}
        </Button>
      </Box>
      {scores.length > 0 && (
        <InputGroup title="app.criteria.preview.scores">
          {scores.map((s) => (
            <InputRow key={s.code} label={s.name} code={s.code}>
              <NumberText
                size="small"
                hideLabel
                label={s.name}
                value={inputs.scores[s.code] ?? null}
                onChange={(v) => onInputs({ ...inputs, scores: { ...inputs.scores, [s.code]: v ?? 0 } })}
                unit={`/ ${s.max}`}
              />
            </InputRow>
          ))}
        </InputGroup>
      )}
      {checks.length > 0 && (
        <InputGroup title="app.criteria.preview.checks">
          {checks.map((c) => (
            <InputRow key={c.code} label={c.name} code={c.code}>
              <Checkbox
                checked={!!inputs.checks[c.code]}
                onChange={(e) => onInputs({ ...inputs, checks: { ...inputs.checks, [c.code]: e.target.checked } })}
                slotProps={{ input: { 'aria-label': c.name } }}
              />
            </InputRow>
          ))}
        </InputGroup>
      )}
      {VARIABLE_GROUPS.map(({ source, list }) => {
        const shown = allVariables ? list : list.filter((v) => used.has(v.name));
        return shown.length === 0 ? null : (
          <InputGroup key={source} title={`app.criteria.preview.${source}`}>
            {shown.map((v) => (
              <InputRow key={v.name} label={v.label} code={v.name}>
                <NumberText
                  size="small"
                  hideLabel
                  label={v.label}
                  value={inputs[source][v.name] ?? null}
                  onChange={(x) => onInputs({ ...inputs, [source]: { ...inputs[source], [v.name]: x ?? 0 } })}
                />
              </InputRow>
            ))}
          </InputGroup>
        );
      })}
      {hidden > 0 && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => setAllVariables((a) => !a)}>
          {translate(allVariables ? 'app.criteria.preview.used_variables' : 'app.criteria.preview.all_variables', { smart_count: hidden })}
        </Button>
      )}
    </Paper>
  );
};

const InputGroup = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="overline" sx={{ color: 'primary.dark', fontWeight: 700 }}>
        {translate(title)}
      </Typography>
      <Box sx={{ borderTop: '1px solid', borderColor: 'divider' }}>{children}</Box>
    </Box>
  );
};

/** One input of the preview: what it is (name and code) on the left, the box on the right. */
const InputRow = ({ label, code, children }: { label: string; code: string; children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 132px', gap: 1.5, alignItems: 'center', py: 0.75, borderBottom: '1px solid', borderColor: 'divider' }}>
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ lineHeight: 1.35 }}>
        {label}
      </Typography>
      <Typography variant="caption" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
        {code}
      </Typography>
    </Box>
    <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>{children}</Box>
  </Box>
);

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
