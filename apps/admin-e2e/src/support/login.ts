/** Logging in through the real form as one of the demo accounts (or an account a spec created). */
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'dangbo-demo';

/** A fresh context has no session: the panel asks for a login; the tree (home page) shows once logged in. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/#/login');
  await page.getByRole('textbox', { name: 'Tên đăng nhập', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Cây tổ chức', level: 1 })).toBeVisible();
}
