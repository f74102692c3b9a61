/** Who a criteria set rates (Quy định 366-QĐ/TW, Phụ lục 1, 3/4, 4, 5). */
export enum SubjectKind {
  COLLECTIVE = 'COLLECTIVE',
  LEADER = 'LEADER',
  MEMBER_IN_SYSTEM = 'MEMBER_IN_SYSTEM',
  MEMBER_OUTSIDE_SYSTEM = 'MEMBER_OUTSIDE_SYSTEM',
}

/** The four rating levels, best first. */
export enum Level {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}

export const LEVEL_ORDER: readonly Level[] = [Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED];

/** Vietnamese names of the levels and their usual abbreviations. */
export const LEVEL_LABELS: Record<Level, { name: string; short: string }> = {
  [Level.EXCELLENT]: { name: 'Hoàn thành xuất sắc nhiệm vụ', short: 'HTXSNV' },
  [Level.GOOD]: { name: 'Hoàn thành tốt nhiệm vụ', short: 'HTTNV' },
  [Level.COMPLETED]: { name: 'Hoàn thành nhiệm vụ', short: 'HTNV' },
  [Level.NOT_COMPLETED]: { name: 'Không hoàn thành nhiệm vụ', short: 'KHTNV' },
};

export enum CriterionKind {
  GROUP = 'GROUP',
  SCORE = 'SCORE',
  CHECK = 'CHECK',
  METRIC = 'METRIC',
  FORMULA = 'FORMULA',
  BONUS = 'BONUS',
  PENALTY = 'PENALTY',
}

export enum CriteriaSetStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum PeriodKind {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
}
