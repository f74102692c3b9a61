import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, Chip, IconButton, LinearProgress, Typography } from '@mui/material';
import { NON_PARTY_KINDS, OrgUnitKind } from '@dangbo/shared-types';
import { formatNumber } from '@dangbo/vn';
import { Link, useCreatePath, useGetList, useTranslate, type Identifier } from 'react-admin';
import { enumLabel } from '../../../common/choices';
import { TREE_FIELDS, type TreeUnit } from '../fields';
import { KindIcon } from '../kindStyle';
import { NodeActions } from './NodeActions';
import type { TreeState } from './useTreeState';

export interface TreeMode {
  asOf: string;
  state: TreeState;
  pick?: { selectedId?: Identifier | null; excludeId?: Identifier; onPick: (unit: TreeUnit) => void };
}

/** One unit: a row (open/close, kind, name, counts, actions) and, when open, its children read at the same date. */
export const OrgTreeNode = ({ unit, depth, mode }: { unit: TreeUnit; depth: number; mode: TreeMode }) => {
  const translate = useTranslate();
  const excluded = mode.pick?.excludeId != null && String(mode.pick.excludeId) === String(unit.id);
  const hasChildren = unit.childCount > 0 && !excluded;
  const open = hasChildren && mode.state.isOpen(unit.id, depth);
  const { data: children, isPending } = useGetList<TreeUnit>(
    'OrgUnit',
    {
      filter: { parentId: unit.id, asOf: mode.asOf },
      pagination: { page: 1, perPage: 500 },
      sort: { field: 'name', order: 'ASC' },
      meta: { sparseFields: TREE_FIELDS },
    },
    { enabled: open },
  );
  const selected = mode.pick?.selectedId != null && String(mode.pick.selectedId) === String(unit.id);

  return (
    <Box component="li" role="treeitem" aria-label={unit.name} aria-expanded={hasChildren ? open : undefined} aria-selected={mode.pick ? selected : undefined}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          py: 0.75,
          pr: 1,
          pl: 1 + depth * 3.5,
          borderBottom: '1px solid',
          borderColor: 'divider',
          bgcolor: selected ? 'rgba(164, 22, 26, 0.08)' : undefined,
          '&:hover': { bgcolor: selected ? 'rgba(164, 22, 26, 0.12)' : 'action.hover' },
        }}
      >
        {hasChildren ? (
          <IconButton
            size="small"
            aria-label={translate(open ? 'app.tree.collapse' : 'app.tree.expand')}
            onClick={() => mode.state.toggle(unit.id, depth)}
          >
            <ChevronRightIcon fontSize="small" sx={{ transition: 'transform 120ms', transform: open ? 'rotate(90deg)' : 'none' }} />
          </IconButton>
        ) : (
          <Box sx={{ width: 34, flexShrink: 0 }} />
        )}
        <KindIcon kind={unit.kind} />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <UnitName unit={unit} mode={mode} disabled={excluded} />
          <Typography variant="caption" color="text.secondary" component="div">
            {translate(enumLabel('OrgUnitKind', unit.kind))}
            {unit.childCount > 0 ? ` · ${translate('app.tree.children', { smart_count: unit.childCount, count: formatNumber(unit.childCount) })}` : ''}
          </Typography>
        </Box>
        {!NON_PARTY_KINDS.includes(unit.kind as OrgUnitKind) && (
          <Chip
          size="small"
          variant={unit.memberCount > 0 ? 'filled' : 'outlined'}
          label={translate('app.tree.members', { smart_count: unit.memberCount, count: formatNumber(unit.memberCount) })}
          sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 96 }}
          />
        )}
        {!mode.pick && <NodeActions unit={unit} />}
      </Box>
      {open && (
        <Box component="ul" role="group" aria-label={unit.name} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {isPending ? (
            <LinearProgress sx={{ ml: 4 + depth * 3.5, my: 1, mr: 2 }} />
          ) : (
            children?.map((child) => <OrgTreeNode key={child.id} unit={child} depth={depth + 1} mode={mode} />)
          )}
        </Box>
      )}
    </Box>
  );
};

const UnitName = ({ unit, mode, disabled }: { unit: TreeUnit; mode: TreeMode; disabled: boolean }) => {
  const createPath = useCreatePath();
  const sx = { fontWeight: 600, textAlign: 'left' as const, overflowWrap: 'anywhere' as const };
  if (mode.pick) {
    return (
      <Box
        component="button"
        type="button"
        disabled={disabled}
        onClick={() => mode.pick?.onPick(unit)}
        sx={{ ...sx, border: 0, p: 0, background: 'none', font: 'inherit', fontWeight: 600, color: disabled ? 'text.disabled' : 'primary.main', cursor: disabled ? 'default' : 'pointer' }}
      >
        {unit.name}
      </Box>
    );
  }
  return (
    <Link
      to={createPath({ resource: 'OrgUnit', id: unit.id, type: 'show' })}
      underline="hover"
      sx={{ ...sx, color: 'text.primary', '&:hover': { color: 'primary.main' } }}
    >
      {unit.name}
    </Link>
  );
};
