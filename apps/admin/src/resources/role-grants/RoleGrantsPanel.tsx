import { Box, Typography } from '@mui/material';
import { Datagrid, ReferenceField, ReferenceManyField, useTranslate } from 'react-admin';
import { EmptyLine } from '../../common/EmptyLine';
import { EnumChipField } from '../../common/EnumChipField';
import { AddRoleGrantButton } from './AddRoleGrantButton';
import { GRANT_FIELDS } from './fields';
import { RemoveRoleGrantButton } from './RemoveRoleGrantButton';
import { ROLE_COLORS } from './roles';

/** The roles a user holds, each on a unit (and its subtree), with adding and removing for those allowed. */
export const RoleGrantsPanel = () => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="user-roles-title" sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography id="user-roles-title" variant="subtitle1" component="h2" sx={{ fontWeight: 700, color: 'primary.dark' }}>
            {translate('app.user.roles')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.user.roles_help')}
          </Typography>
        </Box>
        <AddRoleGrantButton />
      </Box>
      <ReferenceManyField
        reference="RoleGrant"
        target="userId"
        sort={{ field: 'id', order: 'ASC' }}
        perPage={100}
        queryOptions={{ meta: { sparseFields: GRANT_FIELDS } }}
      >
        <Datagrid rowClick={false} bulkActionButtons={false} empty={<EmptyLine />} sx={{ mt: 1 }}>
          <EnumChipField source="role" enumName="Role" colors={ROLE_COLORS} sortable={false} />
          <ReferenceField source="unitId" reference="OrgUnit" link="show" sortable={false} />
          <RemoveRoleGrantButton />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};
