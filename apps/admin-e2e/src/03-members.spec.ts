import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { combobox, input, keepScreenshot, switchLanguage } from './support/panel';

const rows = (page: Page) => page.locator('table tbody tr');

test('the member list searches without diacritics: "nguyen van duc" finds Nguyễn Văn Đức', async ({ page }) => {
  await page.goto('/#/Member');
  await expect(rows(page)).toHaveCount(25);
  await keepScreenshot(page, 'members');

  await page.getByPlaceholder('Tìm kiếm').fill('nguyen van duc');
  await expect(rows(page).first()).toContainText('Nguyễn Văn Đức');
  const names = await rows(page).locator('td.column-fullName').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set(['Nguyễn Văn Đức']));
});

const VI = { fullName: 'Họ và tên', female: 'Nữ', birthDate: 'Ngày sinh', cell: 'Chi bộ', admittedOn: 'Ngày vào Đảng', officialOn: 'Ngày chính thức' };
const EN = { fullName: 'Full name', female: 'Female', birthDate: 'Birth date', cell: 'Cell', admittedOn: 'Admitted on', officialOn: 'Official on' };

test('the list exports to CSV with Vietnamese headers and labels', async ({ page }) => {
  await page.goto('/#/Member');
  await page.getByPlaceholder('Tìm kiếm').fill('nguyen van duc');
  await expect(rows(page)).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('danh-sach-dang-vien.csv');
  const lines = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Họ và tên,Giới tính,Ngày sinh,Số CCCD,Số thẻ đảng viên,Số lý lịch,Ngày vào Đảng,Ngày chính thức,Tuổi đảng,Tình trạng,Chi bộ,Ghi chú');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^Nguyễn Văn Đức,Nam,\d{2}\/\d{2}\/\d{4},/);
  expect(lines[1]).toContain(',Chính thức,Chi bộ ấp');
});

test('a clerk corrects a member and saves (the version goes back for the optimistic lock)', async ({ page }) => {
  await page.goto('/#/Member');
  await page.getByPlaceholder('Tìm kiếm').fill('nguyen van duc');
  await expect(rows(page)).toHaveCount(2);
  await rows(page).first().locator('td.column-fullName').click();
  await page.getByRole('link', { name: 'Sửa' }).click();
  await input(page, 'Ghi chú').fill('Đã đối chiếu hồ sơ');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/#\/Member\/\d+\/show/);
  await expect(page.getByText('Đã cập nhật')).toBeVisible();
  await expect(page.getByText('Đã đối chiếu hồ sơ')).toBeVisible();
});

async function fillNewMember(
  page: Page,
  fields: { fullName: string; birthDate: string; admittedOn: string; officialOn: string },
  labels = VI,
) {
  await input(page, labels.fullName).fill(fields.fullName);
  await page.getByRole('radio', { name: labels.female }).check();
  await input(page, labels.birthDate).fill(fields.birthDate);
  await combobox(page, labels.cell).fill('Bến Đò');
  await page.getByRole('option', { name: /Chi bộ ấp Bến Đò/ }).click();
  await input(page, labels.admittedOn).fill(fields.admittedOn);
  await input(page, labels.officialOn).fill(fields.officialOn);
}

test('a clerk creates a member and sees her record', async ({ page }) => {
  await page.goto('/#/Member/create');
  await fillNewMember(page, { fullName: 'Trần Thị Kiểm Thử', birthDate: '15/02/1990', admittedOn: '03/02/2015', officialOn: '03/02/2016' });
  await input(page, 'Số thẻ đảng viên').fill('83009999');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page).toHaveURL(/#\/Member\/\d+\/show/);
  await expect(page.getByText('Trần Thị Kiểm Thử').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Thông tin đảng viên' }).click();
  await expect(page.getByText('Chi bộ ấp Bến Đò')).toBeVisible();
  await expect(page.getByText('03/02/2016')).toBeVisible();
});

test('an official date before the admission date is refused in Vietnamese, next to the field', async ({ page }) => {
  await page.goto('/#/Member/create');
  await fillNewMember(page, { fullName: 'Lê Văn Sai Ngày', birthDate: '01/01/1985', admittedOn: '03/02/2015', officialOn: '02/02/2015' });
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(input(page, VI.officialOn)).toHaveAccessibleDescription('Ngày chính thức không được trước ngày vào Đảng');
  await expect(page).toHaveURL(/#\/Member\/create/);
});

test("the server's own refusal lands on the field it names", async ({ page }) => {
  await page.goto('/#/Member/create');
  await fillNewMember(page, { fullName: 'Phạm Văn Lý Lịch', birthDate: '01/01/1985', admittedOn: '03/02/2015', officialOn: '03/02/2016' });
  await input(page, 'Số lý lịch').fill('abc');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(input(page, 'Số lý lịch')).toHaveAccessibleDescription(/^Số lý lịch "abc" không hợp lệ/);
  await expect(page).toHaveURL(/#\/Member\/create/);
});

test('the same screen in English after switching the language', async ({ page }) => {
  await page.goto('/#/Member/create');
  await expect(page.getByText('Thông tin cá nhân')).toBeVisible();
  await switchLanguage(page, 'Tiếng Việt', 'English');

  await expect(page.getByText('Personal details')).toBeVisible();
  await fillNewMember(page, { fullName: 'Lê Văn Sai Ngày', birthDate: '01/01/1985', admittedOn: '03/02/2015', officialOn: '02/02/2015' }, EN);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(input(page, EN.officialOn)).toHaveAccessibleDescription('The official date cannot be before the admission date');
  await expect(page.getByRole('menuitem', { name: 'Party members' })).toBeVisible();
  await keepScreenshot(page, 'member-create-en');
});
