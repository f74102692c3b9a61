import { Box, TextField } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { FormulaField } from '../../criteria/FormulaField';
import { AddButton, Empty, Row, Section, type RulesFocus } from './RulesLayout';

/** What gates and downgrades have in common: a condition, and the message shown when it acts (plain strings in both). */
type ConditionRule = { expression: string; message: string };

interface ConditionCommon {
  /** Names a condition may use: metrics, facts, every criterion and `total`. */
  names: readonly string[];
  codeLabels: Record<string, string>;
  /** The live check's problem at an engine path (`gates[0].expression`), if any. */
  problem: (path: string) => string | null;
  readOnly: boolean;
}

export interface ConditionSectionProps<T extends ConditionRule> extends ConditionCommon {
  section: 'gates' | 'downgrades';
  title: string;
  help: string;
  addLabel: string;
  messageHelp: string;
  /** Prefix of each row's formula field id (`gate` gives `gate-0`). */
  idPrefix: string;
  items: T[];
  onChange: (items: T[]) => void;
  /** The rule a click on "add" appends. */
  blank: () => T;
  /** The field before the condition (a gate's level, a downgrade's code), editing its rule through `patch`. */
  head: (item: T, index: number, patch: (change: Partial<T>) => void) => ReactNode;
  focus: RulesFocus;
}

/** The gates or the downgrades: a numbered row for each rule, added and removed here. */
export function ConditionSection<T extends ConditionRule>({ section, title, help, addLabel, messageHelp, idPrefix, items, onChange, blank, head, focus, ...common }: ConditionSectionProps<T>) {
  const { readOnly } = common;
  return (
    <Section id={section} title={title} help={help} focus={focus} action={!readOnly && <AddButton label={addLabel} onClick={() => onChange([...items, blank()])} />}>
      {items.length === 0 && <Empty />}
      {items.map((item, i) => {
        const patch = (change: Partial<T>) => onChange(items.map((x, k) => (k === i ? { ...x, ...change } : x)));
        return (
          <Row key={i} index={i} focus={focus} section={section} onRemove={readOnly ? undefined : () => onChange(items.filter((_, k) => k !== i))}>
            <ConditionFields id={`${idPrefix}-${i}`} path={`${section}[${i}]`} head={head(item, i, patch)} rule={item} onChange={(change) => patch(change as Partial<T>)} messageHelp={messageHelp} {...common} />
          </Row>
        );
      })}
    </Section>
  );
}

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
}: ConditionCommon & {
  id: string;
  path: string;
  head: ReactNode;
  rule: ConditionRule;
  onChange: (change: Partial<ConditionRule>) => void;
  messageHelp: string;
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
          extraError={expressionProblem ? { message: expressionProblem } : null}
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
