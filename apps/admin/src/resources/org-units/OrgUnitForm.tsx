import { Box } from '@mui/material';
import { OrgUnitKind } from '@dangbo/shared-types';
import { FormDataConsumer, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { massOrgKindChoices, orgUnitKindChoices } from '../../common/choices';
import { DateInput } from '../../common/DateInput';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { ParentPicker } from './tree/ParentPicker';

const validTo = (value: unknown, values: { validFrom?: string }) =>
  typeof value === 'string' && values.validFrom && value < values.validFrom ? 'app.validation.valid_to_before_valid_from' : undefined;

/** The unit form; on edit it also takes the date a change of parent takes effect, and the end date. */
export const OrgUnitForm = ({ edit = false }: { edit?: boolean }) => (
  <SimpleForm sx={{ maxWidth: 760 }}>
    <TextInput source="name" validate={required()} />
    <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, width: '100%' }}>
      <TextInput source="shortName" />
      <TextInput source="code" />
      <SelectInput source="kind" choices={orgUnitKindChoices} validate={required()} />
      <FormDataConsumer<{ kind?: string }>>
        {({ formData }) =>
          formData.kind === OrgUnitKind.MASS_ORG ? (
            <SelectInput source="massOrgKind" choices={massOrgKindChoices} validate={required('app.validation.mass_org_kind_required')} />
          ) : null
        }
      </FormDataConsumer>
    </Box>
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', width: '100%' }}>
      <UnitReferenceInput source="parentId" helperText="app.unit.parent_help" />
      <ParentPicker />
    </Box>
    {edit ? (
      <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' }, width: '100%' }}>
        <DateInput source="movedOn" helperText="app.unit.moved_on_help" />
        <DateInput source="validFrom" />
        <DateInput source="validTo" validate={validTo} />
      </Box>
    ) : (
      <DateInput source="validFrom" />
    )}
  </SimpleForm>
);
