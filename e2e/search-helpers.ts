import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const LOCALES = [
  { locale: 'en', prefix: '', label: 'Search' },
  { locale: 'fr', prefix: '/fr', label: 'Rechercher' },
] as const;

/** The navbar's search field. */
export const navbarSearch = (page: Page): Locator => page.locator('.navbar').getByRole('combobox');

/** Types a query as a person would and returns the visible result list. */
export async function typeQuery(page: Page, field: Locator, query: string): Promise<Locator> {
  await field.click();
  await field.pressSequentially(query, { delay: 20 });
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option').first()).toBeVisible();
  return list;
}

/** Waits for the search event the page sends (fire and forget), and returns its body. */
export async function searchEvent(page: Page, act: () => Promise<void>): Promise<Record<string, unknown>> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/api/v1/search-events') && r.method() === 'POST'),
    act(),
  ]);
  await request.response();
  return request.postDataJSON() as Record<string, unknown>;
}
