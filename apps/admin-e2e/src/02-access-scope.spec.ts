/**
 * Row scope as a commune office sees it, logged in through the form in a fresh browser context: only its commune
 * and the commune's Front (since 2025-07-01 Mỹ Tân Hưng, which Mỹ Thạnh became part of: its 189 members and its
 * neighbours' 24). Runs before 03-members, which adds a member to the commune (213 → 214).
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { keepScreenshot, treeItem } from './support/panel';

test.use({ storageState: { cookies: [], origins: [] } });

const rows = (page: Page) => page.locator('table tbody tr');
const topsOfTree = (page: Page) => page.getByRole('tree').locator(':scope > li[role="treeitem"]');

test('the commune office (xa.mythanh) sees only Mỹ Tân Hưng: its party committee and its Front, 213 members', async ({ page }) => {
  await loginAs(page, 'xa.mythanh');
  await expect(topsOfTree(page)).toHaveCount(2);
  const tops = await topsOfTree(page).evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
  expect(tops.sort()).toEqual(['Đảng bộ xã Mỹ Tân Hưng', 'Ủy ban MTTQ Việt Nam xã Mỹ Tân Hưng'].sort());

  // The tops start open: the commune's 17 cells are there, nothing above or beside the commune is.
  const cells = treeItem(page, 'Đảng bộ xã Mỹ Tân Hưng').getByRole('group');
  await expect(cells.getByRole('treeitem')).toHaveCount(17);
  await expect(treeItem(page, 'Đảng bộ tỉnh Vĩnh Long')).toHaveCount(0);
  await expect(treeItem(page, 'Đảng bộ xã Lương Hòa')).toHaveCount(0);
  const communes = await page.getByRole('treeitem', { name: /^Đảng bộ xã / }).evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
  expect(communes).toEqual(['Đảng bộ xã Mỹ Tân Hưng']);
  await expect(treeItem(page, 'Đảng bộ xã Mỹ Tân Hưng').getByText('213 đảng viên').first()).toBeVisible();
  await keepScreenshot(page, 'access-tree-xa-mythanh', true);

  await page.goto('/#/Member');
  await expect(page.getByText(/^1–25 trong 213$/)).toBeVisible();
  await expect(rows(page)).toHaveCount(25);
  // A unit admin manages accounts and tokens and reads the log of the commune.
  for (const item of ['Người dùng', 'Mã truy cập API', 'Nhật ký thay đổi']) await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
});
