import { Alert, Box, LinearProgress } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { TREE_FIELDS, type TreeUnit } from '../fields';
import { OrgTreeNode, type TreeMode } from './OrgTreeNode';
import { useTreeState } from './useTreeState';

export interface OrgTreeProps {
  /** Read the tree as of this ISO date. */
  asOf: string;
  /** Present in a picker: clicking a name selects the unit instead of opening it. */
  pick?: TreeMode['pick'];
  /** Remember open nodes under this store key (the browser page); a picker leaves it out. */
  storeKey?: string;
}

/** The organisation tree from its tops down; each level is read when it is opened (`filter: { parentId }`). */
export const OrgTree = ({ asOf, pick, storeKey }: OrgTreeProps) => {
  const translate = useTranslate();
  const state = useTreeState(storeKey);
  const { data, isPending, error } = useGetList<TreeUnit>('OrgUnit', {
    filter: { root: true, asOf },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    meta: { sparseFields: TREE_FIELDS },
  });
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (error) return <Alert severity="error">{translate('app.tree.load_error')}</Alert>;
  if (!data?.length) return <Alert severity="info">{translate('app.tree.empty')}</Alert>;
  return (
    <Box component="ul" role="tree" aria-label={translate('app.tree.title')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((unit) => (
        <OrgTreeNode key={unit.id} unit={unit} depth={0} mode={{ asOf, pick, state }} />
      ))}
    </Box>
  );
};
