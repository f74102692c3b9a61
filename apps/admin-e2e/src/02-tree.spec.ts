import { expect, test } from '@playwright/test';
import { expandUnit, keepScreenshot, treeItem } from './support/panel';

test('the tree opens level by level down to xã Mỹ Thạnh and its 13 cells with their member counts', async ({ page }) => {
  await page.goto('/');
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

test('the as-of date re-reads the tree on that day', async ({ page }) => {
  await page.goto('/');
  await expect(treeItem(page, 'Đảng bộ tỉnh Bến Tre')).toBeVisible();
  const asOf = page.getByRole('textbox', { name: 'Xem cây tại ngày' });
  await asOf.fill('01/01/1970');
  await expect(page.getByText('Không có đơn vị nào tại ngày đã chọn')).toBeVisible();
  await asOf.fill('15/02/2017');
  await expect(treeItem(page, 'Đảng bộ tỉnh Bến Tre')).toBeVisible();
  await page.getByRole('button', { name: 'Hôm nay' }).click();
  await expect(treeItem(page, 'Đảng bộ huyện Giồng Trôm')).toBeVisible();
});

test("a unit's members link lists the whole subtree", async ({ page }) => {
  await page.goto('/');
  await expandUnit(page, 'Đảng bộ huyện Giồng Trôm');
  await treeItem(page, 'Đảng bộ xã Mỹ Thạnh').getByRole('link', { name: 'Xem danh sách đảng viên' }).first().click();
  await expect(page).toHaveURL(/#\/Member\?/);
  await expect(page.getByText(/^1–25 trong 189$/)).toBeVisible();
});
