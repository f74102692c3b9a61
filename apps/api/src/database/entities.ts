/** The one list of entities; the DataSource, the migration tools and tests all use it. */
import { AuditEntryEntity } from '../modules/audit/audit.entity';
import { ApiTokenEntity } from '../modules/auth/api-token.entity';
import { CriteriaSetEntity, CriterionEntity } from '../modules/criteria/criteria.entity';
import { RatingPeriodEntity } from '../modules/rating-period/rating-period.entity';
import { RoleGrantEntity, UserEntity } from '../modules/user/user.entity';
import {
  MemberAssignmentEntity,
  MemberEntity,
  MemberNumberHistoryEntity,
  MemberPositionEntity,
} from '../modules/member/member.entity';
import { CommitteeTermEntity, HeadCountEntity, OrgUnitEntity, OrgUnitLinkEntity } from '../modules/org-unit/org-unit.entity';

export const ENTITIES = [
  OrgUnitEntity,
  OrgUnitLinkEntity,
  CommitteeTermEntity,
  HeadCountEntity,
  MemberEntity,
  MemberAssignmentEntity,
  MemberPositionEntity,
  MemberNumberHistoryEntity,
  AuditEntryEntity,
  UserEntity,
  RoleGrantEntity,
  ApiTokenEntity,
  RatingPeriodEntity,
  CriteriaSetEntity,
  CriterionEntity,
];
