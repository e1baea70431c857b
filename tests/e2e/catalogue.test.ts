import { describe, expect, inject, it } from 'vitest';
import { browserSession, languagesInTurn } from '../helpers/browser';
import { CATALOGUES, chooseLanguage, expectNoSeriousA11yProblems, LAPTOP } from '../helpers/browser-steps';

/**
 * An organisation's own catalogue entries in a real browser, in Dutch and in French: HR adds one,
 * finds it first among the suggestions for its targets, marked as the organisation's own and in
 * the words it was written in, retires it, and no longer finds it there. The catalogue pages pass
 * axe on a laptop and on a phone. With KNIPPERLICHT_SCREENSHOTS set to a folder, the pages are
 * also saved there as PNGs at both widths, to look at.
 */
const HR = 'hr@zonnedael.demo';
const TIMEOUT = 180_000;

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

describe.each(languagesInTurn(['nl', 'fr'] as const, 1))('own catalogue entries in %s', (lang) => {
	const texts = CATALOGUES[lang];
	it(
		'added, suggested first and marked as own, retired and no longer suggested',
		async () => {
			const hr = await signedIn(HR);
			await hr.setViewportSize(LAPTOP);
			await chooseLanguage(hr, lang);
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
			await expectNoSeriousA11yProblems(hr, 'a new own entry', `catalogue-new-${lang}`);
			await Promise.all([
				hr.waitForURL((url) => /\/catalogue\/[0-9a-f-]{36}$/.test(url.pathname)),
				hr.getByRole('button', { name: texts['catalogue.create'], exact: true }).click()
			]);
			const entryUrl = hr.url();
			await hr.getByRole('status').filter({ hasText: texts['catalogue.created'] }).waitFor();
			await hr.getByRole('heading', { level: 1, name: title }).waitFor();
			expect(await hr.locator('main').textContent()).toContain(texts['catalogue.writtenIn.nl']);
			await expectNoSeriousA11yProblems(hr, 'an own entry', `catalogue-entry-${lang}`);

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
			await expectNoSeriousA11yProblems(hr, 'the catalogue', `catalogue-list-${lang}`);
			await chooseLanguage(hr, 'nl');
		},
		TIMEOUT
	);
});
