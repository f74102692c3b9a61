/**
 * Carrying out Directive 05-CT/TW as the commune office (xa.mythanh) does it: a cell meeting of Chi bộ ấp Bến Đò is
 * recorded, its attendance entered by keyboard only with two absences, and the cell's attendance rate on the
 * directive page's chart moves by exactly that meeting. The page stands on Mỹ Tân Hưng for a window reaching today and
 * on Mỹ Thạnh (ended 2025-06-30) for a window of 2017, with its 2017 figures.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { combobox, input, keepScreenshot } from './support/panel';

test.use({ storageState: { cookies: [], origins: [] } });

const CELL = 'Chi bộ ấp Bến Đò';
const CELLS_CHART = 'Tỷ lệ dự sinh hoạt chi bộ (theo chi bộ, trong kỳ)';

/** The report's way of writing a rate ("94,18%", "75,4%", "100%"). */
function rateText(part: number, whole: number): string {
  const rounded = Math.round(Math.round((part / whole) * 1_000_000) / 100) / 100;
  return `${String(rounded).replace('.', ',')}%`;
}

/** Bến Đò's row under the cells chart: present, expected, rate. */
async function cellFigures(page: Page): Promise<{ present: number; expected: number; rate: string; row: Locator }> {
  const row = page.getByRole('table', { name: CELLS_CHART }).getByRole('row').filter({ hasText: CELL });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  const cells = await row.getByRole('cell').allInnerTexts();
  return { present: Number(cells[1]), expected: Number(cells[2]), rate: cells[3].trim(), row };
}

test('a cell meeting recorded by keyboard with two absences moves the cell’s rate on the directive chart', async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, 'xa.mythanh');

  // The directive page opens on 05-CT/TW from its issue date to today, at Mỹ Tân Hưng: its owner Mỹ Thạnh ended on
  // 2025-06-30 and the commune formed from it carries its cells on.
  await page.getByRole('menuitem', { name: 'Thực hiện chỉ thị' }).click();
  await expect(page.getByRole('heading', { name: /Chỉ thị số 05-CT\/TW của Bộ Chính trị/ })).toBeVisible({ timeout: 30_000 });
  await expect(combobox(page, 'Đơn vị')).toHaveValue(/^Đảng bộ xã Mỹ Tân Hưng/, { timeout: 30_000 });
  await expect(page.getByText('Văn bản triển khai thực hiện')).toBeVisible();
  await expect(page.getByRole('link', { name: /58-CV\/ĐU/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: CELLS_CHART })).toBeVisible({ timeout: 30_000 });
  const before = await cellFigures(page);
  await keepScreenshot(page, 'directive-before', true);

  // A new cell meeting; once created the panel goes straight to its attendance sheet.
  await page.goto('/#/Activity/create');
  await combobox(page, 'Đơn vị tổ chức').fill('Bến Đò');
  await page.getByRole('option', { name: new RegExp(`^${CELL}`) }).click();
  await input(page, 'Ngày tổ chức').fill('20/11/2026');
  await input(page, 'Nội dung').fill('Sinh hoạt chuyên đề học tập và làm theo Bác tháng 11/2026');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/#\/Activity\/\d+\/attendance$/, { timeout: 30_000 });

  // Keyboard only from here: the first box has the focus; Space and ← mark absent, Tab reaches the reason, ↓ moves down.
  const boxes = page.getByRole('checkbox', { name: /^Có mặt: / });
  await expect(boxes.first()).toBeFocused({ timeout: 30_000 });
  const expected = await boxes.count();
  expect(expected).toBeGreaterThan(3);
  await expect(page.getByTestId('attendance-summary')).toHaveText(`Có mặt ${expected}/${expected} (100%), vắng 0`);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ốm');
  await page.keyboard.press('Tab');
  await expect(boxes.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(boxes.nth(3)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Đi làm ăn xa');
  await expect(page.getByTestId('attendance-summary')).toHaveText(`Có mặt ${expected - 2}/${expected} (${rateText(expected - 2, expected)}), vắng 2`);
  await keepScreenshot(page, 'attendance-sheet');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(`Đã lưu điểm danh: có mặt ${expected - 2}/${expected}`)).toBeVisible({ timeout: 30_000 });

  // Saved as marked: reopening the sheet shows the two absences with their reasons.
  await page.reload();
  await expect(boxes.first()).not.toBeChecked({ timeout: 30_000 });
  await expect(boxes.nth(3)).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: /^Lý do vắng: / }).first()).toHaveValue('Ốm');

  // The chart: Bến Đò now counts this meeting, n expected and n − 2 present.
  await page.goto('/#/directive');
  const figure = page.getByRole('figure', { name: CELLS_CHART });
  await expect(figure).toBeVisible({ timeout: 30_000 });
  const want = { present: before.present + expected - 2, expected: before.expected + expected };
  const rate = rateText(want.present, want.expected);
  await expect(before.row).toHaveText(new RegExp(`${CELL}\\s*${want.present}\\s*${want.expected}\\s*${rate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), { timeout: 30_000 });
  expect(rate).not.toBe(before.rate);
  await expect(figure).toContainText(rate);
  await keepScreenshot(page, 'directive-after', true);

  // A window ending in 2017 is Mỹ Thạnh's own: the page picks it again, under its 2017 name, with the 2017 conference.
  await input(page, 'Đến ngày').fill('28/02/2017');
  await expect(combobox(page, 'Đơn vị')).toHaveValue(/^Đảng bộ xã Mỹ Thạnh/, { timeout: 30_000 });
  // Its 13 cells of 2017, not the 17 of Mỹ Tân Hưng, and the conference of 15/02/2017 with its 178 present (earlier
  // specs may add members, so not the rate).
  await expect(page.getByText(/Quán triệt, triển khai đến chi bộ: 13\/13 chi bộ/)).toBeVisible({ timeout: 30_000 });
  const conference = page.getByRole('table', { name: 'Tỷ lệ đảng viên dự hội nghị' }).getByRole('row').filter({ hasText: '15/02/2017' });
  await expect(conference.getByRole('cell').nth(1)).toHaveText('178');
  await keepScreenshot(page, 'directive-2017', true);
});
