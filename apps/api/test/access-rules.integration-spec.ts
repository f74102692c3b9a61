/**
 * The access rules of the contract, one test each: account takeover, forgeable tokens, names behind unique numbers,
 * grants to unmanaged accounts, restructuring one's own root, the login throttle under concurrency, control
 * characters.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { CELL, FIRST_OTHER_MEMBER_ID, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  // As npm start runs it: development, no AUTH_SECRET, the secret kept in its local file (a temporary one here).
  const secretFile = path.join(mkdtempSync(path.join(tmpdir(), 'dangbo-secret-')), 'auth-secret');
  api = await startTestApi({ env: { NODE_ENV: 'development', AUTH_SECRET: '', AUTH_SECRET_FILE: secretFile } });
});
afterAll(() => api.close());

const ADMIN_ID = 1;
const DECIDER_ID = 5; // btv.mythanh, DECIDER on Mỹ Thạnh
const CRITERIA_ADMIN_ID = 4; // ubkt.mythanh
const SECRETARY_ID = 6; // bithu.bendo, CELL_SECRETARY on Bến Đò

describe('an admin touches an account only if it could grant every role the account holds', () => {
  it('a unit admin cannot reset the password of a DECIDER on its own unit, nor log in with it afterwards', async () => {
    const xa = await api.login('xa.mythanh');
    const res = await api.gql(`mutation { updateUser(id: ${DECIDER_ID}, password: "mat-khau-moi-123") { id } }`, {}, xa);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    await expect(api.login('btv.mythanh', 'mat-khau-moi-123')).rejects.toThrow();
    await expect(api.login('btv.mythanh')).resolves.toBeTruthy();
  });

  it('a unit admin can neither deactivate nor delete a CRITERIA_ADMIN account it could not have granted', async () => {
    const xa = await api.login('xa.mythanh');
    expect(errorOf(await api.gql(`mutation { updateUser(id: ${CRITERIA_ADMIN_ID}, active: false) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(`mutation { deleteUser(id: ${CRITERIA_ADMIN_ID}) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    const still = dataOf(await api.gql(`{ User(id: ${CRITERIA_ADMIN_ID}) { active } }`));
    expect(still.User.active).toBe(true);
  });

  it('a unit admin may still reset the password of a cell secretary it could have appointed', async () => {
    const xa = await api.login('xa.mythanh');
    dataOf(await api.gql(`mutation { updateUser(id: ${SECRETARY_ID}, password: "bi-thu-moi-2026") { id } }`, {}, xa));
    await expect(api.login('bithu.bendo', 'bi-thu-moi-2026')).resolves.toBeTruthy();
  });

  it('nobody changes their own password through updateUser: only changeOwnPassword, with the old one', async () => {
    const admin = await api.login('admin');
    const res = await api.gql(`mutation { updateUser(id: ${ADMIN_ID}, password: "mot-mat-khau-khac") { id } }`, {}, admin);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});

describe('no mode signs tokens with a known string', () => {
  /** Every quoted string of every tracked file: whatever a reader of the repository could try as the secret. */
  function repositoryStrings(): string[] {
    const root = path.resolve(__dirname, '../../..');
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => /\.(ts|tsx|js|mjs|cjs|json|md|yaml|yml|sh|example)$/.test(f) && f !== 'package-lock.json');
    const found = new Set<string>();
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(path.join(root, file), 'utf8');
      } catch {
        continue;
      }
      for (const m of text.matchAll(/(['"`])([^'"`\n]{4,200})\1/g)) found.add(m[2]);
      for (const m of text.matchAll(/=\s*([A-Za-z0-9_\-.]{8,200})\s*$/gm)) found.add(m[1]);
    }
    return [...found];
  }

  it('a token signed with any string found in the repository is refused by an API started without AUTH_SECRET', async () => {
    const strings = repositoryStrings();
    expect(strings.length).toBeGreaterThan(1000);
    // The API's own token verifies under its secret and nothing else: were that secret any string of the
    // repository, the token would verify under it. Checked here, not over HTTP: tens of thousands of strings.
    const issued = await api.login('admin');
    const verifies = (secret: string) => {
      try {
        jwt.verify(issued, secret, { algorithms: ['HS256'] });
        return true;
      } catch {
        return false;
      }
    };
    // In slices, letting the event loop turn between them: seconds of blocked loop let the API's keep-alive sockets
    // close unnoticed, and the next request then goes out on a dead socket (ECONNRESET).
    const knownSecrets: string[] = [];
    for (let i = 0; i < strings.length; i += 2000) {
      knownSecrets.push(...strings.slice(i, i + 2000).filter(verifies));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(knownSecrets).toEqual([]);
    // And the API itself refuses what a reader would try first: forged tokens under the strings that read like secrets.
    const likely = strings.filter((s) => /secret|dev|dangbo|change|key|jwt|auth/i.test(s)).slice(0, 300);
    expect(likely.length).toBeGreaterThan(20);
    const forged = likely.map((secret) => jwt.sign({ typ: 'user', pwv: 1 }, secret, { algorithm: 'HS256', subject: String(ADMIN_ID), expiresIn: 600, issuer: 'dangbo' }));
    for (let i = 0; i < forged.length; i += 10) {
      const answers = await Promise.all(forged.slice(i, i + 10).map((token) => api.gql('{ me { id } }', {}, token)));
      for (const res of answers) expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('conflicts name no one outside the caller\'s scope', () => {
  it('a card number held in another commune is refused without the holder\'s name', async () => {
    const other = dataOf(await api.gql(`{ Member(id: ${FIRST_OTHER_MEMBER_ID}) { cardNumber fullName } }`)).Member;
    const xa = await api.login('xa.mythanh');
    const mine = dataOf(await api.gql(`{ allMembers(perPage: 1, filter: {unitId: ${CELL.BEN_DO}}) { id } }`, {}, xa)).allMembers[0];
    const e = errorOf(await api.gql(`mutation($n: String) { updateMember(id: ${mine.id}, cardNumber: $n) { id } }`, { n: other.cardNumber }, xa));
    expect(e.field).toBe('cardNumber');
    expect(e.message).not.toContain(other.fullName);
    // Within the caller's scope the holder is named, which helps the clerk find the mistake.
    const inside = dataOf(await api.gql(`{ allMembers(perPage: 2, filter: {unitId: ${CELL.BEN_DO}}) { id cardNumber fullName } }`, {}, xa)).allMembers[1];
    const named = errorOf(await api.gql(`mutation($n: String) { updateMember(id: ${mine.id}, cardNumber: $n) { id } }`, { n: inside.cardNumber }, xa));
    expect(named.message).toContain(inside.fullName);
  });
});

describe('an admin grants roles only to accounts whose home unit is in its subtrees', () => {
  it('an unmanaged account and an unknown one get the same NOT_FOUND', async () => {
    const xa = await api.login('xa.mythanh');
    const unmanaged = errorOf(await api.gql(`mutation { createRoleGrant(userId: ${ADMIN_ID}, role: CELL_SECRETARY, unitId: ${CELL.BEN_DO}) { id } }`, {}, xa));
    const unknown = errorOf(await api.gql(`mutation { createRoleGrant(userId: 99999, role: CELL_SECRETARY, unitId: ${CELL.BEN_DO}) { id } }`, {}, xa));
    expect(unmanaged.code).toBe('NOT_FOUND');
    expect(unknown.code).toBe('NOT_FOUND');
    const grants = dataOf(await api.gql(`{ allRoleGrants(filter: {userId: ${ADMIN_ID}}) { role unitId } }`)).allRoleGrants;
    expect(grants).toEqual([{ role: 'SYSTEM_ADMIN', unitId: String(UNIT.PROVINCE_BEN_TRE) }]);
  });

  it('an account at home in the admin\'s subtree may receive a role the admin can grant', async () => {
    const xa = await api.login('xa.mythanh');
    const made = dataOf(await api.gql(`mutation { createRoleGrant(userId: ${SECRETARY_ID}, role: CELL_SECRETARY, unitId: ${CELL.NGHIA_HUAN}) { id } }`, {}, xa));
    expect(made.createRoleGrant.id).toBeTruthy();
  });
});

describe('the top of a caller\'s scope changes kind or parent only by the level above', () => {
  it('a commune admin cannot make its commune a Front, a cell, or move it', async () => {
    const xa = await api.login('xa.mythanh');
    // Its commune since 2025-07-01: Mỹ Tân Hưng, directly under the province.
    expect(errorOf(await api.gql(`mutation { updateOrgUnit(id: ${UNIT.COMMUNE_MY_TAN_HUNG}, kind: FRONT, parentId: ${UNIT.FRONT_MY_TAN_HUNG}) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(`mutation { updateOrgUnit(id: ${UNIT.COMMUNE_MY_TAN_HUNG}, kind: CELL) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(`mutation { updateOrgUnit(id: ${UNIT.COMMUNE_MY_TAN_HUNG}, parentId: ${UNIT.COMMUNE_LUONG_HOA}) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    const unit = dataOf(await api.gql(`{ OrgUnit(id: ${UNIT.COMMUNE_MY_TAN_HUNG}) { kind parentId } }`)).OrgUnit;
    expect(unit).toEqual({ kind: 'COMMUNE_COMMITTEE', parentId: String(UNIT.PROVINCE_BEN_TRE) });
  });

  it('a kind that contradicts the unit\'s children or members is refused for everyone, system admins included', async () => {
    const withCells = errorOf(await api.gql(`mutation { updateOrgUnit(id: ${UNIT.COMMUNE_MY_TAN_HUNG}, kind: CELL) { id } }`));
    expect(withCells).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    const withMembers = errorOf(await api.gql(`mutation { updateOrgUnit(id: ${CELL.BEN_DO}, kind: SUB_COMMITTEE) { id } }`));
    expect(withMembers).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    const underFront = errorOf(await api.gql(`mutation { updateOrgUnit(id: ${UNIT.YOUTH_MY_THANH}, kind: CELL, massOrgKind: null) { id } }`));
    expect(underFront.code).toBe('BAD_USER_INPUT');
  });

  it('the level above may still change a unit inside its subtree', async () => {
    const huyen = await api.login('huyen.giongtrom');
    const res = await api.gql(`mutation { updateOrgUnit(id: ${UNIT.COMMUNE_SON_PHU}, kind: GRASSROOTS_COMMITTEE) { kind } }`, {}, huyen);
    expect(dataOf(res).updateOrgUnit.kind).toBe('GRASSROOTS_COMMITTEE');
  });
});

describe('the login throttle counts an attempt before checking its password', () => {
  it('16 simultaneous wrong passwords for one user: at most 10 are checked, the rest refused as too many', async () => {
    const attempt = () => api.gql(`mutation { login(username: "ubkt.mythanh", password: "sai-mat-khau") { token } }`, {}, '');
    const codes = (await Promise.all(Array.from({ length: 16 }, attempt))).map((r) => errorOf(r).code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(6);
  });
});

describe('control characters are refused in text input', () => {
  it('in a one-line field, through variables and inline literals, and nothing is written', async () => {
    const viaVariables = errorOf(await api.gql(`mutation($n: String) { updateOrgUnit(id: ${CELL.BEN_DO}, shortName: $n) { id } }`, { n: 'Bến\u0000Đò' }));
    expect(viaVariables).toMatchObject({ code: 'BAD_USER_INPUT', field: 'n' });
    const inline = errorOf(await api.gql(`mutation { updateOrgUnit(id: ${CELL.BEN_DO}, shortName: "B\\u001bĐ") { id } }`));
    expect(inline).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shortName' });
    const lineBreak = errorOf(await api.gql(`mutation($n: String) { updateOrgUnit(id: ${CELL.BEN_DO}, shortName: $n) { id } }`, { n: 'Bến\nĐò' }));
    expect(lineBreak).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shortName' });
    expect(dataOf(await api.gql(`{ OrgUnit(id: ${CELL.BEN_DO}) { shortName } }`)).OrgUnit.shortName ?? '').not.toMatch(/Bến|B.Đ/u);
  });

  it('long text keeps its line breaks and tabs', async () => {
    const xa = await api.login('xa.mythanh');
    const id = dataOf(await api.gql(`{ allMembers(perPage: 1, filter: {unitId: ${CELL.BEN_DO}}) { id } }`, {}, xa)).allMembers[0].id;
    const note = 'Dòng một\n\tDòng hai';
    expect(dataOf(await api.gql(`mutation($n: String) { updateMember(id: ${id}, note: $n) { note } }`, { n: note }, xa)).updateMember.note).toBe(note);
  });
});
