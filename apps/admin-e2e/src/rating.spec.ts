/**
 * The 2025 rating of Mỹ Tân Hưng (the commune Mỹ Thạnh became part of on 2025-07-01) as its people do it. A member transferred into Chi bộ ấp Bến Đò in February 2025 is
 * recorded (through the API, as the commune office would); the standing committee (btv.mythanh) recomputes the
 * period and watches the job's progress; the cell secretary (bithu.bendo) enters her self-assessment and the
 * cell's appraisal; the committee decides (a level above the engine's is asked a reason and refused by the guard
 * rails, the engine's level is accepted), is refused a third xuất sắc cell by the quota with its numbers, locks
 * the period (every step disabled), and reopens it with a reason.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { keepScreenshot, openFromMenu } from './support/panel';
import { BASE_URL } from './support/env';

test.use({ storageState: { cookies: [], origins: [] }, actionTimeout: 30_000 });

const PERIOD_2025 = 1;
const BEN_DO = 101;
/** Mỹ Tân Hưng (formed on 2025-07-01 from Mỹ Thạnh and its neighbours): the deciding unit of its cells. */
const COMMUNE = 603;
const MEMBER = 'Lê Thị Thu Hà';
const CELL_FOR_QUOTA = 'Chi bộ ấp Thạnh Lợi';

/** Facts the cell enters for her (ten tasks, all on time; no breach of any kind); any other fact shown is 0. */
const FACTS: Record<string, string> = { tasks_assigned: '10', tasks_on_time: '10', tasks_exceeded: '1', shortcomings_fixed_pct: '100' };

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data as T;
}

async function apiLogin(username: string): Promise<string> {
  const d = await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: 'dangbo-demo' });
  return d.login.token;
}

async function session(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await loginAs(page, username);
  return page;
}

/** Opens an evaluation from the list: the stage's tab, then a search by name. */
async function openEvaluation(page: Page, name: string, stageTab: string): Promise<void> {
  await page.goto('/#/Evaluation');
  await page.getByRole('tab', { name: stageTab }).click();
  await page.getByPlaceholder('Tìm kiếm').fill(name);
  // The list writes its filters into the address a moment after typing; wait for it, or that late write would
  // take the page back to the list after the row's click.
  await expect.poll(() => decodeURIComponent(page.url()), { timeout: 30_000 }).toContain(`"q":"${name}"`);
  const row = page.getByRole('row').filter({ hasText: name }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
}

/** Every scored criterion at its maximum (a penalty at 0), every check met, the facts given set, an empty fact 0, the others kept. */
async function fillInputs(page: Page, facts: Record<string, string>): Promise<void> {
  const section = page.getByRole('region', { name: 'Số liệu đánh giá' });
  await expect(section.locator('[data-code]').first()).toBeVisible({ timeout: 30_000 });
  for (const row of await section.locator('[data-code]').all()) {
    const code = (await row.getAttribute('data-code')) as string;
    // A penalty stays at 0: nothing was breached.
    const max = (await row.getAttribute('data-kind')) === 'PENALTY' ? '0' : await row.getAttribute('data-max');
    const box = row.getByRole('textbox');
    if ((await box.count()) > 0) {
      const value = max ?? facts[code] ?? ((await box.inputValue()) === '' ? '0' : null);
      if (value !== null) await box.fill(value);
    }
    const check = row.getByRole('checkbox');
    if ((await check.count()) > 0) await check.check();
  }
}

const stageChip = (page: Page) => page.getByTestId('evaluation-stage');

test('one member through the three stages, the quota refusal, the period locked and reopened', async ({ browser }) => {
  test.setTimeout(600_000);

  // A member transferred into Bến Đò in February 2025: rated in 2025 once the period is recomputed.
  const office = await apiLogin('xa.mythanh');
  await gql(
    `mutation { createMember(cellId: ${BEN_DO}, fullName: "${MEMBER}", gender: FEMALE, birthDate: "1988-05-12", admittedOn: "2012-03-03", officialOn: "2013-03-03", joinedOn: "2025-02-10", status: OFFICIAL) { id } }`,
    {},
    office,
  );

  // The committee recomputes the 2025 period over Mỹ Tân Hưng; the page shows the job's progress until it is done.
  const committee = await session(browser, 'btv.mythanh');
  await committee.goto(`/#/RatingPeriod/${PERIOD_2025}/show`);
  const panel = committee.getByRole('region', { name: 'Điều hành kỳ đánh giá' });
  await expect(panel.getByRole('combobox', { name: 'Đơn vị' })).toHaveValue(/Mỹ Tân Hưng/, { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Tính lại' }).click();
  await expect(committee.getByTestId('job-progress')).toHaveAttribute('data-state', 'DONE', { timeout: 120_000 });
  // Her evaluation is new (earlier specs may have added members of their own, so at least one).
  await expect(committee.getByTestId('job-progress')).toContainText(/tạo mới [1-9]/);
  await keepScreenshot(committee, 'rating-recompute');

  // The cell secretary: her self-assessment (entered on her behalf), then the cell's appraisal. No decision here.
  const secretary = await session(browser, 'bithu.bendo');
  await openEvaluation(secretary, MEMBER, 'Chưa tự đánh giá');
  await expect(stageChip(secretary)).toHaveText('Chưa tự đánh giá');
  await expect(secretary.getByRole('button', { name: 'Quyết định' })).toHaveCount(0);
  await fillInputs(secretary, FACTS);
  await expect(secretary.getByTestId('preview-level')).toHaveText('Hoàn thành nhiệm vụ');
  await secretary.getByRole('button', { name: 'Nộp tự đánh giá' }).click();
  await expect(stageChip(secretary)).toHaveText('Đã tự đánh giá', { timeout: 30_000 });
  await secretary.getByRole('button', { name: 'Thẩm định, đề xuất' }).click();
  await expect(stageChip(secretary)).toHaveText('Đã thẩm định', { timeout: 30_000 });
  await expect(secretary.getByTestId('stage-APPRAISAL')).toBeVisible();
  await keepScreenshot(secretary, 'rating-appraised', true);

  // The committee decides. A level above the engine's asks for a reason, and the guard rails still refuse it.
  await openEvaluation(committee, MEMBER, 'Đã thẩm định');
  await committee.getByRole('combobox', { name: 'Mức đề xuất / quyết định' }).click();
  await committee.getByRole('option', { name: 'Hoàn thành tốt nhiệm vụ' }).click();
  await committee.getByRole('button', { name: 'Quyết định' }).click();
  const dialog = committee.getByRole('dialog', { name: 'Quyết định khác mức bộ máy tính' });
  await dialog.getByRole('textbox', { name: 'Lý do' }).fill('Tích cực tham gia công tác ở địa phương');
  await dialog.getByRole('button', { name: 'Quyết định' }).click();
  await expect(committee.getByRole('alert').filter({ hasText: 'Không thể quyết định mức Hoàn thành tốt nhiệm vụ' })).toBeVisible({ timeout: 30_000 });
  await expect(stageChip(committee)).toHaveText('Đã thẩm định');
  // The engine's level needs no reason.
  await committee.getByRole('combobox', { name: 'Mức đề xuất / quyết định' }).click();
  await committee.getByRole('option', { name: 'Theo mức bộ máy tính' }).click();
  await committee.getByRole('button', { name: 'Quyết định' }).click();
  await expect(stageChip(committee)).toHaveText('Đã quyết định', { timeout: 30_000 });
  await expect(committee.getByTestId('evaluation-level')).toHaveText('Hoàn thành nhiệm vụ');
  await expect(committee.getByTestId('stage-DECISION')).toBeVisible();

  // A third xuất sắc cell in the committee's group of collectives (two already): refused with the numbers.
  await openEvaluation(committee, CELL_FOR_QUOTA, 'Đã quyết định');
  await fillInputs(committee, { tasks_exceeded: '4' });
  await expect(committee.getByTestId('preview-level')).toHaveText('Hoàn thành xuất sắc nhiệm vụ');
  await committee.getByRole('combobox', { name: 'Mức đề xuất / quyết định' }).click();
  await committee.getByRole('option', { name: 'Theo mức bộ máy tính' }).click();
  await committee.getByRole('button', { name: 'Quyết định' }).click();
  const refusal = committee.getByTestId('quota-refusal');
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toContainText('Vượt tỷ lệ xuất sắc của nhóm');
  await expect(refusal).toContainText('Đã dùng 2/2 suất xuất sắc');
  await keepScreenshot(committee, 'rating-quota-refusal');

  // The decision screen shows the same group full.
  await committee.goto('/#/rating/decide');
  await committee.getByRole('combobox', { name: 'Kỳ đánh giá' }).click();
  await committee.getByRole('option', { name: 'Năm 2025' }).click();
  await expect(committee.getByTestId(`quota-${COMMUNE}/COLLECTIVE`)).toContainText('Xuất sắc 2/2', { timeout: 30_000 });
  // Bulk: the group's cells confirmed at the proposed level, one decision each; the quota stays as it was.
  await committee.getByRole('radio', { name: 'Tập thể' }).check();
  const members = committee.getByRole('table', { name: 'Đánh giá của nhóm' });
  // The header and the 17 cells: Mỹ Thạnh's 13 and its neighbours' 4.
  await expect(members.getByRole('row')).toHaveCount(18, { timeout: 30_000 });
  await members.getByRole('checkbox', { name: CELL_FOR_QUOTA }).check();
  await members.getByRole('checkbox', { name: 'Chi bộ ấp Mỹ Hòa' }).check();
  await committee.getByRole('button', { name: 'Quyết định 2 mục đã chọn' }).click();
  await expect(members.getByRole('row').filter({ hasText: CELL_FOR_QUOTA })).toContainText('Đã ghi quyết định', { timeout: 30_000 });
  await expect(members.getByRole('cell', { name: 'Đã ghi quyết định', exact: true })).toHaveCount(2);
  await expect(committee.getByTestId(`quota-${COMMUNE}/COLLECTIVE`)).toContainText('Xuất sắc 2/2');
  await keepScreenshot(committee, 'rating-decision-screen');

  // The results: counts and shares per level, by kind of subject and by cell.
  await openFromMenu(committee, 'Kết quả xếp loại');
  await committee.getByRole('combobox', { name: 'Kỳ đánh giá' }).click();
  await committee.getByRole('option', { name: 'Năm 2025' }).click();
  await expect(committee.getByRole('figure', { name: 'Theo loại đối tượng' })).toBeVisible({ timeout: 30_000 });
  await expect(committee.getByRole('table', { name: 'Theo đơn vị trực thuộc' }).getByRole('row').filter({ hasText: 'Chi bộ ấp Bến Đò' })).toHaveCount(1);
  await keepScreenshot(committee, 'rating-summary', true);

  // Locked over Mỹ Tân Hưng: every step of her evaluation is disabled.
  await committee.goto(`/#/RatingPeriod/${PERIOD_2025}/show`);
  await expect(panel.getByRole('combobox', { name: 'Đơn vị' })).toHaveValue(/Mỹ Tân Hưng/, { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Khóa kỳ' }).click();
  await expect(committee.getByTestId('period-lock-state')).toHaveText('Đang khóa trên 1 đơn vị', { timeout: 30_000 });
  await openEvaluation(committee, MEMBER, 'Đã quyết định');
  await expect(committee.getByTestId('period-locked')).toBeVisible();
  await expect(committee.getByRole('button', { name: 'Quyết định' })).toBeDisabled();
  await openEvaluation(secretary, MEMBER, 'Đã quyết định');
  await expect(secretary.getByRole('button', { name: 'Nộp tự đánh giá' })).toBeDisabled();
  await expect(secretary.getByRole('button', { name: 'Thẩm định, đề xuất' })).toBeDisabled();
  await keepScreenshot(committee, 'rating-locked');

  // Reopened with a reason: the steps are offered again.
  await committee.goto(`/#/RatingPeriod/${PERIOD_2025}/show`);
  await panel.getByRole('button', { name: 'Mở lại' }).click();
  const reopen = committee.getByRole('dialog', { name: 'Mở lại kỳ đã khóa' });
  await reopen.getByRole('textbox', { name: 'Lý do' }).fill('Bổ sung hồ sơ của đảng viên chuyển đến');
  await reopen.getByRole('button', { name: 'Mở lại' }).click();
  await expect(committee.getByTestId('period-lock-state')).toHaveText('Kỳ đang mở', { timeout: 30_000 });
  await openEvaluation(committee, MEMBER, 'Đã quyết định');
  await expect(committee.getByRole('button', { name: 'Quyết định' })).toBeEnabled();
});
