/**
 * Records of carrying out a directive that rate people and cells: study and follow registrations, commendations,
 * discipline, exemplary models and inspections (product.md §6–8). Codes are Vietnamese-rooted where the Party's
 * own terms are the clearest names; the labels are what the panel and the reports print.
 */

/** Whom a record is about: one member, or a collective (a cell, a committee, a mass organisation). */
export enum RecordSubject {
  INDIVIDUAL = 'INDIVIDUAL',
  COLLECTIVE = 'COLLECTIVE',
}

export const RECORD_SUBJECT_LABELS: Record<RecordSubject, string> = {
  [RecordSubject.INDIVIDUAL]: 'Cá nhân',
  [RecordSubject.COLLECTIVE]: 'Tập thể',
};

/** Forms of commendation (hình thức khen thưởng). */
export enum CommendationForm {
  BIEU_DUONG = 'BIEU_DUONG',
  GIAY_KHEN = 'GIAY_KHEN',
  BANG_KHEN = 'BANG_KHEN',
  CO_THI_DUA = 'CO_THI_DUA',
  HUY_HIEU_DANG = 'HUY_HIEU_DANG',
  KHAC = 'KHAC',
}

export const COMMENDATION_FORM_LABELS: Record<CommendationForm, string> = {
  [CommendationForm.BIEU_DUONG]: 'Biểu dương',
  [CommendationForm.GIAY_KHEN]: 'Giấy khen',
  [CommendationForm.BANG_KHEN]: 'Bằng khen',
  [CommendationForm.CO_THI_DUA]: 'Cờ thi đua',
  [CommendationForm.HUY_HIEU_DANG]: 'Huy hiệu Đảng',
  [CommendationForm.KHAC]: 'Hình thức khác',
};

/** Party discipline, least to most severe (the rating's downgrade rules start at khiển trách). */
export enum DisciplineLevel {
  KHIEN_TRACH = 'KHIEN_TRACH',
  CANH_CAO = 'CANH_CAO',
  CACH_CHUC = 'CACH_CHUC',
  KHAI_TRU = 'KHAI_TRU',
}

export const DISCIPLINE_LEVEL_LABELS: Record<DisciplineLevel, string> = {
  [DisciplineLevel.KHIEN_TRACH]: 'Khiển trách',
  [DisciplineLevel.CANH_CAO]: 'Cảnh cáo',
  [DisciplineLevel.CACH_CHUC]: 'Cách chức',
  [DisciplineLevel.KHAI_TRU]: 'Khai trừ',
};

/** 1 (khiển trách) to 4 (khai trừ): the `discipline_level` metric. */
export const DISCIPLINE_SEVERITY: Record<DisciplineLevel, number> = {
  [DisciplineLevel.KHIEN_TRACH]: 1,
  [DisciplineLevel.CANH_CAO]: 2,
  [DisciplineLevel.CACH_CHUC]: 3,
  [DisciplineLevel.KHAI_TRU]: 4,
};

/** The cell's review of a monthly study entry: specific to the member's duties, or generic (the seed's shortcoming). */
export enum StudySpecificity {
  SPECIFIC = 'SPECIFIC',
  GENERIC = 'GENERIC',
}

export const STUDY_SPECIFICITY_LABELS: Record<StudySpecificity, string> = {
  [StudySpecificity.SPECIFIC]: 'Cụ thể',
  [StudySpecificity.GENERIC]: 'Chung chung',
};

export enum StudyOutcome {
  DONE = 'DONE',
  NOT_DONE = 'NOT_DONE',
}

export const STUDY_OUTCOME_LABELS: Record<StudyOutcome, string> = {
  [StudyOutcome.DONE]: 'Đã thực hiện',
  [StudyOutcome.NOT_DONE]: 'Chưa thực hiện',
};

/** Kiểm tra (inspection) or giám sát (supervision). */
export enum InspectionKind {
  KIEM_TRA = 'KIEM_TRA',
  GIAM_SAT = 'GIAM_SAT',
}

export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  [InspectionKind.KIEM_TRA]: 'Kiểm tra',
  [InspectionKind.GIAM_SAT]: 'Giám sát',
};

/** Which body of the inspecting unit acts: the committee itself, or its inspection committee (Ủy ban Kiểm tra). */
export enum InspectingBody {
  COMMITTEE = 'COMMITTEE',
  INSPECTION_COMMITTEE = 'INSPECTION_COMMITTEE',
}

export const INSPECTING_BODY_LABELS: Record<InspectingBody, string> = {
  [InspectingBody.COMMITTEE]: 'Cấp ủy',
  [InspectingBody.INSPECTION_COMMITTEE]: 'Ủy ban Kiểm tra',
};

/** A follow-up action's state: done once it has a date done, overdue once its deadline has passed. */
export enum InspectionActionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
}

export const INSPECTION_ACTION_STATUS_LABELS: Record<InspectionActionStatus, string> = {
  [InspectionActionStatus.OPEN]: 'Đang thực hiện',
  [InspectionActionStatus.DONE]: 'Đã xong',
  [InspectionActionStatus.OVERDUE]: 'Quá hạn',
};

/** Status of an action on `today` (YYYY-MM-DD). */
export function inspectionActionStatus(action: { deadline: string | null; doneOn: string | null }, today: string): InspectionActionStatus {
  if (action.doneOn) return InspectionActionStatus.DONE;
  if (action.deadline && action.deadline < today) return InspectionActionStatus.OVERDUE;
  return InspectionActionStatus.OPEN;
}
