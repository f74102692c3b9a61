import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { combobox, input, keepScreenshot, openFromMenu } from './support/panel';

// Each test logs in through the real form, as the account it is about.
test.use({ storageState: { cookies: [], origins: [] } });

const criteriaTree = (page: Page) => page.getByRole('tree', { name: 'Cây tiêu chí' });
const node = (page: Page, name: string) => criteriaTree(page).getByRole('treeitem', { name, exact: true });
const formula = (page: Page) => page.getByRole('textbox', { name: 'Công thức', exact: true });
const saveCriterion = (page: Page) => page.getByRole('button', { name: 'Lưu tiêu chí' });

/** The rows of the tree in the order shown (a group, then its children). */
const treeOrder = (page: Page) => criteriaTree(page).getByRole('treeitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
}

test('the inspection committee builds a set, fixes a formula as it types, previews it and publishes it', async ({ page }) => {
  // A whole editing session of some forty steps: about 28 s on a quiet 2-core machine, more on a busy one.
  test.setTimeout(90_000);
  await loginAs(page, 'ubkt.mythanh');
  await openFromMenu(page, 'Bộ tiêu chí');
  await page.locator('a[href="#/CriteriaSet/create"]').click();

  // Its commune since 2025-07-01: Mỹ Tân Hưng, which Mỹ Thạnh became part of (with Mỹ Thạnh's own set).
  await combobox(page, 'Đơn vị ban hành').fill('Mỹ Tân Hưng');
  await page.getByRole('option', { name: /^Đảng bộ xã Mỹ Tân Hưng/ }).click();
  await combobox(page, 'Kỳ đánh giá').click();
  await page.getByRole('option', { name: 'Năm 2026' }).click();
  await combobox(page, 'Đối tượng đánh giá').click();
  await page.getByRole('option', { name: 'Đảng viên ngoài hệ thống chính trị' }).click();
  await input(page, 'Tên bộ tiêu chí').fill('Bộ tiêu chí đảng viên ngoài hệ thống 2026 (thử)');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí đảng viên ngoài hệ thống 2026 (thử)' })).toBeVisible();
  await expect(page.getByTestId('set-status')).toHaveText('Bản nháp');

  // A group of 100 points holding, for now, one criterion of 60.
  await page.getByRole('button', { name: 'Thêm nhóm' }).click();
  await expect(input(page, 'Mã')).toHaveValue('nhom_1');
  await input(page, 'Tên tiêu chí').fill('Kết quả thực hiện nhiệm vụ');
  await input(page, 'Điểm tối đa').fill('100');
  await saveCriterion(page).click();
  const group = node(page, 'Kết quả thực hiện nhiệm vụ');
  await expect(group).toBeVisible();

  await group.getByRole('button', { name: 'Thêm tiêu chí vào nhóm' }).first().click();
  await expect(input(page, 'Mã')).toHaveValue('tieu_chi_1');
  await input(page, 'Mã').fill('tu_danh_gia');
  await input(page, 'Tên tiêu chí').fill('Tự đánh giá, chấm điểm');
  await input(page, 'Điểm tối đa').fill('60');
  await saveCriterion(page).click();
  await expect(node(page, 'Tự đánh giá, chấm điểm')).toBeVisible();
  await expect(group.getByTestId('group-sum').first()).toHaveText('60 / 100 điểm');

  // Publishing now is refused with the list of every problem; a click on one selects the group it is about.
  await publish(page);
  const problems = page.getByTestId('problem-list');
  await expect(problems).toContainText('Chưa ban hành được');
  await expect(problems).toContainText('có điểm tối đa 100 nhưng các tiêu chí con cộng lại 60');
  await problems.getByRole('button', { name: /nhom_1/ }).click();
  await expect(group).toHaveAttribute('aria-selected', 'true');
  await expect(input(page, 'Mã')).toHaveValue('nhom_1');

  // The second criterion: a formula, checked as it is typed.
  await group.getByRole('button', { name: 'Thêm tiêu chí vào nhóm' }).first().click();
  await expect(input(page, 'Mã')).toHaveValue('tieu_chi_1');
  await input(page, 'Mã').fill('hoan_thanh_nhiem_vu');
  await input(page, 'Tên tiêu chí').fill('Hoàn thành nhiệm vụ được giao');
  await combobox(page, 'Loại').click();
  await page.getByRole('option', { name: 'Công thức' }).click();
  await input(page, 'Điểm tối đa').fill('40');

  await formula(page).fill('7,5');
  await expect(page.getByRole('alert').filter({ hasText: 'Số thập phân viết bằng dấu chấm (7.5), không dùng dấu phẩy.' })).toBeVisible();
  await expect(page.getByTestId('formula-caret').locator('mark')).toHaveText(',');
  await expect(saveCriterion(page)).toBeDisabled();

  await formula(page).fill('min(40, 0.4 * diem_khong_co)');
  await expect(page.getByRole('alert').filter({ hasText: 'Không có biến "diem_khong_co"' })).toBeVisible();
  await keepScreenshot(page, 'criteria-formula-error');

  // Fixed with a click on a name in scope, which goes in at the cursor.
  await formula(page).fill('min(40, 40 * ');
  await page.getByRole('button', { name: 'tasks_on_time_share', exact: true }).click();
  await expect(formula(page)).toHaveValue('min(40, 40 * tasks_on_time_share');
  await formula(page).press('End');
  await formula(page).pressSequentially(')');
  await expect(page.getByText('Công thức hợp lệ')).toBeVisible();
  await saveCriterion(page).click();
  await expect(node(page, 'Hoàn thành nhiệm vụ được giao')).toBeVisible();
  await expect(group.getByTestId('group-sum').first()).toHaveText('100 / 100 điểm');
  await expect(page.getByTestId('total-check')).toContainText('khớp');
  await keepScreenshot(page, 'criteria-editor');

  // Preview on the sample data: 48/60 entered (80%) + 40/40 (all tasks done) = 88, "tốt".
  await page.getByRole('tab', { name: 'Chấm thử' }).click();
  await expect(page.getByTestId('preview-total')).toContainText('88');
  await expect(page.getByTestId('preview-level')).toHaveText('Hoàn thành tốt nhiệm vụ');
  const trace = page.getByRole('list', { name: 'Giải thích từng bước' });
  await expect(trace).toContainText('Hoàn thành nhiệm vụ được giao (hoan_thanh_nhiem_vu): 40/40 điểm theo công thức');
  await expect(trace).toContainText('88 điểm đạt ngưỡng 70: Hoàn thành tốt nhiệm vụ');
  // The excellent threshold needs 30% of tasks exceeded: a total of 90+ is not enough without it.
  await page.getByRole('textbox', { name: 'Tự đánh giá, chấm điểm' }).fill('55');
  await expect(page.getByTestId('preview-total')).toContainText('95');
  await expect(trace).toContainText('Chưa đủ điều kiện Hoàn thành xuất sắc nhiệm vụ');
  await expect(page.getByTestId('preview-level')).toHaveText('Hoàn thành tốt nhiệm vụ');
  await page.getByRole('button', { name: 'Chấm trên máy chủ' }).click();
  await expect(page.getByText('Kết quả của máy chủ trùng với kết quả trên trình duyệt')).toBeVisible();
  await keepScreenshot(page, 'criteria-preview');

  await publish(page);
  await expect(page.getByTestId('set-status')).toHaveText('Đã ban hành');
  await expect(page.getByText('Bộ tiêu chí đã ban hành nên chỉ xem được.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tạo phiên bản mới' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm nhóm' })).toHaveCount(0);
});

test('the commune office may read the criteria, not edit them', async ({ page }) => {
  await loginAs(page, 'xa.mythanh');
  await page.goto('/#/CriteriaSet');
  await page.getByRole('cell', { name: /Đảng bộ xã Mỹ Tân Hưng$/ }).first().waitFor();
  await expect(page.getByRole('link', { name: 'Thêm mới' })).toHaveCount(0);
  await page.goto('/#/CriteriaSet/5');
  await expect(page.getByTestId('set-status')).toHaveText('Đã ban hành');
  await node(page, 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)').getByRole('button').first().click();
  await expect(formula(page)).toHaveValue(/^if study_registered == 1 then/);
  await expect(formula(page)).toHaveAttribute('readonly', '');
  await expect(saveCriterion(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tạo phiên bản mới' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Thêm nhóm' })).toHaveCount(0);
});

test('criteria are reordered with the up / down buttons, one request per move, and the order persists after a reload', async ({ page }) => {
  await loginAs(page, 'ubkt.mythanh');
  // A draft to work on: the next revision of Mỹ Thạnh's own set (deleted at the end).
  await page.goto('/#/CriteriaSet/5');
  await expect(page.getByTestId('set-status')).toHaveText('Đã ban hành');
  await page.getByRole('button', { name: 'Tạo phiên bản mới' }).click();
  await expect(page.getByTestId('set-status')).toHaveText('Bản nháp');
  await expect(page.getByText('Phiên bản 2', { exact: true })).toBeVisible();

  const general = 'Nhóm tiêu chí chung';
  const results = 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ';
  const selfCriticism = 'Tự phê bình, phê bình và khắc phục hạn chế, khuyết điểm';
  const study = 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)';
  const topLevel = async () => (await treeOrder(page)).filter((n) => n === general || n === results);
  const inGeneral = async () => (await treeOrder(page)).filter((n) => n === study || n === selfCriticism);
  await expect.poll(topLevel).toEqual([general, results]);
  await expect.poll(inGeneral).toEqual([study, selfCriticism]);
  await expect(node(page, general).getByRole('button', { name: 'Chuyển lên' }).first()).toBeDisabled();

  const sent: string[] = [];
  page.on('request', (r) => {
    const m = r.method() === 'POST' && r.url().endsWith('/graphql') ? /\b(reorderCriteria|updateCriterion)\(/.exec(r.postData() ?? '') : null;
    if (m) sent.push(m[1]);
  });

  // A group to the top (parent: none), then a criterion up inside its group.
  await node(page, results).getByRole('button', { name: 'Chuyển lên' }).first().click();
  await expect.poll(topLevel).toEqual([results, general]);
  await expect(node(page, results).getByRole('button', { name: 'Chuyển lên' }).first()).toBeDisabled();
  await node(page, selfCriticism).getByRole('button', { name: 'Chuyển lên' }).click();
  await expect.poll(inGeneral).toEqual([selfCriticism, study]);
  expect(sent).toEqual(['reorderCriteria', 'reorderCriteria']);

  await page.reload();
  await expect(page.getByTestId('set-status')).toHaveText('Bản nháp');
  await expect.poll(topLevel).toEqual([results, general]);
  await expect.poll(inGeneral).toEqual([selfCriticism, study]);

  // And back down, still kept.
  await node(page, selfCriticism).getByRole('button', { name: 'Chuyển xuống' }).click();
  await expect.poll(inGeneral).toEqual([study, selfCriticism]);
  await page.reload();
  await expect.poll(inGeneral).toEqual([study, selfCriticism]);

  // An unsaved edit is rated by the server as the editor holds it, so the two results agree.
  await node(page, 'Điểm cộng: được khen thưởng trong năm').getByRole('button').first().click();
  const bonusFormula = page.getByRole('textbox', { name: /^Công thức/ });
  await expect(bonusFormula).toHaveValue('min(3, commendations * 1.5)');
  await bonusFormula.fill('min(3, 2)');
  await expect(page.getByText('Công thức hợp lệ')).toBeVisible();
  await page.getByRole('tab', { name: 'Chấm thử' }).click();
  const browserTotal = (await page.getByTestId('preview-total').textContent()) ?? '';
  await page.getByRole('button', { name: 'Chấm trên máy chủ' }).click();
  await expect(page.getByText('Kết quả của máy chủ trùng với kết quả trên trình duyệt')).toBeVisible();
  await expect(page.getByTestId('preview-total')).toHaveText(browserTotal);
  await expect(page.getByText('Máy chủ chấm theo bản đã lưu')).toHaveCount(0);
  // Edited again after the server's answer: the answer is marked out of date.
  await page.getByRole('textbox', { name: selfCriticism }).fill('1');
  await expect(page.getByText('đã thay đổi sau lần chấm trên máy chủ')).toBeVisible();

  await page.getByRole('button', { name: 'Xóa bản nháp' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByRole('cell', { name: /Đảng bộ xã Mỹ Tân Hưng$/ }).first()).toBeVisible();
});

test("a commune's criteria admin reads a province template without editing or cloning it, and may use it as a template", async ({ page }) => {
  await loginAs(page, 'ubkt.mythanh');
  await page.goto('/#/CriteriaSet/1');
  await expect(page.getByTestId('set-status')).toHaveText('Đã ban hành');
  await expect(page.getByText('Đảng bộ tỉnh Vĩnh Long', { exact: true })).toBeVisible();
  await expect(page.getByText('bạn không quản lý bộ tiêu chí của đơn vị này nên chỉ xem được')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dùng làm mẫu cho bộ mới' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tạo phiên bản mới' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ban hành', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Xóa bản nháp' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Thêm nhóm' })).toHaveCount(0);
  await expect(criteriaTree(page).getByRole('button', { name: 'Chuyển lên' })).toHaveCount(0);
  await criteriaTree(page).getByRole('treeitem').first().getByRole('button').first().click();
  await expect(saveCriterion(page)).toHaveCount(0);
  await expect(input(page, 'Tên tiêu chí')).toHaveAttribute('readonly', '');
  await keepScreenshot(page, 'criteria-province-template-read-only');
});
