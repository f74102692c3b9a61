/** The wizard's one call outside the list grammar: `restructureUnits(input, dryRun)`. */
import { authHeaders } from '../../providers/authProvider';
import { graphqlRequest } from '../../providers/graphqlRequest';
import type { RestructureInput } from './input';

export interface RestructureChange {
  kind: string;
  entity: string;
  entityId: string | null;
  fromUnitId: string | null;
  toUnitId: string | null;
  toNewUnit: number | null;
  description: string;
}

export interface RestructureResult {
  dryRun: boolean;
  event: { id: string; effectiveDate: string; results: { id: string; name: string }[] } | null;
  changes: RestructureChange[];
}


const MUTATION = `mutation Restructure($input: RestructureInput!, $dryRun: Boolean!) {
  restructureUnits(input: $input, dryRun: $dryRun) {
    dryRun
    event { id effectiveDate results { id name } }
    changes { kind entity entityId fromUnitId toUnitId toNewUnit description }
  }
}`;

export const restructure = (input: RestructureInput, dryRun: boolean) =>
  graphqlRequest<{ restructureUnits: RestructureResult }>(MUTATION, { input, dryRun }, authHeaders()).then((d) => d.restructureUnits);

