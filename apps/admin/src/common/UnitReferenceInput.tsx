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
 */
export const UnitReferenceInput = ({
  source,
  kinds,
  ...props
}: { source: string; kinds?: readonly OrgUnitKind[] } & Omit<AutocompleteInputProps, 'source'>) => (
  <ReferenceInput source={source} reference="OrgUnit" filter={kinds ? { kinds } : undefined} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
    <AutocompleteInput
      optionText={unitOptionText}
      inputText={unitOptionText}
      filterToQuery={(q: string) => ({ q })}
      {...props}
    />
  </ReferenceInput>
);
