/**
 * Access control as the district analyst sees it, logged in through the form in a fresh browser context: since the
 * district ended (2025-06-30) the province gave it a role on itself, so the whole province to read, and no control
 * anywhere that creates, changes or deletes.
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { keepScreenshot, treeItem } from './support/panel';

test.use({ storageState: { cookies: [], origins: [] } });

const rows = (page: Page) => page.locator('table tbody tr');
const topsOfTree = (page: Page) => page.getByRole('tree').locator(':scope > li[role="treeitem"]');

/** Accessible names of every control that creates, changes or deletes something on the screens visited. */
const WRITE_CONTROLS = /^(Thêm mới|Sửa|Xóa|Lưu|Sửa đơn vị|Thêm đơn vị trực thuộc|Thêm vai trò|Bỏ vai trò|Thu hồi)$/;

async function expectNoWriteControl(page: Page) {
  await expect(page.getByRole('button', { name: WRITE_CONTROLS })).toHaveCount(0);
  await expect(page.getByRole('link', { name: WRITE_CONTROLS })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: WRITE_CONTROLS })).toHaveCount(0);
}

test('the district analyst (analyst.giongtrom) has no create, edit or delete anywhere', async ({ page }) => {
  await loginAs(page, 'analyst.giongtrom');

  // The tree: the province on top, its rows show their member links (so the actions are drawn) and nothing more.
  await expect(topsOfTree(page)).toHaveCount(1);
  await expect(treeItem(page, 'Đảng bộ tỉnh Vĩnh Long')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Xem danh sách đảng viên' }).first()).toBeVisible();
  await expectNoWriteControl(page);
  for (const item of ['Người dùng', 'Mã truy cập API', 'Nhật ký thay đổi']) await expect(page.getByRole('menuitem', { name: item })).toHaveCount(0);
  await keepScreenshot(page, 'access-tree-analyst');

  // Units: list, then a unit's page.
  await page.goto('/#/OrgUnit');
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất tệp' })).toBeVisible();
  await expectNoWriteControl(page);
  await rows(page).filter({ hasText: 'Đảng bộ xã Mỹ Tân Hưng' }).first().locator('td').first().click();
  await expect(page).toHaveURL(/#\/OrgUnit\/\d+\/show/);
  await expect(page.getByRole('link', { name: 'Xem danh sách đảng viên' })).toBeVisible();
  await expectNoWriteControl(page);

  // Members: list, then a member's page.
  await page.goto('/#/Member');
  await expect(rows(page)).toHaveCount(25);
  await expect(page.getByRole('button', { name: 'Xuất tệp' })).toBeVisible();
  await expectNoWriteControl(page);
  await rows(page).first().locator('td.column-fullName').click();
  await expect(page).toHaveURL(/#\/Member\/\d+\/show/);
  await expect(page.getByRole('tab', { name: 'Thông tin đảng viên' })).toBeVisible();
  await expectNoWriteControl(page);
  await keepScreenshot(page, 'access-member-show-analyst');

  // Typing the address of a form does not open it either.
  await page.goto('/#/Member/create');
  await expect(page.getByRole('heading', { name: 'Không có quyền truy cập' })).toBeVisible();
  await expectNoWriteControl(page);
  await page.goto('/#/User');
  await expect(page.getByRole('heading', { name: 'Không có quyền truy cập' })).toBeVisible();
});
