/**
 * Row scope as a commune office sees it, logged in through the form in a fresh browser context: only its commune
 * and the commune's Front. Runs before 03-members, which adds a member to the commune (189 → 190).
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { keepScreenshot, treeItem } from './support/panel';

test.use({ storageState: { cookies: [], origins: [] } });

const rows = (page: Page) => page.locator('table tbody tr');
const topsOfTree = (page: Page) => page.getByRole('tree').locator(':scope > li[role="treeitem"]');

test('the commune office (xa.mythanh) sees only Mỹ Thạnh: its party committee and its Front, 189 members', async ({ page }) => {
  await loginAs(page, 'xa.mythanh');
  await expect(topsOfTree(page)).toHaveCount(2);
  const tops = await topsOfTree(page).evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
  expect(tops.sort()).toEqual(['Đảng bộ xã Mỹ Thạnh', 'Ủy ban MTTQ Việt Nam xã Mỹ Thạnh'].sort());

  // The tops start open: the commune's 13 cells are there, nothing above or beside the commune is.
  const cells = treeItem(page, 'Đảng bộ xã Mỹ Thạnh').getByRole('group');
  await expect(cells.getByRole('treeitem')).toHaveCount(13);
  await expect(treeItem(page, 'Đảng bộ huyện Giồng Trôm')).toHaveCount(0);
  await expect(treeItem(page, 'Đảng bộ tỉnh Bến Tre')).toHaveCount(0);
  const communes = await page.getByRole('treeitem', { name: /^Đảng bộ xã / }).evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
  expect(communes).toEqual(['Đảng bộ xã Mỹ Thạnh']);
  await expect(treeItem(page, 'Đảng bộ xã Mỹ Thạnh').getByText('189 đảng viên').first()).toBeVisible();
  await keepScreenshot(page, 'access-tree-xa-mythanh', true);

  await page.goto('/#/Member');
  await expect(page.getByText(/^1–25 trong 189$/)).toBeVisible();
  await expect(rows(page)).toHaveCount(25);
  // A unit admin manages accounts and tokens and reads the log of the commune.
  for (const item of ['Người dùng', 'Mã truy cập API', 'Nhật ký thay đổi']) await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
});
