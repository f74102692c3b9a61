/**
 * Scope through relations: a unit outside the caller's subtrees shows only id, kind and name, and only where it
 * issued something the caller may read (a criteria set, a rating period) or where a readable member's history names
 * it; never its children, counts, head counts, terms or place in the tree. The subtrees the walks are checked
 * against are computed here from the database's parent links and lineage (the demo's 2025 reorganisation made
 * Mỹ Thạnh part of Mỹ Tân Hưng, whose roles read Mỹ Thạnh's history), not by the API.
 */
import { todayIso } from '@dangbo/vn';
import { CELL, CRITERIA_SET, FIRST_OTHER_MEMBER_ID, MEMBER, PERIOD, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
const callers: Record<string, { token: string; unitId: number; inside: Set<number>; breadcrumb: Set<number> }> = {};
/** A member of another commune transferred into Bến Đò: its history names a cell outside every caller's scope. */
const TRANSFERRED = FIRST_OTHER_MEMBER_ID;
let formerCell = 0;
/** A cell of Mỹ Thạnh until 2020, of Lương Hòa since. */
let movedCell = 0;

/**
 * The caller's readable units by the README's rule (scope across reorganisations), from the rows: the subtrees of
 * the live roots today, the units they (or a unit below them) were made of, recursively, and the units that ended
 * while under one of those. The breadcrumb: every unit that stood above one of them on some date (whoever issued
 * what the caller reads sits inside, or above it then or now).
 */
async function treeOf(roots: number[]): Promise<{ inside: Set<number>; breadcrumb: Set<number> }> {
  const today = todayIso();
  const links = ((await api.dataSource.query('SELECT unitId, parentId, validFrom, validTo FROM org_unit_link')) as Record<string, unknown>[]).map((l) => ({
    unitId: Number(l.unitId),
    parentId: Number(l.parentId),
    validFrom: String(l.validFrom),
    validTo: l.validTo === null ? null : String(l.validTo),
  }));
  const endOf = new Map(((await api.dataSource.query('SELECT id, validTo FROM org_unit WHERE validTo IS NOT NULL')) as { id: number; validTo: string }[]).map((u) => [Number(u.id), String(u.validTo)]));
  const lineage: { predecessorId: number; successorId: number }[] = await api.dataSource.query('SELECT predecessorId, successorId FROM org_lineage WHERE effectiveDate <= ?', [today]);
  const alive = (id: number) => !endOf.has(id) || (endOf.get(id) as string) > today;
  const inside = new Set(roots.filter(alive));
  for (let grew = true; grew; ) {
    grew = false;
    const add = (id: number) => {
      if (inside.has(id)) return;
      inside.add(id);
      grew = true;
    };
    for (const l of links) {
      if (!inside.has(l.parentId)) continue;
      const end = endOf.get(l.unitId);
      const linkedToday = l.validFrom <= today && (l.validTo === null || l.validTo > today);
      const endedUnder = end !== undefined && end <= today && (l.validTo === null || l.validTo >= end);
      if (linkedToday || endedUnder) add(l.unitId);
    }
    for (const g of lineage) if (inside.has(Number(g.successorId))) add(Number(g.predecessorId));
  }
  const breadcrumb = new Set<number>();
  for (let up = [...inside]; up.length; ) {
    up = links.filter((l) => up.includes(l.unitId)).map((l) => l.parentId).filter((id) => !inside.has(id) && !breadcrumb.has(id));
    up.forEach((id) => breadcrumb.add(id));
  }
  return { inside, breadcrumb };
}

beforeAll(async () => {
  api = await startTestApi();
  const ds = api.dataSource;
  formerCell = Number((await ds.query('SELECT unitId FROM member_assignment WHERE memberId = ? AND validTo IS NULL', [TRANSFERRED]))[0].unitId);
  await ds.query('UPDATE member_assignment SET validTo = ? WHERE memberId = ? AND validTo IS NULL', ['2024-01-01', TRANSFERRED]);
  await ds.query('INSERT INTO member_assignment (memberId, unitId, kind, validFrom, validTo) VALUES (?, ?, ?, ?, NULL)', [TRANSFERRED, CELL.BEN_DO, 'OFFICIAL', '2024-01-01']);
  // Bến Đò's secretary also sits on the commune committee: a post on a unit above bithu.bendo's scope.
  await ds.query('INSERT INTO member_position (memberId, unitId, title, validFrom, validTo) VALUES (?, ?, ?, ?, NULL)', [MEMBER.SECRETARY_BEN_DO, UNIT.COMMUNE_MY_THANH, 'COMMITTEE_MEMBER', '2020-07-16']);
  // A cell of Mỹ Thạnh from 2000 that moved to Lương Hòa in 2020. Mỹ Thạnh has ended since, so nothing can be placed
  // under it any more (unit-life.rules.ts): the earlier link is written as history, under the API's own move.
  movedCell = Number(dataOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Chi bộ ấp Chuyển Đi", parentId: ${UNIT.COMMUNE_LUONG_HOA}, validFrom: "2000-01-01") { id } }`)).createOrgUnit.id);
  await ds.query('UPDATE org_unit_link SET validFrom = ? WHERE unitId = ?', ['2020-01-01', movedCell]);
  await ds.query('INSERT INTO org_unit_link (unitId, parentId, validFrom, validTo) VALUES (?, ?, ?, ?)', [movedCell, UNIT.COMMUNE_MY_THANH, '2000-01-01', '2020-01-01']);

  const token = dataOf(await api.gql(`mutation { createApiToken(name: "Phân tích xã", unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { secret } }`)).createApiToken.secret;
  // The grants in force today (those on Mỹ Thạnh and its Front moved to Mỹ Tân Hưng and its Front on 2025-07-01).
  const today = todayIso();
  const rootsOf = async (username: string) =>
    (
      (await ds.query(
        'SELECT g.unitId FROM role_grant g JOIN app_user u ON u.id = g.userId WHERE u.username = ? AND (g.validFrom IS NULL OR g.validFrom <= ?) AND (g.validTo IS NULL OR g.validTo > ?)',
        [username, today, today],
      )) as { unitId: number }[]
    ).map((r) => Number(r.unitId));
  for (const [name, login, unitId, roots] of [
    ['bithu.bendo', await api.login('bithu.bendo'), CELL.BEN_DO, await rootsOf('bithu.bendo')],
    ['xa.mythanh', await api.login('xa.mythanh'), UNIT.COMMUNE_MY_TAN_HUNG, await rootsOf('xa.mythanh')],
    ['an API token', token, UNIT.COMMUNE_MY_TAN_HUNG, [UNIT.COMMUNE_MY_TAN_HUNG]],
  ] as const) {
    callers[name] = { token: login, unitId, ...(await treeOf([...roots])) };
  }
});
afterAll(() => api.close());

/**
 * Directive records that name units above bithu.bendo and xa.mythanh: a district letter sent to Bến Đò and to a cell
 * of Lương Hòa, a Bến Đò cell meeting, a commendation and a model of Bến Đò decided by the district, the district's
 * inspection of Bến Đò, and a commune letter sent to Bến Đò (its issuer is above bithu.bendo only).
 */
beforeAll(async () => {
  const make = async (mutation: string, args: string) => String(dataOf(await api.gql(`mutation { ${mutation}(${args}) { id } }`))[mutation].id);
  const district = await make('createDocument', `number: "77-CV/HU", issuedOn: "2021-01-05", title: "Công văn của Huyện ủy", issuerUnitId: ${UNIT.DISTRICT_GIONG_TROM}`);
  const commune = await make('createDocument', `number: "78-CV/ĐU", issuedOn: "2021-01-06", title: "Công văn của Đảng ủy", issuerUnitId: ${UNIT.COMMUNE_MY_THANH}, implementsId: ${district}`);
  for (const [doc, unit] of [[district, CELL.BEN_DO], [district, UNIT.COMMUNE_LUONG_HOA * 10 + 1], [commune, CELL.BEN_DO]]) {
    await make('createDocumentRecipient', `documentId: ${doc}, unitId: ${unit}, sentOn: "2021-01-07"`);
  }
  await make('createActivity', `kind: CELL_MEETING, unitId: ${CELL.BEN_DO}, heldOn: "2021-02-01", title: "Sinh hoạt chi bộ", documentIds: [${district}, ${commune}]`);
  await make('createCommendation', `memberId: 1002, decidedOn: "2021-03-01", form: GIAY_KHEN, decidingUnitId: ${UNIT.DISTRICT_GIONG_TROM}`);
  await make('createExemplaryModel', `subject: COLLECTIVE, unitId: ${CELL.BEN_DO}, year: 2021, title: "Chi bộ tiêu biểu", decidingUnitId: ${UNIT.DISTRICT_GIONG_TROM}`);
  await make(
    'createInspection',
    `kind: KIEM_TRA, inspectingUnitId: ${UNIT.DISTRICT_GIONG_TROM}, inspectingBody: INSPECTION_COMMITTEE, subjectUnitId: ${CELL.BEN_DO}, topic: "Kiểm tra của Huyện ủy", startOn: "2021-04-01"`,
  );
});

const STUB_FIELDS = new Set(['__typename', 'id', 'kind', 'name']);
/** Every field of OrgUnit, with `depth` levels of children below. */
const unitFields = (depth: number): string =>
  `__typename id kind name shortName code massOrgKind validFrom validTo version parentId childCount memberCount
   headCounts { __typename id unitId kind count } terms { __typename id name }
   ancestors { __typename id name memberCount } parent { __typename id name parentId memberCount }` + (depth > 0 ? ` children { ${unitFields(depth - 1)} }` : '');
const U3 = unitFields(3);
const U1 = unitFields(1);

/** Where a unit outside the caller's subtrees may appear as a stub, and where its bare id may. */
// The directive records (issue 9) name a unit above the caller where it issued, kept, decided or inspected something
// the caller reads: a district letter sent to a cell, a commendation the district decided, the district's inspection.
const ABOVE_PLACES = [
  'Document.issuer',
  'Document.owner',
  'Commendation.decidingUnit',
  'Discipline.decidingUnit',
  'ExemplaryModel.decidingUnit',
  'Inspection.inspectingUnit',
];
const ABOVE_ID_PLACES = ['Document.issuerUnitId', 'Document.ownerUnitId', 'Commendation.decidingUnitId', 'Discipline.decidingUnitId', 'ExemplaryModel.decidingUnitId', 'Inspection.inspectingUnitId'];
const STUB_PLACES = new Set(['CriteriaSet.unit', 'MemberAssignment.unit', 'MemberPosition.unit', ...ABOVE_PLACES]);
const ID_PLACES = new Set(['CriteriaSet.unitId', 'MemberAssignment.unitId', 'MemberPosition.unitId', 'RatingPeriod.unitId', ...ABOVE_ID_PLACES]);
/** Issuers: only units inside the caller's subtrees or on its breadcrumb issue what it reads. */
const ISSUER_PLACES = new Set(['CriteriaSet.unit', 'CriteriaSet.unitId', 'RatingPeriod.unitId', ...ABOVE_PLACES, ...ABOVE_ID_PLACES]);
const ID_KEYS = new Set(['unitId', 'parentId', 'cellId', 'issuerUnitId', 'ownerUnitId', 'decidingUnitId', 'inspectingUnitId', 'subjectUnitId']);

/**
 * Walks an answer; returns every breach of the rule, and how many units and unit ids it checked. `places`: also
 * check where outside units and ids appear (the walks below know every place; the schema-wide walk does not).
 */
function checkWalk(data: unknown, caller: { inside: Set<number>; breadcrumb: Set<number> }, places = true) {
  const breaches: string[] = [];
  const seen = { stubs: 0, insideWithData: 0, outsideIds: 0 };
  const outside = (id: unknown) => id !== null && id !== undefined && !caller.inside.has(Number(id));
  const visit = (value: unknown, place: string, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, place, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    const type = String(obj.__typename);
    if (type === 'OrgUnit' && outside(obj.id)) {
      seen.stubs++;
      if (places && !STUB_PLACES.has(place)) breaches.push(`${path}: unit ${obj.id} outside the scope appears at ${place}`);
      if (places && ISSUER_PLACES.has(place) && !caller.breadcrumb.has(Number(obj.id))) breaches.push(`${path}: issuer ${obj.id} is neither inside nor above`);
      for (const [k, v] of Object.entries(obj)) {
        if (!STUB_FIELDS.has(k) && v !== null && !(Array.isArray(v) && v.length === 0)) breaches.push(`${path}.${k}: unit ${obj.id} outside the scope carries ${JSON.stringify(v)}`);
      }
    } else if (type === 'OrgUnit' && obj.memberCount !== null && obj.memberCount !== undefined) seen.insideWithData++;
    for (const [k, v] of Object.entries(obj)) {
      if (places && ID_KEYS.has(k) && outside(v)) {
        seen.outsideIds++;
        if (!ID_PLACES.has(`${type}.${k}`)) breaches.push(`${path}.${k}: id ${v} of a unit outside the scope at ${type}.${k}`);
        if (ISSUER_PLACES.has(`${type}.${k}`) && !caller.breadcrumb.has(Number(v))) breaches.push(`${path}.${k}: issuer ${v} is neither inside nor above`);
      }
      if (v && typeof v === 'object') visit(v, `${type}.${k}`, `${path}.${k}`);
    }
  };
  visit(data, 'Query', '');
  return { breaches, seen };
}

const WALKS: Record<string, (unitId: number) => string> = {
  'CriteriaSet.unit': () => `{ CriteriaSet(id: ${CRITERIA_SET.COLLECTIVE}) { __typename id unitId unit { ${U3} } } }`,
  'applicableCriteriaSet.unit': (unitId) =>
    `{ applicableCriteriaSet(unitId: ${unitId}, periodId: ${PERIOD.YEAR_2025}, subjectKind: COLLECTIVE) { __typename id unitId unit { ${U3} } } }`,
  'allCriteriaSets.unit': () => `{ allCriteriaSets(perPage: 100) { __typename id unitId unit { ${U3} } } }`,
  'Member.cell, memberships and positions': () =>
    `{ allMembers(perPage: 500) { __typename id cellId cell { ${unitFields(1)} } memberships { __typename unitId unit { ${U3} } } positions { __typename unitId unit { ${U3} } } } }`,
  'RoleGrant.unit and User.roles': () =>
    `{ allRoleGrants(perPage: 500) { __typename id unitId unit { ${U3} } } allUsers(perPage: 500) { __typename id roles { __typename unitId unit { ${unitFields(2)} } } } }`,
  'OrgUnit parent chains': (unitId) =>
    `{ OrgUnit(id: ${unitId}) { ${unitFields(0)} parent { ${unitFields(0)} parent { ${unitFields(0)} parent { ${unitFields(1)} } } } }
       allOrgUnits(perPage: 500) { ${unitFields(0)} parent { ${unitFields(0)} parent { ${unitFields(0)} } } } }`,
  'RatingPeriod.unitId': () => `{ allRatingPeriods(perPage: 100) { __typename id unitId } }`,
  'Document.issuer, owner, implementsDocument and recipients': () =>
    `{ allDocuments(perPage: 500) { __typename id issuerUnitId ownerUnitId issuer { ${U3} } owner { ${U3} }
       implementsDocument { __typename id issuerUnitId ownerUnitId issuer { ${U1} } owner { ${U1} } }
       recipients { __typename id unitId recipientUnit { ${U3} } sentDocument { __typename id owner { ${U1} } } } } }`,
  'DocumentRecipient.recipientUnit and sentDocument': () =>
    `{ allDocumentRecipients(perPage: 500) { __typename id unitId recipientUnit { ${U3} } sentDocument { __typename id issuerUnitId ownerUnitId issuer { ${U3} } owner { ${U3} } } } }`,
  'Activity.organiser, aboutUnit, aboutMember, linkedDocuments; Attendance.attendee; Outreach.target': () =>
    `{ allActivities(perPage: 500) { __typename id unitId subjectUnitId organiser { ${U3} } aboutUnit { ${U3} } aboutMember { __typename id cellId cell { ${U1} } }
         linkedDocuments { __typename id issuerUnitId ownerUnitId issuer { ${U1} } owner { ${U1} } } }
       allAttendances(perPage: 500) { __typename id attendee { __typename id cellId cell { ${U1} } } }
       allOutreaches(perPage: 500) { __typename id unitId target { ${U3} } } }`,
  'Commendation, Discipline and ExemplaryModel: unit, decidingUnit, member': () =>
    ['allCommendations', 'allDisciplines', 'allExemplaryModels']
      .map((list) => `${list}(perPage: 500) { __typename id unitId decidingUnitId unit { ${U3} } decidingUnit { ${U3} } member { __typename id cellId cell { ${U1} } } }`)
      .reduce((q, part) => `${q} ${part}`, '{')
      .concat(' }'),
  'Inspection.inspectingUnit, subjectUnit, unit, subjectMember; StudyRegistration.member': () =>
    `{ allInspections(perPage: 500) { __typename id unitId inspectingUnitId subjectUnitId inspectingUnit { ${U3} } subjectUnit { ${U3} } unit { ${U3} } subjectMember { __typename id cellId cell { ${U1} } } }
       allStudyRegistrations(perPage: 500) { __typename id member { __typename id cellId cell { ${U1} } } } }`,
};

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type SchemaField = { name: string; args: { type: TypeRef }[]; type: TypeRef };
const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);

/**
 * One query per `allX` list of the schema, asking every field that yields an OrgUnit, directly or one object
 * deeper (a member's memberships), with two levels of children below: a relation added later is walked too.
 */
async function unitBearingLists(): Promise<string[]> {
  const types: { name: string; fields: SchemaField[] | null }[] = dataOf(
    await api.gql(`{ __schema { types { name fields { name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`),
  ).__schema.types;
  const byName = new Map(types.map((t) => [t.name, t]));
  const plain = (f: SchemaField) => f.args.every((a) => a.type.kind !== 'NON_NULL');
  const unitSelections = (typeName: string, nested: boolean): string[] =>
    (byName.get(typeName)?.fields ?? []).filter(plain).flatMap((f) => {
      const target = named(f.type);
      if (target.name === 'OrgUnit') return [`${f.name} { ${unitFields(2)} }`];
      if (nested && target.kind === 'OBJECT' && target.name) {
        const inner = unitSelections(target.name, false);
        return inner.length ? [`${f.name} { __typename ${inner.join(' ')} }`] : [];
      }
      return [];
    });
  const query = byName.get('Query')?.fields ?? [];
  return query
    .filter((f) => f.name.startsWith('all') && named(f.type).name)
    .flatMap((f) => {
      const selections = unitSelections(named(f.type).name as string, true);
      return selections.length ? [`{ ${f.name}(perPage: 100) { __typename ${selections.join(' ')} } }`] : [];
    });
}

describe('a relation walk from any readable record', () => {
  const cases = ['bithu.bendo', 'xa.mythanh', 'an API token'].flatMap((who) => Object.keys(WALKS).map((walk) => [walk, who] as const));

  it.each(cases)('from %s as %s never returns a unit outside the scope beyond id, kind and name, nor its id where not allowed', async (walk, who) => {
    const caller = callers[who];
    const { breaches, seen } = checkWalk(dataOf(await api.gql(WALKS[walk](caller.unitId), {}, caller.token)), caller);
    expect(breaches).toEqual([]);
    // The walk reached units: inside ones with their data, or stubs and ids of outside ones.
    expect(seen.insideWithData + seen.stubs + seen.outsideIds).toBeGreaterThan(0);
  });

  it.each(['bithu.bendo', 'xa.mythanh', 'an API token'])(
    'from every list of the schema, through every relation that yields a unit, as %s: units outside the scope are stubs',
    async (who) => {
      const caller = callers[who];
      const lists = await unitBearingLists();
      expect(lists.length).toBeGreaterThan(5);
      const breaches: string[] = [];
      for (const query of lists) {
        const res = await api.gql(query, {}, caller.token);
        // A list the caller may not read at all (FORBIDDEN) has nothing to leak.
        if (res.errors?.some((e) => e.extensions?.code !== 'FORBIDDEN')) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
        breaches.push(...checkWalk(res.data, caller, false).breaches);
      }
      expect(breaches).toEqual([]);
    },
  );

  it.each([
    'Document.issuer, owner, implementsDocument and recipients',
    'Commendation, Discipline and ExemplaryModel: unit, decidingUnit, member',
    'Inspection.inspectingUnit, subjectUnit, unit, subjectMember; StudyRegistration.member',
  ])('the directive walk %s meets the district as a stub for bithu.bendo; the admin\'s answer breaches that scope', async (walk) => {
    const bithu = callers['bithu.bendo'];
    const own = checkWalk(dataOf(await api.gql(WALKS[walk](bithu.unitId), {}, bithu.token)), bithu);
    expect(own.breaches).toEqual([]);
    expect(own.seen.stubs).toBeGreaterThan(0);
    // The admin reads the district with its children and counts, and Lương Hòa's records: a breach for bithu.bendo.
    expect(checkWalk(dataOf(await api.gql(WALKS[walk](bithu.unitId))), bithu).breaches.length).toBeGreaterThan(0);
  });

  it("flags a leak: the admin's answers hold what bithu.bendo's scope forbids", async () => {
    const { breaches } = checkWalk(dataOf(await api.gql(WALKS['CriteriaSet.unit'](CELL.BEN_DO))), callers['bithu.bendo']);
    expect(breaches.some((b) => b.includes('.children: unit 1 outside the scope'))).toBe(true);
    expect(breaches.some((b) => b.includes('.memberCount: unit 1 outside the scope'))).toBe(true);
  });
});

describe('a unit outside the scope is a stub', () => {
  const STUB_QUERY = `unit { id kind name shortName code validFrom version parentId parent { id } children { id } childCount memberCount headCounts { count } terms { name } ancestors { id } }`;

  it.each(['bithu.bendo', 'an API token'])('the issuer of a criteria set of an ancestor committee shows only id, kind and name to %s', async (who) => {
    const set = dataOf(await api.gql(`{ CriteriaSet(id: ${CRITERIA_SET.COLLECTIVE}) { ${STUB_QUERY} } }`, {}, callers[who].token)).CriteriaSet;
    expect(set.unit).toEqual({
      id: String(UNIT.PROVINCE_BEN_TRE), kind: 'PROVINCE_COMMITTEE', name: expect.any(String),
      shortName: null, code: null, validFrom: null, version: null, parentId: null, parent: null,
      children: [], childCount: null, memberCount: null, headCounts: [], terms: [], ancestors: [],
    });
  });

  it('applicableCriteriaSet and allCriteriaSets give no children, head counts or member counts of an issuer above the scope', async () => {
    const q = `{ applicableCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${PERIOD.YEAR_2025}, subjectKind: COLLECTIVE) { unit { id children { id } headCounts { count } } }
      allCriteriaSets(perPage: 100) { unitId unit { id memberCount children { id } headCounts { count } terms { name } } } }`;
    const data = dataOf(await api.gql(q, {}, callers['xa.mythanh'].token));
    expect(data.applicableCriteriaSet.unit).toEqual({ id: String(UNIT.PROVINCE_BEN_TRE), children: [], headCounts: [] });
    const byIssuer = (id: number) => data.allCriteriaSets.filter((s: { unitId: string }) => s.unitId === String(id)).map((s: { unit: unknown }) => s.unit);
    expect(byIssuer(UNIT.PROVINCE_BEN_TRE).length).toBeGreaterThan(0);
    for (const unit of byIssuer(UNIT.PROVINCE_BEN_TRE)) expect(unit).toMatchObject({ memberCount: null, children: [], headCounts: [], terms: [] });
    // The commune's own set (Mỹ Thạnh's, gone to Mỹ Tân Hưng on 2025-07-01): its issuer is inside xa.mythanh's scope and shows everything.
    const own = byIssuer(UNIT.COMMUNE_MY_TAN_HUNG)[0];
    expect(own.memberCount).toBeGreaterThan(0);
    expect(own.children.length).toBeGreaterThan(0);
    expect(own.terms.length).toBeGreaterThan(0);
  });

  it("a member's membership and post on units elsewhere name them only as id, kind and name", async () => {
    const q = `{ Member(id: ${TRANSFERRED}) { memberships { unitId unit { id kind name memberCount parentId children { id } } } } a: Member(id: ${MEMBER.SECRETARY_BEN_DO}) { positions { unitId unit { id kind memberCount terms { name } } } } }`;
    const data = dataOf(await api.gql(q, {}, callers['bithu.bendo'].token));
    const former = data.Member.memberships.find((m: { unitId: string }) => m.unitId === String(formerCell));
    expect(former.unit).toEqual({ id: String(formerCell), kind: 'CELL', name: expect.any(String), memberCount: null, parentId: null, children: [] });
    const current = data.Member.memberships.find((m: { unitId: string }) => m.unitId === String(CELL.BEN_DO));
    expect(current.unit.memberCount).toBeGreaterThan(0);
    const post = data.a.positions.find((p: { unitId: string }) => p.unitId === String(UNIT.COMMUNE_MY_THANH));
    expect(post.unit).toEqual({ id: String(UNIT.COMMUNE_MY_THANH), kind: 'COMMUNE_COMMITTEE', memberCount: null, terms: [] });
  });
});

describe('the tree stops at the top of the scope', () => {
  it('parentId and parent are null at the top of the caller\'s scope and set below it', async () => {
    const q = `{ top: OrgUnit(id: ${UNIT.COMMUNE_MY_TAN_HUNG}) { parentId parent { id } ancestors { id } } cell: OrgUnit(id: ${CELL.BEN_DO}) { parentId parent { id } } }`;
    const xa = dataOf(await api.gql(q, {}, callers['xa.mythanh'].token));
    expect(xa.top).toEqual({ parentId: null, parent: null, ancestors: [] });
    expect(xa.cell).toEqual({ parentId: String(UNIT.COMMUNE_MY_TAN_HUNG), parent: { id: String(UNIT.COMMUNE_MY_TAN_HUNG) } });
    const bithu = dataOf(await api.gql(`{ OrgUnit(id: ${CELL.BEN_DO}) { parentId parent { id } ancestors { id } } }`, {}, callers['bithu.bendo'].token));
    expect(bithu.OrgUnit).toEqual({ parentId: null, parent: null, ancestors: [] });
    // The admin sees the link the others do not.
    expect(dataOf(await api.gql(`{ OrgUnit(id: ${UNIT.COMMUNE_MY_TAN_HUNG}) { parentId } }`)).OrgUnit.parentId).toBe(String(UNIT.PROVINCE_BEN_TRE));
  });

  it('children read at an earlier date leave out a unit that has moved outside the scope since', async () => {
    const q = `{ OrgUnit(id: ${UNIT.COMMUNE_MY_THANH}) { id } allOrgUnits(filter: {ids: [${UNIT.COMMUNE_MY_THANH}], asOf: "2019-06-01"}) { childCount children { id } } }`;
    const ids = (data: Record<string, any>) => data.allOrgUnits[0].children.map((c: { id: string }) => c.id);
    expect(ids(dataOf(await api.gql(q)))).toContain(String(movedCell));
    const xa = dataOf(await api.gql(q, {}, callers['xa.mythanh'].token));
    expect(ids(xa)).not.toContain(String(movedCell));
    expect(xa.allOrgUnits[0].childCount).toBe(ids(xa).length);
  });
});

it('the scope checks of unit fields cost the same statements for 10 members as for 190', async () => {
  const q = `query($n: Int, $f: MemberFilter) { allMembers(perPage: $n, filter: $f) { id cell { name memberCount parentId parent { name } } memberships { unit { name memberCount children { id } } } } }`;
  const xa = callers['xa.mythanh'].token;
  // Both pages hold the transferred member, whose former cell elsewhere is loaded apart from the cells.
  const ids = dataOf(await api.gql(`{ allMembers(perPage: 9, filter: {unitId: ${CELL.NGHIA_HUAN}}) { id } }`)).allMembers.map((m: { id: string }) => m.id);
  const small = await api.gql(q, { n: 10, f: { ids: [...ids, String(TRANSFERRED)] } }, xa);
  const large = await api.gql(q, { n: 500 }, xa);
  expect(dataOf(small).allMembers).toHaveLength(10);
  expect(dataOf(large).allMembers.length).toBeGreaterThan(189);
  expect(large.sqlStatements).toBe(small.sqlStatements);
});
