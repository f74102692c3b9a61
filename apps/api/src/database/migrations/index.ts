/** Migrations in order. Generated from the entities (npm run migration:generate -- Name), reviewed, never edited after they land. */
import { Init1795686669621 } from './1795686669621-Init';

export const MIGRATIONS = [Init1795686669621];
