import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatNumber, formatYearMonth, translate } from '../../src/lib/i18n';
import { nl } from '../../src/lib/i18n/nl';
import { launchBrowser, newPage, signInAs } from '../helpers/browser';
import { expectNoSeriousA11yProblems } from '../helpers/browser-steps';
import { Client, homeOrganisationOf } from '../helpers/http';

/**
 * What an upload does to the figures in force, as HR meets it: an upload that replaces figures of
 * an earlier one says so and waits for a confirmation (cancel stores nothing), figures that would
 * put absence above 100% are refused with the unit-months and numbers, undo asks first and says
 * what comes back, and mapped unit codes are listed and removed.
 *
 * The server and the demo are shared with other files: every upload here covers months of
 * 2003–2006 (before the demo's history and the other signals tests' years), file names carry a
 * random suffix, and whatever this file stored is undone at the end, newest first.
 */
const HR = 'hr@zonnedael.demo';
const HR_NAME = 'Lien Maes';
const TIMEOUT = 90_000;
const DESKTOP = { width: 1366, height: 800 };

const baseUrl = inject('baseUrl');
const url = (path: string) => new URL(path, baseUrl).href;
const suffix = () => randomBytes(4).toString('hex');

let browser: Browser;
let org: string;
let hr: Client;
let opened: Page[] = [];
const mine = new Set<string>();
const signalsPath = () => `/o/${org}/signals`;

const MONTHLY = ['Eenheidscode', 'Maand', 'Aantal medewerkers', 'Geplande dagen', 'Ziektedagen kort'];
const SPELLS = ['Medewerkerssleutel', 'Eenheidscode', 'Begindatum', 'Einddatum', 'Soort afwezigheid'];
const csv = (header: readonly string[], rows: readonly (readonly string[])[]) =>
	Buffer.from(`\uFEFF${[header, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

async function signalsPage(): Promise<Page> {
	const page = await newPage(browser, { viewport: DESKTOP });
	opened.push(page);
	await signInAs(page, baseUrl, HR);
	await page.goto(url(signalsPath()));
	await page.waitForFunction(() => history.scrollRestoration === 'manual');
	return page;
}

const fileInput = (page: Page) => page.locator('#signals-file');
const uploadButton = (page: Page) => page.getByRole('button', { name: nl['signals.upload'], exact: true });

async function upload(page: Page, name: string, bytes: Buffer) {
	await fileInput(page).setInputFiles(csvFile(name, bytes));
	await uploadButton(page).click();
}

const imported = (rows: number, units: number, from: string, to: string) =>
	translate('nl', 'signals.imported', {
		rows,
		units,
		from: formatYearMonth('nl', from),
		to: formatYearMonth('nl', to)
	});

async function waitForStatus(page: Page, text: string | RegExp) {
	await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 60_000 });
}

/** Upload ids of the history by file name, newest first (the undo link carries the id). */
async function historyIds(client: Client): Promise<Array<{ file: string; id: string | null }>> {
	const html = await (await client.get(signalsPath())).text();
	const section = /<section[^>]*aria-labelledby="history"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
	return [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].flatMap(([, row]) => {
		const cells = [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, c]) =>
			c!.replace(/<[^>]+>/g, '').trim()
		);
		return cells.length ? [{ file: cells[2]!, id: /[?&]undo=([0-9a-f-]{36})/.exec(row!)?.[1] ?? null }] : [];
	});
}

beforeAll(async () => {
	browser = await launchBrowser();
	hr = new Client(baseUrl);
	await hr.signIn(HR);
	org = await homeOrganisationOf(hr);
});

afterEach(async () => {
	const pages = opened;
	opened = [];
	await Promise.all(pages.map((p) => p.context().close()));
});

afterAll(async () => {
	try {
		for (const entry of await historyIds(hr)) {
			if (entry.id && mine.has(entry.file)) {
				const response = await hr.post(`${signalsPath()}?/undo`, { upload: entry.id });
				expect(response.status, `undo ${entry.file}`).toBe(200);
			}
		}
	} finally {
		await browser?.close();
	}
});

describe('an upload that replaces figures in force', () => {
	it(
		'says what it replaces and stores nothing until confirmed; cancel stores nothing; undo asks and says what comes back',
		async () => {
			const s = suffix();
			const first = `maand-2005-${s}.csv`;
			const second = `correctie-2005-${s}.csv`;
			const page = await signalsPage();
			mine.add(first);
			mine.add(second);
			await upload(
				page,
				first,
				csv(MONTHLY, [
					['AZ-SPO', '01/2005', '40', '800', '20'],
					['AZ-SPO', '02/2005', '40', '800', '20'],
					['AZ-CHI', '01/2005', '30', '600', '10']
				])
			);
			await waitForStatus(page, imported(3, 2, '2005-01', '2005-02'));
			await expect.poll(async () => (await historyIds(hr)).filter((e) => e.file === first).length).toBe(1);
			const before = await historyIds(hr);

			const correction = csv(MONTHLY, [
				['AZ-SPO', '01/2005', '41', '820', '20'],
				['AZ-SPO', '02/2005', '41', '820', '20'],
				['AZ-SPO', '03/2005', '41', '820', '20']
			]);
			await upload(page, second, correction);
			const question = page.getByRole('region', { name: nl['signals.confirmTitle'] });
			await question.waitFor({ timeout: 60_000 });
			await expect(question.textContent()).resolves.toContain(
				translate('nl', 'signals.confirmReplaces', { count: 2 })
			);
			const source = (await question.locator('li').allTextContents()).map((t) =>
				t.replace(/\s+/g, ' ').trim()
			);
			expect(source).toHaveLength(1);
			expect(source[0]).toContain(first);
			expect(source[0]).toContain(HR_NAME);
			expect(source[0]).toContain(
				`AZ-SPO; maanden ${formatYearMonth('nl', '2005-01')} tot ${formatYearMonth('nl', '2005-02')}`
			);
			// The question takes the focus, and nothing is stored yet.
			await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('confirm-replacement');
			expect(await historyIds(hr)).toEqual(before);
			await expectNoSeriousA11yProblems(page, 'the replacement question', 'signals-confirm');

			await question.getByRole('button', { name: nl['signals.confirmCancel'] }).click();
			await waitForStatus(page, nl['signals.confirmCancelled']);
			expect(await historyIds(hr)).toEqual(before);

			await uploadButton(page).click();
			await question.waitFor({ timeout: 60_000 });
			await question.getByRole('button', { name: nl['signals.confirmStore'] }).click();
			await waitForStatus(page, imported(3, 1, '2005-01', '2005-03'));
			await expect.poll(async () => (await historyIds(hr)).filter((e) => e.file === second).length).toBe(1);

			// Undo asks first and says what comes back in force.
			await page.reload();
			await page
				.getByRole('link', { name: translate('nl', 'signals.undoLabel', { file: second }), exact: true })
				.click();
			const undo = page.getByRole('region', { name: translate('nl', 'signals.undoTitle', { file: second }) });
			await undo.waitFor();
			const text = (await undo.textContent())!.replace(/\s+/g, ' ');
			expect(text).toContain(translate('nl', 'signals.undoRemoves', { count: 3 }));
			expect(text).toContain(nl['signals.undoComesBack']);
			expect(text).toContain(first);
			expect(text).toContain(translate('nl', 'signals.undoGone', { count: 1 }));
			await expectNoSeriousA11yProblems(page, 'the undo question', 'signals-undo');
			expect(await historyIds(hr)).toContainEqual(
				expect.objectContaining({ file: second, id: expect.any(String) })
			);
			await undo.getByRole('button', { name: nl['signals.undoYes'] }).click();
			await waitForStatus(page, nl['signals.undone']);
			expect((await historyIds(hr)).find((e) => e.file === second)?.id).toBeNull();
		},
		TIMEOUT
	);

	it('over HTTP: the check stores nothing and answers a token, the token stores it', async () => {
		const s = suffix();
		const name = `http-2004-${s}.csv`;
		mine.add(name);
		const form = (bytes: Buffer, token?: string) => {
			const data = new FormData();
			if (token) data.append('confirm', token);
			data.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), name);
			return data;
		};
		const outcome = async (response: Response) => {
			const lines = (await response.text())
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l));
			return lines.at(-1).outcome;
		};
		const a = csv(MONTHLY, [['LIN-EIK', '06/2004', '12', '240', '3']]);
		const b = csv(MONTHLY, [['LIN-EIK', '06/2004', '13', '260', '3']]);
		expect((await outcome(await hr.post(`${signalsPath()}/upload`, form(a)))).status).toBe('imported');
		const check = await outcome(await hr.post(`${signalsPath()}/upload`, form(b)));
		expect(check).toMatchObject({ status: 'confirm', replacedUnitMonths: 1 });
		// A token for other bytes does not store them.
		const other = csv(MONTHLY, [['LIN-EIK', '06/2004', '14', '260', '3']]);
		expect(await outcome(await hr.post(`${signalsPath()}/upload`, form(other, check.token)))).toMatchObject({
			status: 'confirm',
			recheck: true
		});
		expect((await outcome(await hr.post(`${signalsPath()}/upload`, form(b, check.token)))).status).toBe(
			'imported'
		);
	});
});

describe('without JavaScript', () => {
	it(
		'the replacement question asks to choose the same file again, and then stores it',
		async () => {
			const s = suffix();
			const name = `nojs-2003-${s}.csv`;
			mine.add(name);
			const context = await browser.newContext({
				viewport: DESKTOP,
				locale: 'nl-BE',
				javaScriptEnabled: false
			});
			const page = await context.newPage();
			opened.push(page);
			await signInAs(page, baseUrl, HR);
			await page.goto(url(signalsPath()));
			const post = async (
				file: ReturnType<typeof csvFile>,
				input = '#signals-file',
				button: string = nl['signals.upload']
			) => {
				await page.locator(input).setInputFiles(file);
				await Promise.all([
					page.waitForResponse((r) => r.request().method() === 'POST'),
					page.getByRole('button', { name: button, exact: true }).click()
				]);
				await page.waitForLoadState('load');
			};
			await post(csvFile(name, csv(MONTHLY, [['LIN-KEU', '04/2003', '9', '180', '2']])));
			await waitForStatus(page, imported(1, 1, '2003-04', '2003-04'));
			const correction = csvFile(name, csv(MONTHLY, [['LIN-KEU', '04/2003', '10', '200', '2']]));
			await post(correction);
			const question = page.getByRole('region', { name: nl['signals.confirmTitle'] });
			await expect(question.textContent()).resolves.toContain(
				translate('nl', 'signals.confirmReplaces', { count: 1 })
			);
			expect((await historyIds(hr)).filter((e) => e.file === name)).toHaveLength(1);
			await post(correction, '#confirm-file', nl['signals.confirmStore']);
			await waitForStatus(page, imported(1, 1, '2003-04', '2003-04'));
			expect((await historyIds(hr)).filter((e) => e.file === name)).toHaveLength(2);
		},
		TIMEOUT
	);
});

describe('absence above 100%', () => {
	it(
		'refuses spells on top of monthly figures with fewer planned days, naming the unit-months with their numbers',
		async () => {
			const s = suffix();
			const monthly = `maand-2006-${s}.csv`;
			mine.add(monthly);
			const page = await signalsPage();
			await upload(page, monthly, csv(MONTHLY, [['AZ-SPO', '01/2006', '10', '100', '5']]));
			await waitForStatus(page, imported(1, 1, '2006-01', '2006-01'));
			const before = await historyIds(hr);
			// Six people sick the whole of January 2006: 22 workdays each, 132 sick days on 100 planned.
			const rows = Array.from({ length: 6 }, (_, i) => [
				`k${s}${i}`,
				'AZ-SPO',
				'02/01/2006',
				'31/01/2006',
				'ziekte'
			]);
			await upload(page, `verzuim-2006-${s}.csv`, csv(SPELLS, rows));
			const table = page.locator('table[aria-labelledby="above-planned-caption"]');
			await expect
				.poll(() => page.locator('#above-planned-caption').textContent(), { timeout: 60_000 })
				.toContain(translate('nl', 'signals.abovePlannedCaptionAll', { total: 1 }));
			await table.waitFor({ timeout: 60_000 });
			await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
				translate('nl', 'signals.abovePlanned', { count: 1 })
			);
			const cells = (await table.locator('tbody td').allTextContents()).map((t) => t.trim());
			expect(cells[0]).toMatch(/^AZ-SPO · /);
			expect(cells.slice(1)).toEqual([
				formatYearMonth('nl', '2006-01'),
				formatNumber('nl', 132),
				formatNumber('nl', 100),
				new Intl.NumberFormat('nl-BE', { style: 'percent', maximumFractionDigits: 1 }).format(1.32)
			]);
			await expect(page.getByText(nl['signals.abovePlannedHelp']).count()).resolves.toBe(1);
			expect(await historyIds(hr)).toEqual(before);
			await expectNoSeriousA11yProblems(page, 'absence above 100%', 'signals-above-planned');
		},
		TIMEOUT
	);
});

describe('mapped unit codes', () => {
	it(
		'are listed, a unit’s own code is refused, and removing one asks first',
		async () => {
			const code = `e2e-${suffix()}`;
			const page = await signalsPage();
			const unitIds = /<option value="([0-9a-f-]{36})">AZ-SPO ·/;
			// Mapping is offered for the unknown codes of a refused file.
			await upload(page, `onbekend-2003-${code}.csv`, csv(MONTHLY, [[code, '01/2003', '5', '100', '1']]));
			await page.locator(`select[name="map:${code}"]`).waitFor({ timeout: 60_000 });
			const html = await page.content();
			const unit = unitIds.exec(html)?.[1];
			expect(unit).toBeTruthy();
			const own = await hr.post(`${signalsPath()}?/mapCodes`, { [`map:az-spo`]: unit! });
			expect(own.status).toBe(400);
			expect(await own.text()).toContain('signals.mappingOwnCode');
			await page.locator(`select[name="map:${code}"]`).selectOption(unit!);
			await page.getByRole('button', { name: nl['signals.saveMapping'] }).click();
			await waitForStatus(page, translate('nl', 'signals.mapped', { count: 1 }));

			const region = page.getByRole('region', { name: nl['signals.mappingsTitle'] });
			const row = region.locator('tr').filter({ hasText: code });
			await expect(row.locator('td').first().textContent()).resolves.toBe(code);
			const again = await hr.post(`${signalsPath()}?/mapCodes`, { [`map:${code.toUpperCase()}`]: unit! });
			expect(again.status).toBe(400);
			expect(await again.text()).toContain('signals.mappingExists');

			await row.getByText(nl['signals.unmap'], { exact: true }).click();
			await expect(row.textContent()).resolves.toContain(
				translate('nl', 'signals.unmapConfirm', {
					code,
					unit: (await row.locator('td').nth(1).textContent())!.trim()
				})
			);
			await expectNoSeriousA11yProblems(page, 'the mapped codes', 'signals-mappings');
			await row.getByRole('button', { name: nl['signals.unmapYes'] }).click();
			await waitForStatus(page, translate('nl', 'signals.unmapped', { code }));
			await expect(region.locator('tr').filter({ hasText: code }).count()).resolves.toBe(0);
		},
		TIMEOUT
	);
});
