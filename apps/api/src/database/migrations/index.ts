/** Migrations in order. Generated from the entities (npm run migration:generate -- Name), reviewed, never edited after they land. */
import { Init1795686669621 } from './1795686669621-Init';
import { AccessControl1795687257442 } from './1795687257442-AccessControl';
import { CriteriaSets1795687799833 } from './1795687799833-CriteriaSets';
import { MemberSortIndex1795688620579 } from './1795688620579-MemberSortIndex';
import { ContractConstraints1796194113386 } from './1796194113386-ContractConstraints';
import { DirectiveDocuments1796194570195 } from './1796194570195-DirectiveDocuments';
import { DirectiveRecords1796194626584 } from './1796194626584-DirectiveRecords';
import { OrgEvents1796195483521 } from './1796195483521-OrgEvents';
import { ReportDrafts1796195587188 } from './1796195587188-ReportDrafts';
import { RatingWorkflow1796195798838 } from './1796195798838-RatingWorkflow';
import { ScaleIndexes1796196184435 } from './1796196184435-ScaleIndexes';
import { MemberCounts1796197000000 } from './1796197000000-MemberCounts';

export const MIGRATIONS = [Init1795686669621, AccessControl1795687257442, CriteriaSets1795687799833, MemberSortIndex1795688620579, ContractConstraints1796194113386, DirectiveDocuments1796194570195, DirectiveRecords1796194626584, OrgEvents1796195483521, ReportDrafts1796195587188, RatingWorkflow1796195798838, ScaleIndexes1796196184435, MemberCounts1796197000000];
