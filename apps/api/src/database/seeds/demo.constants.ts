/**
 * Fixed IDs of the demo world (the commune of the customer's 2017 report on Directive 05-CT/TW). Tests and later
 * seeds reuse them; never renumber.
 */
export const DEMO_DATE = '2017-02-15'; // the conference on Directive 05: 178/189 members present

export const UNIT = {
  PROVINCE_BEN_TRE: 1,
  DISTRICT_GIONG_TROM: 2,
  COMMUNE_MY_THANH: 10,
  COMMUNE_LUONG_HOA: 20,
  COMMUNE_PHONG_NAM: 30,
  COMMUNE_SON_PHU: 40,
  FRONT_PROVINCE: 3,
  FRONT_DISTRICT: 4,
  FRONT_MY_THANH: 120,
  YOUTH_MY_THANH: 121,
  WOMEN_MY_THANH: 122,
  FARMERS_MY_THANH: 123,
  VETERANS_MY_THANH: 124,
  TRADE_UNION_MY_THANH: 125,
} as const;

/** The 13 cells of Mỹ Thạnh, ids 101–113, with their member counts (189 in all). */
export const MY_THANH_CELLS = [
  { id: 101, name: 'Chi bộ ấp Bến Đò', members: 18 },
  { id: 102, name: 'Chi bộ ấp Nghĩa Huấn', members: 16 },
  { id: 103, name: 'Chi bộ Y tế', members: 12 },
  { id: 104, name: 'Chi bộ ấp Thạnh Lợi', members: 15 },
  { id: 105, name: 'Chi bộ ấp Thạnh Hòa', members: 14 },
  { id: 106, name: 'Chi bộ ấp Mỹ Lợi', members: 17 },
  { id: 107, name: 'Chi bộ ấp Mỹ Hòa', members: 13 },
  { id: 108, name: 'Chi bộ ấp An Thạnh', members: 16 },
  { id: 109, name: 'Chi bộ ấp Phước Hậu', members: 15 },
  { id: 110, name: 'Chi bộ Quân sự', members: 14 },
  { id: 111, name: 'Chi bộ Công an', members: 13 },
  { id: 112, name: 'Chi bộ Trường học', members: 12 },
  { id: 113, name: 'Chi bộ Cơ quan', members: 14 },
] as const;

export const CELL = { BEN_DO: 101, NGHIA_HUAN: 102, Y_TE: 103 } as const;

export const MY_THANH_MEMBER_COUNT = 189;

/** The other communes of the district, so the tree is real: cells start at commune id × 10 + 1. */
export const OTHER_COMMUNES = [
  { id: UNIT.COMMUNE_LUONG_HOA, name: 'Đảng bộ xã Lương Hòa', cells: ['Chi bộ ấp Lương Thạnh', 'Chi bộ ấp Lương Điền', 'Chi bộ ấp Lương Lộc', 'Chi bộ Y tế', 'Chi bộ Quân sự'], perCell: 12 },
  { id: UNIT.COMMUNE_PHONG_NAM, name: 'Đảng bộ xã Phong Nẫm', cells: ['Chi bộ ấp Phong Điền', 'Chi bộ ấp Phong An', 'Chi bộ ấp Phong Thới', 'Chi bộ Trường học'], perCell: 11 },
  { id: UNIT.COMMUNE_SON_PHU, name: 'Đảng bộ xã Sơn Phú', cells: ['Chi bộ ấp Sơn Lân', 'Chi bộ ấp Sơn Qui', 'Chi bộ ấp Sơn Thạnh', 'Chi bộ Cơ quan'], perCell: 10 },
] as const;

/** First member id of Mỹ Thạnh; members of other communes follow from 2001. */
export const FIRST_MY_THANH_MEMBER_ID = 1001;
export const FIRST_OTHER_MEMBER_ID = 2001;

/** Members the tests name: the secretaries of the two cells the 2017 report names. */
export const MEMBER = {
  SECRETARY_BEN_DO: 1001, // Trần Thị Ánh
  SECRETARY_NGHIA_HUAN: 1019, // Nguyễn Văn Đức, also head of the hamlet (Trưởng ấp)
  SECRETARY_Y_TE: 1035, // Lê Minh Ân
} as const;

/** Mass organisation head counts of Mỹ Thạnh at the end of 2016 (base of the report's outreach rates). */
export const MASS_ORG_HEAD_COUNTS = [
  { unitId: UNIT.YOUTH_MY_THANH, name: 'Đoàn TNCS Hồ Chí Minh xã Mỹ Thạnh', kind: 'YOUTH_UNION', count: 520 },
  { unitId: UNIT.WOMEN_MY_THANH, name: 'Hội Liên hiệp Phụ nữ xã Mỹ Thạnh', kind: 'WOMEN_UNION', count: 760 },
  { unitId: UNIT.FARMERS_MY_THANH, name: 'Hội Nông dân xã Mỹ Thạnh', kind: 'FARMERS_UNION', count: 850 },
  { unitId: UNIT.VETERANS_MY_THANH, name: 'Hội Cựu chiến binh xã Mỹ Thạnh', kind: 'VETERANS_ASSOCIATION', count: 215 },
  { unitId: UNIT.TRADE_UNION_MY_THANH, name: 'Công đoàn cơ sở xã Mỹ Thạnh', kind: 'TRADE_UNION', count: 360 },
] as const;

/** People of the commune (the base of outreach "to the people"). */
export const MY_THANH_POPULATION = 9800;

/** Demo accounts (development data only; refused when NODE_ENV=production). */
export const DEMO_PASSWORD = 'dangbo-demo';
export const DEMO_ACCOUNTS = [
  { id: 1, username: 'admin', displayName: 'Quản trị hệ thống', grants: [{ role: 'SYSTEM_ADMIN', unitId: UNIT.PROVINCE_BEN_TRE }] },
  { id: 2, username: 'huyen.giongtrom', displayName: 'Văn phòng Huyện ủy Giồng Trôm', grants: [{ role: 'UNIT_ADMIN', unitId: UNIT.DISTRICT_GIONG_TROM }] },
  {
    id: 3,
    username: 'xa.mythanh',
    displayName: 'Văn phòng Đảng ủy xã Mỹ Thạnh',
    grants: [
      { role: 'UNIT_ADMIN', unitId: UNIT.COMMUNE_MY_THANH },
      // The commune's Front sits in the parallel Front hierarchy; the commune office keeps its head counts too.
      { role: 'UNIT_ADMIN', unitId: UNIT.FRONT_MY_THANH },
    ],
  },
  { id: 4, username: 'ubkt.mythanh', displayName: 'Ủy ban Kiểm tra Đảng ủy xã Mỹ Thạnh', grants: [{ role: 'CRITERIA_ADMIN', unitId: UNIT.COMMUNE_MY_THANH }] },
  { id: 5, username: 'btv.mythanh', displayName: 'Ban Thường vụ Đảng ủy xã Mỹ Thạnh', grants: [{ role: 'DECIDER', unitId: UNIT.COMMUNE_MY_THANH }] },
  { id: 6, username: 'bithu.bendo', displayName: 'Bí thư Chi bộ ấp Bến Đò', grants: [{ role: 'CELL_SECRETARY', unitId: CELL.BEN_DO }] },
  { id: 7, username: 'analyst.giongtrom', displayName: 'Phân tích số liệu huyện Giồng Trôm', grants: [{ role: 'ANALYST', unitId: UNIT.DISTRICT_GIONG_TROM }] },
] as const;

/** Rating periods declared by the province, and the criteria sets shipped with the demo. */
export const PERIOD = { YEAR_2025: 1, YEAR_2026: 2 } as const;
export const CRITERIA_SET = {
  /** The four Quy định 366 frameworks, published by the province for its whole subtree. */
  COLLECTIVE: 1,
  LEADER: 2,
  MEMBER_IN_SYSTEM: 3,
  MEMBER_OUTSIDE_SYSTEM: 4,
  /** Mỹ Thạnh's own set for members outside the political system, carrying Directive 05 (the report's plan). */
  MY_THANH_MEMBER_OUTSIDE_SYSTEM: 5,
} as const;

/**
 * The Directive 05 story of the 2017 report (demo-directive.seed.ts): fixed ids of its documents, activities and
 * inspections, and the figures the report states, which the seeded rows must reproduce when computed.
 */
export const DOCUMENT = { CT_05: 1, CV_58: 2, KH_38: 3, CV_124: 4 } as const;
export const ACTIVITY = {
  TONG_KET_2016: 1, // 2016-12-16: commended 2 collectives and 18 individuals
  TRIEN_KHAI_2017: 2, // 2017-02-15: 178/189 present
  OUTREACH_2017: 3, // the Front and mass organisations carry the directive to their members and the people
  TV_NGHIA_HUAN: 4,
  TV_BEN_DO: 5,
  RADIO_COLUMN: 6,
  WEB_COLUMN: 7,
} as const;
export const INSPECTION = { BEN_DO: 1, Y_TE: 2 } as const;
/** The 2025 monthly cell meetings: id = first + cell index × 12 + (month − 1). */
export const FIRST_CELL_MEETING_2025_ID = 1001;
export const DIRECTIVE_REPORT = { FROM: '2016-05-15', TO: '2017-02-28' } as const;
/** Members absent from the 2017-02-15 conference (11 of 189), each with a reason. */
export const ABSENT_2017_02_15: readonly { memberId: number; reason: string }[] = [
  { memberId: 1007, reason: 'Ốm, đang điều trị tại bệnh viện' },
  { memberId: 1024, reason: 'Tuổi cao, sức yếu' },
  { memberId: 1041, reason: 'Trực cấp cứu tại Trạm Y tế' },
  { memberId: 1056, reason: 'Đi làm ăn xa (Bình Dương)' },
  { memberId: 1063, reason: 'Tuổi cao, sức yếu' },
  { memberId: 1080, reason: 'Việc gia đình (đám tang)' },
  { memberId: 1097, reason: 'Ốm' },
  { memberId: 1112, reason: 'Đi làm ăn xa (TP. Hồ Chí Minh)' },
  { memberId: 1140, reason: 'Trực sẵn sàng chiến đấu' },
  { memberId: 1155, reason: 'Trực bảo đảm an ninh trật tự' },
  { memberId: 1168, reason: 'Đi học lớp trung cấp lý luận chính trị' },
];
/** Reached by the outreach of 2016–2017, per organisation (2214 of 2705 = 81,85%) and among the people (75,4%). */
export const OUTREACH_REACHED: Readonly<Record<number, number>> = {
  [UNIT.YOUTH_MY_THANH]: 430,
  [UNIT.WOMEN_MY_THANH]: 640,
  [UNIT.FARMERS_MY_THANH]: 690,
  [UNIT.VETERANS_MY_THANH]: 190,
  [UNIT.TRADE_UNION_MY_THANH]: 264,
};
export const PEOPLE_REACHED = 7389;
