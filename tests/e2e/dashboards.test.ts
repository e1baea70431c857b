import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unflatten } from 'devalue';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession, languagesInTurn } from '../helpers/browser';
import {
	ANALYTICS_ACCOUNTS,
	BETWEEN_WIDTHS,
	overflowing,
	CATALOGUES,
	chooseLanguage,
	expectNoSeriousA11yProblems,
	langOf,
	LAPTOP,
	PHONE,
	type Lang
} from '../helpers/browser-steps';

/**
 * Every dashboard as the advisor, HR and a manager take it into a meeting, in Dutch and French:
 * the overview, the results (attention list and heatmap), the signals across the organisation and
 * a unit's page. At laptop width each view downloads a CSV and an SVG (checked: a spreadsheet
 * file without formulas, a standalone image) and prints to an A4 PDF kept in
 * test-results/dashboards; turned to phone width, nothing is wider than the screen and no chart's
 * text is drawn smaller than 9 px. On every view the data the browser receives (`__data.json`) holds no
 * figure about fewer than k people and no value of a hidden one: a hidden figure carries only its
 * reason. axe runs on the unit page here (the other views have it in their own suites).
 */
const ACCOUNTS = ANALYTICS_ACCOUNTS;
const TIMEOUT = 300_000;
const ARTIFACTS = join(
	process.env.KNIPPERLICHT_ARTIFACTS || join(process.cwd(), 'test-results'),
	'dashboards'
);

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);
type Texts = (typeof CATALOGUES)[Lang];

interface View {
	id: 'overview' | 'results' | 'signals' | 'unit';
	path: string;
	heading: (texts: Texts) => string | RegExp;
	/** The CSV and the SVG this view offers first (a button that builds it, or a link to the server's). */
	csv: (page: Page, texts: Texts) => Promise<Download>;
	/** Null only for an overview with no chart: no theme moved since the previous wave, as it says. */
	svg: (page: Page, texts: Texts) => Promise<Download | null>;
	landscape: boolean;
}

/** Clicks the first download button whose accessible name starts with `kind` (ExportButtons.svelte). */
const button = (kind: 'CSV' | 'SVG') => (page: Page) =>
	downloadBy(page, () =>
		page
			.getByRole('button', { name: new RegExp(`^${kind}\\b`) })
			.first()
			.click()
	);
const link =
	(key: 'results.downloadCsv' | 'results.downloadSvg' | 'signalsView.downloadCsv') =>
	(page: Page, texts: Texts) =>
		downloadBy(page, () => page.getByRole('link', { name: texts[key], exact: true }).click());

async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
	return download;
}

function views(org: string, unit: string, unitName: string): View[] {
	return [
		{
			id: 'overview',
			path: `/o/${org}`,
			heading: (texts) => texts['overview.title'],
			csv: button('CSV'),
			svg: async (page, texts) => {
				if (await page.getByRole('button', { name: /^SVG\b/ }).count()) return button('SVG')(page);
				// Other tests may have closed a wave since the demo's: then no theme moved, and it says so.
				const themes = (await page.locator('section[aria-labelledby="overview-themes"]').textContent()) ?? '';
				expect(
					themes.includes(texts['overview.themes.none']) || themes.includes(texts['overview.noPreviousWave']),
					themes
				).toBe(true);
				return null;
			},
			landscape: false
		},
		{
			id: 'results',
			path: `/o/${org}/results`,
			heading: (texts) => texts['results.title'],
			csv: link('results.downloadCsv'),
			svg: link('results.downloadSvg'),
			landscape: true
		},
		{
			id: 'signals',
			path: `/o/${org}/results/signals`,
			heading: (texts) => texts['signalsView.title'],
			csv: link('signalsView.downloadCsv'),
			svg: button('SVG'),
			landscape: true
		},
		{
			id: 'unit',
			path: `/o/${org}/units/${unit}`,
			heading: () => new RegExp(`^${unitName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
			csv: button('CSV'),
			svg: button('SVG'),
			landscape: false
		}
	];
}

async function readDownload(download: Download): Promise<string> {
	const path = await download.path();
	expect(path, download.suggestedFilename()).toBeTruthy();
	return execFileSync('cat', [path!], { encoding: 'utf8' });
}

/** A spreadsheet file as exported: BOM, `;`, CRLF, a header and rows, and no cell a spreadsheet would run. */
function expectSpreadsheet(csv: string, where: string) {
	expect(csv.startsWith('\uFEFF'), where).toBe(true);
	expect(csv, where).toContain('\r\n');
	const rows = Papa.parse<string[]>(csv.slice(1).trimEnd(), { delimiter: ';' }).data;
	expect(rows.length, where).toBeGreaterThan(1);
	expect(
		rows[0]!.every((h) => h.length > 0),
		`${where}: header ${rows[0]}`
	).toBe(true);
	for (const row of rows) for (const cell of row) expect(cell, where).not.toMatch(/^[=+\-@\t\r]/);
	expect(csv, where).not.toMatch(/undefined|NaN|\[object/);
}

/** An image file that stands alone: the SVG namespace, a title, no class left for a stylesheet it lacks. */
async function expectStandaloneSvg(page: Page, svg: string, where: string) {
	expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), where).toBe(true);
	expect(svg, where).toMatch(/<title>[^<]+<\/title>/);
	expect(svg, where).not.toMatch(/class="|undefined|NaN/);
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			marks: doc.querySelectorAll('path, rect, circle, line').length
		};
	}, svg);
	expect(parsed.error, where).toBeNull();
	expect(parsed.marks, where).toBeGreaterThan(3);
}

/**
 * The page data the browser received for `path`, every node decoded. Every figure object the gate
 * made ({ shown, ... }) is either shown about at least `k` people, or hidden with nothing but its
 * reason (and, for a unit, where its people are counted instead).
 */
async function expectGatedData(page: Page, path: string, where: string): Promise<number> {
	const response = await page.request.get(new URL(`${path.replace(/\/$/, '')}/__data.json`, baseUrl).href);
	expect(response.status(), where).toBe(200);
	const body = (await response.json()) as {
		type: string;
		nodes: Array<{ type: string; data?: unknown[] } | null>;
	};
	expect(body.type, where).toBe('data');
	const values = body.nodes.flatMap((node) =>
		node?.type === 'data' && node.data ? [unflatten(node.data)] : []
	);
	let k: number | null = null;
	const figures: Array<Record<string, unknown>> = [];
	const seen = new Set<unknown>();
	const walk = (value: unknown) => {
		if (!value || typeof value !== 'object' || seen.has(value)) return;
		seen.add(value);
		if (value instanceof Map) return [...value.values()].forEach(walk);
		if (value instanceof Set) return [...value].forEach(walk);
		const record = value as Record<string, unknown>;
		if (typeof record.minGroupSize === 'number') k = record.minGroupSize;
		if (typeof record.shown === 'boolean') figures.push(record);
		Object.values(record).forEach(walk);
	};
	values.forEach(walk);
	expect(k, `${where}: the organisation's k is in the layout data`).not.toBeNull();
	for (const figure of figures) {
		if (figure.shown) {
			expect(typeof figure.n, `${where}: ${JSON.stringify(figure)}`).toBe('number');
			expect(figure.n as number, `${where}: ${JSON.stringify(figure)}`).toBeGreaterThanOrEqual(k!);
		} else {
			const extra = Object.keys(figure).filter((key) => !['shown', 'reason', 'pooledInto'].includes(key));
			expect(extra, `${where}: a hidden figure carries ${JSON.stringify(figure)}`).toEqual([]);
		}
	}
	return figures.length;
}

/** Prints the page on A4 into the artefacts and returns its text, spaces collapsed. */
async function print(page: Page, name: string, landscape: boolean): Promise<string> {
	mkdirSync(ARTIFACTS, { recursive: true });
	const path = join(ARTIFACTS, `${name}.pdf`);
	await page.emulateMedia({ media: 'print' });
	await page.pdf({ path, format: 'A4', landscape, printBackground: true });
	await page.emulateMedia({ media: 'screen' });
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The smallest text any chart draws, in screen pixels: its font size scaled as the SVG is. */

async function smallestChartText(page: Page): Promise<number> {
	return page.evaluate(() => {
		let smallest = Infinity;
		for (const svg of document.querySelectorAll<SVGSVGElement>('main svg[role="img"]')) {
			const box = svg.viewBox.baseVal;
			if (!box || !box.width || svg.clientWidth === 0) continue;
			const scale = svg.clientWidth / box.width;
			for (const text of svg.querySelectorAll('text'))
				smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
		}
		return smallest;
	});
}

async function open(page: Page, view: View, texts: Texts) {
	await page.goto(new URL(view.path, baseUrl).href);
	await page.getByRole('heading', { level: 1, name: view.heading(texts) }).waitFor();
	await page.waitForLoadState('networkidle');
}

/** Each account's flows start their turns at a different language (languagesInTurn). */
const turnOf = (role: string) => ACCOUNTS.findIndex(([r]) => r === role);

describe('the dashboards, walked, exported and printed', () => {
	describe.each(ACCOUNTS)('as %s', (role, email) => {
		it.each(languagesInTurn(['nl', 'fr'] as const, turnOf(role)))(
			'in %s: each view at laptop and phone width, a CSV and an SVG of each, each printed, the data gated',
			async (lang) => {
				const page = await signedIn(email);
				const before = ((await langOf(page)) ?? 'nl') as Lang;
				try {
					await chooseLanguage(page, lang);
					const texts = CATALOGUES[lang];
					const org = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1];
					expect(org, page.url()).toBeTruthy();

					// A unit of the account's scope with a page of its own: the first of the overview's unit table.
					await page.goto(new URL(`/o/${org}`, baseUrl).href);
					const first = page.locator('main table a[href*="/units/"]').first();
					const unit = /\/units\/([0-9a-f-]{36})/.exec((await first.getAttribute('href')) ?? '')?.[1];
					const unitName = ((await first.textContent()) ?? '').trim();
					expect(unit).toBeTruthy();

					for (const view of views(org!, unit!, unitName)) {
						const where = `${view.id} as ${role} in ${lang}`;
						await page.setViewportSize(LAPTOP);
						await open(page, view, texts);
						const main = (await page.locator('main').textContent()) ?? '';
						expect(main, where).not.toMatch(/undefined|NaN|\{[a-zA-Z]+\}/);
						await expect(
							page.evaluate(() => document.documentElement.scrollWidth),
							where
						).resolves.toBeLessThanOrEqual(LAPTOP.width);

						expectSpreadsheet(await readDownload(await view.csv(page, texts)), `${where}: CSV`);
						const svg = await view.svg(page, texts);
						if (svg) await expectStandaloneSvg(page, await readDownload(svg), `${where}: SVG`);

						const printed = await print(page, `${view.id}-${role}-${lang}`, view.landscape);
						const heading = ((await page.locator('main h1').textContent()) ?? '').replace(/\s+/g, ' ').trim();
						expect(printed, where).toContain(heading.split(' (')[0]);
						expect(printed, `${where}: the navigation is not printed`).not.toContain(texts['nav.signOut']);
						// Nor the download buttons and the folded tables of figures: the charts print themselves.
						expect(printed, `${where}: no download buttons printed`).not.toContain(
							texts['chartExport.pngButton']
						);
						expect(printed, `${where}: no folded figures printed`).not.toContain(
							texts['chartExport.figures']
						);
						if (view.id === 'overview')
							for (const key of ['overview.participation', 'overview.attention', 'overview.signals'] as const)
								expect(printed, `${where}: every block printed`).toContain(texts[key]);

						expect(await expectGatedData(page, view.path, where), where).toBeGreaterThan(0);

						// The phone turned to the same page: the layout follows the width, charts laid out again.
						await page.setViewportSize(PHONE);
						await expect
							.poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
								message: `${where} on a phone`,
								timeout: 5_000
							})
							.toBeLessThanOrEqual(PHONE.width)
							.catch(async (e: unknown) => {
								throw new Error(`${where} on a phone is too wide: ${await overflowing(page, PHONE.width)}`, {
									cause: e
								});
							});
						// A small phone, a tablet and small laptops: no width between them widens the page.
						for (const width of BETWEEN_WIDTHS) {
							await page.setViewportSize({ width, height: PHONE.height });
							await expect
								.poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
									message: `${where} at ${width} px`,
									timeout: 5_000
								})
								.toBeLessThanOrEqual(width)
								.catch(async (e: unknown) => {
									throw new Error(`${where} at ${width} px is too wide: ${await overflowing(page, width)}`, {
										cause: e
									});
								});
						}
						await page.setViewportSize(PHONE);
						await expect
							.poll(async () => Math.min(99, await smallestChartText(page)), {
								message: `${where}: chart text on a phone`,
								timeout: 5_000
							})
							.toBeGreaterThanOrEqual(9);
						if (view.id === 'unit')
							await expectNoSeriousA11yProblems(page, where, `dashboards-unit-${role}-${lang}`);
					}
				} finally {
					// The account keeps its language for the tests after this one, even when this one fails.
					await page.setViewportSize(LAPTOP);
					await page.goto(new URL('/', baseUrl).href);
					await chooseLanguage(page, before);
				}
			},
			TIMEOUT
		);
	});
});

/**
 * Screenshot tests of each kind of chart, on the demo's data (which moves with the date, so the
 * images are judged by what they must contain, not against a stored picture): each chart is drawn
 * (its own series colour covers part of it), fits the screen at laptop and phone width, and is kept
 * as a PNG in test-results/dashboards/charts to look at.
 */
const CHARTS = [
	{
		view: 'overview',
		selector: 'section[aria-labelledby="overview-themes"] svg[role="img"]',
		colour: '#b35806'
	},
	{ view: 'signals', selector: '#organisation-signals-title ~ ul svg[role="img"]', colour: '#1d4ed8' },
	{ view: 'unit', selector: '#theme-trends-title ~ ul svg[role="img"]', colour: '#1d4ed8' },
	{ view: 'unit', selector: '#timelines-title ~ ul svg[role="img"]', colour: '#1d4ed8' },
	{ view: 'unit', selector: 'figure.trend svg[role="img"]', colour: '#1f5f99' },
	{ view: 'results', selector: 'table.heatmap', colour: '#fe9929' }
] as const;

/** How many pixels of a PNG are within a small distance of `colour`, decoded by the browser. */
async function pixelsNear(
	page: Page,
	png: Buffer,
	colour: string
): Promise<{ width: number; height: number; near: number }> {
	return page.evaluate(
		async ({ data, colour }) => {
			const image = new Image();
			image.src = `data:image/png;base64,${data}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
			let near = 0;
			for (let i = 0; i < pixels.length; i += 4)
				if (Math.abs(pixels[i]! - r!) + Math.abs(pixels[i + 1]! - g!) + Math.abs(pixels[i + 2]! - b!) < 60)
					near++;
			return { width: image.width, height: image.height, near };
		},
		{ data: png.toString('base64'), colour }
	);
}

describe('each kind of chart, drawn', () => {
	it(
		'draws its series and fits the screen at laptop and phone width',
		async () => {
			const page = await signedIn(ACCOUNTS[0][1]);
			const texts = CATALOGUES[((await langOf(page)) ?? 'nl') as Lang];
			const org = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1];
			await page.goto(new URL(`/o/${org}`, baseUrl).href);
			// A unit whose theme trends draw its own line: at least two of its waves shown. Other test
			// files add units and waves, so the overview's first unit may have none shown.
			const candidates = await page
				.locator('main table a[href*="/units/"]')
				.evaluateAll((links) =>
					links.map((a): [string, string] => [a.getAttribute('href') ?? '', (a.textContent ?? '').trim()])
				);
			let chosen: { id: string; name: string } | null = null;
			for (const [href, name] of [...new Map(candidates).entries()].slice(0, 12)) {
				await page.goto(new URL(href, baseUrl).href);
				if ((await page.locator('#theme-trends-title ~ ul svg .point.unit').count()) >= 2) {
					chosen = { id: /\/units\/([0-9a-f-]{36})/.exec(href)![1]!, name };
					break;
				}
			}
			expect(chosen, 'a unit with a theme line of its own').not.toBeNull();
			const all = views(org!, chosen!.id, chosen!.name);
			const folder = join(ARTIFACTS, 'charts');
			mkdirSync(folder, { recursive: true });
			for (const size of [LAPTOP, PHONE]) {
				await page.setViewportSize(size);
				for (const [i, chart] of CHARTS.entries()) {
					await open(
						page,
						all.find((v) => v.id === chart.view)!,
						texts
					);
					const element = page.locator(chart.selector).first();
					if (chart.view === 'overview' && (await element.count()) === 0) {
						// Other tests may have closed a wave since the demo's: then no theme moved, and it says so.
						const themes =
							(await page.locator('section[aria-labelledby="overview-themes"]').textContent()) ?? '';
						expect(
							themes.includes(texts['overview.themes.none']) ||
								themes.includes(texts['overview.noPreviousWave']),
							themes
						).toBe(true);
						continue;
					}
					await element.scrollIntoViewIfNeeded();
					const where = `${chart.selector} at ${size.width}`;
					const box = (await element.boundingBox())!;
					expect(box, where).not.toBeNull();
					const png = await element.screenshot({
						path: join(folder, `${i}-${chart.view}-${size.width}.png`)
					});
					const drawn = await pixelsNear(page, png, chart.colour);
					expect(drawn.width, where).toBeGreaterThan(150);
					expect(drawn.height, where).toBeGreaterThan(60);
					// The chart itself fits the screen (the heatmap scrolls inside its own box).
					if (chart.view !== 'results') expect(box.x + box.width, where).toBeLessThanOrEqual(size.width + 1);
					expect(drawn.near, `${where}: pixels of ${chart.colour}`).toBeGreaterThan(40);
				}
			}
			await page.setViewportSize(LAPTOP);
		},
		TIMEOUT
	);
});
