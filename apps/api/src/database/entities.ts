/** The one list of entities; the DataSource, the migration tools and tests all use it. */
import { AuditEntryEntity } from '../modules/audit/audit.entity';
import { ActivityDocumentEntity, ActivityEntity, AttendanceEntity, OutreachEntity } from '../modules/activity/activity.entity';
import { DocumentEntity, DocumentRecipientEntity } from '../modules/document/document.entity';
import { ApiTokenEntity } from '../modules/auth/api-token.entity';
import { CommendationEntity, DisciplineEntity, ExemplaryModelEntity } from '../modules/recognition/recognition.entity';
import { StudyEntryEntity, StudyRegistrationEntity } from '../modules/study/study.entity';
import { InspectionActionEntity, InspectionEntity } from '../modules/inspection/inspection.entity';
import { CriteriaSetEntity, CriterionEntity } from '../modules/criteria/criteria.entity';
import { RatingLockEntity, RatingPeriodEntity } from '../modules/rating-period/rating-period.entity';
import { EvaluationEntity, EvaluationStageEntity } from '../modules/evaluation/evaluation.entity';
import { RatingJobEntity } from '../modules/rating-job/rating-job.entity';
import { MemberStatusEntity } from '../modules/member/member-status.entity';
import { MemberSearchWordEntity } from '../modules/member/member-search';
import { MemberCountChangeEntity, MemberCountEntity, MemberCountLaterEntity, MemberTallyEntity } from '../modules/member/member-counts';
import { RoleGrantEntity, UserEntity } from '../modules/user/user.entity';
import {
  MemberAssignmentEntity,
  MemberEntity,
  MemberNumberHistoryEntity,
  MemberPositionEntity,
} from '../modules/member/member.entity';
import { ReportDraftEntity } from '../modules/report/report-draft.entity';
import { CommitteeTermEntity, HeadCountEntity, OrgUnitEntity, OrgUnitLinkEntity } from '../modules/org-unit/org-unit.entity';
import { OrgEventEntity, OrgEventUnitEntity, OrgLineageEntity, OrgUnitNameEntity } from '../modules/org-event/org-event.entity';

export const ENTITIES = [
  MemberSearchWordEntity,
  MemberCountChangeEntity,
  MemberCountEntity,
  MemberCountLaterEntity,
  MemberTallyEntity,
  OrgUnitEntity,
  OrgUnitLinkEntity,
  CommitteeTermEntity,
  HeadCountEntity,
  OrgEventEntity,
  OrgEventUnitEntity,
  OrgLineageEntity,
  OrgUnitNameEntity,
  MemberEntity,
  MemberAssignmentEntity,
  MemberPositionEntity,
  MemberNumberHistoryEntity,
  AuditEntryEntity,
  UserEntity,
  RoleGrantEntity,
  ApiTokenEntity,
  RatingPeriodEntity,
  RatingLockEntity,
  EvaluationEntity,
  EvaluationStageEntity,
  RatingJobEntity,
  MemberStatusEntity,
  CriteriaSetEntity,
  CriterionEntity,
  DocumentEntity,
  DocumentRecipientEntity,
  ActivityEntity,
  ActivityDocumentEntity,
  AttendanceEntity,
  OutreachEntity,
  StudyRegistrationEntity,
  StudyEntryEntity,
  CommendationEntity,
  DisciplineEntity,
  ExemplaryModelEntity,
  InspectionEntity,
  InspectionActionEntity,
  ReportDraftEntity,
];
