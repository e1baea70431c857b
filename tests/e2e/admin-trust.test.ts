import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { BAROMETER } from '../../src/lib/instruments';
import { formatDate } from '../../src/lib/i18n';
import { nl } from '../../src/lib/i18n/nl';
import { todayInBelgium } from '../../src/lib/server/clock';
import { DEMO_ACCOUNTS } from '../../seed/demo';
import { browserSession } from '../helpers/browser';
import { LAPTOP, PHONE, addDays, expectNoSeriousA11yProblems, navigatesBy } from '../helpers/browser-steps';
import { Client, homeOrganisationOf, unitIdsByCode } from '../helpers/http';

/**
 * Administration and trust: closing a wave and archiving a unit ask first and say what will happen
 * (without JavaScript, and in the browser with the keyboard), the audit log with its details,
 * filter and CSV, sign-ins and unit results opened in it, the wave picker's real closing date, and
 * every poster of a wave on its own A4 page.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const ADVISOR_NAME = DEMO_ACCOUNTS.find((a) => a.email === ADVISOR)!.displayName;
const ADMIN = 'beheer@zonnedael.demo';
const TIMEOUT = 120_000;
const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);
const url = (path: string) => new URL(path, baseUrl).href;
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const decode = (html: string) =>
	html
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');
/** The text of a page as a reader sees it (tags out, entities decoded). */
const textOf = async (response: Response) => decode((await response.text()).replace(/<[^>]+>/g, ' '));
const fill = (template: string, params: Record<string, string | number>) =>
	template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The demo's unit ids by code (the units page is the admin's). */
async function unitIds(org: string): Promise<Map<string, string>> {
	const admin = new Client();
	await admin.signIn(ADMIN);
	return unitIdsByCode(admin, org);
}

/** A wave of one unit, opening today and closing in a week, made as the form makes it. */
async function createWave(client: Client, org: string, unitId: string, name: string): Promise<string> {
	const today = todayInBelgium();
	const response = await client.post(
		`/o/${org}/waves/new`,
		new URLSearchParams([
			['name', name],
			['instrument', `${BAROMETER.key}@${BAROMETER.version}`],
			['language', 'nl'],
			['opensOn', today],
			['closesOn', addDays(today, 7)],
			['entry', 'links'],
			['unitIds', unitId]
		]).toString()
	);
	const id = /\/waves\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')?.[1];
	if (!id) throw new Error(`the wave was not created (${response.status})`);
	return id;
}

describe('confirmations without JavaScript', () => {
	it(
		'closing a wave: the first post says what will happen and changes nothing, the confirmed one closes it on the day it closes',
		async () => {
			const advisor = new Client();
			await advisor.signIn(ADVISOR);
			const org = await homeOrganisationOf(advisor);
			const ids = await unitIds(org);
			const name = `E2E close ${suffix()}`;
			const wave = await createWave(advisor, org, ids.get('LIN-EIK')!, name);
			const today = todayInBelgium();
			const page = `/o/${org}/waves/${wave}`;

			const asked = await advisor.post(`${page}?/close`, {});
			expect(asked.status).toBe(200);
			const question = await textOf(asked);
			expect(question).toContain(fill(nl['confirm.closeWave.title'], { name }));
			expect(question).toContain(nl['confirm.closeWave.answers']);
			expect(question).toContain(nl['confirm.closeWave.final']);
			// No count while the wave runs: the organisation's band, here "not yet k answers".
			expect(question).toMatch(/Nog geen \d+ antwoorden/);
			expect(question).toContain(
				fill(nl['confirm.closeWave.date'], {
					today: formatDate('nl', today),
					planned: formatDate('nl', addDays(today, 7))
				})
			);
			expect(question).toContain(nl['confirm.closeWave.yes']);
			const still = await textOf(await advisor.get(page));
			expect(still).toContain(nl['waves.close']);
			expect(still).not.toContain(nl['waves.status.closed']);

			const closed = await advisor.post(`${page}?/close`, { confirmed: 'yes' });
			expect(closed.status).toBe(200);
			expect(await textOf(closed)).toContain(nl['waves.closedDone']);
			const after = await textOf(await advisor.get(page));
			expect(after).toContain(nl['waves.status.closed']);
			expect(after).toContain(nl['waves.reopen']);
			expect(after).not.toContain(nl['waves.close']);
			// The wave picker of the results says the day it really closed, not the planned one.
			const results = decode(await (await advisor.get(`/o/${org}/results`)).text());
			expect(results).toContain(`${name} (${formatDate('nl', today)})`);
			expect(results).not.toContain(`${name} (${formatDate('nl', addDays(today, 7))})`);
		},
		TIMEOUT
	);

	it(
		'archiving a unit: the first post says what will happen and changes nothing, the confirmed one archives it',
		async () => {
			const admin = new Client();
			await admin.signIn(ADMIN);
			const org = await homeOrganisationOf(admin);
			const ids = await unitIdsByCode(admin, org);
			const code = `E2E-ARC-${suffix()}`.toUpperCase().slice(0, 20);
			const added = await admin.post(`/o/${org}/admin/units?/add`, {
				code,
				name: `E2E archief ${code}`,
				headcount: '4',
				parentId: ids.get('LIN-EIK')!
			});
			expect(added.status).toBe(200);
			const unitId = (await unitIdsByCode(admin, org)).get(code)!;
			expect(unitId).toBeTruthy();

			const asked = await admin.post(`/o/${org}/admin/units?/archive`, { unitId });
			expect(asked.status).toBe(200);
			const question = await textOf(asked);
			expect(question).toContain(
				fill(nl['confirm.archiveUnit.title'], { name: `E2E archief ${code} (${code})` })
			);
			expect(question).toContain(nl['confirm.archiveUnit.kept']);
			expect(question).toContain('Geen enkele leidinggevende verliest toegang.');
			const archivedOn = fill(nl['units.archivedOn'], { date: formatDate('nl', todayInBelgium()) });
			const before = await textOf(await admin.get(`/o/${org}/admin/units`));
			expect(before).toContain(code);

			const done = await admin.post(`/o/${org}/admin/units?/archive`, { unitId, confirmed: 'yes' });
			expect(done.status).toBe(200);
			expect(await textOf(done)).toContain(nl['units.archivedDone']);
			const row = (await textOf(await admin.get(`/o/${org}/admin/units`))).split(code).slice(1).join(code);
			expect(row).toContain(archivedOn);
			// The first post of a unit that cannot be archived says why, and changes nothing either.
			const root = await admin.post(`/o/${org}/admin/units?/archive`, { unitId: ids.get('LIN')! });
			expect(root.status).toBe(400);
		},
		TIMEOUT
	);
});

describe('confirmations in the browser', () => {
	it(
		'the close confirmation takes the focus, is read, passes axe and fits a laptop and a phone',
		async () => {
			const advisor = new Client();
			await advisor.signIn(ADVISOR);
			const org = await homeOrganisationOf(advisor);
			const ids = await unitIds(org);
			const wave = await createWave(advisor, org, ids.get('LIN-EIK')!, `E2E focus ${suffix()}`);
			const page = await signedIn(ADVISOR);
			for (const viewport of [LAPTOP, PHONE]) {
				await page.setViewportSize(viewport);
				await page.goto(url(`/o/${org}/waves/${wave}`));
				await page.getByRole('button', { name: nl['waves.close'], exact: true }).focus();
				await navigatesBy(page, () => page.keyboard.press('Enter'));
				const title = page.getByRole('heading', {
					name: new RegExp(nl['confirm.closeWave.title'].split('{')[0]!)
				});
				await title.waitFor();
				// The page moves the focus to the question once it runs in the browser.
				await page.waitForFunction(() => document.activeElement?.id === 'confirm-close-title');
				expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
				await expectNoSeriousA11yProblems(page, `the close confirmation at ${viewport.width} px`);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow).toBeLessThanOrEqual(0);
				// Cancel leaves it open.
				await navigatesBy(page, () =>
					page.getByRole('link', { name: nl['confirm.cancel'], exact: true }).click()
				);
				expect(await page.getByRole('button', { name: nl['waves.close'], exact: true }).count()).toBe(1);
			}
		},
		TIMEOUT
	);
});

describe('the audit log', () => {
	it(
		'shows sign-ins and unit results opened, filters by kind and user, and exports the filter as CSV',
		async () => {
			const advisor = new Client();
			await advisor.signIn(ADVISOR);
			const org = await homeOrganisationOf(advisor);
			const ids = await unitIds(org);
			expect((await advisor.get(`/o/${org}/units/${ids.get('LIN-EIK')!}`)).status).toBe(200);

			const page = await signedIn(ADVISOR);
			await page.goto(url(`/o/${org}/audit`));
			await page.getByLabel(nl['audit.filter.kind']).selectOption('unit');
			// The filter is a GET form: SvelteKit follows it in the page, so wait for the address.
			await page.getByRole('button', { name: nl['audit.filter.apply'], exact: true }).click();
			await page.waitForURL((u) => u.searchParams.get('kind') === 'unit');
			await page.locator('main tbody tr').first().waitFor();
			expect(new URL(page.url()).searchParams.get('kind')).toBe('unit');
			const rows = page.locator('main tbody tr');
			const first = (await rows.first().textContent()) ?? '';
			expect(first).toContain(nl['audit.action.unit.results.view']);
			expect(first).toContain('LIN-EIK');
			const actions = await page.locator('main tbody tr td:nth-child(3)').allTextContents();
			expect(actions.every((a) => a.startsWith('Eenhe') || a === nl['audit.action.unit.results.view'])).toBe(
				true
			);
			await expectNoSeriousA11yProblems(page, 'the audit log');

			// Sign-ins, of the advisor only.
			const userId = await page
				.getByLabel(nl['audit.filter.user'])
				.locator('option')
				.evaluateAll(
					(options, name) => options.find((o) => o.textContent === name)?.getAttribute('value') ?? '',
					ADVISOR_NAME
				);
			expect(userId).toMatch(/^[0-9a-f-]{36}$/);
			await page.goto(url(`/o/${org}/audit?kind=auth&user=${userId}`));
			const signIns = await page.locator('main tbody tr').allTextContents();
			expect(signIns.length).toBeGreaterThan(0);
			for (const row of signIns) {
				expect(row).toContain(ADVISOR_NAME);
				expect(row).toContain(nl['audit.action.auth.signIn']);
			}

			const csv = await advisor.get(`/o/${org}/audit/export.csv?kind=auth&user=${userId}`);
			expect(csv.status).toBe(200);
			expect(csv.headers.get('content-type')).toContain('text/csv');
			expect(csv.headers.get('content-disposition')).toContain('logboek.csv');
			const table = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, ''), {
				delimiter: ';',
				skipEmptyLines: true
			}).data;
			expect(table[0]).toEqual(['Wanneer', 'Wie', 'Wat', 'Waarover', 'Details']);
			expect(table.length).toBeGreaterThan(1);
			for (const row of table.slice(1)) expect(row[1]).toBe(ADVISOR_NAME);

			expect((await advisor.get(`/o/${org}/audit?kind=nope`)).status).toBe(400);
		},
		TIMEOUT
	);
});

describe('posters', () => {
	it(
		'prints every poster of a wave, one per A4 page',
		async () => {
			const advisor = new Client();
			await advisor.signIn(ADVISOR);
			const org = await homeOrganisationOf(advisor);
			const waves = await (await advisor.get(`/o/${org}/waves`)).text();
			// The seeded open wave, run with unit links.
			const wave =
				[...waves.matchAll(/\/waves\/([0-9a-f-]{36})">([^<]*)</g)].find(
					(m) => !m[2]!.startsWith('E2E')
				)?.[1] ?? '';
			const wavePage = await (await advisor.get(`/o/${org}/waves/${wave}`)).text();
			const links = new Set([...wavePage.matchAll(/href="\/b\/([a-z2-7]{26})"/g)].map((m) => m[1]));
			expect(links.size).toBeGreaterThan(1);
			expect(wavePage).toContain(`/o/${org}/waves/${wave}/posters`);

			const page = await signedIn(ADVISOR);
			await page.goto(url(`/o/${org}/waves/${wave}/posters`));
			expect(await page.locator('main .sheet').count()).toBe(links.size);
			await expectNoSeriousA11yProblems(page, 'all posters of a wave');
			const dir = mkdtempSync(join(tmpdir(), 'kl-posters-'));
			const file = join(dir, 'posters.pdf');
			writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
			const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
			expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(links.size);
			expect(info).toMatch(/Page size:.*\(A4\)/);
			const seen = new Set<string>();
			for (let p = 1; p <= links.size; p++) {
				const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], {
					encoding: 'utf8'
				});
				// One poster on the page: its title once, one link, nothing of the page around it.
				expect(text.split(nl['poster.title']).length - 1).toBe(1);
				const onPage = [...text.matchAll(/\/b\/([a-z2-7]{26})/g)].map((m) => m[1]!);
				expect(new Set(onPage).size).toBe(1);
				seen.add(onPage[0]!);
				expect(text).not.toContain(nl['poster.allTitle'].split('{')[0]!);
				expect(text).not.toContain(nl['nav.main']);
			}
			expect(seen).toEqual(links);
		},
		TIMEOUT
	);
});
