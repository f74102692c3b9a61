import { expect, test, type Page } from '@playwright/test';
import { cutDatabase, restoreDatabase } from './support/db-proxy';
import { input, keepScreenshot } from './support/panel';

const BANNER = 'Mất kết nối tới máy chủ dữ liệu, đang thử lại…';
const rows = (page: Page) => page.locator('table tbody tr');

// Whatever happens in the test, the next spec finds the database reachable.
test.afterEach(async () => {
  await restoreDatabase();
});

test('the database drops while a member form is open: one banner, the form keeps what was typed, saving after it returns works', async ({ page }) => {
  // Room for the banner's retry delay on a loaded machine.
  test.setTimeout(60_000);
  await page.goto('/#/Member');
  await page.getByPlaceholder('Tìm kiếm').fill('nguyen van duc');
  await expect(rows(page).first()).toContainText('Nguyễn Văn Đức');
  await rows(page).first().locator('td.column-fullName').click();
  await page.getByRole('link', { name: 'Sửa' }).click();
  const note = input(page, 'Ghi chú');
  const typed = `Gõ trong lúc mất kết nối ${Date.now()}`;
  await note.fill(typed);
  await expect(page.getByText(BANNER)).toHaveCount(0);

  await cutDatabase();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText(BANNER)).toHaveCount(1);
  await expect(page.getByText(BANNER)).toBeVisible();
  await keepScreenshot(page, 'outage-banner');
  // Still on the edit page (no redirect, no logout), with what was typed.
  await expect(page).toHaveURL(/#\/Member\/\d+$/);
  await expect(note).toHaveValue(typed);

  await restoreDatabase();
  // The banner's own probe notices the database is back (its retry delay grows to at most 8 s).
  await expect(page.getByText(BANNER)).toHaveCount(0, { timeout: 20_000 });
  await expect(note).toHaveValue(typed);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/#\/Member\/\d+\/show/);
  await expect(page.getByText(typed)).toBeVisible();
});
