import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { OVERVIEW_INDICATORS } from '../../src/lib/domain/overview';
import { browserSession, languagesInTurn } from '../helpers/browser';
import {
	ANALYTICS_ACCOUNTS,
	CATALOGUES,
	chooseLanguage,
	expectNoSeriousA11yProblems,
	langOf,
	type Lang
} from '../helpers/browser-steps';

/**
 * The organisation's overview on the demo, as the advisor, HR and a manager see it, in Dutch and
 * French, at desktop and phone width, and printed: participation in the last wave, the units that
 * need attention with their main reason, the themes that moved, the signals of the last twelve
 * months with Belgian context figures, and where the measures (and, for advisor and HR, the plans)
 * stand. A manager's overview is their own subtree. An admin sees the units only. Printing is in
 * dashboards.test.ts, with the other views.
 */
const ACCOUNTS = ANALYTICS_ACCOUNTS;
const ADMIN = 'beheer@zonnedael.demo';
const TIMEOUT = 150_000;

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);
type Texts = (typeof CATALOGUES)[Lang];

/** The overview, read in the language it came in (other tests switch the demo accounts' language). */
async function openOverview(page: Page): Promise<Texts> {
	const org = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1];
	expect(org, page.url()).toBeTruthy();
	await page.goto(new URL(`/o/${org}`, baseUrl).href);
	const texts = CATALOGUES[((await langOf(page)) ?? 'nl') as Lang];
	await page.getByRole('heading', { level: 1, name: texts['overview.title'] }).waitFor();
	return texts;
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Each account's flows start their turns at a different language (languagesInTurn). */
const turnOf = (role: string) => ACCOUNTS.findIndex(([r]) => r === role);

describe('the organisation overview', () => {
	describe.each(ACCOUNTS)('as %s', (role, email) => {
		it.each(languagesInTurn(['nl', 'fr'] as const, turnOf(role)))(
			'shows participation, attention, themes, signals and measures in %s; axe',
			async (lang) => {
				const page = await signedIn(email);
				await chooseLanguage(page, lang);
				const texts = await openOverview(page);

				// Participation in the last closed wave of the demo: a count, never a hidden one.
				const participation = section(page, texts['overview.participation']);
				await expect(participation.textContent()).resolves.toMatch(/\d/);

				// At most five units, each a link to its page with its main reason.
				const attention = section(page, texts['overview.attention']);
				const units = attention.locator('ol > li');
				const count = await units.count();
				expect(count).toBeGreaterThan(0);
				expect(count).toBeLessThanOrEqual(5);
				for (const href of await attention
					.locator('ol > li > a')
					.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
					expect(href).toMatch(/^\/o\/[0-9a-f-]{36}\/units\/[0-9a-f-]{36}$/);

				await section(page, texts['overview.themes']).waitFor();
				const measures = section(page, texts['overview.actions']);
				await expect(measures.textContent()).resolves.toContain(texts['measure.status.done']);
				// Plans are documents of the whole organisation: advisors and HR, not managers.
				const plans = measures.getByRole('heading', { name: texts['overview.plans'] });
				await expect(plans.count()).resolves.toBe(role === 'manager' ? 0 : 1);

				// The signals: every overview indicator, the context figures with their year.
				const signals = section(page, texts['overview.signals']);
				const rows = signals.locator('tbody tr');
				await expect(rows.count()).resolves.toBe(OVERVIEW_INDICATORS.length);
				for (const [i, id] of OVERVIEW_INDICATORS.entries())
					await expect(rows.nth(i).locator('th').textContent()).resolves.toBe(texts[`indicator.${id}`]);
				await expect(signals.textContent()).resolves.toContain('(2023)');
				// Turnover over twelve months is a yearly figure, never a month's figure made yearly.
				const turnover = rows.nth(OVERVIEW_INDICATORS.indexOf('turnoverVoluntary'));
				await expect(turnover.locator('td').first().textContent()).resolves.toMatch(
					new RegExp(texts['indicator.value.percentPerYear'].replace('{value}', '[\\d,.]+'))
				);

				const text = (await page.locator('main').textContent()) ?? '';
				expect(text).not.toMatch(/undefined|NaN|\{[a-z]+\}/);
				if (role === 'manager') {
					expect(text).toContain(texts['overview.scopeManager']);
					// Every unit named on the manager's overview is theirs to open.
					for (const href of await attention
						.locator('ol > li > a')
						.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
						const response = await page.request.get(new URL(href!, baseUrl).href);
						expect(response.status(), href!).toBe(200);
					}
				}

				await expectNoSeriousA11yProblems(
					page,
					`the overview as ${role} in ${lang}`,
					`overview-${role}-${lang}`
				);

				await chooseLanguage(page, 'nl');
			},
			TIMEOUT
		);
	});

	it('shows an admin the units only', async () => {
		const page = await signedIn(ADMIN);
		const texts = await openOverview(page);
		await page.getByRole('heading', { level: 2, name: texts['overview.unitsHeading'] }).waitFor();
		await expect(section(page, texts['overview.attention']).count()).resolves.toBe(0);
		await expect(section(page, texts['overview.signals']).count()).resolves.toBe(0);
	});
});
