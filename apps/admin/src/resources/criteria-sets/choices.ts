/** Select choices of the criteria screens (names are translation keys, `enums.<Enum>.<VALUE>`). */
import { CriteriaSetStatus, CriterionKind, Level, PeriodKind, SubjectKind } from '@dangbo/shared-types';
import { choicesOf } from '../../common/choices';

export const subjectKindChoices = choicesOf('SubjectKind', SubjectKind);
export const criteriaSetStatusChoices = choicesOf('CriteriaSetStatus', CriteriaSetStatus);
export const criterionKindChoices = choicesOf('CriterionKind', CriterionKind);
export const levelChoices = choicesOf('Level', Level);
export const periodKindChoices = choicesOf('PeriodKind', PeriodKind);
