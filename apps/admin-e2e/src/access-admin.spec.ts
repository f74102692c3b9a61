/**
 * The system administrator's side of access control, through the panel: an account with its first role, a second
 * role granted on the tree, an API token whose secret is shown once (and works until it is revoked), the audit log
 * of all that; then the new user changes their own password from the user menu.
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { combobox, input, keepScreenshot, openFromMenu } from './support/panel';

test.use({ storageState: { cookies: [], origins: [] } });
// Two long journeys (many screens each): more room than the suite's 30 s per test.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

const NEW_USER = { username: 'e2e.bendo', displayName: 'Cán bộ Kiểm thử Bến Đò', password: 'mat-khau-ban-dau-2026', newPassword: 'mat-khau-moi-cua-toi-2026' };
const TOKEN_NAME = 'Power BI kiểm thử';

const rows = (page: Page) => page.locator('table tbody tr');

async function askApi(page: Page, token: string): Promise<{ data?: { myAccess?: { readOnly: boolean } }; errors?: { extensions?: { code?: string } }[] }> {
  const response = await page.request.post('/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    data: { query: '{ myAccess { readOnly capabilities } }' },
  });
  return response.json();
}

test('an administrator creates an account, grants a second role, makes an API token (secret shown once) and reads it all in the audit log', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loginAs(page, 'admin');

  // The account, with its first role: secretary of the Bến Đò cell.
  await openFromMenu(page, 'Người dùng');
  await page.locator('a[href="#/User/create"]').click();
  await expect(page).toHaveURL(/\/User\/create$/);
  await input(page, 'Tên đăng nhập').fill(NEW_USER.username);
  await input(page, 'Họ tên hiển thị').fill(NEW_USER.displayName);
  await input(page, 'Mật khẩu').fill('ngan-qua');
  await page.getByRole('combobox', { name: 'Vai trò' }).click();
  await page.getByRole('option', { name: 'Bí thư chi bộ' }).click();
  await combobox(page, 'Đơn vị').fill('Bến Đò');
  await page.getByRole('option', { name: /Chi bộ ấp Bến Đò/ }).click();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Mật khẩu phải có ít nhất 10 ký tự')).toBeVisible();
  await input(page, 'Mật khẩu').fill(NEW_USER.password);
  await keepScreenshot(page, 'access-user-create');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page).toHaveURL(/#\/User\/\d+\/show/);
  const roles = page.getByRole('region', { name: 'Vai trò được giao' });
  await expect(roles.locator('tbody tr')).toHaveCount(1);
  await expect(roles.locator('tbody tr').first()).toContainText('Bí thư chi bộ');
  await expect(roles.locator('tbody tr').first()).toContainText('Chi bộ ấp Bến Đò');

  // A second role, its unit picked on the tree: read-only analyst of the whole commune (directly under the province
  // since 2025-07-01, when the district ended).
  await page.getByRole('button', { name: 'Thêm vai trò' }).click();
  const dialog = page.getByRole('dialog', { name: `Thêm vai trò cho ${NEW_USER.displayName}` });
  await dialog.getByRole('combobox', { name: 'Vai trò' }).click();
  await page.getByRole('option', { name: 'Phân tích (chỉ đọc)' }).click();
  await dialog.getByRole('button', { name: 'Chọn trên cây' }).click();
  const picker = page.getByRole('dialog', { name: 'Chọn đơn vị giao vai trò' });
  await expect(picker.getByRole('treeitem', { name: 'Đảng bộ huyện Giồng Trôm', exact: true })).toHaveCount(0);
  await picker.getByRole('button', { name: 'Đảng bộ xã Mỹ Tân Hưng', exact: true }).click();
  await expect(picker).toBeHidden();
  await expect(dialog.getByRole('combobox', { name: 'Đơn vị', exact: true })).toHaveValue(/Đảng bộ xã Mỹ Tân Hưng/);
  await keepScreenshot(page, 'access-add-role');
  await dialog.getByRole('button', { name: 'Thêm vai trò' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Đã thêm vai trò')).toBeVisible();
  await expect(roles.locator('tbody tr')).toHaveCount(2);
  await expect(roles.locator('tbody tr').nth(1)).toContainText('Phân tích (chỉ đọc)');
  await expect(roles.locator('tbody tr').nth(1)).toContainText('Đảng bộ xã Mỹ Tân Hưng');
  await keepScreenshot(page, 'access-user-show', true);

  // Locked, then unlocked with a password reset, from the edit page.
  await page.getByRole('link', { name: 'Sửa' }).click();
  await page.getByRole('switch', { name: 'Đang hoạt động' }).uncheck();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/#\/User\/\d+\/show/);
  await expect(page.getByText('Đã khóa')).toBeVisible();
  await page.getByRole('link', { name: 'Sửa' }).click();
  await page.getByRole('switch', { name: 'Đang hoạt động' }).check();
  await input(page, 'Đặt lại mật khẩu').fill(NEW_USER.password);
  await keepScreenshot(page, 'access-user-edit');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/#\/User\/\d+\/show/);
  await expect(page.getByText('Đang hoạt động', { exact: true }).last()).toBeVisible();

  // The list finds the account by role and by unit.
  await openFromMenu(page, 'Người dùng');
  await page.getByRole('combobox', { name: 'Vai trò' }).click();
  await page.getByRole('option', { name: 'Bí thư chi bộ' }).click();
  await expect(rows(page).locator('td.column-username')).toHaveCount(2);
  expect((await rows(page).locator('td.column-username').allInnerTexts()).sort()).toEqual(['bithu.bendo', NEW_USER.username]);
  await keepScreenshot(page, 'access-user-list');

  // An API token for the commune: the secret appears once, copies, works read-only.
  await openFromMenu(page, 'Mã truy cập API');
  await page.locator('a[href="#/ApiToken/create"]').click();
  await input(page, 'Tên').fill(TOKEN_NAME);
  await combobox(page, 'Đơn vị').fill('Mỹ Tân Hưng');
  await page.getByRole('option', { name: /^Đảng bộ xã Mỹ Tân Hưng/ }).click();
  await page.getByRole('button', { name: 'Lưu' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Mã truy cập vừa tạo' });
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog.getByText(/chỉ hiện MỘT LẦN/)).toBeVisible();
  const secret = await secretDialog.getByRole('textbox', { name: 'Mã truy cập' }).inputValue();
  expect(secret).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  await keepScreenshot(page, 'access-token-secret');
  await secretDialog.getByRole('button', { name: 'Sao chép' }).click();
  await expect(page.getByText('Đã sao chép mã vào bộ nhớ tạm')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect((await askApi(page, secret)).data?.myAccess?.readOnly).toBe(true);

  await secretDialog.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
  await expect(page).toHaveURL(/#\/ApiToken$/);
  const tokenRow = rows(page).filter({ hasText: TOKEN_NAME });
  await expect(tokenRow).toContainText('Đang dùng được');
  await expect(tokenRow).toContainText('Đảng bộ xã Mỹ Tân Hưng');
  await expect(page.getByText(secret)).toHaveCount(0);
  await keepScreenshot(page, 'access-token-list');

  // Revoked after a confirmation, the secret stops working at once.
  await tokenRow.getByRole('button', { name: 'Thu hồi' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Thu hồi' }).click();
  await expect(tokenRow).toContainText('Đã thu hồi');
  await expect(tokenRow.getByRole('button', { name: 'Thu hồi' })).toHaveCount(0);
  expect((await askApi(page, secret)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

  // The audit log, newest first, has all of it.
  await openFromMenu(page, 'Nhật ký thay đổi');
  const operations = rows(page).locator('td.column-operation');
  await expect(operations.first()).toHaveText('Thu hồi mã truy cập');
  const newest = (await operations.allInnerTexts()).slice(0, 6);
  expect(newest).toEqual(['Thu hồi mã truy cập', 'Tạo mã truy cập', 'Sửa tài khoản', 'Sửa tài khoản', 'Giao vai trò', 'Tạo tài khoản']);
  await keepScreenshot(page, 'access-audit-list');

  await page.getByRole('combobox', { name: 'Thao tác' }).click();
  await page.getByRole('option', { name: 'Tạo tài khoản' }).click();
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().locator('td.column-actor').click();
  await expect(page).toHaveURL(/#\/AuditEntry\/\d+\/show/);
  const changes = page.getByRole('table', { name: 'Nội dung thay đổi' });
  await expect(changes.getByRole('row', { name: /Tên đăng nhập/ })).toContainText(NEW_USER.username);
  await expect(changes.getByRole('row', { name: /Vai trò/ })).toContainText('Bí thư chi bộ');
  await expect(changes.getByRole('row', { name: /Đơn vị/ })).toContainText('Chi bộ ấp Bến Đò');
  await expect(page.getByText('admin', { exact: true })).toBeVisible();
  await keepScreenshot(page, 'access-audit-show', true);
});

test('the new user changes their own password from the user menu and stays logged in', async ({ page }) => {
  await loginAs(page, NEW_USER.username, NEW_USER.password);
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đổi mật khẩu' });
  const field = (label: string) => dialog.getByRole('textbox', { name: label, exact: true });

  await field('Mật khẩu hiện tại').fill('khong-dung-mat-khau');
  await field('Mật khẩu mới').fill('ngan');
  await field('Nhập lại mật khẩu mới').fill('khac');
  await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(field('Mật khẩu mới')).toHaveAccessibleDescription('Mật khẩu phải có ít nhất 10 ký tự');
  await expect(field('Nhập lại mật khẩu mới')).toHaveAccessibleDescription('Mật khẩu nhập lại không khớp với mật khẩu mới');

  await field('Mật khẩu mới').fill(NEW_USER.newPassword);
  await field('Nhập lại mật khẩu mới').fill(NEW_USER.newPassword);
  await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(field('Mật khẩu hiện tại')).toHaveAccessibleDescription('Mật khẩu hiện tại không đúng');
  await keepScreenshot(page, 'access-change-password');

  await field('Mật khẩu hiện tại').fill(NEW_USER.password);
  await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Đã đổi mật khẩu')).toBeVisible();

  // The panel logged in again with the new password: the next screens still load.
  await page.goto('/#/Member');
  await expect(page.getByText(/^1–25 trong \d+$/)).toBeVisible();

  // Log out, then in with the new password (the old one is refused).
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/#\/login/);
  await page.getByRole('textbox', { name: 'Tên đăng nhập', exact: true }).fill(NEW_USER.username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(NEW_USER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await loginAs(page, NEW_USER.username, NEW_USER.newPassword);
});
