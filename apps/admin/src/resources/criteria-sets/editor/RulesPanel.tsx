import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, Chip, CircularProgress, Divider, FormControlLabel, IconButton, MenuItem, Paper, Switch, TextField, Tooltip, Typography } from '@mui/material';
import type { BandDefinition, DowngradeDefinition, GateDefinition } from '@dangbo/rating-engine';
import { Level } from '@dangbo/shared-types';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { FormulaField } from '../../criteria/FormulaField';
import { NumberText } from '../../criteria/NumberText';
import { formatNumber, type RulesSection } from '../../criteria/problems';
import type { SetRules, SumCheck } from '../../criteria/tree';

export type EditableRules = Omit<SetRules, 'subjectKind'>;

export interface RulesPanelProps {
  rules: EditableRules;
  onChange: (rules: EditableRules) => void;
  /** Problems of the set's live check, by engine path (`bands[1].min`, `gates[0].expression`, `quota.share`, `totalMax`). */
  problems: Map<string, string>;
  /** Names a gate or downgrade may use: metrics, facts, every criterion and `total`. */
  names: readonly string[];
  codeLabels: Record<string, string>;
  topSum: SumCheck;
  readOnly: boolean;
  dirty: boolean;
  saving: boolean;
  serverError: string | null;
  onSave: () => void;
  onDiscard: () => void;
  /** A section (and row) to bring into view, after a click on a problem. */
  focus: { section: RulesSection; index?: number } | null;
}

const LEVELS = Object.values(Level);
const GATE_LEVELS = LEVELS.filter((l) => l !== Level.NOT_COMPLETED);

/** What stops a save: a name, a positive total and numbers that are numbers (the meaning is checked at publish). */
export function rulesBlocked(rules: EditableRules): boolean {
  const bad = (x: unknown) => typeof x !== 'number' || !Number.isFinite(x);
  return (
    !rules.name.trim() ||
    bad(rules.totalMax) ||
    rules.totalMax <= 0 ||
    rules.bands.some((b) => bad(b.min)) ||
    bad(rules.quota.share) ||
    bad(rules.quota.outstandingShare)
  );
}

/**
 * The set's rules: name and total, the score bands, the conditions each level needs (gates), the cases that make a
 * subject "Không hoàn thành nhiệm vụ" whatever the score (downgrades) and the quota of excellent ratings. Saved
 * together with `updateCriteriaSet`; expressions are checked as they are typed, as truth values.
 */
export const RulesPanel = ({ rules, onChange, problems, names, codeLabels, topSum, readOnly, dirty, saving, serverError, onSave, onDiscard, focus }: RulesPanelProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const set = <K extends keyof EditableRules>(key: K, value: EditableRules[K]) => onChange({ ...rules, [key]: value });
  const setBand = (i: number, patch: Partial<BandDefinition>) => set('bands', rules.bands.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  const setGate = (i: number, patch: Partial<GateDefinition>) => set('gates', rules.gates.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  const setDowngrade = (i: number, patch: Partial<DowngradeDefinition>) => set('downgrades', rules.downgrades.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const p = (path: string) => problems.get(path) ?? null;
  const pct = (x: number) => Math.round(x * 10000) / 100;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!readOnly && (
        <Paper variant="outlined" sx={{ position: 'sticky', top: 56, zIndex: 2, display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
            {translate(dirty ? 'app.criteria.rules.unsaved' : 'app.criteria.rules.saved')}
          </Typography>
          <Button startIcon={<UndoIcon />} onClick={onDiscard} disabled={!dirty || saving}>
            {translate('app.criteria.panel.discard')}
          </Button>
          <Button variant="contained" startIcon={saving ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />} onClick={onSave} disabled={!dirty || saving || rulesBlocked(rules)}>
            {translate('app.criteria.rules.save')}
          </Button>
        </Paper>
      )}
      {serverError && <Alert severity="error">{serverError}</Alert>}

      <Section id="general" title="app.criteria.rules.general" focus={focus}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 200px' }, gap: 2 }}>
          <TextField
            label={translate('resources.CriteriaSet.fields.name')}
            value={rules.name}
            onChange={(e) => set('name', e.target.value)}
            error={!rules.name.trim()}
            helperText={!rules.name.trim() ? translate('app.criteria.name_required') : undefined}
            slotProps={{ input: { readOnly } }}
          />
          <NumberText
            label="resources.CriteriaSet.fields.totalMax"
            value={rules.totalMax}
            onChange={(v) => set('totalMax', v ?? Number.NaN)}
            error={p('totalMax')}
            unit={translate('app.criteria.unit_points')}
            readOnly={readOnly}
          />
        </Box>
        <Typography variant="body2" sx={{ color: topSum.ok ? 'success.dark' : '#8a5300' }}>
          {translate(topSum.ok ? 'app.criteria.tree.total_ok' : 'app.criteria.tree.total_mismatch', { sum: formatNumber(topSum.sum, locale), max: formatNumber(topSum.max, locale) })}
        </Typography>
      </Section>

      <Section
        id="bands"
        title="app.criteria.rules.bands"
        help="app.criteria.rules.bands_help"
        focus={focus}
        action={!readOnly && <AddButton label="app.criteria.rules.add_band" onClick={() => set('bands', [...rules.bands, { level: Level.COMPLETED, min: 0 }])} />}
      >
        {p('bands') && <Alert severity="warning">{p('bands')}</Alert>}
        {rules.bands.map((b, i) => (
          <Row key={i} index={i} focus={focus} section="bands" onRemove={readOnly ? undefined : () => set('bands', rules.bands.filter((_, k) => k !== i))}>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 200px' }, gap: 2, flex: 1 }}>
              <LevelSelect
                label="app.criteria.rules.level"
                levels={LEVELS}
                value={b.level}
                onChange={(level) => setBand(i, { level })}
                problem={p(`bands[${i}].level`)}
                readOnly={readOnly}
              />
              <NumberText
                label="app.criteria.rules.band_min"
                value={b.min}
                onChange={(v) => setBand(i, { min: v ?? Number.NaN })}
                error={p(`bands[${i}].min`)}
                unit={translate('app.criteria.unit_points')}
                readOnly={readOnly}
              />
            </Box>
          </Row>
        ))}
        <Typography variant="body2" color="text.secondary">
          {translate('app.criteria.rules.bands_below', { level: translate(`enums.Level.${Level.NOT_COMPLETED}`) })}
        </Typography>
      </Section>

      <Section
        id="gates"
        title="app.criteria.rules.gates"
        help="app.criteria.rules.gates_help"
        focus={focus}
        action={!readOnly && <AddButton label="app.criteria.rules.add_gate" onClick={() => set('gates', [...rules.gates, { level: Level.EXCELLENT, expression: '', message: '' }])} />}
      >
        {rules.gates.length === 0 && <Empty />}
        {rules.gates.map((g, i) => (
          <Row key={i} index={i} focus={focus} section="gates" onRemove={readOnly ? undefined : () => set('gates', rules.gates.filter((_, k) => k !== i))}>
            <ConditionFields
              id={`gate-${i}`}
              path={`gates[${i}]`}
              head={
                <LevelSelect
                  label="app.criteria.rules.gate_level"
                  levels={GATE_LEVELS}
                  value={g.level}
                  onChange={(level) => setGate(i, { level })}
                  problem={p(`gates[${i}].level`)}
                  readOnly={readOnly}
                />
              }
              rule={g}
              onChange={(change) => setGate(i, change)}
              messageHelp="app.criteria.rules.gate_message_help"
              problem={p}
              names={names}
              codeLabels={codeLabels}
              readOnly={readOnly}
            />
          </Row>
        ))}
      </Section>

      <Section
        id="downgrades"
        title="app.criteria.rules.downgrades"
        help="app.criteria.rules.downgrades_help"
        focus={focus}
        action={
          !readOnly && <AddButton label="app.criteria.rules.add_downgrade" onClick={() => set('downgrades', [...rules.downgrades, { code: '', expression: '', message: '' }])} />
        }
      >
        {rules.downgrades.length === 0 && <Empty />}
        {rules.downgrades.map((d, i) => (
          <Row key={i} index={i} focus={focus} section="downgrades" onRemove={readOnly ? undefined : () => set('downgrades', rules.downgrades.filter((_, k) => k !== i))}>
            <ConditionFields
              id={`downgrade-${i}`}
              path={`downgrades[${i}]`}
              head={
                <TextField
                  label={translate('app.criteria.rules.downgrade_code')}
                  value={d.code}
                  onChange={(e) => setDowngrade(i, { code: e.target.value.trim() })}
                  error={!!p(`downgrades[${i}].code`)}
                  helperText={p(`downgrades[${i}].code`) || translate('app.criteria.code_help_short')}
                  slotProps={{ input: { readOnly, sx: { fontFamily: 'monospace' } }, htmlInput: { spellCheck: false } }}
                />
              }
              rule={d}
              onChange={(change) => setDowngrade(i, change)}
              messageHelp="app.criteria.rules.downgrade_message_help"
              problem={p}
              names={names}
              codeLabels={codeLabels}
              readOnly={readOnly}
            />
          </Row>
        ))}
      </Section>

      <Section id="quota" title="app.criteria.rules.quota" help="app.criteria.rules.quota_help" focus={focus}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          <NumberText
            label="app.criteria.rules.share"
            value={pct(rules.quota.share)}
            onChange={(v) => set('quota', { ...rules.quota, share: v === null ? Number.NaN : v / 100 })}
            error={p('quota.share')}
            helperText="app.criteria.rules.share_help"
            unit="%"
            readOnly={readOnly}
          />
          <NumberText
            label="app.criteria.rules.outstanding_share"
            value={pct(rules.quota.outstandingShare)}
            onChange={(v) => set('quota', { ...rules.quota, outstandingShare: v === null ? Number.NaN : v / 100 })}
            error={p('quota.outstandingShare')}
            helperText="app.criteria.rules.outstanding_share_help"
            unit="%"
            readOnly={readOnly}
          />
        </Box>
        <FormControlLabel
          control={<Switch checked={!!rules.quota.baseIncludesPromoted} onChange={(e) => set('quota', { ...rules.quota, baseIncludesPromoted: e.target.checked })} disabled={readOnly} />}
          label={translate('app.criteria.rules.base_includes_promoted')}
        />
        <Typography variant="body2" color="text.secondary">
          {translate('app.criteria.rules.base_includes_promoted_help')}
        </Typography>
      </Section>
    </Box>
  );
};

/** A rating level chosen from `levels`, named in the current language. */
const LevelSelect = ({
  label,
  levels,
  value,
  onChange,
  problem,
  readOnly,
}: {
  label: string;
  levels: readonly Level[];
  value: Level;
  onChange: (level: Level) => void;
  problem: string | null | undefined | false;
  readOnly: boolean;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value as Level)}
      error={!!problem}
      helperText={problem || undefined}
      slotProps={{ input: { readOnly } }}
    >
      {levels.map((l) => (
        <MenuItem key={l} value={l}>
          {translate(`enums.Level.${l}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** A gate or a downgrade rule: its head field (level or code), a condition checked live, and the message shown when it acts. */
const ConditionFields = ({
  id,
  path,
  head,
  rule,
  onChange,
  messageHelp,
  problem,
  names,
  codeLabels,
  readOnly,
}: {
  id: string;
  path: string;
  head: ReactNode;
  rule: { expression: string; message: string };
  onChange: (change: { expression?: string; message?: string }) => void;
  messageHelp: string;
  problem: (path: string) => string | undefined | false | null;
  names: RulesPanelProps['names'];
  codeLabels: RulesPanelProps['codeLabels'];
  readOnly: boolean;
}) => {
  const translate = useTranslate();
  const expressionProblem = problem(`${path}.expression`);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, flex: 1, minWidth: 0 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '260px minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        {head}
        <FormulaField
          id={id}
          label="app.criteria.rules.expression"
          value={rule.expression}
          onChange={(expression) => onChange({ expression })}
          names={names}
          expect="boolean"
          readOnly={readOnly}
          codeLabels={codeLabels}
          namesWhen="focus"
          minRows={1}
          extraError={expressionProblem ? { message: expressionProblem as string } : null}
        />
      </Box>
      <TextField
        label={translate('app.criteria.rules.message')}
        value={rule.message}
        onChange={(e) => onChange({ message: e.target.value })}
        error={!!problem(`${path}.message`)}
        helperText={problem(`${path}.message`) || translate(messageHelp)}
        multiline
        slotProps={{ input: { readOnly } }}
      />
    </Box>
  );
};

const Section = ({
  id,
  title,
  help,
  action,
  focus,
  children,
}: {
  id: RulesSection;
  title: string;
  help?: string;
  action?: ReactNode;
  focus: { section: RulesSection } | null;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const ref = useRef<HTMLElement | null>(null);
  const focused = focus?.section === id;
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [focused, focus]);
  return (
    <Paper
      ref={ref}
      component="section"
      variant="outlined"
      aria-label={translate(title)}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, scrollMarginTop: 120, borderColor: focused ? 'primary.main' : undefined }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, color: 'primary.dark' }}>
            {translate(title)}
          </Typography>
          {help && (
            <Typography variant="body2" color="text.secondary">
              {translate(help)}
            </Typography>
          )}
        </Box>
        {action}
      </Box>
      <Divider />
      {children}
    </Paper>
  );
};

const Row = ({
  index,
  section,
  focus,
  onRemove,
  children,
}: {
  index: number;
  section: RulesSection;
  focus: { section: RulesSection; index?: number } | null;
  onRemove?: () => void;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const highlighted = focus?.section === section && focus.index === index;
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        p: 1.5,
        borderRadius: 1,
        bgcolor: highlighted ? 'rgba(164, 22, 26, 0.05)' : '#fafafa',
        border: '1px solid',
        borderColor: highlighted ? 'primary.light' : 'divider',
      }}
    >
      <Chip size="small" label={index + 1} sx={{ mt: 1.5, fontWeight: 700 }} />
      {children}
      {onRemove && (
        <Tooltip title={translate('app.criteria.rules.remove')}>
          <IconButton aria-label={translate('app.criteria.rules.remove')} onClick={onRemove} sx={{ mt: 1, '&:hover': { color: 'error.main' } }}>
            <DeleteOutlineIcon />
          </IconButton>
        </Tooltip>
      )}
    </Box>
  );
};

const AddButton = ({ label, onClick }: { label: string; onClick: () => void }) => {
  const translate = useTranslate();
  return (
    <Button size="small" startIcon={<AddIcon />} onClick={onClick}>
      {translate(label)}
    </Button>
  );
};

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.criteria.rules.none')}
    </Typography>
  );
};
