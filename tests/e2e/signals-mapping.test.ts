import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { translate } from '../../src/lib/i18n';
import { nl } from '../../src/lib/i18n/nl';
import { checkA11y, describeViolations, launchBrowser, newPage } from '../helpers/browser';
import { LAPTOP, PHONE } from '../helpers/browser-steps';
import { Client, homeOrganisationOf, unitIdsByCode } from '../helpers/http';
import { payrollCsv, payrollRows, payrollXlsx } from '../helpers/signals-payroll';

/**
 * The column mapping step as HR meets it: a payroll export whose header matches no template is
 * previewed with each of its columns beside a suggested field, imports once the fields are chosen,
 * and the same export as an Excel workbook (previewed by the server) imports too. Uploads cover
 * 2006–2007, years no other test and no seeded history uses, and are undone at the end.
 */
const HR = 'hr@zonnedael.demo';
const ADMIN = 'beheer@zonnedael.demo';
const TIMEOUT = 120_000;
const FIXTURES = new URL('../fixtures/signals/', import.meta.url);
const SCREENSHOTS = process.env.KNIPPERLICHT_SCREENSHOTS;

const baseUrl = inject('baseUrl');
const url = (path: string) => new URL(path, baseUrl).href;
const suffix = () => randomBytes(4).toString('hex');
const UNITS = { 'AZ-SPO': 'Spoed; nacht', 'AZ-CHI': 'Chirurgie', 'LIN-EIK': 'De Eik', 'LIN-KEU': 'Keuken' };

let browser: Browser;
let org: string;
let hr: Client;
let scratch: string;
let opened: Page[] = [];
const mine = new Set<string>();

async function signalsPage(viewport: { width: number; height: number }): Promise<Page> {
	const page = await newPage(browser, { viewport });
	opened.push(page);
	await page.goto(url('/login'));
	await page.waitForFunction(() => history.scrollRestoration === 'manual', undefined, { timeout: 60_000 });
	await page.getByLabel(nl['login.email'], { exact: true }).fill(HR);
	await page.getByLabel(nl['login.password'], { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: nl['login.submit'], exact: true }).click();
	await page.waitForURL((u) => u.pathname !== '/login', { timeout: 40_000 });
	expect((await page.goto(url(`/o/${org}/signals`)))?.status()).toBe(200);
	await page.waitForFunction(() => history.scrollRestoration === 'manual', undefined, { timeout: 60_000 });
	return page;
}

const fileInput = (page: Page) => page.getByLabel(nl['signals.fileLabel'], { exact: true });
const mapping = (page: Page) => page.getByRole('group', { name: nl['signals.mapping.heading'] });
const fieldFor = (page: Page, column: string) =>
	page.getByLabel(translate('nl', 'signals.mapping.fieldFor', { column }), { exact: true });

/** The fields the mapping step suggests for the payroll columns. */
async function chosenFields(page: Page): Promise<Record<string, string>> {
	const result: Record<string, string> = {};
	for (const column of [
		'Personeelsnummer',
		'Afdeling',
		'Afdelingsnaam',
		'Begin afwezigheid',
		'Einde afwezigheid',
		'Soort',
		'Percentage'
	])
		result[column] = await fieldFor(page, column).inputValue();
	return result;
}

const SUGGESTED = {
	Personeelsnummer: 'employeeKey',
	Afdeling: 'unitCode',
	Afdelingsnaam: '',
	'Begin afwezigheid': 'startDate',
	'Einde afwezigheid': 'endDate',
	Soort: 'absenceType',
	Percentage: ''
};

async function importedStatus(page: Page, rows: number) {
	const pattern = new RegExp(`^${rows} rijen ingelezen voor \\d+ eenheden`);
	await page.getByText(pattern).first().waitFor({ timeout: 60_000 });
}

async function shoot(page: Page, name: string) {
	if (!SCREENSHOTS) return;
	await mapping(page).scrollIntoViewIfNeeded();
	await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
	await mapping(page).screenshot({ path: join(SCREENSHOTS, `step-${name}`) });
}

/** Undoes this file's uploads that still count, found in the history by file name. */
async function undoMine(): Promise<void> {
	const html = await (await hr.get(`/o/${org}/signals`)).text();
	for (const m of html.matchAll(/name="upload" value="([0-9a-f-]{36})"/g)) {
		const at = html.indexOf(m[0]);
		const row = html.slice(html.lastIndexOf('<tr', at), at);
		if ([...mine].some((name) => row.includes(name))) {
			const response = await hr.post(`/o/${org}/signals?/undo`, { upload: m[1]! });
			expect(response.status).toBe(200);
		}
	}
}

beforeAll(async () => {
	browser = await launchBrowser();
	const admin = new Client(baseUrl);
	await admin.signIn(ADMIN);
	org = await homeOrganisationOf(admin);
	const units = await unitIdsByCode(admin, org);
	for (const code of Object.keys(UNITS)) expect(units.get(code), code).toBeTruthy();
	hr = new Client(baseUrl);
	await hr.signIn(HR);
	scratch = mkdtempSync(join(tmpdir(), 'kl-mapping-e2e-'));
});

afterEach(async () => {
	const pages = opened;
	opened = [];
	await Promise.all(pages.map((p) => p.context().close()));
});

afterAll(async () => {
	try {
		if (org) await undoMine();
	} finally {
		await browser?.close();
		if (scratch) rmSync(scratch, { recursive: true, force: true });
	}
});

describe('the column mapping step', () => {
	it(
		'a payroll CSV shows each column beside a suggested field and imports through it (1366 px)',
		async () => {
			const rows = payrollRows(UNITS, 40, 7, 2007);
			const name = `loonexport-${suffix()}.csv`;
			const path = join(scratch, name);
			writeFileSync(path, payrollCsv(rows), 'utf8');
			const page = await signalsPage(LAPTOP);
			await fileInput(page).setInputFiles(path);
			await mapping(page).waitFor();
			expect(await chosenFields(page)).toEqual(SUGGESTED);
			await mapping(page).getByText(nl['signals.mapping.ready']).waitFor();

			// Choosing a field twice or leaving a required one out is said at once.
			await fieldFor(page, 'Afdelingsnaam').selectOption('unitCode');
			await mapping(page)
				.getByText(translate('nl', 'signals.mapping.twice', { field: nl['signals.column.unitCode'] }))
				.waitFor();
			await fieldFor(page, 'Afdelingsnaam').selectOption('');
			await fieldFor(page, 'Soort').selectOption('');
			await mapping(page)
				.getByText(/^Nog te koppelen: Soort afwezigheid\.$/)
				.waitFor();
			await fieldFor(page, 'Soort').selectOption('absenceType');
			await mapping(page).getByText(nl['signals.mapping.ready']).waitFor();

			const violations = await checkA11y(page);
			expect(
				violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
				describeViolations(violations)
			).toEqual([]);
			await shoot(page, 'mapping-1366.png');

			mine.add(name);
			await page.getByRole('button', { name: nl['signals.upload'], exact: true }).click();
			await importedStatus(page, rows.length);
		},
		TIMEOUT
	);

	it(
		'the same export as an Excel workbook is previewed by the server and imports (390 px)',
		async () => {
			const rows = payrollRows(UNITS, 40, 8, 2006);
			const name = `loonexport-${suffix()}.xlsx`;
			const path = join(scratch, name);
			writeFileSync(path, payrollXlsx(rows));
			const page = await signalsPage(PHONE);
			await fileInput(page).setInputFiles(path);
			await mapping(page).waitFor();
			await page.getByText(nl['signals.workbook']).waitFor();
			expect(await chosenFields(page)).toEqual(SUGGESTED);
			// The first value of each column, as the server read it: a date cell as d/m/yyyy.
			const first = rows[0]!;
			const [y, m, d] = first.start.split('-').map(Number);
			await mapping(page)
				.getByRole('cell', { name: `${d}/${m}/${y}`, exact: true })
				.first()
				.waitFor();
			// The mapping step fits the phone's width: nothing of it is cut off or scrolls sideways.
			const box = await mapping(page).boundingBox();
			expect(box!.x).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
			expect(await mapping(page).evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
			await shoot(page, 'mapping-390.png');

			mine.add(name);
			await page.getByRole('button', { name: nl['signals.upload'], exact: true }).click();
			await importedStatus(page, rows.length);
		},
		TIMEOUT
	);

	it(
		'the preview says what the server says about an empty, a UTF-16 and an old Excel file',
		async () => {
			const page = await signalsPage(LAPTOP);
			const xls = join(scratch, 'oud.xls');
			writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
			for (const [file, key] of [
				[new URL('empty.csv', FIXTURES).pathname, 'signals.file.empty'],
				[new URL('utf16le.csv', FIXTURES).pathname, 'signals.file.utf16'],
				[xls, 'signals.file.spreadsheet']
			] as const) {
				expect(readFileSync(file).length).toBeGreaterThanOrEqual(0);
				await fileInput(page).setInputFiles(file);
				await page.getByText(nl[key], { exact: true }).waitFor();
			}
		},
		TIMEOUT
	);
});
