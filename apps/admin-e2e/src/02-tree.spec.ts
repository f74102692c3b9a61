import { expect, test } from '@playwright/test';
import { expandUnit, keepScreenshot, treeItem } from './support/panel';

test('the tree of the report day opens level by level down to xã Mỹ Thạnh and its 13 cells with their member counts', async ({ page }) => {
  await page.goto('/');
  // The 2017 tree (the district ended on 2025-06-30): read as of the day of the report's conference.
  await page.getByRole('textbox', { name: 'Xem cây tại ngày' }).fill('15/02/2017');
  await expect(treeItem(page, 'Đảng bộ tỉnh Bến Tre')).toHaveAttribute('aria-expanded', 'true');
  await expandUnit(page, 'Đảng bộ huyện Giồng Trôm');
  const cells = await expandUnit(page, 'Đảng bộ xã Mỹ Thạnh');

  await expect(cells.getByRole('treeitem')).toHaveCount(13);
  for (const cell of ['Chi bộ ấp Bến Đò', 'Chi bộ ấp Nghĩa Huấn', 'Chi bộ Y tế']) {
    await expect(cells.getByRole('treeitem', { name: cell, exact: true })).toBeVisible();
  }
  const myThanh = treeItem(page, 'Đảng bộ xã Mỹ Thạnh');
  await expect(myThanh.getByText('189 đảng viên').first()).toBeVisible();
  await expect(myThanh.getByText('Đảng bộ xã · 13 đơn vị trực thuộc')).toBeVisible();
  await expect(cells.getByRole('treeitem', { name: 'Chi bộ ấp Bến Đò' }).getByText('Chi bộ', { exact: true })).toBeVisible();
  await keepScreenshot(page, 'tree', true);
});

test("today's tree has no district: Mỹ Tân Hưng, formed from Mỹ Thạnh and its neighbours, under tỉnh Vĩnh Long", async ({ page }) => {
  await page.goto('/');
  await expect(treeItem(page, 'Đảng bộ tỉnh Vĩnh Long')).toHaveAttribute('aria-expanded', 'true');
  await expect(treeItem(page, 'Đảng bộ huyện Giồng Trôm')).toHaveCount(0);
  const cells = await expandUnit(page, 'Đảng bộ xã Mỹ Tân Hưng');
  await expect(cells.getByRole('treeitem')).toHaveCount(17);
  for (const cell of ['Chi bộ ấp Bến Đò', 'Chi bộ ấp Tân Thạnh', 'Chi bộ ấp Hưng Lộc']) {
    await expect(cells.getByRole('treeitem', { name: cell, exact: true })).toBeVisible();
  }
  const commune = treeItem(page, 'Đảng bộ xã Mỹ Tân Hưng');
  await expect(commune.getByText('213 đảng viên').first()).toBeVisible();
  await expect(commune.getByText('Đảng bộ xã · 17 đơn vị trực thuộc')).toBeVisible();
  await keepScreenshot(page, 'tree-today', true);
});

test('the as-of date re-reads the tree on that day, with the names of that day', async ({ page }) => {
  await page.goto('/');
  await expect(treeItem(page, 'Đảng bộ tỉnh Vĩnh Long')).toBeVisible();
  const asOf = page.getByRole('textbox', { name: 'Xem cây tại ngày' });
  await asOf.fill('01/01/1970');
  await expect(page.getByText('Không có đơn vị nào tại ngày đã chọn')).toBeVisible();
  await asOf.fill('15/02/2017');
  await expect(treeItem(page, 'Đảng bộ tỉnh Bến Tre')).toBeVisible();
  await expect(treeItem(page, 'Đảng bộ huyện Giồng Trôm')).toBeVisible();
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await expect(treeItem(page, 'Đảng bộ xã Mỹ Tân Hưng')).toBeVisible();
  await expect(treeItem(page, 'Đảng bộ tỉnh Vĩnh Long')).toBeVisible();
  await expect(treeItem(page, 'Đảng bộ huyện Giồng Trôm')).toHaveCount(0);
});

test("a unit's members link lists the whole subtree", async ({ page }) => {
  await page.goto('/');
  await treeItem(page, 'Đảng bộ xã Mỹ Tân Hưng').getByRole('link', { name: 'Xem danh sách đảng viên' }).first().click();
  await expect(page).toHaveURL(/#\/Member\?/);
  await expect(page.getByText(/^1–25 trong 213$/)).toBeVisible();
});
