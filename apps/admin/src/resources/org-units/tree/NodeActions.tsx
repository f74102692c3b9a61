import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import PeopleIcon from '@mui/icons-material/People';
import { Box, IconButton, Tooltip } from '@mui/material';
import { MEMBER_HOLDING_KINDS, NON_PARTY_KINDS, OrgUnitKind } from '@dangbo/shared-types';
import { Link, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import type { TreeUnit } from '../fields';

/** Links from a tree row: the unit's members (whole subtree), editing it, adding a unit under it (when allowed). */
export const NodeActions = ({ unit }: { unit: TreeUnit }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { canAccess: canEdit } = useCanAccess({ resource: 'OrgUnit', action: 'edit' });
  const { canAccess: canCreate } = useCanAccess({ resource: 'OrgUnit', action: 'create' });
  const kind = unit.kind as OrgUnitKind;
  const membersUrl = `${createPath({ resource: 'Member', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ unitId: unit.id }))}`;
  const createUrl = `${createPath({ resource: 'OrgUnit', type: 'create' })}?source=${encodeURIComponent(JSON.stringify({ parentId: unit.id }))}`;
  const actions = [
    ...(NON_PARTY_KINDS.includes(kind) ? [] : [{ key: 'members', title: 'app.tree.show_members', to: membersUrl, Icon: PeopleIcon }]),
    ...(canEdit ? [{ key: 'edit', title: 'app.tree.edit_unit', to: createPath({ resource: 'OrgUnit', id: unit.id, type: 'edit' }), Icon: EditIcon }] : []),
    ...(!canCreate || MEMBER_HOLDING_KINDS.includes(kind) ? [] : [{ key: 'add', title: 'app.tree.add_child', to: createUrl, Icon: AddIcon }]),
  ];
  return (
    <Box sx={{ display: 'flex', flexShrink: 0 }}>
      {actions.map(({ key, title, to, Icon }) => (
        <Tooltip key={key} title={translate(title)}>
          <IconButton size="small" component={Link} to={to} aria-label={translate(title)}>
            <Icon fontSize="small" />
          </IconButton>
        </Tooltip>
      ))}
    </Box>
  );
};
