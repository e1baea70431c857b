import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from '../helpers/browser';
import {
	CATALOGUES,
	expectNoSeriousA11yProblems,
	langOf,
	messagePattern,
	type Lang
} from '../helpers/browser-steps';

/**
 * The measures overview of the demo, as an advisor and as a manager see it: the measures with
 * their flags (over time, no owner, to review), and the findings not yet addressed, a few per unit
 * with the rest one click away, each leading to a new measure for its unit and target. A manager
 * sees only the findings of their own subtree and no link to write a measure.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const MANAGER = 'leiding@zonnedael.demo';
const TIMEOUT = 120_000;

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

type Texts = (typeof CATALOGUES)[Lang];

/**
 * The overview, in the language of the account: other browser tests switch the demo accounts'
 * language while this one runs.
 */
async function openMeasures(email: string): Promise<{ page: Page; texts: Texts }> {
	const page = await signedIn(email);
	const texts = CATALOGUES[((await langOf(page)) ?? 'nl') as Lang];
	await page
		.getByRole('navigation', { name: texts['nav.main'] })
		.getByRole('link', { name: texts['nav.measures'], exact: true })
		.click();
	await page.getByRole('heading', { level: 1, name: texts['measure.listTitle'] }).waitFor();
	return { page, texts };
}

const unaddressed = (page: Page, texts: Texts) =>
	page.getByRole('region', { name: texts['unaddressed.title'] });

/** The units of the "not yet addressed" section, with the findings each shows before "more". */
async function unaddressedUnits(
	page: Page,
	texts: Texts
): Promise<Array<{ name: string; shown: number; folded: number; more: boolean }>> {
	return unaddressed(page, texts)
		.locator('ul.units > li')
		.evaluateAll((items) =>
			items.map((li) => ({
				name: li.querySelector(':scope > a')?.textContent?.trim() ?? '',
				shown: li.querySelectorAll(':scope > ul > li').length,
				folded: li.querySelectorAll(':scope > details > ul > li').length,
				more: li.querySelector(':scope > details') !== null
			}))
		);
}

describe('the measures overview', () => {
	it(
		'shows the flags of the demo measures and the findings not yet addressed, a few per unit, each leading to a new measure',
		async () => {
			const { page, texts } = await openMeasures(ADVISOR);
			const table = page.locator('main table').first();
			for (const flag of ['measure.flag.overdue', 'measure.flag.noOwner', 'evaluation.toReview'] as const)
				expect(await table.getByText(texts[flag], { exact: true }).count(), flag).toBeGreaterThan(0);

			// Which findings are listed depends on the waves other browser tests close meanwhile; how
			// they are listed does not: three per unit at most, the others folded away, and one
			// "more" per unit that has any.
			const units = await unaddressedUnits(page, texts);
			expect(units.length).toBeGreaterThan(0);
			for (const unit of units) {
				expect(unit.shown, unit.name).toBeGreaterThan(0);
				expect(unit.shown, unit.name).toBeLessThanOrEqual(3);
				expect(unit.more, unit.name).toBe(unit.folded > 0);
				if (unit.folded > 0) expect(unit.shown, unit.name).toBe(3);
			}
			const section = unaddressed(page, texts);
			const summaries = section
				.locator('summary')
				.filter({ hasText: messagePattern(texts['unaddressed.moreFindings']) });
			expect(await summaries.count()).toBe(units.filter((u) => u.more).length);

			const links = section.getByRole('link', { name: new RegExp(`^${texts['unaddressed.write']}`) });
			const href = new URL((await links.first().getAttribute('href'))!, page.url());
			expect(href.pathname).toMatch(/\/measures\/new$/);
			expect(href.searchParams.get('unit')).toMatch(/^[0-9a-f-]{36}$/);
			expect(href.searchParams.getAll('target')).toHaveLength(1);

			await expectNoSeriousA11yProblems(page, 'measures overview');
		},
		TIMEOUT
	);

	it(
		'shows a manager only the findings of their own subtree, without links to write a measure',
		async () => {
			const advisor = await openMeasures(ADVISOR);
			const all = (await unaddressedUnits(advisor.page, advisor.texts)).map((u) => u.name);
			const { page, texts } = await openMeasures(MANAGER);
			const own = (await unaddressedUnits(page, texts)).map((u) => u.name);
			expect(all).toContain('Spoedgevallen');
			expect(own).not.toContain('Spoedgevallen');
			for (const name of own) expect(all).toContain(name);
			expect(
				await unaddressed(page, texts)
					.getByRole('link', { name: new RegExp(`^${texts['unaddressed.write']}`) })
					.count()
			).toBe(0);
			expect(await page.getByRole('link', { name: texts['measure.new'], exact: true }).count()).toBe(0);
		},
		TIMEOUT
	);

	it(
		'fits the page at every width from a phone to a wide screen, the columns giving way by importance',
		async () => {
			const { page, texts } = await openMeasures(ADVISOR);
			const table = page.locator('main table').first();
			const header = (key: keyof Texts) =>
				table.locator('thead th').filter({ hasText: texts[key] }).first().isVisible();
			const tooWide: string[] = [];
			for (let width = 360; width <= 1440; width += 40) {
				await page.setViewportSize({ width, height: 800 });
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				if (overflow > 0) tooWide.push(`${width} px: ${overflow} px too wide`);
				// The titles, the due dates and the status show at every width; the risk domain and
				// prevention level above 77rem (1232 px), the owner above 62rem (992 px).
				expect(await header('measure.field.title'), `${width}`).toBe(true);
				expect(await header('measure.field.dueOn'), `${width}`).toBe(true);
				expect(await header('measure.field.status'), `${width}`).toBe(true);
				expect(await header('measure.field.domain'), `${width}`).toBe(width > 77 * 16);
				expect(await header('measure.field.owner'), `${width}`).toBe(width > 62 * 16);
			}
			expect(tooWide).toEqual([]);
		},
		TIMEOUT
	);

	it(
		'prints every column on A4, the list a committee reads, within the page',
		async () => {
			const { page, texts } = await openMeasures(ADVISOR);
			// A4 portrait less the print margins (210 mm - 2 × 12 mm) in CSS pixels: the width the
			// print layout has, where the screen's width rules would leave out four columns.
			await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1100 });
			await page.emulateMedia({ media: 'print' });
			const table = page.locator('main table').first();
			for (const key of [
				'measure.field.title',
				'measure.field.unit',
				'measure.field.targets',
				'measure.field.domain',
				'measure.field.preventionLevel',
				'measure.field.owner',
				'measure.field.dueOn',
				'measure.field.status'
			] as const)
				expect(await table.locator('thead th').filter({ hasText: texts[key] }).first().isVisible(), key).toBe(
					true
				);
			const rows = await table.locator('tbody tr').count();
			expect(rows).toBeGreaterThan(0);
			// Every row has its domain and owner cell shown, and the table fits the page.
			expect(await table.locator('tbody td.kind:visible').count()).toBe(rows);
			expect(await table.locator('tbody td.owner:visible').count()).toBe(rows);
			// The table fits the page, and no cell's text runs out of its cell: the longest fixed
			// word of each column (a domain, a target, a status, the date) fits its share of the page.
			const fit = await table.evaluate((el) => ({
				table: el.getBoundingClientRect().right,
				page: document.documentElement.clientWidth,
				overflowing: [...el.querySelectorAll('th, td')]
					.filter((cell) => cell.scrollWidth > cell.clientWidth)
					.map((cell) => `${cell.className}: ${cell.textContent?.trim()}`)
			}));
			expect(fit.table).toBeLessThanOrEqual(fit.page);
			expect(fit.overflowing).toEqual([]);
			await page.emulateMedia({ media: 'screen' });
		},
		TIMEOUT
	);
});
