import { AutocompleteInput, Create, Edit, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';
import { DateInput } from '../../common/DateInput';
import { FormSection } from '../../common/FormSection';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { documentOptionText } from '../activities/choices';

/** Number and type are checked by the API (duplicates, the Đ-less spellings, QĐ's two meanings), next to their field. */
const DocumentFields = () => (
  <>
    <FormSection title="app.record.general">
      <TextInput source="number" validate={required()} helperText="app.document.number_help" />
      <TextInput source="typeName" helperText="app.document.type_name_help" />
      <DateInput source="issuedOn" validate={required()} />
      <TextInput source="term" />
      <TextInput source="title" validate={required()} multiline sx={{ gridColumn: '1 / -1' }} />
      <TextInput source="summary" multiline sx={{ gridColumn: '1 / -1' }} />
      <ReferenceInput source="implementsId" reference="Document" sort={{ field: 'issuedOn', order: 'DESC' }}>
        <AutocompleteInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
    </FormSection>
    <FormSection title="app.document.issuer" help="app.document.issuer_help">
      <UnitReferenceInput source="issuerUnitId" />
      <TextInput source="issuerName" />
      <TextInput source="issuerCode" />
      <UnitReferenceInput source="ownerUnitId" helperText="app.document.owner_help" />
    </FormSection>
  </>
);

export const DocumentCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 900 }}>
      <DocumentFields />
    </SimpleForm>
  </Create>
);

export const DocumentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 900 }}>
      <DocumentFields />
    </SimpleForm>
  </Edit>
);
