import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { nl } from '../../src/lib/i18n/nl';
import { RATE_INDICATOR_IDS } from '../../src/lib/domain/early-warning';
import { browserSession, checkA11y, describeViolations, showSeededWave } from '../helpers/browser';
import { messagePattern } from '../helpers/browser-steps';

/**
 * A unit's own page in a real browser: its barometer results wave by wave beside the organisation,
 * its collective signals per month and over twelve months with a chart and the chart's figures, a
 * pooled unit that says where its people count, accessibility, and a manager kept to their subtree.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const MANAGER = 'leiding@zonnedael.demo';
const TIMEOUT = 90_000;
const SUPPRESSED = [
	...['below-k', 'secondary', 'remainder', 'sensitive', 'no-data'].map(
		(reason) => nl[`results.suppressed.${reason}` as keyof typeof nl]
	),
	nl['unitResults.notAsked']
];

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

/** The results page's heatmap links, by unit name, as the signed-in user sees them. */
async function heatmapLinks(page: Page): Promise<Array<{ name: string; href: string; hidden: boolean }>> {
	await page
		.getByRole('navigation', { name: nl['nav.main'] })
		.getByRole('link', { name: nl['nav.results'] })
		.click({ timeout: 15_000 });
	await page.waitForURL((url) => /^\/o\/[^/]+\/results$/.test(url.pathname));
	await showSeededWave(page, nl['results.wave']);
	const table = page.getByRole('table', { name: nl['results.caption'] });
	await table.waitFor();
	const belowK = nl['results.suppressed.below-k'];
	return table.locator('tbody tr').evaluateAll(
		(rows, text) =>
			rows.flatMap((row) => {
				// The unit's own link (a row's header may also hold the link that opens or closes its subtree).
				const link = row.querySelector('th a[href*="/units/"]');
				const respondents = row.querySelector('td');
				return link
					? [
							{
								name: (link.textContent ?? '').trim(),
								href: link.getAttribute('href') ?? '',
								hidden: (respondents?.textContent ?? '').includes(text)
							}
						]
					: [];
			}),
		belowK
	);
}

const historyTable = (page: Page) => page.getByRole('table', { name: nl['unitResults.historyCaption'] });
const signalsTable = (page: Page) => page.getByRole('table', { name: nl['unitResults.signalsCaption'] });

/** Every cell of the history whose accessible name says it is not shown carries no digit. */
async function expectNoNumberInSuppressedCells(page: Page) {
	const cells = await historyTable(page)
		.locator('tbody td')
		.evaluateAll((tds) =>
			tds.map((td) => ({ label: td.getAttribute('aria-label') ?? '', text: td.textContent ?? '' }))
		);
	const suppressed = cells.filter((c) => SUPPRESSED.some((s) => c.label.includes(s) || c.text.includes(s)));
	for (const cell of suppressed) {
		expect(cell.text, JSON.stringify(cell)).not.toMatch(/\d/);
		expect(cell.label.split(':').slice(1).join(':'), JSON.stringify(cell)).not.toMatch(/\d/);
	}
	return suppressed.length;
}

describe('a unit page for the prevention advisor', () => {
	it(
		'shows the unit wave by wave beside the organisation, its signals with a chart, and passes axe',
		async () => {
			const page = await signedIn(ADVISOR);
			const links = await heatmapLinks(page);
			const emergency = links.find((l) => l.name === 'Spoedgevallen');
			expect(emergency, links.map((l) => l.name).join(', ')).toBeDefined();
			await page.goto(new URL(emergency!.href, baseUrl).href);
			await page.getByRole('heading', { level: 1, name: /Spoedgevallen/ }).waitFor();

			// The barometer: a column per closed wave and one for the organisation; a row per theme.
			await page.getByRole('heading', { level: 2, name: nl['unitResults.historyTitle'] }).waitFor();
			const headers = (await historyTable(page).locator('thead th').allTextContents()).map((t) => t.trim());
			expect(headers[0]).toBe(nl['unitResults.dimension']);
			expect(headers.at(-1)).toMatch(/^Organisatie, /);
			expect(headers.length).toBeGreaterThanOrEqual(3);
			const themes = await historyTable(page).locator('tbody th[scope="row"]').allTextContents();
			expect(themes).toContain('Werkdruk');
			expect(themes).toContain('Burn-outklachten');
			// Spoedgevallen (about 46 respondents) is shown: its cells carry a share and a mean.
			const shown = await historyTable(page)
				.getByRole('cell', { name: /^Werkdruk, .*oranje of rood, gemiddelde score \d+, \d+ antwoorden\.$/ })
				.count();
			expect(shown).toBeGreaterThanOrEqual(2);
			await expectNoNumberInSuppressedCells(page);

			// A small chart per theme: the unit and the organisation wave by wave, the last wave's spread.
			const trends = page.locator('section[aria-labelledby="theme-trends-title"]');
			await trends.getByRole('heading', { level: 2, name: nl['themeTrends.title'] }).waitFor();
			const themeCount = themes.filter((t) => t !== nl['unitResults.respondents']).length;
			const charts = trends.getByRole('img');
			expect(await charts.count()).toBe(themeCount);
			const workload = trends.getByRole('img', { name: /^Werkdruk\. / });
			expect(await workload.getAttribute('aria-label')).toMatch(
				new RegExp(`${nl['themeTrends.unit']}: .*\\d+%.*${nl['themeTrends.organisation']}: .*\\d+%`)
			);
			// A point for every wave whose Werkdruk figure the table shows (other tests add waves that may hide it).
			const shownWaves = await historyTable(page)
				.locator('tbody tr')
				.filter({ has: page.locator('th', { hasText: /^Werkdruk$/ }) })
				.locator('td')
				.evaluateAll(
					(tds) =>
						tds.slice(0, -1).filter((td) => /oranje of rood/.test(td.getAttribute('aria-label') ?? '')).length
				);
			expect(shownWaves).toBeGreaterThanOrEqual(2);
			expect(await workload.locator('circle.point.unit').count()).toBe(shownWaves);
			for (const d of await trends
				.locator('path.line')
				.evaluateAll((ps) => ps.map((p) => p.getAttribute('d'))))
				expect(d).not.toMatch(/NaN/);
			// Under each chart the last wave's spread, or why it is not shown.
			const spreads = await trends.locator('p.bands-text').allTextContents();
			expect(spreads).toHaveLength(themeCount);
			for (const spread of spreads.map((t) => t.trim()))
				expect(
					/^.+: groen \d+%, oranje \d+%, rood \d+%$/.test(spread) ||
						SUPPRESSED.some((r) => spread.includes(r)),
					spread
				).toBe(true);

			// The signals: every indicator, the last month, twelve months, a year earlier, the organisation.
			await page.getByRole('heading', { level: 2, name: nl['unitResults.signalsTitle'] }).waitFor();
			const indicators = (await signalsTable(page).locator('tbody th[scope="row"]').allTextContents()).map(
				(t) => t.trim()
			);
			expect(indicators).toHaveLength(11);
			expect(indicators[0]).toBe(nl['indicator.absenceRate']);
			const absence = (
				await signalsTable(page).locator('tbody tr').first().locator('td').allTextContents()
			).map((t) => t.trim());
			expect(absence).toHaveLength(4);
			for (const value of absence) expect(value).toMatch(/^\d+(,\d+)?%$/);

			// Early warning month by month: one chart per watched indicator, each naming its months above.
			const timelines = page.locator('section[aria-labelledby="timelines-title"]');
			await timelines.getByRole('heading', { level: 2, name: nl['timelines.title'] }).waitFor();
			const watchedCharts = timelines.getByRole('img');
			expect(await watchedCharts.count()).toBe(RATE_INDICATOR_IDS.length);
			const verdicts = await timelines.locator('p.above').allTextContents();
			expect(verdicts).toHaveLength(RATE_INDICATOR_IDS.length);
			const aboveText = messagePattern(nl['timelines.above']);
			for (const verdict of verdicts)
				expect(verdict === nl['timelines.noneAbove'] || aboveText.test(verdict), verdict).toBe(true);
			// A marked month is a month named in its chart's text, one mark per month.
			for (const [i, verdict] of verdicts.entries()) {
				const named = verdict === nl['timelines.noneAbove'] ? 0 : verdict.split('),').length;
				expect(await watchedCharts.nth(i).locator('circle.mark').count()).toBe(named);
			}
			for (const d of await timelines
				.locator('path.line')
				.evaluateAll((ps) => ps.map((p) => p.getAttribute('d'))))
				expect(d).not.toMatch(/NaN/);

			// The chart is an image with a name and a description, and its figures are in a table.
			const chart = page.getByRole('img', { name: nl['unitResults.chartTitle'] });
			await chart.waitFor();
			expect(await chart.locator('path.line').count()).toBe(3);
			expect(await chart.locator('path.line').first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
			await chart
				.locator('xpath=ancestor::div[1]')
				.getByText(nl['chartExport.figures'], { exact: true })
				.click();
			const monthRows = chart.locator('xpath=ancestor::div[1]').locator('details table tbody tr');
			expect(await monthRows.count()).toBeGreaterThanOrEqual(12);

			const violations = await checkA11y(page);
			expect(violations, describeViolations(violations)).toEqual([]);

			// On a phone the tables scroll sideways, in regions the keyboard can reach.
			await page.setViewportSize({ width: 390, height: 844 });
			const region = page.getByRole('region', { name: nl['unitResults.historyCaption'] });
			expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
			await region.focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
			const onPhone = await checkA11y(page);
			expect(onPhone, describeViolations(onPhone)).toEqual([]);
		},
		TIMEOUT
	);

	it(
		'says where a unit too small to show counts, and shows none of its barometer figures',
		async () => {
			const page = await signedIn(ADVISOR);
			const small = (await heatmapLinks(page)).find((l) => l.hidden);
			expect(small, 'the demo has a unit below k').toBeDefined();
			await page.goto(new URL(small!.href, baseUrl).href);
			await page.getByRole('heading', { level: 2, name: nl['unitResults.historyTitle'] }).waitFor();
			const notes = await page
				.locator('section[aria-labelledby="history-title"] ul.notes li')
				.allTextContents();
			expect(notes.some((n) => n.includes('te weinig antwoorden om deze eenheid apart te tonen'))).toBe(true);
			expect(await expectNoNumberInSuppressedCells(page)).toBeGreaterThan(0);
			// Its theme charts draw the organisation only: a hidden figure is a gap, never a zero.
			const trends = page.locator('section[aria-labelledby="theme-trends-title"]');
			expect(await trends.locator('circle.point.organisation').count()).toBeGreaterThan(0);
			expect(await trends.locator('circle.point.unit').count()).toBe(0);
			for (const d of await trends
				.locator('path.line.unit')
				.evaluateAll((ps) => ps.map((p) => p.getAttribute('d'))))
				expect(d).toBe('');
		},
		TIMEOUT
	);
});

describe('a unit page for a manager', () => {
	it(
		'opens the units of their own subtree with results, and no other unit',
		async () => {
			const advisor = await signedIn(ADVISOR);
			const all = await heatmapLinks(advisor);
			const page = await signedIn(MANAGER);
			const own = await heatmapLinks(page);
			expect(own.length).toBeGreaterThan(0);
			await page.goto(new URL(own[0]!.href, baseUrl).href);
			await page.getByRole('heading', { level: 2, name: nl['unitResults.historyTitle'] }).waitFor();
			const outside = all.find((l) => !own.some((o) => o.href === l.href));
			expect(outside).toBeDefined();
			const response = await page.goto(new URL(outside!.href, baseUrl).href);
			expect(response?.status()).toBe(404);
		},
		TIMEOUT
	);
});
