import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ATTENTION_SHOWN } from '../../src/lib/domain/early-warning';
import { translate } from '../../src/lib/i18n';
import { nl } from '../../src/lib/i18n/nl';
import { browserSession, checkA11y, describeViolations, showSeededWave } from '../helpers/browser';

/**
 * The results page of the demo organisation in a real browser: the heatmap with pooled and
 * suppressed units, the attention list, the wave choice, accessibility, and a manager's narrower view.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const MANAGER = 'leiding@zonnedael.demo';
const TIMEOUT = 180_000;
const SUPPRESSED = ['below-k', 'secondary', 'remainder', 'sensitive', 'no-data'].map(
	(reason) => nl[`results.suppressed.${reason}` as keyof typeof nl]
);

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

async function openResults(email: string): Promise<Page> {
	const page = await signedIn(email);
	const link = page
		.getByRole('navigation', { name: nl['nav.main'] })
		.getByRole('link', { name: nl['nav.results'] });
	await link.click({ timeout: 15_000 }).catch(async (e: unknown) => {
		const main = (
			(await page
				.locator('body')
				.textContent()
				.catch(() => '')) ?? ''
		).replace(/\s+/g, ' ');
		throw new Error(`no ${nl['nav.results']} link on ${page.url()} ("${main.slice(0, 300)}"): ${String(e)}`);
	});
	await page.waitForURL((url) => /^\/o\/[^/]+\/results$/.test(url.pathname));
	await page.getByRole('heading', { level: 1, name: nl['results.title'] }).waitFor();
	await showSeededWave(page, nl['results.wave']);
	await page.getByRole('heading', { level: 1, name: nl['results.title'] }).waitFor();
	return page;
}

const heatmapTable = (page: Page) => page.getByRole('table', { name: nl['results.caption'] });

/** The row headers of the heatmap (unit names, with any pooled note). */
async function rowHeaders(page: Page): Promise<string[]> {
	return (await heatmapTable(page).locator('tbody th[scope="row"]').allTextContents()).map((t) =>
		t.replace(/\s+/g, ' ').trim()
	);
}

/** Every cell of the heatmap whose accessible name or text says it is not shown: no digit in it. */
async function expectNoNumberInSuppressedCells(page: Page) {
	const cells = await heatmapTable(page)
		.locator('tbody td')
		.evaluateAll((tds) =>
			tds.map((td) => ({ label: td.getAttribute('aria-label') ?? '', text: td.textContent ?? '' }))
		);
	const suppressed = cells.filter((c) => SUPPRESSED.some((s) => c.label.includes(s) || c.text.includes(s)));
	expect(suppressed.length).toBeGreaterThan(0);
	for (const cell of suppressed) {
		expect(cell.text, JSON.stringify(cell)).not.toMatch(/\d/);
		expect(cell.label.split(':').slice(1).join(':'), JSON.stringify(cell)).not.toMatch(/\d/);
	}
}

describe('results for the prevention advisor', () => {
	it(
		'shows the heatmap with pooled and suppressed units, the attention list, and passes axe',
		async () => {
			const page = await openResults(ADVISOR);
			const table = heatmapTable(page);
			await table.waitFor();

			// At least one unit pools smaller units in its figure.
			const pooled = await table
				.locator('tbody th[scope="row"]')
				.getByText(/^inclusief /)
				.allTextContents();
			expect(pooled.length).toBeGreaterThan(0);

			// Suppressed cells say why in their accessible name; the demo shows both small units and
			// secondary suppression.
			for (const reason of ['below-k', 'secondary'] as const) {
				const text = nl[`results.suppressed.${reason}`];
				const cells = table.getByRole('cell', { name: text });
				expect(await cells.count(), reason).toBeGreaterThan(0);
			}
			await expectNoNumberInSuppressedCells(page);

			// The attention list: the demo's worsening units are in it (how high depends on the waves
			// other browser tests close meanwhile), ranked by their visible scores, with reasons in words.
			const attention = page.getByRole('region', { name: nl['warning.title'] });
			const items = attention.locator('ol.attention > li');
			expect(await items.count()).toBeGreaterThan(0);
			const names = (await items.locator('> a').allTextContents()).map((t) => t.trim());
			expect(
				names.some((n) => n === 'Spoedgevallen' || n.startsWith('Afdeling Eik')),
				`in the list: ${names.join(', ')}`
			).toBe(true);
			const scores = (await items.locator('> span.muted').allTextContents()).map((t) =>
				Number(/(\d+)/.exec(t)?.[1])
			);
			expect(scores.length).toBe(names.length);
			for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]!);
			const reasons = (await items.first().locator('ul > li').allTextContents()).map((t) =>
				t.replace(/\s+/g, ' ').trim()
			);
			expect(reasons.length).toBeGreaterThan(0);
			for (const reason of reasons) {
				expect(reason).toMatch(/[a-z]{3,}/);
				expect(reason).not.toMatch(/warning\.|results\.|\{|\}|undefined|NaN/);
			}

			// axe takes tens of seconds on the full heatmap, so it runs once, on this page.
			const violations = await checkA11y(page);
			expect(violations, describeViolations(violations)).toEqual([]);

			// At most the first ATTENTION_SHOWN units, with a link to all when there are more; the
			// whole list (`attention=all`) links back to the first ones when it is longer.
			expect(await items.count()).toBeLessThanOrEqual(ATTENTION_SHOWN);
			const showAll = attention.locator('a[href*="attention=all"]');
			if ((await showAll.count()) > 0) {
				expect(await items.count()).toBe(ATTENTION_SHOWN);
				await showAll.click();
				await page.waitForURL((url) => url.searchParams.get('attention') === 'all');
			} else await page.goto(`${page.url().split('?')[0]}?attention=all`);
			const all = await items.count();
			expect(all).toBeGreaterThan(0);
			expect(await attention.locator('a[href*="attention=all"]').count()).toBe(0);
			const showFirst = attention.getByRole('link', {
				name: translate('nl', 'warning.showFirst', { shown: ATTENTION_SHOWN })
			});
			expect(await showFirst.count()).toBe(all > ATTENTION_SHOWN ? 1 : 0);
		},
		TIMEOUT
	);

	it(
		'links every reason and every shown cell to a new measure for its unit and target',
		async () => {
			const page = await openResults(ADVISOR);
			const table = heatmapTable(page);
			const attention = page.getByRole('region', { name: nl['warning.title'] });
			const reasons = attention.locator('ol.attention > li > ul > li');
			// Every reason and every shown cell leads to a new measure for its unit and target.
			const reasonLinks = attention.getByRole('link', { name: new RegExp(`^${nl['warning.writeMeasure']}`) });
			expect(await reasonLinks.count()).toBeGreaterThanOrEqual(await reasons.count());
			const cellLinks = table.locator('td a');
			expect(await cellLinks.count()).toBeGreaterThan(0);
			for (const href of [
				await reasonLinks.first().getAttribute('href'),
				await cellLinks.first().getAttribute('href')
			]) {
				const target = new URL(href!, page.url());
				expect(target.pathname).toMatch(/^\/o\/[^/]+\/measures\/new$/);
				expect(target.searchParams.getAll('target')).toHaveLength(1);
			}
			await reasonLinks.first().click();
			await page.waitForURL((url) => url.pathname.endsWith('/measures/new'));
			const chosen = new URL(page.url()).searchParams;
			await expect(page.locator('select[name="unitId"]').inputValue()).resolves.toBe(chosen.get('unit'));
			await expect(
				page.locator(`input[name="target"][value="${chosen.get('target')}"]`).isChecked()
			).resolves.toBe(true);
		},
		TIMEOUT
	);
	it(
		'switches the wave with the form',
		async () => {
			const page = await openResults(ADVISOR);
			const select = page.getByLabel(nl['results.wave'], { exact: true });
			const options = await select.locator('option').evaluateAll((os) =>
				os.map((o) => ({
					value: (o as HTMLOptionElement).value,
					selected: (o as HTMLOptionElement).selected
				}))
			);
			expect(options.length, 'the demo has more than one closed wave').toBeGreaterThan(1);
			expect(options.filter((o) => o.selected).map((o) => o.value)).toEqual([
				new URL(page.url()).searchParams.get('wave') ?? options[0]!.value
			]);
			const other = options.find((o) => !o.selected)!;
			await select.selectOption(other.value);
			await page.getByRole('button', { name: nl['results.show'], exact: true }).click();
			await page.waitForURL((url) => url.searchParams.get('wave') === other.value);
			await expect(select.inputValue()).resolves.toBe(other.value);
			await expect(heatmapTable(page).isVisible()).resolves.toBe(true);
			await expectNoNumberInSuppressedCells(page);
		},
		TIMEOUT
	);
});

describe('results for a manager', () => {
	it(
		'shows only the rows of their own subtree',
		async () => {
			const advisorPage = await openResults(ADVISOR);
			const all = await rowHeaders(advisorPage);
			expect(all.some((h) => h.startsWith('Spoedgevallen'))).toBe(true);

			const page = await openResults(MANAGER);
			const own = await rowHeaders(page);
			expect(own.length).toBeGreaterThan(0);
			expect(own.length).toBeLessThan(all.length);
			expect(own.some((h) => h.includes('Spoedgevallen'))).toBe(false);
			const attention = await page.getByRole('region', { name: nl['warning.title'] }).textContent();
			expect(attention).not.toContain('Spoedgevallen');
			// A manager follows measures but does not write them: no links to a new one.
			expect(attention).not.toContain(nl['warning.writeMeasure']);
			expect(await heatmapTable(page).locator('td a').count()).toBe(0);
			await expectNoNumberInSuppressedCells(page);
		},
		TIMEOUT
	);
});
