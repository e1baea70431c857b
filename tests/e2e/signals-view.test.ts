import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { restoreCell } from '../../src/lib/domain/csv-export';
import { INDICATORS } from '../../src/lib/domain/signals/registry';
import { browserSession, languagesInTurn } from '../helpers/browser';
import {
	CATALOGUES,
	chooseLanguage,
	expectNoSeriousA11yProblems,
	langOf,
	type Lang
} from '../helpers/browser-steps';

/**
 * The signals across the organisation on the demo, as the advisor and a manager see them, in
 * Dutch and French, at desktop and phone width: a chart per indicator over time, a table of units
 * by indicator that sorts by any column, its CSV with the same figures and no number where the
 * page hides one, and the page printed on A4 landscape.
 */
const ACCOUNTS = [
	['advisor', 'preventie@zonnedael.demo'],
	['manager', 'leiding@zonnedael.demo']
] as const;
const TIMEOUT = 150_000;

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);
type Texts = (typeof CATALOGUES)[Lang];

async function openSignals(page: Page): Promise<{ texts: Texts; org: string }> {
	const org = /\/o\/([0-9a-f-]{36})/.exec(page.url())![1]!;
	await page.goto(new URL(`/o/${org}/results/signals`, baseUrl).href);
	const texts = CATALOGUES[((await langOf(page)) ?? 'nl') as Lang];
	await page.getByRole('heading', { level: 1, name: texts['signalsView.title'] }).waitFor();
	return { texts, org };
}

/** The table's rows as the page shows them: the unit's name and each indicator's cell text. */
function tableRows(page: Page): Promise<Array<{ name: string; cells: string[] }>> {
	return page.locator('table.units tbody tr').evaluateAll((rows) =>
		rows.map((row) => ({
			name: (row.querySelector('th')?.textContent ?? '').trim(),
			cells: [...row.querySelectorAll('td')].map((td) =>
				// The figure without the marks and their words for screen readers.
				(td.firstChild?.textContent ?? '').trim()
			)
		}))
	);
}

const numberIn = (text: string) => {
	const match = /^-?\d+(?:[.,]\d+)?/.exec(text);
	return match ? Number(match[0].replace(',', '.')) : null;
};

/** Each account's flows start their turns at a different language (languagesInTurn). */
const turnOf = (role: string) => ACCOUNTS.findIndex(([r]) => r === role);

describe('the signals across the organisation', () => {
	describe.each(ACCOUNTS)('as %s', (role, email) => {
		it.each(languagesInTurn(['nl', 'fr'] as const, turnOf(role)))(
			'charts, sorts, exports the same figures and prints, in %s',
			async (lang) => {
				const page = await signedIn(email);
				await chooseLanguage(page, lang);
				const { texts, org } = await openSignals(page);

				// A chart per indicator, each with its figures in its name.
				const charts = page.locator('section[aria-labelledby="organisation-signals-title"]').getByRole('img');
				await expect(charts.count()).resolves.toBe(INDICATORS.length);
				for (const [i, id] of INDICATORS.entries()) {
					const label = (await charts.nth(i).getAttribute('aria-label')) ?? '';
					expect(label.startsWith(texts[`indicator.${id}`])).toBe(true);
					expect(label).not.toMatch(/NaN|undefined/);
				}
				for (const d of await page
					.locator('svg path.line')
					.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '')))
					expect(d).not.toMatch(/NaN/);

				// The table: the organisation, then the units; every unit's link opens its page.
				const rows = await tableRows(page);
				expect(rows[0]!.name).toBe(texts['results.organisation']);
				expect(rows.length).toBeGreaterThan(1);
				const links = await page
					.locator('table.units tbody th a')
					.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
				if (role === 'manager')
					for (const href of links) {
						const response = await page.request.get(new URL(href, baseUrl).href);
						expect(response.status(), href).toBe(200);
					}

				// Sorting by short absence: highest first, hidden figures last, aria-sort on the header.
				const column = INDICATORS.indexOf('absenceRateShort');
				await page
					.locator('table.units thead th')
					.nth(column + 1)
					.getByRole('link')
					.click();
				await page.waitForURL((url) => url.searchParams.get('sort') === 'absenceRateShort');
				await expect(
					page
						.locator('table.units thead th')
						.nth(column + 1)
						.getAttribute('aria-sort')
				).resolves.toBe('descending');
				const sorted = (await tableRows(page)).slice(1).map((r) => numberIn(r.cells[column]!));
				const shown = sorted.filter((v): v is number => v !== null);
				expect(shown).toEqual([...shown].sort((a, b) => b - a));
				expect(sorted.slice(shown.length).every((v) => v === null)).toBe(true);

				// The CSV: the same figures as the screen in the tree order, a hidden figure empty with its reason.
				await page.goto(new URL(`/o/${org}/results/signals`, baseUrl).href);
				const screen = await tableRows(page);
				const response = await page.request.get(new URL(`/o/${org}/results/signals.csv`, baseUrl).href);
				expect(response.status()).toBe(200);
				const csv = (await response.text()).replace(/^\uFEFF/, '');
				const parsed = Papa.parse<string[]>(csv.trim(), { delimiter: ';' }).data;
				const body = parsed.slice(1);
				expect(body.length).toBeGreaterThanOrEqual(screen.length);
				// Not cut on the demo: the CSV's rows are the screen's, in the same order.
				expect(body.length).toBe(screen.length);
				for (const [row, line] of screen.entries()) {
					const record = body[row];
					// A name that starts like a formula is kept as text in the CSV (csv-export.ts).
					expect(restoreCell(record?.[1] ?? ''), line.name).toBe(line.name);
					for (const [i, cell] of line.cells.entries()) {
						const [figure, note] = [record![3 + i * 2]!, record![4 + i * 2]!];
						if (numberIn(cell) === null) {
							expect(figure, `${line.name} ${INDICATORS[i]}`).toBe('');
							expect(note).not.toBe('');
						} else expect(Number(figure.replace(',', '.'))).toBe(numberIn(cell));
					}
				}

				await expectNoSeriousA11yProblems(
					page,
					`the signals view as ${role} in ${lang}`,
					`signals-${role}-${lang}`
				);

				mkdirSync('test-results', { recursive: true });
				const pdf = `test-results/signals-view-${role}-${lang}.pdf`;
				await page.emulateMedia({ media: 'print' });
				await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
				await page.emulateMedia({ media: 'screen' });
				const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(
					/\s+/g,
					' '
				);
				expect(printed).toContain(texts['signalsView.title']);
				// Every row is printed (a long name may wrap: its first word is enough).
				for (const line of screen) expect(printed).toContain(line.name.split(' ')[0]!);

				await chooseLanguage(page, 'nl');
			},
			TIMEOUT
		);
	});
});
