import { expect, test } from '@playwright/test';
import { DEMO_USER } from './support/env';

test.use({ storageState: { cookies: [], origins: [] } });

test('a clerk opens the panel, is asked to log in in Vietnamese, and lands on the organisation tree', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/login/);
  await expect(page.getByText('dangbo — Quản lý công tác Đảng')).toBeVisible();

  await page.getByRole('textbox', { name: 'Tên đăng nhập', exact: true }).fill(DEMO_USER.username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/#\/login/);

  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Cây tổ chức', level: 1 })).toBeVisible();
  await expect(page.getByRole('tree')).toBeVisible();
});
