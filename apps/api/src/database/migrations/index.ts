/** Migrations in order. Generated from the entities (npm run migration:generate -- Name), reviewed, never edited after they land. */
import { Init1795686669621 } from './1795686669621-Init';
import { AccessControl1795687257442 } from './1795687257442-AccessControl';
import { CriteriaSets1795687799833 } from './1795687799833-CriteriaSets';
import { MemberSortIndex1795688620579 } from './1795688620579-MemberSortIndex';

export const MIGRATIONS = [Init1795686669621, AccessControl1795687257442, CriteriaSets1795687799833, MemberSortIndex1795688620579];
