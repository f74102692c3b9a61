import { AutocompleteInput, Create, Edit, ReferenceInput, required, SimpleForm } from 'react-admin';
import { toParent } from '../../common/AddChildButton';
import { DateInput } from '../../common/DateInput';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { documentOptionText } from '../activities/choices';

/** Back to the document's recipients once saved. */
const toDocument = toParent('Document', 'documentId', 1);

export const RecipientCreate = () => (
  <Create redirect={toDocument}>
    <SimpleForm sx={{ maxWidth: 600 }}>
      <ReferenceInput source="documentId" reference="Document">
        <AutocompleteInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} validate={required()} />
      </ReferenceInput>
      <UnitReferenceInput source="unitId" validate={required()} />
      <DateInput source="sentOn" validate={required()} />
    </SimpleForm>
  </Create>
);

/** Only the date changes: another unit is another recipient. */
export const RecipientEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toDocument} queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 600 }}>
      <ReferenceInput source="documentId" reference="Document">
        <AutocompleteInput optionText={documentOptionText} disabled />
      </ReferenceInput>
      <UnitReferenceInput source="unitId" disabled />
      <DateInput source="sentOn" validate={required()} />
    </SimpleForm>
  </Edit>
);
