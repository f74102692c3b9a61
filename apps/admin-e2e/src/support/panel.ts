/** How a clerk finds things on the panel's screens, by role and label where the markup allows. */
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from './env';

export const treeItem = (page: Page, name: string): Locator => page.getByRole('treeitem', { name, exact: true });

/** Opens a unit of the tree (the tops start open) and waits for its children. */
export async function expandUnit(page: Page, name: string, expandLabel = 'Mở cấp dưới'): Promise<Locator> {
  const item = treeItem(page, name);
  await item.getByRole('button', { name: expandLabel }).first().click();
  await expect(item).toHaveAttribute('aria-expanded', 'true');
  const children = item.getByRole('group', { name, exact: true });
  await expect(children.getByRole('treeitem').first()).toBeVisible();
  return children;
}

/** A text input by its accessible name: the visible label without the required asterisk (aria-hidden). */
export const input = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label, exact: true });

/** An autocomplete input by its accessible name. */
export const combobox = (page: Page, label: string): Locator => page.getByRole('combobox', { name: label, exact: true });

/** Screenshots kept for review next to the failure artifacts. */
export async function keepScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const dir = path.join(ARTIFACTS, 'screens');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/** Switches the language from the app bar. */
export async function switchLanguage(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('menuitem', { name: to }).click();
}

/**
 * Opens a page from the side menu and waits for its title in the app bar: until the new page has rendered, the
 * page left behind may still show a button or a field with the same label.
 */
export async function openFromMenu(page: Page, item: string, title: string | RegExp = item): Promise<void> {
  await page.getByRole('menuitem', { name: item }).click();
  await expect(page.locator('#react-admin-title')).toHaveText(title, { timeout: 30_000 });
}
