import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import CreateNewFolderOutlinedIcon from '@mui/icons-material/CreateNewFolderOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import ErrorIcon from '@mui/icons-material/Error';
import { Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import { CriterionKind } from '@dangbo/shared-types';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { KindIcon } from './KindIcon';
import { formatNumber } from './problems';
import { edgesOf, type CriterionNode, type CriterionRow, type SumCheck } from './tree';

export interface CriteriaTreeProps {
  nodes: CriterionNode[];
  /** The rows with drafts applied (for the up / down limits). */
  rows: CriterionRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  groupSums: Map<string, SumCheck>;
  /** Codes of criteria with a problem (the set's live check). */
  problemCodes: Set<string>;
  /** Ids with unsaved edits. */
  dirtyIds: Set<string>;
  readOnly: boolean;
  busy: boolean;
  onAdd: (parentId: string | null, kind: 'group' | 'criterion') => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onDelete: (node: CriterionNode) => void;
}

/**
 * The set as a tree of groups and criteria, every row a button that selects it for the side panel. A group shows
 * its children's maxima added up against its own (green when they agree); rows with a problem carry a red mark,
 * rows with unsaved edits a dot. Adding, moving and removing are buttons on each row, so no drag and drop is needed.
 */
export const CriteriaTree = (props: CriteriaTreeProps) => {
  const translate = useTranslate();
  if (props.nodes.length === 0) {
    return (
      <Box sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
        <Typography variant="body1" sx={{ mb: 0.5 }}>
          {translate('app.criteria.tree.empty')}
        </Typography>
        <Typography variant="body2">{translate(props.readOnly ? 'app.criteria.tree.empty_read_only' : 'app.criteria.tree.empty_help')}</Typography>
      </Box>
    );
  }
  return (
    <Box component="ul" role="tree" aria-label={translate('app.criteria.tree.label')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {props.nodes.map((n) => (
        <TreeRow key={n.id} node={n} {...props} />
      ))}
    </Box>
  );
};

const TreeRow = ({ node, ...props }: { node: CriterionNode } & CriteriaTreeProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { selectedId, onSelect, groupSums, problemCodes, dirtyIds, readOnly, busy, rows } = props;
  const selected = node.id === selectedId;
  const isGroup = node.kind === CriterionKind.GROUP;
  const sum = isGroup ? groupSums.get(node.id) : undefined;
  const edges = edgesOf(rows, node.id);
  const outside = node.kind === CriterionKind.BONUS || node.kind === CriterionKind.PENALTY;
  const points = (x: number) => translate('app.criteria.points', { points: formatNumber(x, locale) });

  return (
    <Box component="li" role="treeitem" aria-selected={selected} aria-label={node.name} aria-expanded={isGroup ? true : undefined} sx={{ m: 0 }}>
      <Box
        onClick={() => onSelect(node.id)}
        data-code={node.code}
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          pl: 1 + node.depth * 3,
          pr: 1,
          py: 0.75,
          cursor: 'pointer',
          borderLeft: '3px solid',
          borderLeftColor: selected ? 'primary.main' : 'transparent',
          bgcolor: selected ? 'rgba(164, 22, 26, 0.07)' : isGroup ? '#faf7f4' : 'transparent',
          borderBottom: '1px solid',
          borderBottomColor: 'divider',
          '&:hover': { bgcolor: selected ? 'rgba(164, 22, 26, 0.09)' : 'action.hover' },
          '&:hover .row-actions, &:focus-within .row-actions': { opacity: 1 },
        }}
      >
        <KindIcon kind={node.kind} />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Box
            component="button"
            type="button"
            onClick={(e) => {
              e.stopPropagation();
              onSelect(node.id);
            }}
            sx={{
              all: 'unset',
              display: 'block',
              width: '100%',
              cursor: 'pointer',
              '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2, borderRadius: 0.5 },
            }}
          >
            <Typography variant="body2" sx={{ fontWeight: isGroup ? 700 : 500, lineHeight: 1.35, overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>
              {node.name}
            </Typography>
            <Typography variant="caption" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
              {node.code}
              {' · '}
              {translate(`enums.CriterionKind.${node.kind}`)}
            </Typography>
          </Box>
        </Box>
        {dirtyIds.has(node.id) && (
          <Tooltip title={translate('app.criteria.tree.unsaved')}>
            <Box component="span" aria-label={translate('app.criteria.tree.unsaved')} sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: 'secondary.main', flexShrink: 0 }} />
          </Tooltip>
        )}
        {problemCodes.has(node.code) && (
          <Tooltip title={translate('app.criteria.tree.has_problem')}>
            <ErrorIcon color="error" fontSize="small" aria-label={translate('app.criteria.tree.has_problem')} />
          </Tooltip>
        )}
        {sum ? (
          <Tooltip title={translate(sum.ok ? 'app.criteria.tree.sum_ok' : 'app.criteria.tree.sum_mismatch', { sum: formatNumber(sum.sum, locale), max: formatNumber(sum.max, locale) })}>
            <Box
              component="span"
              data-testid="group-sum"
              sx={{
                flexShrink: 0,
                px: 1,
                py: 0.25,
                borderRadius: 10,
                fontSize: 12.5,
                fontWeight: 700,
                fontVariantNumeric: 'tabular-nums',
                color: sum.ok ? 'success.dark' : '#8a5300',
                bgcolor: sum.ok ? '#e7f4ea' : '#fff1d6',
                border: '1px solid',
                borderColor: sum.ok ? '#b9dfc2' : '#f3c46b',
              }}
            >
              {formatNumber(sum.sum, locale)}
              {' / '}
              {points(sum.max)}
            </Box>
          </Tooltip>
        ) : (
          <Typography variant="body2" sx={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums', color: outside ? 'text.secondary' : 'text.primary', fontWeight: 600 }}>
            {outside ? (node.kind === CriterionKind.BONUS ? '+' : '−') : ''}
            {points(node.max)}
          </Typography>
        )}
        {!readOnly && (
          <Box className="row-actions" sx={{ display: 'flex', flexShrink: 0, opacity: selected ? 1 : 0.35, transition: 'opacity 120ms' }} onClick={(e) => e.stopPropagation()}>
            {isGroup && (
              <>
                <RowButton label="app.criteria.tree.add_child" disabled={busy} onClick={() => props.onAdd(node.id, 'criterion')}>
                  <AddIcon fontSize="small" />
                </RowButton>
                <RowButton label="app.criteria.tree.add_subgroup" disabled={busy} onClick={() => props.onAdd(node.id, 'group')}>
                  <CreateNewFolderOutlinedIcon fontSize="small" />
                </RowButton>
              </>
            )}
            <RowButton label="app.criteria.tree.move_up" disabled={busy || edges.first} onClick={() => props.onMove(node.id, -1)}>
              <ArrowUpwardIcon fontSize="small" />
            </RowButton>
            <RowButton label="app.criteria.tree.move_down" disabled={busy || edges.last} onClick={() => props.onMove(node.id, 1)}>
              <ArrowDownwardIcon fontSize="small" />
            </RowButton>
            <RowButton label="app.criteria.tree.remove" disabled={busy} onClick={() => props.onDelete(node)} danger>
              <DeleteOutlineIcon fontSize="small" />
            </RowButton>
          </Box>
        )}
      </Box>
      {node.children.length > 0 && (
        <Box component="ul" role="group" aria-label={node.name} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {node.children.map((c) => (
            <TreeRow key={c.id} node={c} {...props} />
          ))}
        </Box>
      )}
    </Box>
  );
};

const RowButton = ({ label, onClick, disabled, danger, children }: { label: string; onClick: () => void; disabled?: boolean; danger?: boolean; children: ReactNode }) => {
  const translate = useTranslate();
  const text = translate(label);
  const button = (
    <IconButton size="small" aria-label={text} onClick={onClick} disabled={disabled} sx={danger ? { '&:hover': { color: 'error.main' } } : undefined}>
      {children}
    </IconButton>
  );
  return disabled ? (
    button
  ) : (
    <Tooltip title={text} enterDelay={400}>
      {button}
    </Tooltip>
  );
};

/** The buttons above the tree: a top-level group or criterion. */
export const TreeToolbar = ({ onAdd, busy }: { onAdd: (parentId: string | null, kind: 'group' | 'criterion') => void; busy: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      <Button size="small" variant="outlined" startIcon={<CreateNewFolderOutlinedIcon />} onClick={() => onAdd(null, 'group')} disabled={busy}>
        {translate('app.criteria.tree.add_group')}
      </Button>
      <Button size="small" variant="text" startIcon={<AddIcon />} onClick={() => onAdd(null, 'criterion')} disabled={busy}>
        {translate('app.criteria.tree.add_top_criterion')}
      </Button>
    </Box>
  );
};
