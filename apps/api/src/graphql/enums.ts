/** GraphQL names for the shared enums; registered once, imported for the side effect by schema.ts. */
import {
  Capability,
  CriteriaSetStatus,
  CriterionKind,
  Gender,
  Level,
  MassOrgKind,
  MembershipKind,
  MemberStatus,
  OrgUnitKind,
  PeriodKind,
  PositionTitle,
  Role,
  SubjectKind,
} from '@dangbo/shared-types';
import { registerEnumType } from 'type-graphql';

registerEnumType(OrgUnitKind, { name: 'OrgUnitKind' });
registerEnumType(MassOrgKind, { name: 'MassOrgKind' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(MemberStatus, { name: 'MemberStatus' });
registerEnumType(MembershipKind, { name: 'MembershipKind' });
registerEnumType(PositionTitle, { name: 'PositionTitle' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(Capability, { name: 'Capability' });
registerEnumType(SubjectKind, { name: 'SubjectKind' });
registerEnumType(Level, { name: 'Level' });
registerEnumType(CriterionKind, { name: 'CriterionKind' });
registerEnumType(CriteriaSetStatus, { name: 'CriteriaSetStatus' });
registerEnumType(PeriodKind, { name: 'PeriodKind' });
