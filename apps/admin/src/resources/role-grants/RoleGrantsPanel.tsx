import { Box } from '@mui/material';
import { Datagrid, ReferenceField, ReferenceManyField } from 'react-admin';
import { EmptyLine } from '../../common/EmptyLine';
import { EnumChipField } from '../../common/EnumChipField';
import { AddRoleGrantButton } from './AddRoleGrantButton';
import { GRANT_FIELDS } from './fields';
import { RemoveRoleGrantButton } from './RemoveRoleGrantButton';
import { ROLE_COLORS } from './roles';
import { SectionHeading } from '../../common/SectionHeading';

/** The roles a user holds, each on a unit (and its subtree), with adding and removing for those allowed. */
export const RoleGrantsPanel = () => {
  return (
    <Box component="section" aria-labelledby="user-roles-title" sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <SectionHeading id="user-roles-title" title="app.user.roles" help="app.user.roles_help" />
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
