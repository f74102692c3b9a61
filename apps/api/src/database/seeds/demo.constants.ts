/**
 * Fixed IDs of the demo world (the commune of the customer's 2017 report on Directive 05-CT/TW). Tests and later
 * seeds reuse them; never renumber.
 */
export const DEMO_DATE = '2017-02-15'; // the conference on Directive 05: 178/189 members present

export const UNIT = {
  /** Đảng bộ tỉnh Bến Tre; named Đảng bộ tỉnh Vĩnh Long from 2025-07-01 (REORGANISATION_2025). */
  PROVINCE_BEN_TRE: 1,
  /** Đảng bộ huyện Giồng Trôm: ended on 2025-06-30 (its last day). */
  DISTRICT_GIONG_TROM: 2,
  /** Đảng bộ xã Mỹ Thạnh: ended on 2025-06-30, merged into COMMUNE_MY_TAN_HUNG. */
  COMMUNE_MY_THANH: 10,
  /** Lương Hòa, Phong Nẫm, Sơn Phú: directly under the province from 2025-07-01 (see REORGANISATION_2025). */
  COMMUNE_LUONG_HOA: 20,
  COMMUNE_PHONG_NAM: 30,
  COMMUNE_SON_PHU: 40,
  /** Invented neighbours of Mỹ Thạnh, merged with it on 2025-07-01 (NEIGHBOUR_COMMUNES). */
  COMMUNE_TAN_THANH: 50,
  COMMUNE_HUNG_LOC: 60,
  FRONT_PROVINCE: 3,
  /** Ủy ban MTTQ huyện Giồng Trôm: ended on 2025-06-30 with the district. */
  FRONT_DISTRICT: 4,
  FRONT_MY_THANH: 120,
  YOUTH_MY_THANH: 121,
  WOMEN_MY_THANH: 122,
  FARMERS_MY_THANH: 123,
  VETERANS_MY_THANH: 124,
  TRADE_UNION_MY_THANH: 125,
  FRONT_TAN_THANH: 126,
  FRONT_HUNG_LOC: 127,
  /**
   * Made by the 2025 events (restructureUnits creates them; the ids are the next ones after the seeded units, and
   * reorganisation-demo.integration-spec.ts checks them against the lineage): the commune formed on 2025-07-01 from
   * Mỹ Thạnh, Tân Thạnh and Hưng Lộc, directly under the province, and its Fatherland Front.
   */
  COMMUNE_MY_TAN_HUNG: 603,
  FRONT_MY_TAN_HUNG: 604,
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

/**
 * Two small neighbours of Mỹ Thạnh with their own cells and members, so the 2025 merge has more than one commune of
 * data. INVENTED: the names, cells and people are not the real neighbours of xã Mỹ Thạnh (which could not be
 * confirmed). Their cells are commune id × 10 + 1…, their members from FIRST_NEIGHBOUR_MEMBER_ID; they touch none of
 * Mỹ Thạnh's rows, so the 2017 figures of the report stay as they were. Each has a Front, merged on the same day.
 */
export const NEIGHBOUR_COMMUNES = [
  { id: UNIT.COMMUNE_TAN_THANH, frontId: UNIT.FRONT_TAN_THANH, name: 'Đảng bộ xã Tân Thạnh', frontName: 'Ủy ban MTTQ Việt Nam xã Tân Thạnh', cells: ['Chi bộ ấp Tân Thạnh', 'Chi bộ ấp Tân Lợi'], perCell: 6 },
  { id: UNIT.COMMUNE_HUNG_LOC, frontId: UNIT.FRONT_HUNG_LOC, name: 'Đảng bộ xã Hưng Lộc', frontName: 'Ủy ban MTTQ Việt Nam xã Hưng Lộc', cells: ['Chi bộ ấp Hưng Lộc', 'Chi bộ ấp Hưng Hòa'], perCell: 6 },
] as const;

/** First member id of Mỹ Thạnh; members of other communes follow from 2001, those of the neighbours from 3001. */
export const FIRST_MY_THANH_MEMBER_ID = 1001;
export const FIRST_OTHER_MEMBER_ID = 2001;
export const FIRST_NEIGHBOUR_MEMBER_ID = 3001;

/**
 * The 2025 reorganisation of the demo world (domain.md §3.4–3.5), applied by the demo seed through restructureUnits,
 * all effective on 2025-07-01 (the first day of the new state; the old units' last day is 2025-06-30):
 *
 * 1. the provincial committee is renamed Đảng bộ tỉnh Vĩnh Long (and its Front likewise). In reality Bến Tre, Trà
 *    Vinh and Vĩnh Long were merged into the new tỉnh Vĩnh Long (Nghị quyết 202/2025/QH15); the demo has only the
 *    Bến Tre side, so it is a renaming of unit 1;
 * 2. Mỹ Thạnh and its two invented neighbours merge into a new commune committee directly under the province, and
 *    their Fronts into the new commune's Front. The new commune's name, Đảng bộ xã Mỹ Tân Hưng, is INVENTED (the
 *    real successor of xã Mỹ Thạnh under Nghị quyết 1687/NQ-UBTVQH15 on the communes of tỉnh Vĩnh Long could not
 *    be confirmed);
 * 3. Lương Hòa, Phong Nẫm and Sơn Phú go directly under the province as they are (a move each). A simplification:
 *    their real 2025 arrangement is not modelled, and keeping them gives the demo communes outside Mỹ Tân Hưng;
 * 4. the district's Front and the district end (Kết luận 157-KL/TW: district committees end on 2025-06-30).
 *
 * Decision numbers are INVENTED (the real decisions of the provincial committee were not found); the dates follow
 * Kết luận 157-KL/TW. Grants on the ended units move to the successor (xa.mythanh, ubkt.mythanh, btv.mythanh); those
 * on the district end with it, and the province gave the district's two accounts a role on itself from the same day.
 */
export const REORGANISATION_2025 = {
  DATE: '2025-07-01',
  LAST_DAY_BEFORE: '2025-06-30',
  DECISION_DATE: '2025-06-28',
  PROVINCE_NAME: 'Đảng bộ tỉnh Vĩnh Long',
  PROVINCE_SHORT_NAME: 'Tỉnh ủy Vĩnh Long',
  FRONT_PROVINCE_NAME: 'Ủy ban MTTQ Việt Nam tỉnh Vĩnh Long',
  COMMUNE_NAME: 'Đảng bộ xã Mỹ Tân Hưng',
  COMMUNE_SHORT_NAME: 'Đảng ủy xã Mỹ Tân Hưng',
  FRONT_NAME: 'Ủy ban MTTQ Việt Nam xã Mỹ Tân Hưng',
  /** Invented numbers: one decision of the provincial standing committee per step, one of the provincial Front. */
  DECISIONS: {
    RENAME_PROVINCE: '01-QĐ/TU',
    MERGE_COMMUNE: '15-QĐ/TU',
    MOVE_COMMUNES: '16-QĐ/TU',
    END_DISTRICT: '17-QĐ/TU',
    FRONT: '05-QĐ/MTTQ-BTT',
  },
} as const;

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
/**
 * The grants as first given (the 2025 events then move those on Mỹ Thạnh and its Front to Mỹ Tân Hưng and its Front,
 * and end those on the district on 2025-06-30). `validFrom`: a grant given from that day.
 */
export const DEMO_ACCOUNTS: readonly { id: number; username: string; displayName: string; grants: readonly { role: string; unitId: number; validFrom?: string }[] }[] = [
  { id: 1, username: 'admin', displayName: 'Quản trị hệ thống', grants: [{ role: 'SYSTEM_ADMIN', unitId: UNIT.PROVINCE_BEN_TRE }] },
  {
    id: 2,
    username: 'huyen.giongtrom',
    displayName: 'Văn phòng Huyện ủy Giồng Trôm',
    // The district office until the district ended; the province's level above the communes from 2025-07-01.
    grants: [
      { role: 'UNIT_ADMIN', unitId: UNIT.DISTRICT_GIONG_TROM },
      { role: 'UNIT_ADMIN', unitId: UNIT.PROVINCE_BEN_TRE, validFrom: REORGANISATION_2025.DATE },
    ],
  },
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
  {
    id: 7,
    username: 'analyst.giongtrom',
    displayName: 'Phân tích số liệu huyện Giồng Trôm',
    grants: [
      { role: 'ANALYST', unitId: UNIT.DISTRICT_GIONG_TROM },
      { role: 'ANALYST', unitId: UNIT.PROVINCE_BEN_TRE, validFrom: REORGANISATION_2025.DATE },
    ],
  },
];

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
