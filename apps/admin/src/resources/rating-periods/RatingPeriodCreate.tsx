import { PeriodKind } from '@dangbo/shared-types';
import { Create, FormDataConsumer, NumberInput, required, SelectInput, SimpleForm, maxValue, minValue } from 'react-admin';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { periodKindChoices } from '../criteria-sets/choices';

const quarterChoices = [1, 2, 3, 4].map((q) => ({ id: q, name: String(q) }));

/** A year or a quarter, declared by a unit for its subtree; the API names it ("Năm 2026", "Quý 1/2026"). */
export const RatingPeriodCreate = () => (
  <Create redirect="list">
    <SimpleForm sx={{ maxWidth: 600 }} defaultValues={{ kind: PeriodKind.YEAR, year: new Date().getFullYear() }}>
      <UnitReferenceInput source="unitId" validate={required()} />
      <SelectInput source="kind" choices={periodKindChoices} validate={required()} />
      <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} />
      <FormDataConsumer<{ kind?: string }>>
        {({ formData }) => formData.kind === PeriodKind.QUARTER && <SelectInput source="quarter" choices={quarterChoices} validate={required()} />}
      </FormDataConsumer>
    </SimpleForm>
  </Create>
);
