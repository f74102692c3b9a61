/** GraphQL names of the enums of study, recognition and inspection records; imported by their entities. */
import {
  CommendationForm,
  DisciplineLevel,
  InspectingBody,
  InspectionActionStatus,
  InspectionKind,
  RecordSubject,
  StudyOutcome,
  StudySpecificity,
} from '@dangbo/shared-types';
import { registerEnumType } from 'type-graphql';

registerEnumType(RecordSubject, { name: 'RecordSubject', description: 'Cá nhân (INDIVIDUAL) hoặc tập thể (COLLECTIVE)' });
registerEnumType(CommendationForm, {
  name: 'CommendationForm',
  description: 'Hình thức khen thưởng',
  valuesConfig: {
    BIEU_DUONG: { description: 'Biểu dương' },
    GIAY_KHEN: { description: 'Giấy khen' },
    BANG_KHEN: { description: 'Bằng khen' },
    CO_THI_DUA: { description: 'Cờ thi đua' },
    HUY_HIEU_DANG: { description: 'Huy hiệu Đảng' },
    KHAC: { description: 'Hình thức khác' },
  },
});
registerEnumType(DisciplineLevel, {
  name: 'DisciplineLevel',
  description: 'Hình thức kỷ luật, từ nhẹ đến nặng',
  valuesConfig: {
    KHIEN_TRACH: { description: 'Khiển trách' },
    CANH_CAO: { description: 'Cảnh cáo' },
    CACH_CHUC: { description: 'Cách chức' },
    KHAI_TRU: { description: 'Khai trừ' },
  },
});
registerEnumType(StudySpecificity, {
  name: 'StudySpecificity',
  valuesConfig: { SPECIFIC: { description: 'Cụ thể' }, GENERIC: { description: 'Chung chung' } },
});
registerEnumType(StudyOutcome, {
  name: 'StudyOutcome',
  valuesConfig: { DONE: { description: 'Đã thực hiện' }, NOT_DONE: { description: 'Chưa thực hiện' } },
});
registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  valuesConfig: { KIEM_TRA: { description: 'Kiểm tra' }, GIAM_SAT: { description: 'Giám sát' } },
});
registerEnumType(InspectingBody, {
  name: 'InspectingBody',
  valuesConfig: { COMMITTEE: { description: 'Cấp ủy' }, INSPECTION_COMMITTEE: { description: 'Ủy ban Kiểm tra' } },
});
registerEnumType(InspectionActionStatus, {
  name: 'InspectionActionStatus',
  valuesConfig: { OPEN: { description: 'Đang thực hiện' }, DONE: { description: 'Đã xong' }, OVERDUE: { description: 'Quá hạn' } },
});
