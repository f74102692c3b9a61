/**
 * Files as the commune office (xa.mythanh) uses them: the directive report of 05-CT/TW downloads as a Word file,
 * the member list as an Excel file with its Vietnamese headers, and an import with a bad date shows the problem's
 * row and column in the dry run (and imports nothing).
 */
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { loginAs } from './support/login';
import { combobox, input, openFromMenu } from './support/panel';

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(async ({ page }) => {
  await loginAs(page, 'xa.mythanh');
});

test('the directive report of 05-CT/TW at Mỹ Thạnh downloads as a .docx', async ({ page }) => {
  await openFromMenu(page, 'Báo cáo thực hiện văn bản');
  await combobox(page, 'Chỉ thị').fill('05-CT');
  await page.getByRole('option', { name: /05-CT\/TW/ }).click();
  // The period first: the unit box offers the units as they stood on its last day, and Mỹ Thạnh ended in 2025.
  await input(page, 'Từ ngày').fill('15/05/2016');
  await input(page, 'Đến ngày').fill('28/02/2017');
  await combobox(page, 'Đơn vị báo cáo').fill('Mỹ Thạnh');
  await page.getByRole('option', { name: /^Đảng bộ xã Mỹ Thạnh/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Bao cao thuc hien 05-CT-TW - Đảng bộ xã Mỹ Thạnh .*\.docx$/);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: the .docx container
});

test('the member list exports to .xlsx with Vietnamese headers', async ({ page }) => {
  await page.goto('/#/Member');
  await expect(page.getByRole('button', { name: 'Xuất Excel' })).toBeEnabled({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Danh sách đảng viên .*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
  expect(header).toContain('Họ và tên');
  expect(wb.worksheets[0].actualRowCount).toBeGreaterThan(100);
});

test('an import with a bad date shows the row and column in the dry run, and the import stays off', async ({ page }) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ']);
  ws.addRow(['Nguyễn Văn Thử', 'Nam', '05/03/1970', '77000001', 'Chi bộ ấp Bến Đò']);
  ws.addRow(['Lê Thị Thử', 'Nữ', '31/02/1980', '77000002', 'Chi bộ ấp Bến Đò']);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await openFromMenu(page, 'Nhập đảng viên từ Excel');
  await page.getByLabel('Tệp Excel').setInputFiles({ name: 'dang-vien.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  const problems = page.getByRole('table', { name: 'Danh sách lỗi' });
  await expect(problems).toBeVisible({ timeout: 30_000 });
  const row = problems.getByRole('row').filter({ hasText: '31/02/1980' });
  await expect(row.getByRole('cell')).toHaveText(['3', 'C', /31\/02\/1980/]);
  await expect(page.getByRole('button', { name: 'Nhập vào hệ thống' })).toBeDisabled();
});
