import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { BAROMETER, dimensionsOf, shortNameOf } from '../../src/lib/instruments';
import { browserSession, showSeededWave } from '../helpers/browser';
import {
	CATALOGUES,
	chooseLanguage,
	expectNoSeriousA11yProblems,
	langOf,
	LAPTOP,
	PHONE,
	type Lang
} from '../helpers/browser-steps';

/**
 * The results heatmap as an advisor and a manager use it: a scroll box the keyboard reaches with
 * its header row and unit column staying in view, every column visible at laptop width, sorting,
 * colouring, theme groups and unit toggles kept in the URL (and taken without a reload; only a
 * toggle fetches data, the rows of the view it opens), the CSV with the figures of the screen, the
 * printed page on A4 landscape with every column, and axe.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const MANAGER = 'leiding@zonnedael.demo';
const TIMEOUT = 360_000;
const ARTIFACTS = process.env.KNIPPERLICHT_ARTIFACTS || join(process.cwd(), 'test-results');
const DIMENSIONS = dimensionsOf(BAROMETER, true);

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

type Texts = (typeof CATALOGUES)[Lang];

/** Signs in, switches to `lang` (saved on the account; the caller restores it), opens the results of the seeded wave. */
async function openResults(email: string, lang: Lang): Promise<{ page: Page; texts: Texts; before: Lang }> {
	const page = await signedIn(email);
	const before = ((await langOf(page)) ?? 'nl') as Lang;
	await chooseLanguage(page, lang);
	const texts = CATALOGUES[lang];
	await page
		.getByRole('navigation', { name: texts['nav.main'] })
		.getByRole('link', { name: texts['nav.results'] })
		.click();
	await page.waitForURL((url) => /^\/o\/[^/]+\/results$/.test(url.pathname));
	await showSeededWave(page, texts['results.wave']);
	await page.getByRole('heading', { level: 1, name: texts['results.title'] }).waitFor();
	return { page, texts, before };
}

const scrollBox = (page: Page, texts: Texts) => page.getByRole('region', { name: texts['results.caption'] });
const table = (page: Page, texts: Texts) => page.getByRole('table', { name: texts['results.caption'] });

/** The table as the screen shows it: per row its unit, depth and cell texts. */
async function screenRows(page: Page, texts: Texts) {
	return table(page, texts)
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => {
				const th = tr.querySelector('th')!;
				const name = th.querySelector('.name')!.textContent!.replace(/\s+/g, ' ').trim();
				const cells = [...tr.querySelectorAll('td.cell')].map((td) => ({
					text: (td.querySelector('.share') ?? td).textContent!.trim(),
					label: td.getAttribute('aria-label') ?? ''
				}));
				return { name, depth: Number(tr.getAttribute('data-depth')), cells };
			})
		);
}

/** The column headers' short labels (their visible text) and aria-sort. */
async function columnHeaders(page: Page, texts: Texts) {
	return table(page, texts)
		.locator('thead th[scope="col"]')
		.evaluateAll((ths) =>
			ths.map((th) => ({
				short: th.querySelector('.short')?.textContent?.trim() ?? '',
				sort: th.getAttribute('aria-sort')
			}))
		);
}

/**
 * Follows a link or changes the form, in place: no new document, and no new request for the page's
 * data, or (`rows`, a unit opened or closed) one, for the rows the new view shows.
 */
async function inPlace(
	page: Page,
	action: () => Promise<void>,
	until: (url: URL) => boolean,
	fetches: 'nothing' | 'rows' = 'nothing'
) {
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
	const data: string[] = [];
	const log = (r: { url(): string }) => {
		if (r.url().includes('__data.json')) data.push(r.url());
	};
	page.on('request', log);
	await action();
	await page.waitForURL(until);
	await page.waitForLoadState('networkidle');
	page.off('request', log);
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
	if (fetches === 'nothing') expect(data, 'the view changes without fetching the data again').toEqual([]);
	else expect(data, 'a toggle fetches the rows of the new view, once').toHaveLength(1);
}

async function box(locator: Locator) {
	const b = await locator.boundingBox();
	expect(b).not.toBeNull();
	return b!;
}

/**
 * On a phone every word of a unit's name is on one line unless it is wider than the room its label
 * has (then it breaks rather than run under the next column), and no name reaches past its cell.
 * With `longName`, the first row's name is first replaced by that one word, to see it break.
 */
async function brokenNames(page: Page, longName?: string): Promise<string[]> {
	return page.evaluate((longName) => {
		const problems: string[] = [];
		const headers = [...document.querySelectorAll('table th[scope="row"]')];
		if (longName) {
			const name = headers[0]!.querySelector('.name')!;
			(name.querySelector('a') ?? name).textContent = longName;
		}
		for (const th of headers) {
			const name = th.querySelector('.name')!;
			// The label's width limit, else (no limit) the whole cell.
			const limit = parseFloat(getComputedStyle(th.querySelector('.label') ?? name).maxWidth);
			const room = Number.isFinite(limit) ? limit : th.clientWidth;
			const node = document.createTreeWalker(name, NodeFilter.SHOW_TEXT).nextNode() as Text;
			let at = 0;
			for (const word of node.data.split(' ')) {
				const range = document.createRange();
				range.setStart(node, at);
				range.setEnd(node, at + word.length);
				const parts = [...range.getClientRects()];
				const width = parts.reduce((sum, r) => sum + r.width, 0);
				if (parts.length > 1 && width <= room) problems.push(`"${word}" broken in "${node.data}"`);
				if (word === longName && parts.length < 2) problems.push(`"${word}" not broken`);
				at += word.length + 1;
			}
			if (name.getBoundingClientRect().right > th.getBoundingClientRect().right + 0.5)
				problems.push(`"${node.data}" runs past its cell`);
		}
		return problems;
	}, longName);
}

/** After scrolling the box right and down, its header row and its unit column are still at its edges. */
async function expectStickyEdges(page: Page, texts: Texts) {
	const region = scrollBox(page, texts);
	await region.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
	await region.focus();
	expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
	// The keyboard scrolls it: down a page (when it is taller than the box), and right to the end.
	const overflow = await region.evaluate((el) => ({
		down: el.scrollHeight > el.clientHeight,
		right: el.scrollWidth > el.clientWidth
	}));
	expect(overflow.down || overflow.right, 'the table overflows its box').toBe(true);
	if (overflow.down) {
		await page.keyboard.press('PageDown');
		await expect.poll(() => region.evaluate((el) => el.scrollTop), { timeout: 5_000 }).toBeGreaterThan(0);
	}
	if (overflow.right) {
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((el) => el.scrollLeft), { timeout: 5_000 }).toBeGreaterThan(0);
		await region.evaluate((el) => el.scrollBy({ left: el.scrollWidth }));
	}
	// Focusing the box may have scrolled the page: measure it now.
	const frame = await box(region);
	const head = await box(table(page, texts).locator('thead'));
	const header = await box(table(page, texts).locator('thead th.corner').last());
	expect(Math.abs(head.y - frame.y)).toBeLessThan(4);
	expect(Math.abs(header.x - frame.x)).toBeLessThan(4);
	// The first unit row still in view has its name at the box's left edge.
	const rows = table(page, texts).locator('tbody th[scope="row"]');
	const scrolled = await region.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
	for (let i = 0; i < (await rows.count()); i++) {
		const b = await box(rows.nth(i));
		if (b.y < header.y + header.height) continue;
		expect(
			Math.abs(b.x - frame.x),
			`row header left after scrolling ${JSON.stringify(scrolled)}`
		).toBeLessThan(4);
		break;
	}
	await region.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
}

/** Prints the page on A4 landscape into test-results and returns its text. */
async function printed(page: Page, name: string): Promise<string> {
	mkdirSync(ARTIFACTS, { recursive: true });
	const path = join(ARTIFACTS, `${name}.pdf`);
	await page.pdf({ path, format: 'A4', landscape: true, printBackground: true });
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

async function downloadCsv(page: Page, texts: Texts): Promise<string[][]> {
	const href = await page.getByRole('link', { name: texts['results.downloadCsv'] }).getAttribute('href');
	const answer = await page.evaluate(async (url) => {
		const response = await fetch(url);
		return {
			status: response.status,
			type: response.headers.get('content-type'),
			disposition: response.headers.get('content-disposition'),
			body: await response.text()
		};
	}, new URL(href!, page.url()).href);
	expect(answer.status).toBe(200);
	expect(answer.type).toContain('text/csv');
	expect(answer.disposition).toMatch(/^attachment; filename=".+\.csv"$/);
	expect(answer.body).toMatch(/\r\n/);
	return Papa.parse<string[]>(answer.body.replace(/^\uFEFF/, '').trimEnd(), { delimiter: ';' }).data;
}

/** The CSV has the rows and figures of the screen (tree order, all open), and no number where the screen has a dash. */
async function expectCsvMatchesScreen(page: Page, texts: Texts) {
	const [header, ...lines] = await downloadCsv(page, texts);
	const rows = await screenRows(page, texts);
	expect(lines.map((l) => l[1])).toEqual(rows.map((r) => r.name));
	const shares = header!.flatMap((h, i) =>
		h.endsWith(texts['results.csv.share'].split('}')[1]!) ? [i] : []
	);
	expect(shares.length).toBe(rows[0]!.cells.length);
	let suppressed = 0;
	rows.forEach((row, r) => {
		row.cells.forEach((cell, c) => {
			const value = lines[r]![shares[c]!]!;
			const note = lines[r]![shares[c]! + 1]!;
			if (cell.text === '—') {
				suppressed++;
				expect(value, `${row.name}, column ${c}`).toBe('');
				expect(note.length).toBeGreaterThan(0);
				expect(note).not.toMatch(/\d/);
				expect(cell.label).toContain(note);
			} else {
				expect(value, `${row.name}, column ${c}`).toBe(cell.text);
				expect(note).toBe('');
			}
		});
	});
	expect(suppressed, 'the demo hides some figures').toBeGreaterThan(0);
}

interface AXNode {
	nodeId: string;
	parentId?: string;
	ignored: boolean;
	role?: { value: string };
	name?: { value: string };
	description?: { value: string };
}

/**
 * The heatmap's shown cells as Chromium gives them to a screen reader (its accessibility tree):
 * each cell's name and description, and those of the link inside it, if any.
 */
async function cellsAsRead(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	try {
		const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
		const byId = new Map(nodes.map((n) => [n.nodeId, n]));
		const text = (v?: { value: string }) => v?.value ?? '';
		const cells = nodes.filter((n) => !n.ignored && n.role?.value === 'cell');
		return cells.map((cell) => {
			const link = nodes.find(
				(n) => !n.ignored && n.role?.value === 'link' && n.parentId && byId.get(n.parentId) === cell
			);
			return {
				name: text(cell.name),
				description: text(cell.description),
				link: link ? { name: text(link.name), description: text(link.description) } : null
			};
		});
	} finally {
		await cdp.detach();
	}
}

/**
 * A shown cell's sentence ("Werkdruk: 54% oranje of rood, …") reaches a screen reader once: as
 * the name of the link in the cell (the cell takes its name from it), which says what it does as
 * its description; or as the cell's own name where there is no link. Never as a name and again as
 * a description (a tooltip is one, unless something else describes the element).
 */
function expectSaidOnce(
	cells: Awaited<ReturnType<typeof cellsAsRead>>,
	writeMeasure: string,
	links: boolean
) {
	// A theme's cell: "<theme>: <share>% …" (the respondents column says "790 (66%)").
	const shown = cells.filter((c) => /^[^:]+: .*\d+\s?%/.test(c.link?.name ?? c.name));
	expect(shown.length).toBeGreaterThan(10);
	for (const cell of shown) {
		const where = JSON.stringify(cell);
		expect(cell.description, where).toBe('');
		if (links) {
			expect(cell.link, where).not.toBeNull();
			expect(cell.link!.description, where).toBe(writeMeasure);
			expect(cell.link!.name, where).not.toContain(writeMeasure);
			expect(cell.name, where).toBe(cell.link!.name);
		} else expect(cell.link, where).toBeNull();
	}
}

describe('the results heatmap for the prevention advisor (Dutch)', () => {
	it(
		"says each cell's sentence to a screen reader once, on the link that fills the cell",
		async () => {
			const { page, texts, before } = await openResults(ADVISOR, 'nl');
			try {
				await table(page, texts).waitFor();
				expectSaidOnce(await cellsAsRead(page), texts['results.writeMeasure'], true);
			} finally {
				await chooseLanguage(page, before);
			}
		},
		TIMEOUT
	);

	it(
		'shows every column at laptop width, sorts, colours, hides groups and opens units through the URL',
		async () => {
			const { page, texts, before } = await openResults(ADVISOR, 'nl');
			try {
				await page.setViewportSize(LAPTOP);
				const region = scrollBox(page, texts);
				await region.waitFor();
				expect(await region.getAttribute('tabindex')).toBe('0');
				// The caption is on screen in full, above the box.
				const caption = page.getByText(texts['results.caption'], { exact: true });
				const c = await box(caption);
				const frame = await box(region);
				expect(c.y + c.height).toBeLessThanOrEqual(frame.y);
				expect(c.x + c.width).toBeLessThanOrEqual(LAPTOP.width);

				// Every column, with its short label, fits in the box at 1366 px; the full name is in
				// its accessible name and shows on keyboard focus.
				const headers = await columnHeaders(page, texts);
				const shorts = DIMENSIONS.map((d) => shortNameOf(BAROMETER, d).nl);
				expect(headers.slice(2).map((h) => h.short)).toEqual(shorts);
				const dims = table(page, texts).locator('thead th.dimension');
				for (let i = 0; i < (await dims.count()); i++) {
					const b = await box(dims.nth(i));
					expect(b.x + b.width, shorts[i]).toBeLessThanOrEqual(frame.x + frame.width + 1);
				}
				const supportManager = DIMENSIONS.find((d) => d.id === 'support-manager')!;
				const link = table(page, texts).getByRole('link', {
					name: `${supportManager.shortName!.nl} (${supportManager.name.nl})`
				});
				await link.focus();
				await expect(
					table(page, texts)
						.locator('thead th.dimension .tip', { hasText: supportManager.name.nl })
						.isVisible()
				).resolves.toBe(true);

				await expectStickyEdges(page, texts);

				// Sorting by a theme: aria-sort, the URL, rows ordered among their siblings (highest
				// first, hidden figures last), without a reload.
				const treeOrder = await screenRows(page, texts);
				const column = DIMENSIONS.findIndex((d) => d.id === 'support-manager');
				await inPlace(
					page,
					() => link.click(),
					(url) => url.searchParams.get('sort') === 'support-manager'
				);
				expect((await columnHeaders(page, texts))[2 + column]!.sort).toBe('descending');
				expect((await columnHeaders(page, texts))[0]!.sort).toBe('none');
				const sorted = await screenRows(page, texts);
				expect(sorted.map((r) => r.name)).not.toEqual(treeOrder.map((r) => r.name));
				expect([...sorted.map((r) => r.name)].sort()).toEqual([...treeOrder.map((r) => r.name)].sort());
				const value = (r: (typeof sorted)[number]) =>
					r.cells[column]!.text === '—' ? -1 : Number(r.cells[column]!.text);
				for (let i = 1; i < sorted.length; i++) {
					const [a, b] = [sorted[i - 1]!, sorted[i]!];
					// siblings: the same depth with no shallower row between them
					if (a.depth === b.depth)
						expect(value(a), `${a.name} before ${b.name}`).toBeGreaterThanOrEqual(value(b));
				}
				// A second click turns it around.
				await inPlace(
					page,
					() => link.click(),
					(url) => url.searchParams.get('dir') === 'asc'
				);
				expect((await columnHeaders(page, texts))[2 + column]!.sort).toBe('ascending');

				// Colouring: the legend follows, and the cells show the difference from the organisation.
				const legend = page.locator('p.legend');
				expect(await legend.textContent()).toContain(texts['results.legend.bands']);
				await inPlace(
					page,
					() => page.getByLabel(texts['results.colouring.organisation'], { exact: true }).check(),
					(url) => url.searchParams.get('colour') === 'organisation'
				);
				expect(await legend.textContent()).toContain(texts['results.legend.organisation']);
				expect(await legend.textContent()).not.toContain(texts['results.legend.bands']);
				expect(await table(page, texts).locator('td .delta').count()).toBeGreaterThan(0);

				// Hiding the barometer's own dimensions removes their columns (the sorted one is a work factor).
				const factors = BAROMETER.module!.dimensions.map((d) => shortNameOf(BAROMETER, d).nl);
				await inPlace(
					page,
					() => page.getByLabel(texts['results.group.barometer'], { exact: true }).uncheck(),
					(url) => url.searchParams.getAll('groups').join() === ',work-factor'
				);
				const shown = (await columnHeaders(page, texts)).slice(2);
				expect(shown.map((h) => h.short)).toEqual(factors);
				expect(shown.find((h) => h.short === supportManager.shortName!.nl)!.sort).toBe('ascending');
				expect(await table(page, texts).locator('tbody tr').first().locator('td.cell').count()).toBe(
					factors.length
				);

				// Closing the top unit hides its sub-units.
				const toggle = table(page, texts).locator('a.toggle').first();
				expect(await toggle.getAttribute('aria-expanded')).toBe('true');
				const open = (await screenRows(page, texts)).length;
				await inPlace(
					page,
					() => toggle.click(),
					(url) => url.searchParams.has('shut'),
					'rows'
				);
				expect(await table(page, texts).locator('a.toggle').first().getAttribute('aria-expanded')).toBe(
					'false'
				);
				expect((await screenRows(page, texts)).length).toBeLessThan(open);

				// A reload (or a shared link) shows the same view.
				const url = page.url();
				const rowsBefore = await screenRows(page, texts);
				await page.reload();
				await table(page, texts).waitFor();
				expect(page.url()).toBe(url);
				expect(await columnHeaders(page, texts)).toEqual([
					...(await columnHeaders(page, texts)).slice(0, 2),
					...shown
				]);
				expect(await legend.textContent()).toContain(texts['results.legend.organisation']);
				expect(await screenRows(page, texts)).toEqual(rowsBefore);
			} finally {
				await chooseLanguage(page, before);
			}
		},
		TIMEOUT
	);

	it(
		'downloads the CSV with the figures of the screen, prints every column on A4 landscape, and passes axe',
		async () => {
			const { page, texts, before } = await openResults(ADVISOR, 'nl');
			try {
				await expectCsvMatchesScreen(page, texts);
				const text = await printed(page, 'heatmap-advisor-nl');
				for (const d of DIMENSIONS) expect(text, d.id).toContain(shortNameOf(BAROMETER, d).nl);
				// The attention list prints too, as the screen shows it: each unit's strongest reasons
				// and how many others there are, not the others (Chromium would print a closed
				// disclosure open), and no links to write a measure.
				expect(text).toContain(texts['warning.title']);
				const attention = page.getByRole('region', { name: texts['warning.title'] });
				const units = await attention.locator('ol.attention > li').count();
				const shown = await attention.locator('ol.attention > li > ul > li').count();
				expect(await attention.locator('ol.attention > li > details li').count()).toBeGreaterThan(0);
				const write = attention.getByRole('link', { name: new RegExp(`^${texts['warning.writeMeasure']}`) });
				expect(await write.count()).toBeGreaterThan(0);
				const points = texts['warning.score'].split('{')[0]!;
				expect(text.split(points).length - 1, 'reasons and units printed').toBe(units + shown);
				expect(text).not.toContain(texts['warning.writeMeasure']);
				await expectNoSeriousA11yProblems(page, 'the results page of an advisor', 'heatmap-advisor');

				// Without JavaScript the headers are plain links and the view a plain form.
				const context = await page
					.context()
					.browser()!
					.newContext({
						javaScriptEnabled: false,
						locale: 'nl-BE',
						storageState: await page.context().storageState()
					});
				try {
					const plain = await context.newPage();
					await plain.goto(page.url());
					// The language of this browser: the account's, or its own when it has none saved.
					const lang = ((await langOf(plain)) ?? 'nl') as Lang;
					const own = CATALOGUES[lang];
					const stress = DIMENSIONS.find((d) => d.id === 'stress')!;
					await plain
						.getByRole('table', { name: own['results.caption'] })
						.getByRole('link', { name: `${stress.shortName![lang]} (${stress.name[lang]})` })
						.click();
					await plain.waitForURL((url) => url.searchParams.get('sort') === 'stress');
					expect((await columnHeaders(plain, own))[2 + DIMENSIONS.indexOf(stress)]!.sort).toBe('descending');
					await plain.getByLabel(own['results.colouring.organisation'], { exact: true }).check();
					await plain.getByRole('button', { name: own['results.show'], exact: true }).click();
					await plain.waitForURL((url) => url.searchParams.get('colour') === 'organisation');
					expect(new URL(plain.url()).searchParams.get('sort')).toBe('stress');
					expect(await plain.locator('p.legend').textContent()).toContain(own['results.legend.organisation']);
				} finally {
					await context.close();
				}
			} finally {
				await chooseLanguage(page, before);
			}
		},
		TIMEOUT
	);
});

describe('the results heatmap for a manager (French)', () => {
	it(
		'shows only their subtree on a phone, sorts it, exports the same rows and prints every column',
		async () => {
			const { page, texts, before } = await openResults(MANAGER, 'fr');
			try {
				await page.setViewportSize(PHONE);
				const region = scrollBox(page, texts);
				await region.waitFor();
				expect(await region.getAttribute('tabindex')).toBe('0');
				// On a phone the box scrolls sideways, the page does not.
				expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
				expect(
					await page.evaluate(
						() => document.documentElement.scrollWidth - document.documentElement.clientWidth
					)
				).toBeLessThanOrEqual(0);
				await expectStickyEdges(page, texts);
				expect(await brokenNames(page)).toEqual([]);
				// No link to write a measure: each cell is named by its sentence, said once.
				expectSaidOnce(await cellsAsRead(page), texts['results.writeMeasure'], false);

				const rows = await screenRows(page, texts);
				expect(rows.map((r) => r.name)).not.toContain('Spoedgevallen');
				// The organisation is the reference row on top; the manager's own units below it.
				expect(rows[0]!.name).toBe(texts['results.organisation']);
				expect(rows.length).toBeGreaterThan(1);

				// The CSV (tree order) has the same rows and figures as the screen before sorting.
				await expectCsvMatchesScreen(page, texts);

				const headers = await columnHeaders(page, texts);
				expect(headers.slice(2).map((h) => h.short)).toEqual(
					DIMENSIONS.map((d) => shortNameOf(BAROMETER, d).fr)
				);
				await inPlace(
					page,
					() => table(page, texts).locator('thead th.respondents').getByRole('link').click(),
					(url) => url.searchParams.get('sort') === 'respondents'
				);
				expect((await columnHeaders(page, texts))[1]!.sort).toBe('descending');
				// A name of one word wider than the column breaks inside its cell (the page is reloaded after).
				expect(await brokenNames(page, 'Arbeidsgeneeskundigedienstverleningsafdeling')).toEqual([]);
				await page.reload();

				await page.setViewportSize(LAPTOP);
				const text = await printed(page, 'heatmap-manager-fr');
				for (const d of DIMENSIONS) expect(text, d.id).toContain(shortNameOf(BAROMETER, d).fr);
				await expectNoSeriousA11yProblems(page, 'the results page of a manager', 'heatmap-manager');
			} finally {
				await chooseLanguage(page, before);
			}
		},
		TIMEOUT
	);
});
