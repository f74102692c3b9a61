/**
 * The reorganisation wizard on a scratch pair of communes made here through the API (the demo tree is left alone):
 * merge them on 01/07/2025 into a new commune under the province, see the dry run's list, confirm, and see the tree
 * on the last day before (both communes) and on the day (the new commune only).
 */
import { expect, test } from '@playwright/test';
import { BASE_URL, DEMO_USER } from './support/env';
import { combobox, input, keepScreenshot } from './support/panel';

const stamp = Date.now().toString(36).toUpperCase();
const A = `Đảng bộ xã Thử ${stamp} Đông`;
const B = `Đảng bộ xã Thử ${stamp} Tây`;
const MERGED = `Đảng bộ xã Thử ${stamp} Hợp`;
const PROVINCE = 'Đảng bộ tỉnh Vĩnh Long'; // Bến Tre until 2025-06-30: the demo's renaming

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? 'no data');
  return body.data;
}

test.beforeAll(async () => {
  const { login } = await gql<{ login: { token: string } }>(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: DEMO_USER.username, p: DEMO_USER.password });
  for (const name of [A, B]) {
    const { createOrgUnit } = await gql<{ createOrgUnit: { id: string } }>(
      `mutation($n: String!) { createOrgUnit(name: $n, kind: COMMUNE_COMMITTEE, parentId: 1, validFrom: "2010-01-01") { id } }`,
      { n: name },
      login.token,
    );
    await gql(`mutation($p: ID!, $n: String!) { createOrgUnit(name: $n, kind: CELL, parentId: $p, validFrom: "2010-01-01") { id } }`, { p: createOrgUnit.id, n: `Chi bộ ấp ${name.slice(-3)}` }, login.token);
  }
});

async function pick(page: import('@playwright/test').Page, label: string, name: string) {
  const box = combobox(page, label);
  await box.click();
  await box.fill(name.slice(-14));
  // An option names the unit, then its parent ("Chi bộ … · Đảng bộ xã …"): match the unit's own name only.
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('option', { name: new RegExp(`^${escaped}( · .*)?$`) }).first().click();
}

test('the wizard merges two communes after a dry run, and the tree shows them before the date and the new commune after', async ({ page }) => {
  await page.goto('/#/restructure');
  await pick(page, 'Các đơn vị', A);
  await pick(page, 'Các đơn vị', B);
  await pick(page, 'Đơn vị cấp trên (của đơn vị mới, hoặc cấp trên mới)', PROVINCE);
  await input(page, 'Tên đơn vị mới').fill(MERGED);
  await combobox(page, 'Loại đơn vị mới').click();
  await page.getByRole('option', { name: 'Đảng bộ xã', exact: true }).click();
  await input(page, 'Ngày có hiệu lực').fill('01/07/2025');
  await input(page, 'Số quyết định').fill('99-QĐ/TU');
  await page.getByRole('button', { name: 'Chạy thử' }).click();

  const changes = page.getByTestId('restructure-changes');
  await expect(changes).toBeVisible();
  await expect(changes.getByText(`Thành lập "${MERGED}"`, { exact: false })).toBeVisible();
  await expect(changes.getByRole('row')).toHaveCount(1 + 1 + 2 + 2 + 2); // header, founded, 2 lineage, 2 cells moved, 2 ended
  await keepScreenshot(page, 'restructure-dry-run');

  await page.getByRole('button', { name: 'Xác nhận áp dụng' }).click();
  await expect(page.getByText(/Đã áp dụng sự kiện số \d+: 7 thay đổi/)).toBeVisible();
  const before = page.getByTestId('tree-before');
  const after = page.getByTestId('tree-after');
  await expect(before.getByRole('treeitem', { name: A, exact: true })).toBeVisible();
  await expect(before.getByRole('treeitem', { name: B, exact: true })).toBeVisible();
  await expect(before.getByRole('treeitem', { name: MERGED, exact: true })).toHaveCount(0);
  await expect(after.getByRole('treeitem', { name: MERGED, exact: true })).toBeVisible();
  await expect(after.getByRole('treeitem', { name: A, exact: true })).toHaveCount(0);
  await keepScreenshot(page, 'restructure-applied', true);
});
