import { Box, Paper, Typography } from '@mui/material';
import { CriterionKind } from '@dangbo/shared-types';
import { useLocaleState, useTranslate } from 'react-admin';
import { CriteriaTree, TreeToolbar } from '../../criteria/CriteriaTree';
import { CriterionPanel } from '../../criteria/CriterionPanel';
import { formatNumber, problemsOfCriterion } from '../../criteria/problems';
import type { CriteriaSetEditorState } from './useCriteriaSetEditor';
import { SectionHeading } from '../../../common/SectionHeading';

/** The criteria tab: the tree with its sum checks on the left, the selected criterion's panel on the right. */
export const CriteriaTab = ({ editor }: { editor: CriteriaSetEditorState }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { criteria, sums, definition, problems, evaluation, readOnly, busy } = editor;
  const { selected } = criteria;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 6fr) minmax(0, 5fr)' }, gap: 2, alignItems: 'start' }}>
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1.25, borderBottom: '1px solid', borderColor: 'divider', flexWrap: 'wrap' }}>
          <SectionHeading title="app.criteria.tree.title" sx={{ flex: 1 }} />
          {!readOnly && <TreeToolbar onAdd={criteria.add} busy={!!busy} />}
        </Box>
        <TotalBar ok={sums.total.ok} text={translate(sums.total.ok ? 'app.criteria.tree.total_ok' : 'app.criteria.tree.total_mismatch', { sum: formatNumber(sums.total.sum, locale), max: formatNumber(sums.total.max, locale) })} />
        <CriteriaTree
          nodes={criteria.tree}
          rows={criteria.working}
          selectedId={criteria.selectedId}
          onSelect={criteria.select}
          groupSums={sums.groups}
          problemCodes={editor.problemCodes}
          dirtyIds={criteria.dirtyIds}
          readOnly={readOnly}
          busy={!!busy}
          onAdd={criteria.add}
          onMove={criteria.move}
          onDelete={(node) => editor.setPending({ kind: 'remove', node })}
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, position: { lg: 'sticky' }, top: { lg: 64 }, maxHeight: { lg: 'calc(100vh - 80px)' }, overflowY: { lg: 'auto' } }}>
        {selected ? (
          <CriterionPanel
            key={selected.id}
            node={selected}
            rows={criteria.working}
            definition={definition}
            problems={problemsOfCriterion(definition, problems, selected.code)}
            sum={sums.groups.get(selected.id)}
            sample={selected.kind === CriterionKind.GROUP ? evaluation?.groups[selected.code] : evaluation?.points[selected.code]}
            dirty={criteria.dirtyIds.has(selected.id)}
            readOnly={readOnly}
            saving={busy === 'save'}
            serverError={criteria.criterionError?.id === selected.id ? criteria.criterionError : null}
            onChange={(fields) => criteria.edit(selected.id, fields)}
            onSave={() => criteria.save(selected.id)}
            onDiscard={() => criteria.discard(selected.id)}
          />
        ) : (
          <Box sx={{ color: 'text.secondary', p: 2, textAlign: 'center' }}>
            <Typography variant="body2">{translate('app.criteria.panel.none')}</Typography>
          </Box>
        )}
      </Paper>
    </Box>
  );
};

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
