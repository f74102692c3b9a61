/** No N+1: relations go through per-request DataLoaders, so page size does not change the statement count. */
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const PAGE = `query($perPage: Int) { allMembers(perPage: $perPage) { id fullName cell { name parent { name } } positions { title } } }`;

it('a page of 10 and a page of 200 members with cell { parent { name } } cost the same statements', async () => {
  const small = await api.gql(PAGE, { perPage: 10 });
  const large = await api.gql(PAGE, { perPage: 200 });
  expect(dataOf(small).allMembers).toHaveLength(10);
  expect(dataOf(large).allMembers).toHaveLength(200);
  expect(large.data.allMembers.every((m: { cell: { parent: { name: string } } }) => m.cell.parent.name.startsWith('Đảng bộ xã'))).toBe(true);
  expect(small.sqlStatements).toBeGreaterThan(0);
  expect(large.sqlStatements).toBe(small.sqlStatements);
});

it('the tree with member counts costs the same for a small and a large level', async () => {
  const Q = `query($id: ID!) { allOrgUnits(filter: {parentId: $id}) { name memberCount parent { name } children { name memberCount } } }`;
  // Both reach two levels down: the province's 2 children, and the district's 5 children with their cells.
  const province = await api.gql(Q, { id: '1' });
  const district = await api.gql(Q, { id: '2' });
  expect(dataOf(province).allOrgUnits).toHaveLength(2);
  expect(dataOf(district).allOrgUnits.length).toBeGreaterThan(4);
  expect(district.sqlStatements).toBe(province.sqlStatements);
});
