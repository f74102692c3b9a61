/** The access matrix, API tokens, the audit trail of every mutation, the request limits and the login throttle. */
import jwt from 'jsonwebtoken';
import { getIntrospectionQuery } from 'graphql';
import { CELL, MEMBER, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';
import { directiveAuditCalls } from './support/directive-mutations';
import { ratingAuditCalls } from './support/rating-fixtures';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const LUONG_HOA_CELL = UNIT.COMMUNE_LUONG_HOA * 10 + 1;
const outcome = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors?.length ? String(res.errors[0].extensions?.code) : 'OK');

describe('the access matrix', () => {
  // role → [read in scope, read out of scope, write in scope, write out of scope] on units, members and users
  const matrix: [string, number, number, string, string, string, string][] = [
    // username, unit in scope, unit out of scope, read in, read out, write in, write out
    ['huyen.giongtrom', CELL.BEN_DO, 999, 'OK', 'NOT_FOUND', 'OK', 'NOT_FOUND'],
    ['xa.mythanh', CELL.BEN_DO, LUONG_HOA_CELL, 'OK', 'NOT_FOUND', 'OK', 'NOT_FOUND'],
    ['ubkt.mythanh', CELL.BEN_DO, LUONG_HOA_CELL, 'OK', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN'],
    ['btv.mythanh', CELL.BEN_DO, LUONG_HOA_CELL, 'OK', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN'],
    ['bithu.bendo', CELL.BEN_DO, CELL.NGHIA_HUAN, 'OK', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN'],
    ['analyst.giongtrom', CELL.BEN_DO, 999, 'OK', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN'],
  ];

  it.each(matrix)('%s on units', async (user, inside, outside, readIn, readOut, writeIn, writeOut) => {
    const token = await api.login(user);
    const read = async (id: number) => {
      const res = await api.gql(`{ OrgUnit(id: ${id}) { id name } }`, {}, token);
      return res.errors ? outcome(res) : res.data.OrgUnit ? 'OK' : 'NOT_FOUND';
    };
    expect(await read(inside)).toBe(readIn);
    expect(await read(outside)).toBe(readOut);
    const write = (id: number) => api.gql(`mutation { updateOrgUnit(id: ${id}, shortName: "thử") { id } }`, {}, token);
    expect(outcome(await write(inside))).toBe(writeIn);
    expect(outcome(await write(outside))).toBe(writeOut);
  });

  it.each(matrix)('%s on members', async (user, inside, outside, readIn, readOut, writeIn, writeOut) => {
    const token = await api.login(user);
    const memberIn = dataOf(await api.gql(`{ allMembers(perPage: 1, filter: {unitId: ${inside}}) { id } }`)).allMembers[0].id;
    const memberOut = outside === 999 ? '999999' : dataOf(await api.gql(`{ allMembers(perPage: 1, filter: {unitId: ${outside}}) { id } }`)).allMembers[0].id;
    const read = async (id: string) => {
      const res = await api.gql(`{ Member(id: ${id}) { id } }`, {}, token);
      return res.errors ? outcome(res) : res.data.Member ? 'OK' : 'NOT_FOUND';
    };
    expect(await read(memberIn)).toBe(readIn);
    expect(await read(memberOut)).toBe(readOut);
    const write = (id: string) => api.gql(`mutation { updateMember(id: ${id}, note: "thử") { id } }`, {}, token);
    expect(outcome(await write(memberIn))).toBe(writeIn);
    expect(outcome(await write(memberOut))).toBe(writeOut);
  });

  it.each(matrix)('%s on users', async (user, _inside, _outside, readIn, _readOut, writeIn) => {
    const token = await api.login(user);
    // bithu.bendo (id 6) sits inside every scope above; admin (id 1) holds a role on the province, outside every scope
    // but those of the two accounts the province gave a role on itself when the district ended (2025-07-01).
    const read = async (id: number) => {
      const res = await api.gql(`{ User(id: ${id}) { id } }`, {}, token);
      return res.errors ? outcome(res) : res.data.User ? 'OK' : 'NOT_FOUND';
    };
    const provinceLevel = user === 'huyen.giongtrom' || user === 'analyst.giongtrom';
    expect(await read(6)).toBe(readIn);
    expect(await read(1)).toBe(provinceLevel ? 'OK' : 'NOT_FOUND');
    const canManage = user === 'huyen.giongtrom' || user === 'xa.mythanh';
    expect(outcome(await api.gql(`mutation { updateUser(id: 6, displayName: "Bí thư Chi bộ ấp Bến Đò") { id } }`, {}, token))).toBe(canManage ? 'OK' : writeIn === 'OK' ? 'OK' : 'FORBIDDEN');
    // The system administrator reads as missing outside the province, and within it is not a unit admin's to change.
    expect(outcome(await api.gql(`mutation { updateUser(id: 1, displayName: "x") { id } }`, {}, token))).toBe(canManage && !provinceLevel ? 'NOT_FOUND' : 'FORBIDDEN');
  });

  it('xa.mythanh sees the 189 members of Mỹ Thạnh and the 24 of its neighbours (Mỹ Tân Hưng since 2025-07-01) and none of another commune; bithu.bendo sees only its cell', async () => {
    const xa = await api.login('xa.mythanh');
    expect(dataOf(await api.gql(`{ _allMembersMeta { count } }`, {}, xa))._allMembersMeta.count).toBe(189 + 24);
    expect(dataOf(await api.gql(`{ _allMembersMeta(filter: {unitId: ${UNIT.COMMUNE_MY_THANH}, asOf: "2017-02-15"}) { count } }`, {}, xa))._allMembersMeta.count).toBe(189);
    expect(dataOf(await api.gql(`{ _allMembersMeta(filter: {unitId: ${UNIT.COMMUNE_LUONG_HOA}}) { count } }`, {}, xa))._allMembersMeta.count).toBe(0);
    const bithu = await api.login('bithu.bendo');
    const cells = dataOf(await api.gql(`{ allMembers(perPage: 500) { cell { id } } }`, {}, bithu)).allMembers;
    expect(cells.length).toBe(18);
    expect(new Set(cells.map((m: { cell: { id: string } }) => m.cell.id))).toEqual(new Set([String(CELL.BEN_DO)]));
    const tops = dataOf(await api.gql(`{ allOrgUnits(filter: {root: true}) { id } }`, {}, xa)).allOrgUnits.map((u: { id: string }) => u.id);
    expect(tops.sort()).toEqual([String(UNIT.COMMUNE_MY_TAN_HUNG), String(UNIT.FRONT_MY_TAN_HUNG)].sort());
  });

  it('refuses moving a member out of one\'s scope, and granting a role above one\'s own or outside one\'s subtree', async () => {
    const xa = await api.login('xa.mythanh');
    expect(errorOf(await api.gql(`mutation { updateMember(id: ${MEMBER.SECRETARY_BEN_DO}, cellId: ${LUONG_HOA_CELL}) { id } }`, {}, xa)).field).toBe('cellId');
    expect(errorOf(await api.gql(`mutation { createRoleGrant(userId: 6, role: SYSTEM_ADMIN, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(`mutation { createRoleGrant(userId: 6, role: ANALYST, unitId: ${UNIT.COMMUNE_LUONG_HOA}) { id } }`, {}, xa)).field).toBe('unitId');
    const moveUnit = errorOf(await api.gql(`mutation { updateOrgUnit(id: ${CELL.Y_TE}, parentId: ${UNIT.COMMUNE_LUONG_HOA}) { id } }`, {}, xa));
    expect(moveUnit.field).toBe('parentId');
    // A unit admin holds no DECIDE: the standing committee's role is not theirs to give.
    expect(errorOf(await api.gql(`mutation { createRoleGrant(userId: 6, role: DECIDER, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    const granted = dataOf(await api.gql(`mutation { createRoleGrant(userId: 6, role: CELL_SECRETARY, unitId: ${CELL.NGHIA_HUAN}) { id } }`, {}, xa)).createRoleGrant;
    dataOf(await api.gql(`mutation { deleteRoleGrant(id: ${granted.id}) { id } }`, {}, xa));
  });

  it('a caller with roles on a unit and inside it sees one top; a unit admin reads the log of the accounts they manage', async () => {
    const user = dataOf(
      await api.gql(`mutation { createUser(username: "hai.vai", displayName: "Hai vai trò", password: "mat-khau-dai-du", role: CELL_SECRETARY, unitId: ${CELL.BEN_DO}) { id } }`),
    ).createUser;
    dataOf(await api.gql(`mutation { createRoleGrant(userId: ${user.id}, role: ANALYST, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`));
    const token = await api.login('hai.vai', 'mat-khau-dai-du');
    const tops = dataOf(await api.gql(`{ allOrgUnits(filter: {root: true}) { id } }`, {}, token)).allOrgUnits;
    expect(tops).toEqual([{ id: String(UNIT.COMMUNE_MY_TAN_HUNG) }]);
    const xa = await api.login('xa.mythanh');
    dataOf(await api.gql(`mutation { updateUser(id: ${user.id}, displayName: "Hai vai trò (sửa)") { id } }`, {}, xa));
    const log = dataOf(await api.gql(`{ allAuditEntries(filter: {entity: "User", entityId: "${user.id}"}) { operation } }`, {}, xa)).allAuditEntries;
    expect(log.map((e: { operation: string }) => e.operation)).toEqual(expect.arrayContaining(['updateUser', 'login']));
    // A role of the same account outside xa.mythanh's part of the tree stays invisible to it.
    dataOf(await api.gql(`mutation { createRoleGrant(userId: ${user.id}, role: ANALYST, unitId: ${UNIT.COMMUNE_LUONG_HOA}) { id } }`));
    const seen = dataOf(await api.gql(`{ User(id: ${user.id}) { roles { unitId unit { name } } } }`, {}, await api.login('xa.mythanh'))).User.roles;
    expect(seen.map((r: { unitId: string }) => r.unitId).sort()).toEqual([String(CELL.BEN_DO), String(UNIT.COMMUNE_MY_TAN_HUNG)].sort());
    // …and the account, now also held elsewhere, is no longer xa.mythanh's to change.
    expect(errorOf(await api.gql(`mutation { updateUser(id: ${user.id}, displayName: "x") { id } }`, {}, xa)).code).toBe('FORBIDDEN');
  });
});

describe('tokens', () => {
  it('an analyst API token reads within its unit; every mutation with it is FORBIDDEN; revoked is UNAUTHENTICATED', async () => {
    const created = dataOf(await api.gql(`mutation { createApiToken(name: "Power BI xã", unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id secret } }`)).createApiToken;
    const token = created.secret as string;
    expect(dataOf(await api.gql(`{ _allMembersMeta { count } }`, {}, token))._allMembersMeta.count).toBeGreaterThan(189);
    // A unit above the token's unit reads as missing (NOT_FOUND), never as data: null.
    expect(errorOf(await api.gql(`{ OrgUnit(id: ${UNIT.PROVINCE_BEN_TRE}) { id } }`, {}, token)).code).toBe('NOT_FOUND');
    for (const m of [
      `mutation { updateMember(id: ${MEMBER.SECRETARY_BEN_DO}, note: "x") { id } }`,
      `mutation { createOrgUnit(kind: CELL, name: "Chi bộ mới", parentId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`,
      `mutation { createApiToken(name: "x", unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`,
      `mutation { changeOwnPassword(oldPassword: "x", newPassword: "yyyyyyyyyyyy") }`,
    ]) {
      expect(errorOf(await api.gql(m, {}, token)).code).toBe('FORBIDDEN');
    }
    dataOf(await api.gql(`mutation { revokeApiToken(id: ${created.id}) { revokedAt } }`));
    expect(errorOf(await api.gql(`{ _allMembersMeta { count } }`, {}, token)).code).toBe('UNAUTHENTICATED');
    const listed = dataOf(await api.gql(`{ allApiTokens { id name lastUsedAt revokedAt secret } }`)).allApiTokens;
    expect(listed[0]).toMatchObject({ name: 'Power BI xã', secret: null });
    expect(listed[0].lastUsedAt).not.toBeNull();
  });

  it('every mutation in the schema is FORBIDDEN with an analyst API token', async () => {
    const token = dataOf(await api.gql(`mutation { createApiToken(name: "Mọi thao tác", unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { secret } }`)).createApiToken.secret;
    const schema = dataOf(
      await api.gql(`{ __schema { mutationType { fields { name args { name type { kind name ofType { kind name enumValues { name } } } } } } } }`),
    ).__schema.mutationType.fields as { name: string; args: { name: string; type: { kind: string; ofType: { kind: string; name: string; enumValues?: { name: string }[] } | null } }[] }[];
    const sample = (t: { kind: string; name: string; enumValues?: { name: string }[] }) =>
      t.kind === 'LIST' ? '[]' : t.kind === 'INPUT_OBJECT' ? '{}' : t.kind === 'ENUM' ? t.enumValues?.[0]?.name : ({ ID: '"1"', String: '"x"', Int: '1', Float: '1', Boolean: 'true', JSON: '{}' } as Record<string, string>)[t.name];
    // Every answer first, then one assertion: a failure lists every mutation that was not refused.
    const notForbidden: [string, string][] = [];
    for (const m of schema.filter((f) => f.name !== 'login')) {
      const required = m.args.filter((a) => a.type.kind === 'NON_NULL');
      const args = required.map((a) => `${a.name}: ${a.type.ofType ? sample(a.type.ofType) : "null"}`).join(', ');
      const query = `mutation { ${m.name}${args ? `(${args})` : ''}${m.name === 'changeOwnPassword' ? '' : ' { __typename }'} }`;
      const res = await api.gql(query, {}, token);
      const code = res.errors?.length ? errorOf(res).code : 'OK';
      if (code !== 'FORBIDDEN') notForbidden.push([m.name, code]);
    }
    expect(notForbidden).toEqual([]);
  });

  it('a tampered, an expired and a missing token are UNAUTHENTICATED', async () => {
    const good = await api.login('xa.mythanh');
    const [h, p, s] = good.split('.');
    const tampered = `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const expired = jwt.sign({ typ: 'user', pwv: 1, exp: Math.floor(Date.now() / 1000) - 60 }, api.config.authSecret, { subject: '3', issuer: 'dangbo' });
    const otherSecret = jwt.sign({ typ: 'user', pwv: 1 }, 'not-our-secret', { subject: '1', issuer: 'dangbo' });
    for (const t of [tampered, expired, otherSecret, '']) {
      const e = errorOf(await api.gql(`{ _allMembersMeta { count } }`, {}, t));
      expect(e.code).toBe('UNAUTHENTICATED');
      expect(e.message).toMatch(/đăng nhập/);
    }
  });
});

describe('the audit log', () => {
  it('every mutation in the schema leaves exactly one audit entry with before/after', async () => {
    const schema = dataOf(await api.gql(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: { name: string }) => f.name);
    const count = async () => Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);
    const unit = async () => dataOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Chi bộ nhật ký", parentId: ${UNIT.COMMUNE_SON_PHU}) { id } }`)).createOrgUnit.id;
    const calls: Record<string, () => Promise<unknown>> = {
      login: () => api.gql(`mutation { login(username: "btv.mythanh", password: "dangbo-demo") { token } }`, {}, ''),
      changeOwnPassword: async () => {
        const token = await api.login('ubkt.mythanh');
        const before = await count();
        dataOf(await api.gql(`mutation { changeOwnPassword(oldPassword: "dangbo-demo", newPassword: "mat-khau-moi-2026") }`, {}, token));
        // The old token stops working once the password changed.
        expect(errorOf(await api.gql(`{ me { id } }`, {}, token)).code).toBe('UNAUTHENTICATED');
        return before;
      },
      createOrgUnit: unit,
      updateOrgUnit: async () => {
        const id = await unit();
        const before = await count();
        dataOf(await api.gql(`mutation { updateOrgUnit(id: ${id}, code: "NK") { id } }`));
        return before;
      },
      deleteOrgUnit: async () => {
        const id = await unit();
        const before = await count();
        dataOf(await api.gql(`mutation { deleteOrgUnit(id: ${id}) { id } }`));
        return before;
      },
      restructureUnits: async () => {
        const id = await unit();
        const before = await count();
        dataOf(await api.gql(`mutation { restructureUnits(input: {type: RENAME, effectiveDate: "2099-01-01", unitIds: ["${id}"], newName: "Chi bộ đổi tên", decisionNumber: "01-QĐ/ĐU"}, dryRun: false) { changes { kind } } }`));
        return before;
      },
      createMember: () => api.gql(`mutation { createMember(fullName: "Lý Văn Nhật", gender: MALE, cellId: ${CELL.Y_TE}) { id } }`),
      updateMember: () => api.gql(`mutation { updateMember(id: ${MEMBER.SECRETARY_Y_TE}, note: "ghi") { id } }`),
      deleteMember: async () => {
        const id = dataOf(await api.gql(`mutation { createMember(fullName: "Lý Văn Xóa", gender: MALE, cellId: ${CELL.Y_TE}) { id } }`)).createMember.id;
        const before = await count();
        await api.gql(`mutation { deleteMember(id: ${id}) { id } }`);
        return before;
      },
      createUser: () => api.gql(`mutation { createUser(username: "nguoi.moi", displayName: "Người mới", password: "mat-khau-dai-du", role: ANALYST, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`),
      updateUser: () => api.gql(`mutation { updateUser(id: 7, displayName: "Phân tích") { id } }`),
      deleteUser: async () => {
        const id = dataOf(await api.gql(`mutation { createUser(username: "tam.thoi", displayName: "Tạm", password: "mat-khau-dai-du", role: ANALYST, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`)).createUser.id;
        const before = await count();
        await api.gql(`mutation { deleteUser(id: ${id}) { id } }`);
        return before;
      },
      createRoleGrant: () => api.gql(`mutation { createRoleGrant(userId: 5, role: APPRAISER, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`),
      deleteRoleGrant: async () => {
        const id = dataOf(await api.gql(`mutation { createRoleGrant(userId: 5, role: ANALYST, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`)).createRoleGrant.id;
        const before = await count();
        await api.gql(`mutation { deleteRoleGrant(id: ${id}) { id } }`);
        return before;
      },
      createApiToken: () => api.gql(`mutation { createApiToken(name: "Nhật ký", unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`),
      revokeApiToken: async () => {
        const id = dataOf(await api.gql(`mutation { createApiToken(name: "Thu hồi", unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`)).createApiToken.id;
        const before = await count();
        await api.gql(`mutation { revokeApiToken(id: ${id}) { id } }`);
        return before;
      },
    };
    // Criteria: a draft set of the commune, with one criterion, prepared before each measured call.
    const draft = async () =>
      dataOf(await api.gql(`mutation { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: 2, subjectKind: COLLECTIVE, name: "Nháp ${Math.random()}") { id } }`)).createCriteriaSet.id;
    const withCriterion = async () => {
      const setId = await draft();
      const id = dataOf(await api.gql(`mutation { createCriterion(setId: ${setId}, code: "diem", name: "Điểm", kind: SCORE, max: 100) { id } }`)).createCriterion.id;
      return { setId, id };
    };
    const measured = async (prepare: () => Promise<string>, mutation: (id: string) => string) => {
      const id = await prepare();
      const before = await count();
      dataOf(await api.gql(mutation(id)));
      return before;
    };
    Object.assign(calls, {
      createCriteriaSet: draft,
      updateCriteriaSet: () => measured(draft, (id) => `mutation { updateCriteriaSet(id: ${id}, name: "Đổi tên") { id } }`),
      deleteCriteriaSet: () => measured(draft, (id) => `mutation { deleteCriteriaSet(id: ${id}) { id } }`),
      publishCriteriaSet: () => measured(async () => (await withCriterion()).setId, (id) => `mutation { publishCriteriaSet(id: ${id}) { id } }`),
      cloneCriteriaSet: () => api.gql(`mutation { cloneCriteriaSet(id: 5) { id } }`),
      createCriterion: () => measured(draft, (id) => `mutation { createCriterion(setId: ${id}, code: "x", name: "X", kind: SCORE, max: 100) { id } }`),
      updateCriterion: () => measured(async () => (await withCriterion()).id, (id) => `mutation { updateCriterion(id: ${id}, name: "Điểm mới") { id } }`),
      deleteCriterion: () => measured(async () => (await withCriterion()).id, (id) => `mutation { deleteCriterion(id: ${id}) { id } }`),
      reorderCriteria: () =>
        measured(
          async () => {
            const { setId, id } = await withCriterion();
            return `${setId}:${id}`;
          },
          (both) => `mutation { reorderCriteria(setId: ${both.split(':')[0]}, ids: [${both.split(':')[1]}]) { id } }`,
        ),
      createRatingPeriod: () => api.gql(`mutation { createRatingPeriod(unitId: 10, kind: QUARTER, year: 2026, quarter: 1) { id } }`),
      deleteRatingPeriod: () =>
        measured(async () => dataOf(await api.gql(`mutation { createRatingPeriod(unitId: 10, kind: QUARTER, year: 2026, quarter: 2) { id } }`)).createRatingPeriod.id, (id) => `mutation { deleteRatingPeriod(id: ${id}) { id } }`),
    });
    // Bulk mutations with one id: one entry per row, under the bulk operation's name.
    const newUser = async () =>
      dataOf(await api.gql(`mutation { createUser(username: "hang.loat${Math.floor(Math.random() * 1e9)}", displayName: "Hàng loạt", password: "mat-khau-dai-du", role: ANALYST, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`)).createUser.id;
    const newGrant = async () => dataOf(await api.gql(`mutation { createRoleGrant(userId: ${await newUser()}, role: APPRAISER, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`)).createRoleGrant.id;
    const newMember = async () => dataOf(await api.gql(`mutation { createMember(fullName: "Lý Văn Loạt", gender: MALE, cellId: ${CELL.Y_TE}) { id } }`)).createMember.id;
    Object.assign(calls, {
      updateMembers: () => measured(newMember, (id) => `mutation { updateMembers(ids: [${id}], data: { status: EXEMPTED }) { ids } }`),
      deleteMembers: () => measured(newMember, (id) => `mutation { deleteMembers(ids: [${id}]) { ids } }`),
      updateOrgUnits: () => measured(unit, (id) => `mutation { updateOrgUnits(ids: [${id}], data: { validTo: "2099-12-31" }) { ids } }`),
      deleteOrgUnits: () => measured(unit, (id) => `mutation { deleteOrgUnits(ids: [${id}]) { ids } }`),
      updateCriteria: () => measured(async () => (await withCriterion()).id, (id) => `mutation { updateCriteria(ids: [${id}], data: { max: 50 }) { ids } }`),
      deleteCriteria: () => measured(async () => (await withCriterion()).id, (id) => `mutation { deleteCriteria(ids: [${id}]) { ids } }`),
      updateUsers: () => measured(newUser, (id) => `mutation { updateUsers(ids: [${id}], data: { active: false }) { ids } }`),
      deleteUsers: () => measured(newUser, (id) => `mutation { deleteUsers(ids: [${id}]) { ids } }`),
      deleteRoleGrants: () => measured(newGrant, (id) => `mutation { deleteRoleGrants(ids: [${id}]) { ids } }`),
    });
    // The directive resources (issue 9): every create, update and delete, and the attendance sheet.
    Object.assign(calls, directiveAuditCalls(api, count));
    Object.assign(calls, ratingAuditCalls(api, count));
    // Report drafts (issue 11): the clerk's draft of the directive report, and issuing it into the register.
    const reportDraft = async () =>
      dataOf(await api.gql(`mutation { createReportDraft(unitId: 10, documentId: 1, periodFrom: "2016-05-15", periodTo: "2017-02-28") { id } }`)).createReportDraft.id;
    Object.assign(calls, {
      createReportDraft: reportDraft,
      updateReportDraft: () => measured(reportDraft, (id) => `mutation { updateReportDraft(id: ${id}, strengths: "Mặt được") { id } }`),
      deleteReportDraft: () => measured(reportDraft, (id) => `mutation { deleteReportDraft(id: ${id}) { id } }`),
      issueReport: () => measured(reportDraft, (id) => `mutation { issueReport(draftId: ${id}) { id } }`),
    });
    // The calls that exist run first, so a mutation without one is reported after the others were counted.
    // Each mutation's failure is collected, so one broken call does not hide the state of the others.
    const problems: string[] = [];
    for (const name of schema.filter((n: string) => calls[n])) {
      try {
        const before = await count();
        const result = await calls[name]();
        const start = typeof result === 'number' ? result : before;
        const [last] = await api.dataSource.query('SELECT operation, `before`, `after`, requestId FROM audit_entry ORDER BY id DESC LIMIT 1');
        const entry = { entries: (await count()) - start, operation: last.operation, beforeOrAfter: last.before !== null || last.after !== null, requestId: Boolean(last.requestId) };
        expect(entry).toEqual({ entries: 1, operation: name, beforeOrAfter: true, requestId: true });
      } catch (error) {
        problems.push(`${name}: ${String((error as Error).message).replace(/\s+/g, ' ').slice(0, 400)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(calls).sort()).toEqual([...schema].sort());
  });

  it('is readable in scope and cannot be changed through the API', async () => {
    const xa = await api.login('xa.mythanh');
    const entries = dataOf(await api.gql(`{ allAuditEntries(perPage: 50) { operation unitId } }`, {}, xa)).allAuditEntries;
    expect(entries.length).toBeGreaterThan(0);
    const schema = dataOf(await api.gql(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(schema.filter((n: string) => /audit/i.test(n))).toEqual([]);
    expect(errorOf(await api.gql(`{ allAuditEntries { id } }`, {}, await api.login('analyst.giongtrom'))).code).toBe('FORBIDDEN');
  });
});

describe('request limits', () => {
  it('refuses a query nested 20 levels deep, 500 aliases and perPage 100000, each with a code', async () => {
    let deep = 'name';
    for (let i = 0; i < 20; i += 1) deep = `parent { ${deep} }`;
    const d = await api.gql(`{ OrgUnit(id: ${CELL.BEN_DO}) { ${deep} } }`);
    expect(d.errors?.[0].extensions?.code).toBeTruthy();
    expect(d.data?.OrgUnit).toBeUndefined();
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: _allMembersMeta { count }`).join(' ');
    const a = await api.gql(`{ ${aliases} }`);
    expect(a.errors?.[0].extensions?.code).toBeTruthy();
    expect(a.data).toBeUndefined();
    expect(errorOf(await api.gql(`{ allMembers(perPage: 100000) { id } }`)).code).toBe('BAD_USER_INPUT');
  });

  it('introspection needs a signed-in caller outside development', async () => {
    const res = await api.gql(getIntrospectionQuery(), {}, '');
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    expect(dataOf(await api.gql(`{ __schema { queryType { name } } }`)).__schema.queryType.name).toBe('Query');
  });

  it('after 10 wrong passwords for one username the next attempt is refused for a while, in Vietnamese', async () => {
    const attempt = (password: string) => api.gql(`mutation($p: String!) { login(username: "huyen.giongtrom", password: $p) { token } }`, { p: password }, '');
    for (let i = 0; i < 10; i += 1) expect(errorOf(await attempt('sai-mat-khau')).code).toBe('UNAUTHENTICATED');
    const blocked = errorOf(await attempt('dangbo-demo'));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.message).toMatch(/thử lại sau \d+ phút/);
  });
});
