import { OrgUnitKind } from '@dangbo/shared-types';
import { AutocompleteInput, ReferenceInput, type AutocompleteInputProps } from 'react-admin';

interface UnitOption {
  id: string;
  name: string;
  parent?: { name?: string } | null;
}

/** Unit names repeat across communes ("Chi bộ Y tế"), so an option also names its parent unit. */
export const unitOptionText = (unit: UnitOption | undefined) =>
  unit ? (unit.parent?.name ? `${unit.name} · ${unit.parent.name}` : unit.name) : '';

/**
 * Picks a unit by typing part of its name (diacritics optional: the API folds them), optionally only of some kinds.
 * With `asOf` (YYYY-MM-DD) it offers the units that existed on that day, named and placed as on that day (a unit
 * ended in a reorganisation for a report on an earlier period); the picked unit is read at that day too
 * (`meta.asOf`, dataProvider.ts). Without it, today's units.
 */
export const UnitReferenceInput = ({
  source,
  kinds,
  asOf,
  ...props
}: { source: string; kinds?: readonly OrgUnitKind[]; asOf?: string } & Omit<AutocompleteInputProps, 'source'>) => {
  const filter = { ...(kinds ? { kinds } : {}), ...(asOf ? { asOf } : {}) };
  return (
    <ReferenceInput
      source={source}
      reference="OrgUnit"
      filter={Object.keys(filter).length ? filter : undefined}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={50}
      queryOptions={asOf ? { meta: { asOf } } : undefined}
    >
      <AutocompleteInput optionText={unitOptionText} inputText={unitOptionText} filterToQuery={(q: string) => ({ q })} {...props} />
    </ReferenceInput>
  );
};
