import { dayBefore } from '@dangbo/vn';
import { Box } from '@mui/material';
import { Datagrid, ReferenceField, ReferenceManyField, useRecordContext, type FieldProps } from 'react-admin';
import { DateField } from '../../common/DateField';
import { EmptyLine } from '../../common/EmptyLine';
import { EnumChipField } from '../../common/EnumChipField';
import { AddRoleGrantButton } from './AddRoleGrantButton';
import { GRANT_FIELDS } from './fields';
import { RemoveRoleGrantButton } from './RemoveRoleGrantButton';
import { ROLE_COLORS } from './roles';
import { SectionHeading } from '../../common/SectionHeading';

/**
 * The grant's unit, read on the grant's last day when it has ended: a role that ended with its unit in a
 * reorganisation (Mỹ Thạnh, 2025-06-30) still names that unit, which today's tree no longer holds.
 */
const GrantUnitField = (_props: FieldProps) => {
  const grant = useRecordContext<{ validTo?: string | null }>();
  const lastDay = grant?.validTo ? dayBefore(grant.validTo) : undefined;
  return <ReferenceField source="unitId" reference="OrgUnit" link="show" queryOptions={lastDay ? { meta: { asOf: lastDay } } : undefined} />;
};

/**
 * The roles a user holds, each on a unit (and its subtree), with adding and removing for those allowed; an ended role
 * stays listed with its dates (the account's history), while `User.roles` lists only those in force today.
 */
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
          <GrantUnitField source="unitId" label="resources.RoleGrant.fields.unitId" sortable={false} />
          <DateField source="validFrom" sortable={false} />
          <DateField source="validTo" sortable={false} />
          <RemoveRoleGrantButton />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};
