import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, CircularProgress, Paper, TextField, Typography } from '@mui/material';
import type { BandDefinition } from '@dangbo/rating-engine';
import { Level } from '@dangbo/shared-types';
import { useLocaleState, useTranslate } from 'react-admin';
import { NumberText } from '../../criteria/NumberText';
import { formatNumber } from '../../criteria/problems';
import type { SetRules, SumCheck } from '../../criteria/tree';
import { ConditionSection } from './ConditionSection';
import { AddButton, LevelSelect, Row, Section, type RulesFocus } from './RulesLayout';

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
  focus: RulesFocus;
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
  const p = (path: string) => problems.get(path) ?? null;
  const pct = (x: number) => Math.round(x * 10000) / 100;
  const conditions = { focus, problem: p, names, codeLabels, readOnly };

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

      <ConditionSection
        section="gates"
        title="app.criteria.rules.gates"
        help="app.criteria.rules.gates_help"
        addLabel="app.criteria.rules.add_gate"
        messageHelp="app.criteria.rules.gate_message_help"
        idPrefix="gate"
        items={rules.gates}
        onChange={(gates) => set('gates', gates)}
        blank={() => ({ level: Level.EXCELLENT, expression: '', message: '' })}
        head={(g, i, patch) => (
          <LevelSelect label="app.criteria.rules.gate_level" levels={GATE_LEVELS} value={g.level} onChange={(level) => patch({ level })} problem={p(`gates[${i}].level`)} readOnly={readOnly} />
        )}
        {...conditions}
      />

      <ConditionSection
        section="downgrades"
        title="app.criteria.rules.downgrades"
        help="app.criteria.rules.downgrades_help"
        addLabel="app.criteria.rules.add_downgrade"
        messageHelp="app.criteria.rules.downgrade_message_help"
        idPrefix="downgrade"
        items={rules.downgrades}
        onChange={(downgrades) => set('downgrades', downgrades)}
        blank={() => ({ code: '', expression: '', message: '' })}
        head={(d, i, patch) => (
          <TextField
            label={translate('app.criteria.rules.downgrade_code')}
            value={d.code}
            onChange={(e) => patch({ code: e.target.value.trim() })}
            error={!!p(`downgrades[${i}].code`)}
            helperText={p(`downgrades[${i}].code`) || translate('app.criteria.code_help_short')}
            slotProps={{ input: { readOnly, sx: { fontFamily: 'monospace' } }, htmlInput: { spellCheck: false } }}
          />
        )}
        {...conditions}
      />

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
        <Typography variant="body2" color="text.secondary">
          {translate('app.criteria.rules.quota_period_help')}
        </Typography>
      </Section>
    </Box>
  );
};
