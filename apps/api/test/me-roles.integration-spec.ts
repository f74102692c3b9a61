/**
 * `me.roles` (and `User.roles`) list the grants in force today: after the 2025 reorganisation of the demo, the
 * commune's accounts hold their roles on Mỹ Tân Hưng only, not on the ended Mỹ Thạnh, and the district's analyst
 * only on the province. The ended grants stay in the grant history (allRoleGrants) with their dates.
 */
import { REORGANISATION_2025 as R, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

type Grant = { role: string; unitId: string; validFrom: string | null; validTo: string | null };
const myRoles = async (username: string): Promise<Grant[]> =>
  dataOf(await api.gql(`{ me { roles { role unitId validFrom validTo } } }`, {}, await api.login(username))).me.roles;
const history = async (userId: number): Promise<Grant[]> =>
  dataOf(await api.gql(`query($u: ID!) { allRoleGrants(filter: {userId: $u}, perPage: 100) { role unitId validFrom validTo } }`, { u: String(userId) })).allRoleGrants;

describe('me.roles: the grants in force today', () => {
  it('the committee decides for Mỹ Tân Hưng only: the grant on the ended Mỹ Thạnh is not listed', async () => {
    expect(await myRoles('btv.mythanh')).toEqual([{ role: 'DECIDER', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG), validFrom: R.DATE, validTo: null }]);
  });

  it('the commune office keeps its roles on the successors of Mỹ Thạnh and of its Front', async () => {
    const roles = await myRoles('xa.mythanh');
    expect(roles.map((g) => g.unitId).sort()).toEqual([UNIT.COMMUNE_MY_TAN_HUNG, UNIT.FRONT_MY_TAN_HUNG].map(String).sort());
    expect(roles.every((g) => g.role === 'UNIT_ADMIN' && g.validFrom === R.DATE)).toBe(true);
  });

  it('the district’s analyst holds the province only: the district has ended', async () => {
    expect((await myRoles('analyst.giongtrom')).map((g) => [g.role, g.unitId])).toEqual([['ANALYST', String(UNIT.PROVINCE_BEN_TRE)]]);
  });

  it('User.roles of another account follows the same rule, as the administrator sees it', async () => {
    const user = dataOf(await api.gql(`{ User(id: 5) { username roles { role unitId } } }`)).User;
    expect(user).toEqual({ username: 'btv.mythanh', roles: [{ role: 'DECIDER', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }] });
  });
});

describe('the grant history keeps the ended grants with their dates', () => {
  it('allRoleGrants lists the grant on Mỹ Thạnh, ended on the reorganisation day, and the one on Mỹ Tân Hưng', async () => {
    expect(await history(5)).toEqual([
      { role: 'DECIDER', unitId: String(UNIT.COMMUNE_MY_THANH), validFrom: null, validTo: R.DATE },
      { role: 'DECIDER', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG), validFrom: R.DATE, validTo: null },
    ]);
  });
});
