import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';
import { browserSession, checkA11y, describeViolations } from '../helpers/browser';

/**
 * An organisation's own catalogue entries in a real browser, in Dutch and in French: HR adds one,
 * finds it first among the suggestions for its targets, marked as the organisation's own and in
 * the words it was written in, retires it, and no longer finds it there. The catalogue pages pass
 * axe on a laptop and on a phone. With KNIPPERLICHT_SCREENSHOTS set to a folder, the pages are
 * also saved there as PNGs at both widths, to look at.
 */
const HR = 'hr@zonnedael.demo';
const TIMEOUT = 180_000;
const CATALOGUES = { nl, fr } as const;
type Lang = keyof typeof CATALOGUES;
const SHOTS = process.env.KNIPPERLICHT_SCREENSHOTS;

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

const langOf = (page: Page) => page.locator('html').getAttribute('lang');

async function switchLanguage(page: Page, lang: Lang): Promise<void> {
	const current = (await langOf(page)) as Lang | null;
	if (current === lang) return;
	const from = CATALOGUES[current ?? 'nl'] ?? nl;
	await page.getByLabel(from['nav.language'], { exact: true }).selectOption(lang);
	await Promise.all([
		page.waitForEvent('framenavigated'),
		page.getByRole('button', { name: from['nav.switchLanguage'], exact: true }).click()
	]);
	await page.waitForLoadState('load');
	await expect.poll(() => langOf(page), { timeout: 40_000 }).toBe(lang);
}

/** No serious or critical axe violation and nothing wider than the screen, on a laptop and on a phone. */
async function expectAccessible(page: Page, where: string, shot: string): Promise<void> {
	for (const viewport of [
		{ width: 1366, height: 768 },
		{ width: 390, height: 844 }
	]) {
		await page.setViewportSize(viewport);
		const violations = (await checkA11y(page)).filter(
			(v) => v.impact === 'serious' || v.impact === 'critical'
		);
		expect(violations, `${where} at ${viewport.width}px:\n${describeViolations(violations)}`).toEqual([]);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${where} at ${viewport.width}px scrolls sideways`).toBeLessThanOrEqual(0);
		if (SHOTS) await page.screenshot({ path: `${SHOTS}/${shot}-${viewport.width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1366, height: 768 });
}

describe.each(['nl', 'fr'] as const)('own catalogue entries in %s', (lang) => {
	const texts = CATALOGUES[lang];
	it(
		'added, suggested first and marked as own, retired and no longer suggested',
		async () => {
			const hr = await signedIn(HR);
			await hr.setViewportSize({ width: 1366, height: 768 });
			await switchLanguage(hr, lang);
			const org = /\/o\/([0-9a-f-]{36})/.exec(hr.url())![1]!;
			await hr.goto(new URL(`/o/${org}/measures/catalogue`, baseUrl).href);
			await hr.getByRole('heading', { level: 1, name: texts['catalogue.title'] }).waitFor();
			await hr.getByRole('link', { name: texts['catalogue.new'], exact: true }).click();
			await hr.waitForURL((url) => url.pathname.endsWith('/catalogue/new'));

			// The demo organisation writes in Dutch, whatever the interface language.
			const title = `E2E ${lang}: vaste overdracht bij elke ploegwissel`;
			await hr.getByLabel(texts['measure.field.title'], { exact: true }).fill(title);
			await hr
				.getByLabel(texts['catalogue.field.how'], { exact: true })
				.fill('Plan tien minuten overlap tussen de ploegen en overloop samen de openstaande taken.');
			await hr
				.getByLabel(texts['catalogue.field.watchOut'], { exact: true })
				.fill('De overlap telt als werktijd.');
			await hr.getByLabel(lang === 'nl' ? 'Werkdruk' : 'Charge de travail', { exact: true }).check();
			await hr
				.getByLabel(lang === 'nl' ? 'Duidelijkheid van je rol' : 'Clarté du rôle', { exact: true })
				.check();
			await hr.getByLabel(texts['indicator.absenceRateShort'], { exact: true }).check();
			await hr.getByLabel(texts['measure.field.domain'], { exact: true }).selectOption('work-organisation');
			await hr.getByLabel(texts['measure.field.preventionLevel'], { exact: true }).selectOption('primary');
			await hr.getByLabel(texts['measure.field.applicationLevel'], { exact: true }).selectOption('group');
			await expectAccessible(hr, 'a new own entry', `catalogue-new-${lang}`);
			await Promise.all([
				hr.waitForURL((url) => /\/catalogue\/[0-9a-f-]{36}$/.test(url.pathname)),
				hr.getByRole('button', { name: texts['catalogue.create'], exact: true }).click()
			]);
			const entryUrl = hr.url();
			await hr.getByRole('status').filter({ hasText: texts['catalogue.created'] }).waitFor();
			await hr.getByRole('heading', { level: 1, name: title }).waitFor();
			expect(await hr.locator('main').textContent()).toContain(texts['catalogue.writtenIn.nl']);
			await expectAccessible(hr, 'an own entry', `catalogue-entry-${lang}`);

			// Suggested first for its three targets, marked as the organisation's own.
			const suggestions = new URL(`/o/${org}/measures/new`, baseUrl);
			for (const target of ['workload', 'role-clarity', 'absenceRateShort'])
				suggestions.searchParams.append('target', target);
			await hr.goto(suggestions.href);
			const first = hr.locator('.suggestions > li').first();
			await expect.poll(() => first.locator('h3').textContent()).toBe(title);
			expect(await first.textContent()).toContain(texts['catalogue.ownMark']);

			// Retired: still readable, no longer suggested.
			await hr.goto(entryUrl);
			await hr.getByRole('button', { name: texts['catalogue.retire'], exact: true }).click();
			await hr.getByRole('status').filter({ hasText: texts['catalogue.retiredDone'] }).waitFor();
			await hr.getByRole('button', { name: texts['catalogue.restore'], exact: true }).waitFor();
			await hr.goto(suggestions.href);
			await hr.locator('.suggestions > li').first().waitFor();
			expect(await hr.locator('.suggestions').textContent()).not.toContain(title);

			await hr.goto(new URL(`/o/${org}/measures/catalogue`, baseUrl).href);
			await hr.getByRole('heading', { level: 3, name: title }).waitFor();
			await expectAccessible(hr, 'the catalogue', `catalogue-list-${lang}`);
			await switchLanguage(hr, 'nl');
		},
		TIMEOUT
	);
});
