import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { BAROMETER, itemsOf } from '../../src/lib/instruments';
import { translate } from '../../src/lib/i18n';
import { en } from '../../src/lib/i18n/en';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';
import { checkA11y, describeViolations, launchBrowser, newPage, signInAs } from '../helpers/browser';
import {
	addDays,
	CATALOGUES,
	chooseLanguage,
	escapeRegExp,
	type Lang,
	langOf,
	navigatesBy,
	PHONE
} from '../helpers/browser-steps';
import { Client } from '../helpers/http';

/**
 * The barometer as a respondent meets it, on a phone, and what the advisor may see of it. The
 * advisor creates a wave of its own for one unit (never touching the seeded waves), respondents
 * answer through the unit link and personal codes, in three languages, with and without
 * JavaScript; every refused form must store nothing, which the exact count on the closed wave
 * proves at the end. The tests run in order and share the wave.
 */
const ADVISOR = 'preventie@zonnedael.demo';
/** The admin of the advisor's organisation, who sets the contacts the result page shows. */
const ADMIN = 'beheer@zonnedael.demo';
// One unit. Afdeling Eik is also the unit tests/e2e/access-control.test.ts asks a poster for in
// the first wave of the list, which is this one (it opens today) when this file runs first.
const UNIT = { name: 'Afdeling Eik (dementie)', code: 'LIN-EIK' };
const TIMEOUT = 90_000;
type Texts = typeof en;
const ITEMS = itemsOf(BAROMETER, true).length;

const baseUrl = inject('baseUrl');
const url = (path: string) => new URL(path, baseUrl).href;
const suffix = () => randomBytes(4).toString('hex');

let browser: Browser;
let advisor: Page;
let opened: BrowserContext[] = [];

/** What the setup creates and the later tests use. */
const wave = { org: '', id: '', name: '', k: 0, link: '', unitId: '', codes: [] as string[] };
/** Responses this file stored (each a valid submission with a new nonce). */
let stored = 0;

async function open(options: { locale?: string; javaScriptEnabled?: boolean } = {}): Promise<Page> {
	let page: Page;
	if (options.javaScriptEnabled === false) {
		const context = await browser.newContext({
			viewport: PHONE,
			locale: options.locale ?? 'nl-BE',
			javaScriptEnabled: false
		});
		page = await context.newPage();
	} else {
		page = await newPage(browser, { viewport: PHONE, locale: options.locale ?? 'nl-BE' });
	}
	opened.push(page.context());
	return page;
}

/** The text of the main content, whitespace collapsed. */
async function mainText(page: Page): Promise<string> {
	return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

/** A phone opening the unit link, in `lang` (chosen in the header when not the wave's Dutch). */
async function respondent(lang: Lang = 'nl', options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const page = await open(options);
	const response = await page.goto(url(wave.link));
	expect(response?.status()).toBe(200);
	expect(await langOf(page)).toBe('nl');
	if (lang !== 'nl') await chooseLanguage(page, lang);
	return page;
}

const questions = (page: Page) => page.locator('main fieldset.question');
const submitButton = (page: Page, texts: Texts) =>
	page.getByRole('button', { name: texts['barometer.submit'], exact: true });

/** Checks the questionnaire is shown in `lang` with every question; returns the number of questions. */
async function expectQuestionnaire(page: Page, lang: Lang): Promise<number> {
	const texts = CATALOGUES[lang];
	expect(await langOf(page)).toBe(lang);
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(texts['barometer.title']);
	await expect(
		page.getByRole('heading', { level: 2, name: texts['privacy.title'], exact: true }).count()
	).resolves.toBe(1);
	expect(await mainText(page)).toContain(texts['privacy.anonymous']);
	const count = await questions(page).count();
	expect(count).toBe(ITEMS);
	const progress = page.locator('main fieldset.question legend .progress');
	await expect(progress.first().textContent()).resolves.toBe(
		translate(lang, 'barometer.questionOf', { n: 1, total: count })
	);
	await expect(progress.last().textContent()).resolves.toBe(
		translate(lang, 'barometer.questionOf', { n: count, total: count })
	);
	await expect(submitButton(page, texts).count()).resolves.toBe(1);
	expect(await mainText(page)).not.toContain(texts['result.title']);
	return count;
}

/** Answers every question (but those in `skip`) by clicking the label of an option. */
async function answerAll(page: Page, skip: number[] = [], seed = 0): Promise<void> {
	const count = await questions(page).count();
	for (let i = 0; i < count; i++) {
		if (skip.includes(i)) continue;
		await questions(page)
			.nth(i)
			.locator('label.option')
			.nth((i * 3 + seed) % 5)
			.click();
	}
}

/** The checked radios of the form, by field name. */
function checkedValues(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map((r) => [
				r.name,
				r.value
			])
		)
	);
}

/** The form's fields as the browser would send them (hidden nonce included). */
function formFields(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => {
		const form = document.querySelector<HTMLFormElement>('main form.questionnaire')!;
		const fields: Record<string, string> = {};
		for (const [name, value] of new FormData(form)) fields[name] = String(value);
		return fields;
	});
}

async function submit(page: Page, lang: Lang): Promise<void> {
	await navigatesBy(page, () => submitButton(page, CATALOGUES[lang]).click());
}

/** Checks the personal result page in `lang`. */
async function expectResult(page: Page, lang: Lang): Promise<void> {
	const texts = CATALOGUES[lang];
	expect(await langOf(page)).toBe(lang);
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(texts['result.title']);
	const text = await mainText(page);
	expect(text).toContain(texts['result.notDiagnosis']);
	expect(text).toContain(texts['result.thanks']);
	for (const route of ['reboost', 'reload', 'reconnect'] as const) {
		const title = page.getByText(texts[`result.help.${route}.title`], { exact: true });
		await expect(title.isVisible()).resolves.toBe(true);
		expect(text).toContain(texts[`result.help.${route}.text`]);
	}
	await expect(questions(page).count()).resolves.toBe(0);
	// Nothing about the respondent is kept in the browser either: at most the language choice and,
	// after a link answer, which waves this browser answered (never what).
	for (const cookie of await page.context().cookies()) {
		expect(['kl_lang', 'kl_answered']).toContain(cookie.name);
		if (cookie.name === 'kl_answered')
			expect(decodeURIComponent(cookie.value)).toMatch(/^[0-9a-f-]{36}([.,|][0-9a-f-]{36})*$/);
	}
}

/** Answers everything through the unit link and submits: one more stored response. */
async function completeThroughLink(lang: Lang = 'nl', seed = 0): Promise<Page> {
	const page = await respondent(lang);
	await answerAll(page, [], seed);
	await submit(page, lang);
	await expectResult(page, lang);
	stored++;
	return page;
}

/** The participation cell of the wave's one unit, as the advisor sees it now. */
async function progressCell(options: { show?: boolean } = {}): Promise<string> {
	await advisor.goto(url(`/o/${wave.org}/waves/${wave.id}${options.show ? '?participation' : ''}`));
	const rows = advisor.locator('main table tbody tr');
	await expect(rows.count()).resolves.toBe(1);
	return ((await rows.first().locator('td').nth(1).textContent()) ?? '').trim();
}

/** Opens /b and starts with a typed code. */
async function startWithCode(page: Page, typed: string, texts: Texts = nl): Promise<void> {
	await page.getByLabel(texts['barometer.code'], { exact: true }).fill(typed);
	await navigatesBy(page, () =>
		page.getByRole('button', { name: texts['barometer.start'], exact: true }).click()
	);
}

/** What an open wave may show of a unit that reached k: a band, or only that it reached k. */
const bandTexts = () => [
	...(['under25', '25to50', 'under50', '50to75', '75plus', 'unknown'] as const).map((b) =>
		translate('nl', `waves.progress.band.${b}`)
	),
	translate('nl', 'waves.progress.atLeastK', { k: wave.k })
];

beforeAll(async () => {
	browser = await launchBrowser();
	advisor = await newPage(browser);
	await signInAs(advisor, baseUrl, ADVISOR);
	wave.org = /^\/o\/([0-9a-f-]{36})/.exec(new URL(advisor.url()).pathname)?.[1] ?? '';
	expect(wave.org).not.toBe('');
}, 120_000);

afterEach(async () => {
	const contexts = opened;
	opened = [];
	await Promise.all(contexts.map((c) => c.close()));
});

afterAll(async () => {
	await advisor?.context().close();
	await browser?.close();
});

describe.sequential('barometer', () => {
	it(
		'setup: the advisor creates a wave for one unit and downloads three personal codes',
		async () => {
			wave.name = `E2E ${suffix()}`;
			await advisor.goto(url(`/o/${wave.org}/waves`));
			await navigatesBy(advisor, () =>
				advisor.getByRole('link', { name: nl['waves.new'], exact: true }).click()
			);
			await advisor.getByLabel(nl['waves.name'], { exact: true }).fill(wave.name);
			await advisor
				.getByLabel(nl['waves.instrument'], { exact: true })
				.selectOption(`${BAROMETER.key}@${BAROMETER.version}`);
			await advisor.getByLabel(nl['waves.includeModule'], { exact: true }).check();
			await advisor.getByLabel(nl['waves.language'], { exact: true }).selectOption('nl');
			const opensOn = await advisor.getByLabel(nl['waves.opensOn'], { exact: true }).inputValue();
			expect(opensOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			await advisor.getByLabel(nl['waves.closesOn'], { exact: true }).fill(addDays(opensOn, 7));
			// Personal codes are the default; this wave also tests the unit link, so it asks for links.
			await expect(
				advisor.getByRole('radio', { name: nl['waves.entry.codes'], exact: true }).isChecked()
			).resolves.toBe(true);
			await advisor.getByRole('radio', { name: nl['waves.entry.links'], exact: true }).check();
			// The form offers every unit checked: keep exactly one.
			const units = advisor.locator('main input[type="checkbox"][name="unitIds"]');
			expect(await units.count()).toBeGreaterThan(1);
			for (const box of await units.all()) await box.uncheck();
			await advisor.getByRole('checkbox', { name: `${UNIT.name} (${UNIT.code})`, exact: true }).check();
			await expect(advisor.locator('main input[name="unitIds"]:checked').count()).resolves.toBe(1);
			// This wave is the plain barometer: measures other tests marked done in this unit are offered
			// for the evaluation block, ticked; untick them all.
			for (const box of await advisor.locator('main input[name="measureIds"]').all()) await box.uncheck();
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: nl['waves.create'], exact: true }).click()
			);

			const path = new URL(advisor.url()).pathname;
			wave.id = new RegExp(`^/o/${wave.org}/waves/([0-9a-f-]{36})$`).exec(path)?.[1] ?? '';
			expect(wave.id, path).not.toBe('');
			await expect(advisor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(wave.name);
			const overview = await mainText(advisor);
			expect(overview).toContain(nl['waves.status.open']);
			expect(overview).toContain(`+ ${nl['waves.module']}`);
			// A link wave says plainly what it cannot protect against.
			expect(overview).toContain(nl['waves.linkRisk.title']);
			const k = new RegExp(escapeRegExp(nl['waves.kFrozen']).replace('\\{k\\}', '(\\d+)')).exec(overview);
			wave.k = Number(k?.[1]);
			expect(wave.k).toBeGreaterThanOrEqual(3);

			const row = advisor.locator('main table tbody tr');
			await expect(row.count()).resolves.toBe(1);
			expect(await row.locator('td').first().textContent()).toContain(UNIT.name);
			wave.link = (await row.locator('a[href^="/b/"]').getAttribute('href')) ?? '';
			expect(wave.link).toMatch(/^\/b\/[a-z2-7]{26}$/);
			const poster = (await row.locator('a[href*="/poster/"]').getAttribute('href')) ?? '';
			wave.unitId = /\/poster\/([0-9a-f-]{36})$/.exec(poster)?.[1] ?? '';
			expect(wave.unitId).not.toBe('');
			// Nothing yet, and below k only "fewer than k", never a count.
			expect(await progressCell()).toBe(translate('nl', 'waves.progress.belowK', { k: wave.k }));

			await advisor.getByLabel(nl['waves.codesCount'], { exact: true }).fill('3');
			const downloading = advisor.waitForEvent('download');
			await advisor.getByRole('button', { name: nl['waves.codesGenerate'], exact: true }).click();
			const download = await downloading;
			expect(download.suggestedFilename()).toMatch(/^codes-[0-9a-f]{8}\.csv$/);
			const csv = readFileSync(await download.path(), 'utf8');
			expect(csv.startsWith('\uFEFF')).toBe(true);
			const lines = csv.slice(1).split('\r\n').filter(Boolean);
			expect(lines[0]).toBe(`${nl['waves.csvCode']};${nl['waves.csvLink']}`);
			expect(lines).toHaveLength(4);
			for (const line of lines.slice(1)) {
				const [code, link] = line.split(';');
				expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
				expect(link).toBe(url('/b'));
				wave.codes.push(code!);
			}
			expect(new Set(wave.codes).size).toBe(3);
			await advisor.reload();
			expect(await mainText(advisor)).toContain(
				translate('nl', 'waves.codesExisting', { total: 3, unused: 3 })
			);
		},
		TIMEOUT
	);

	it.each(['nl', 'fr', 'en'] as const)(
		'on a phone, a respondent completes the barometer through the unit link in %s',
		async (lang) => {
			const page = await respondent(lang);
			await expectQuestionnaire(page, lang);
			// The link names the unit; the respondent may correct it among the wave's units.
			await expect(page.locator('#unit').inputValue()).resolves.toBe(wave.unitId);
			await expect(page.locator('#unit option').count()).resolves.toBe(1);
			await answerAll(page, [], ['nl', 'fr', 'en'].indexOf(lang));
			expect(Object.keys(await checkedValues(page))).toHaveLength(ITEMS);
			await submit(page, lang);
			await expectResult(page, lang);
			stored++;

			// The result is shown once, and this browser has answered this wave through its link: the
			// link now says so and offers no questionnaire.
			await page.goto(url(wave.link));
			expect(await mainText(page)).toContain(CATALOGUES[lang]['barometer.linkAnsweredHere']);
			await expect(questions(page).count()).resolves.toBe(0);
		},
		TIMEOUT
	);

	it(
		'while the wave is open the advisor sees no count: below k only that, from k a band',
		async () => {
			const cell = await progressCell();
			if (stored < wave.k) expect(cell).toBe(translate('nl', 'waves.progress.belowK', { k: wave.k }));
			else expect(bandTexts()).toContain(cell);
			expect(cell).not.toContain(String(stored));
		},
		TIMEOUT
	);

	it(
		'a personal code, typed in lower case with spaces, opens the questionnaire once',
		async () => {
			const code = wave.codes[0]!;
			const page = await open();
			await page.goto(url('/b'));
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				nl['barometer.title']
			);
			await startWithCode(page, `  ${code.toLowerCase().replaceAll('-', ' ')} `);
			await expectQuestionnaire(page, 'nl');
			// The code travels in the form, never in the address.
			expect(page.url()).not.toContain(code);
			expect(page.url().toLowerCase()).not.toContain(code.slice(0, 4).toLowerCase());
			await page.locator('#unit').selectOption(wave.unitId);
			await answerAll(page, [], 3);
			await submit(page, 'nl');
			await expectResult(page, 'nl');
			stored++;

			for (const typed of [code, code.toLowerCase()]) {
				await page.goto(url('/b?code'));
				await startWithCode(page, typed);
				expect(await mainText(page)).toContain(nl['barometer.codeInvalid']);
				await expect(questions(page).count()).resolves.toBe(0);
				await expect(
					page.getByLabel(nl['barometer.code'], { exact: true }).getAttribute('aria-invalid')
				).resolves.toBe('true');
			}
		},
		TIMEOUT
	);

	describe('bad input shows its message in the page language and stores nothing', () => {
		it(
			'one question left open (the form has novalidate): the problem is named, the other answers stay',
			async () => {
				const page = await respondent('fr');
				await expectQuestionnaire(page, 'fr');
				const missing = 4;
				await answerAll(page, [missing], 1);
				const before = await checkedValues(page);
				expect(Object.keys(before)).toHaveLength(ITEMS - 1);
				await submit(page, 'fr');

				await expectQuestionnaire(page, 'fr');
				const alert = page.locator('main #error-summary');
				await expect(alert.getAttribute('role')).resolves.toBe('alert');
				const alertText = ((await alert.textContent()) ?? '').replace(/\s+/g, ' ');
				expect(alertText).toContain(fr['barometer.formProblems']);
				expect(alertText).toContain(translate('fr', 'barometer.answersMissing', { count: 1 }));
				const question = questions(page).nth(missing);
				const name = (await question.locator('input[type="radio"]').first().getAttribute('name'))!;
				await expect(question.locator('.problem').textContent()).resolves.toBe(fr['answer.missing']);
				await expect(question.getAttribute('aria-describedby')).resolves.toBe(`${name}-problem`);
				await expect(page.locator('main .problem').count()).resolves.toBe(1);
				expect(await checkedValues(page)).toEqual(before);
				const violations = await checkA11y(page);
				expect(violations, describeViolations(violations)).toEqual([]);

				// Answering it now sends the same form (same nonce): one response.
				await question.locator('label.option').nth(2).click();
				await submit(page, 'fr');
				await expectResult(page, 'fr');
				stored++;
			},
			TIMEOUT
		);

		it(
			'an answer changed in the page to a value not on the scale is refused next to its question',
			async () => {
				const page = await respondent('nl');
				await answerAll(page);
				const name = await page.evaluate(() => {
					const radio = document.querySelector<HTMLInputElement>(
						'main fieldset.question input[type="radio"]:checked'
					)!;
					radio.value = '9';
					return radio.name;
				});
				await submit(page, 'nl');
				await expectQuestionnaire(page, 'nl');
				expect(await page.locator('main #error-summary').textContent()).toContain(
					nl['barometer.formProblems']
				);
				const question = questions(page).first();
				await expect(question.locator('input[type="radio"]').first().getAttribute('name')).resolves.toBe(
					name
				);
				await expect(question.locator('.problem').textContent()).resolves.toBe(nl['answer.outOfRange']);
				await expect(page.locator('main .problem').count()).resolves.toBe(1);
				const kept = await checkedValues(page);
				expect(kept[name]).toBeUndefined();
				expect(Object.keys(kept)).toHaveLength(ITEMS - 1);
			},
			TIMEOUT
		);

		it(
			'a question added to the form in the page is refused with its message',
			async () => {
				const page = await respondent('en');
				await answerAll(page);
				await page.evaluate(() => {
					const extra = document.createElement('input');
					extra.type = 'hidden';
					extra.name = 'q_nonexistent';
					extra.value = '3';
					document.querySelector('main form.questionnaire')!.append(extra);
				});
				await submit(page, 'en');
				await expectQuestionnaire(page, 'en');
				const text = await mainText(page);
				expect(text).toContain(en['barometer.formProblems']);
				expect(text).not.toContain(en['result.title']);
				// Every real question was answered, and stays answered.
				expect(Object.keys(await checkedValues(page))).toHaveLength(ITEMS);
				// The problem is the extra question, and the page must say so, not that answers are missing.
				expect.soft(text).toContain(en['answer.unknownItem']);
				expect.soft(text).not.toContain(translate('en', 'barometer.answersMissing', { count: 1 }));
			},
			TIMEOUT
		);

		it(
			'an unknown or malformed code gets the one answer for codes that do not open, in the page language',
			async () => {
				const page = await open({ locale: 'en-GB' });
				await page.goto(url('/b'));
				expect(await langOf(page)).toBe('en');
				await chooseLanguage(page, 'fr');
				const unknown = [...randomBytes(12)].map((b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
				for (const typed of [unknown, 'HALLO', 'ABCD-EFGH-JKL1']) {
					await page.goto(url('/b'));
					await startWithCode(page, typed, fr);
					expect(await langOf(page)).toBe('fr');
					expect(await mainText(page)).toContain(fr['barometer.codeInvalid']);
					await expect(questions(page).count()).resolves.toBe(0);
					await expect(
						page.getByLabel(fr['barometer.code'], { exact: true }).getAttribute('aria-invalid')
					).resolves.toBe('true');
				}
				// An empty code (the browser's own check stops it; a bare post is refused the same way).
				const empty = await new Client(baseUrl).post('/b?/start', { code: '' });
				expect(empty.status).toBe(400);
				const html = await empty.text();
				expect(html).toContain(nl['barometer.codeInvalid']);
				expect(html).not.toMatch(/<fieldset\b/);
			},
			TIMEOUT
		);

		it(
			'a double click on submit, and the same form sent again over HTTP, store one response',
			async () => {
				const page = await respondent('nl');
				await answerAll(page, [], 2);
				const fields = await formFields(page);
				expect(fields.nonce).toMatch(/^[a-z2-7]{26}$/);
				await submitButton(page, nl).dblclick();
				await page.getByRole('heading', { level: 1, name: nl['result.title'], exact: true }).waitFor();
				await page.waitForLoadState('load');
				await expectResult(page, 'nl');
				stored++;

				// A retry of the same form (same nonce) gets its result page again and stores nothing.
				const again = await new Client(baseUrl).post(wave.link, fields);
				expect(again.status).toBe(200);
				expect(await again.text()).toContain(nl['result.title']);

				// Two copies of a new form arriving together: still one response.
				const client = new Client(baseUrl);
				const html = await (await client.get(wave.link)).text();
				const nonce = /name="nonce" value="([a-z2-7]{26})"/.exec(html)?.[1];
				expect(nonce).toBeTruthy();
				const racing = { ...fields, nonce: nonce! };
				const both = await Promise.all([client.post(wave.link, racing), client.post(wave.link, racing)]);
				for (const response of both) {
					expect(response.status).toBe(200);
					expect(await response.text()).toContain(nl['result.title']);
				}
				stored++;
			},
			TIMEOUT
		);
	});

	it(
		'axe finds nothing on the questionnaire and the result on a phone; the keyboard does it all',
		async () => {
			const page = await respondent('nl');
			await expectQuestionnaire(page, 'nl');
			let violations = await checkA11y(page);
			expect(violations, describeViolations(violations)).toEqual([]);

			const focused = () =>
				page.evaluate(() => {
					const el = document.activeElement as HTMLInputElement | null;
					if (!el || el === document.body) return null;
					return {
						tag: el.tagName.toLowerCase(),
						id: el.id,
						name: el.getAttribute('name') ?? '',
						type: el.getAttribute('type') ?? ''
					};
				});
			const first = questions(page).first();
			const firstName = (await first.locator('input[type="radio"]').first().getAttribute('name'))!;
			const order: Array<Awaited<ReturnType<typeof focused>>> = [];
			for (let i = 0; i < 30 && order.at(-1)?.name !== firstName; i++) {
				await page.keyboard.press('Tab');
				order.push(await focused());
			}
			const selectAt = order.findIndex((f) => f?.tag === 'select' && f.id === 'unit');
			const radioAt = order.findIndex((f) => f?.type === 'radio' && f.name === firstName);
			expect(selectAt, JSON.stringify(order)).toBeGreaterThanOrEqual(0);
			expect(radioAt, JSON.stringify(order)).toBeGreaterThan(selectAt);
			const choice = async () => (await checkedValues(page))[firstName];
			await page.keyboard.press('ArrowDown');
			expect(await choice()).toBe('2');
			await page.keyboard.press('ArrowRight');
			expect(await choice()).toBe('3');
			await page.keyboard.press('ArrowUp');
			expect(await choice()).toBe('2');

			await answerAll(page, [0], 4);
			expect(await choice()).toBe('2');
			await questions(page).last().locator('input[type="radio"]:checked').focus();
			await page.keyboard.press('Tab');
			expect(await focused()).toMatchObject({ tag: 'button', type: 'submit' });
			await navigatesBy(page, () => page.keyboard.press('Enter'));
			await expectResult(page, 'nl');
			stored++;
			violations = await checkA11y(page);
			expect(violations, describeViolations(violations)).toEqual([]);
		},
		TIMEOUT
	);

	it(
		'the barometer ships no JavaScript and works without it',
		async () => {
			const client = new Client(baseUrl);
			for (const path of [wave.link, '/b']) {
				const response = await client.get(path);
				expect(response.status).toBe(200);
				const html = await response.text();
				expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
				expect(html).not.toMatch(/modulepreload/i);
				expect(html).not.toMatch(/<script\b/i);
			}

			const scripts: string[] = [];
			const page = await open();
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
			});
			await page.goto(url(wave.link));
			await expectQuestionnaire(page, 'nl');
			expect(scripts).toEqual([]);

			const bare = await respondent('nl', { javaScriptEnabled: false });
			await expectQuestionnaire(bare, 'nl');
			await answerAll(bare, [], 2);
			await submit(bare, 'nl');
			await expectResult(bare, 'nl');
			stored++;
		},
		TIMEOUT
	);

	it(
		'a refused form puts the focus on the error summary in view; each of its links focuses its question',
		async () => {
			for (const javaScriptEnabled of [true, false]) {
				const page = await respondent('nl', { javaScriptEnabled });
				const skip = [1, 7, ITEMS - 1];
				await answerAll(page, skip, 3);
				const before = await checkedValues(page);
				await submit(page, 'nl');

				// Without any script: the summary takes the focus itself (autofocus), in the first screen.
				const summary = page.locator('main #error-summary');
				await expect(summary.getAttribute('role')).resolves.toBe('alert');
				await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary');
				const box = (await summary.boundingBox())!;
				expect(box.y).toBeGreaterThanOrEqual(0);
				expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
				const text = (await summary.textContent())!.replace(/\s+/g, ' ');
				expect(text).toContain(nl['barometer.formProblems']);
				expect(text).toContain(translate('nl', 'barometer.answersMissing', { count: skip.length }));
				expect(await checkedValues(page)).toEqual(before);

				const links = summary.getByRole('link');
				await expect(links.count()).resolves.toBe(skip.length);
				for (const [i, index] of skip.entries()) {
					const link = links.nth(i);
					await expect(link.textContent()).resolves.toBe(
						translate('nl', 'barometer.questionMissing', { n: index + 1 })
					);
					await link.click();
					const question = questions(page).nth(index);
					const first = question.locator('input[type="radio"]').first();
					await expect
						.poll(() => page.evaluate(() => document.activeElement?.id ?? null))
						.toBe(await first.getAttribute('id'));
					// The question is readable: its legend is on the screen, not above it.
					const legend = (await question.locator('legend').boundingBox())!;
					expect(legend.y).toBeGreaterThanOrEqual(0);
					expect(legend.y + legend.height).toBeLessThanOrEqual(PHONE.height);
					await page.evaluate(() => window.scrollTo(0, 0));
				}
				if (javaScriptEnabled) {
					const violations = await checkA11y(page);
					expect(violations, describeViolations(violations)).toEqual([]);
				}
			}
		},
		TIMEOUT
	);

	it(
		'switching language in the middle keeps every answer, with and without JavaScript, and sends nothing',
		async () => {
			for (const javaScriptEnabled of [false, true]) {
				const page = await respondent('nl', { javaScriptEnabled });
				const unanswered = [2, 5, ITEMS - 2];
				await answerAll(page, unanswered, javaScriptEnabled ? 1 : 4);
				const before = await checkedValues(page);
				expect(Object.keys(before)).toHaveLength(ITEMS - unanswered.length);
				const unit = await page.locator('#unit').inputValue();

				for (const lang of ['fr', 'en', 'nl', 'fr'] as const) {
					await chooseLanguage(page, lang);
					await expectQuestionnaire(page, lang);
					expect(await checkedValues(page)).toEqual(before);
					await expect(page.locator('#unit').inputValue()).resolves.toBe(unit);
					// Nothing was sent: no problems, no result.
					await expect(page.locator('main #error-summary').count()).resolves.toBe(0);
					await expect(page.locator('main .problem').count()).resolves.toBe(0);
				}
				for (const index of unanswered)
					await questions(page).nth(index).locator('label.option').nth(0).click();
				await submit(page, 'fr');
				await expectResult(page, 'fr');
				stored++;
			}

			// The same by HTTP: the switch answers the form again, checked, in the new language, and
			// keeps nothing but the language cookie.
			const client = new Client(baseUrl);
			const html = await (await client.get(wave.link)).text();
			const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1] ?? '';
			expect(nonce).not.toBe('');
			const answers = Object.fromEntries(
				itemsOf(BAROMETER, true)
					.slice(0, 4)
					.map((item, i) => [`q_${item.id}`, String(i + 1)])
			);
			const response = await client.post(wave.link, {
				nonce,
				unitId: wave.unitId,
				...answers,
				lang: 'en',
				switchLanguage: '1'
			});
			expect(response.status).toBe(200);
			const switched = await response.text();
			expect(switched).toMatch(/<html lang="en"/);
			expect(switched).toContain(en['barometer.submit']);
			expect(switched).not.toContain(en['barometer.formProblems']);
			for (const [name, value] of Object.entries(answers))
				expect(switched).toMatch(new RegExp(`name="${name}" value="${value}" checked`));
			expect(switched).toContain(`name="nonce" value="${nonce}"`);
			expect([...client.cookies.keys()]).toEqual(['kl_lang']);
			expect(client.cookies.get('kl_lang')).toBe('en');
		},
		TIMEOUT
	);

	it(
		"the browser's language applies when the respondent chose none; a choice wins; else the wave's",
		async () => {
			const page = await open({ locale: 'fr-BE' });
			await page.goto(url(wave.link));
			await expectQuestionnaire(page, 'fr');
			const cases: Array<[string | null, string | null, Lang]> = [
				['fr-BE', null, 'fr'],
				['fr-BE,fr;q=0.9,nl;q=0.8', null, 'fr'],
				['en-GB,en;q=0.9', null, 'en'],
				['de-DE,de;q=0.9', null, 'nl'],
				['de-DE,fr;q=0.5', null, 'fr'],
				['fr;q=0,en;q=0.3', null, 'en'],
				[null, null, 'nl'],
				['fr-BE', 'en', 'en'],
				['fr-BE', 'nl', 'nl'],
				['nl-BE', 'fr', 'fr']
			];
			for (const [acceptLanguage, chosen, expected] of cases) {
				const client = new Client(baseUrl);
				if (chosen) client.cookies.set('kl_lang', chosen);
				const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};
				const response = await client.get(wave.link, headers);
				expect(response.status).toBe(200);
				const html = await response.text();
				expect(html, `${acceptLanguage} / ${chosen}`).toMatch(new RegExp(`<html lang="${expected}"`));
				expect(html).toContain(CATALOGUES[expected]['barometer.submit']);
				// A refused form answers in the same language.
				const refused = await client.post(wave.link, { nonce: 'x', unitId: wave.unitId }, headers);
				expect(refused.status).toBe(400);
				expect(await refused.text()).toContain(CATALOGUES[expected]['barometer.formProblems']);
			}
		},
		TIMEOUT
	);

	it(
		'the scale is one row where it fits and one column otherwise, never a grid, at any width',
		async () => {
			const page = await respondent('fr');
			const layouts = () =>
				questions(page).evaluateAll((sets) =>
					sets.map((set) => {
						const boxes = [...set.querySelectorAll('label.option')].map((l) => l.getBoundingClientRect());
						const same = (a: number, b: number) => Math.abs(a - b) < 1;
						if (boxes.every((b) => same(b.top, boxes[0]!.top))) return 'row';
						if (boxes.every((b) => same(b.left, boxes[0]!.left) && same(b.width, boxes[0]!.width)))
							return 'column';
						return 'grid';
					})
				);
			let rowFrom = Infinity;
			for (let width = 320; width <= 1400; width += 36) {
				await page.setViewportSize({ width, height: 800 });
				const seen = new Set(await layouts());
				expect(seen.size, `${width}px: ${[...seen]}`).toBe(1);
				const [layout] = [...seen];
				expect(['row', 'column'], `${width}px`).toContain(layout);
				if (layout === 'row') rowFrom = Math.min(rowFrom, width);
				// Once in a row, wider screens stay in a row.
				else expect(width, `column at ${width}px after a row at ${rowFrom}px`).toBeLessThan(rowFrom);
				const sideways = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(sideways, `${width}px`).toBeLessThanOrEqual(0);
			}
			for (const [width, expected] of [
				[320, 'column'],
				[390, 'column'],
				[1366, 'row']
			] as const) {
				await page.setViewportSize({ width, height: 800 });
				expect(new Set(await layouts())).toEqual(new Set([expected]));
			}
			const violations = await checkA11y(page);
			expect(violations, describeViolations(violations)).toEqual([]);
		},
		TIMEOUT
	);

	it(
		"the result shows the organisation's contacts and the help lines of its language, prints on one A4 page",
		async () => {
			const admin = await open();
			await signInAs(admin, baseUrl, ADMIN);
			const settings = url(`/o/${wave.org}/admin/settings`);
			await admin.goto(settings);
			const contactsForm = admin.locator('main form:has(input[name="section"][value="contacts"])');
			const inputs = contactsForm.locator('input:not([type="hidden"])');
			const original: Record<string, string> = {};
			for (const input of await inputs.all())
				original[(await input.getAttribute('name'))!] = await input.inputValue();
			const fill = async (values: Record<string, string>) => {
				for (const input of await inputs.all())
					await input.fill(values[(await input.getAttribute('name'))!] ?? '');
				await navigatesBy(admin, () =>
					contactsForm.getByRole('button', { name: nl['settings.contactsSave'], exact: true }).click()
				);
			};
			const contacts = {
				'contact.preventionAdvisor.name': `Preventie ${suffix()}`,
				'contact.preventionAdvisor.phone': '+32 2 555 01 23',
				'contact.preventionAdvisor.email': 'preventie@zonnedael.example',
				'contact.preventionAdvisor.note': 'Elke werkdag van 9 tot 17 uur.',
				'contact.occupationalPhysician.name': `Arbeidsarts ${suffix()}`,
				'contact.occupationalPhysician.phone': '03 555 44 33',
				'contact.trustedPerson.name': `Vertrouwen ${suffix()}`,
				'contact.trustedPerson.email': 'vertrouwen@zonnedael.example'
			};
			try {
				await fill(contacts);
				expect(await mainText(admin)).toContain(nl['settings.contactsSaved']);

				const lines = {
					nl: ['tel:106', 'tel:1813'],
					fr: ['tel:107', 'tel:080032123'],
					en: ['tel:106', 'tel:1813', 'tel:107', 'tel:080032123']
				} as const;
				for (const [seed, lang] of (['nl', 'fr', 'en'] as const).entries()) {
					const texts = CATALOGUES[lang];
					const page = await completeThroughLink(lang, seed + 5);
					const text = await mainText(page);
					for (const role of ['preventionAdvisor', 'occupationalPhysician', 'trustedPerson'] as const) {
						expect(text).toContain(texts[`settings.contact.${role}`]);
						expect(text).toContain(contacts[`contact.${role}.name`]);
					}
					expect(text).toContain(contacts['contact.preventionAdvisor.note']);
					const hrefs = await page
						.locator('main a')
						.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
					expect(hrefs).toContain('tel:+3225550123');
					expect(hrefs).toContain('tel:035554433');
					expect(hrefs).toContain('mailto:vertrouwen@zonnedael.example');
					expect(
						hrefs.filter((h) => ['tel:106', 'tel:1813', 'tel:107', 'tel:080032123'].includes(h!))
					).toEqual(lines[lang]);
					expect(text).toContain(texts['result.linesTitle']);
					if (lang === 'en') {
						expect(text).toContain(en['result.linesInDutch']);
						expect(text).toContain(en['result.linesInFrench']);
					} else expect(text).not.toContain(texts['result.linesInFrench']);
					expect(text).toContain(texts['result.notDiagnosis']);
					expect(text).toContain(texts['result.notStored']);

					// The print button works with JavaScript and is left off the paper.
					const print = page.getByRole('button', { name: texts['result.print'], exact: true });
					await expect(print.isVisible()).resolves.toBe(true);
					await page.evaluate(() => {
						(window as unknown as { printed: number }).printed = 0;
						window.print = () => void ((window as unknown as { printed: number }).printed += 1);
					});
					await print.click();
					await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(
						1
					);
					await page.emulateMedia({ media: 'print' });
					await expect(print.isVisible()).resolves.toBe(false);
					// Back to the browser's own media (an explicit 'screen' would also print the PDF as a screen).
					await page.emulateMedia({ media: null });
					const violations = await checkA11y(page);
					expect(violations, describeViolations(violations)).toEqual([]);

					if (lang !== 'en') {
						const pdf = await page.pdf({ format: 'A4', printBackground: true });
						const file = join(tmpdir(), `knipperlicht-result-${suffix()}.pdf`);
						writeFileSync(file, pdf);
						try {
							const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
							expect(pages, `${lang}: the result prints on one A4 page`).toBe('1');
							const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(
								/\s+/g,
								' '
							);
							expect(printed).toContain(texts['result.title']);
							expect(printed).toContain(contacts['contact.trustedPerson.name']);
							expect(printed).toContain('+32 2 555 01 23');
							expect(printed).toContain(lang === 'nl' ? '1813' : '0800 32 123');
							expect(printed).not.toContain(texts['result.print']);
							expect(printed).not.toContain(texts['nav.switchLanguage']);
						} finally {
							rmSync(file, { force: true });
						}
					}
					await page.context().close();
				}

				// Without JavaScript there is no print button to fail: the page says how to print.
				const bare = await respondent('nl', { javaScriptEnabled: false });
				await answerAll(bare, [], 3);
				await submit(bare, 'nl');
				await expectResult(bare, 'nl');
				stored++;
				await expect(
					bare.getByRole('button', { name: nl['result.print'], exact: true }).count()
				).resolves.toBe(0);
				await expect(bare.getByText(nl['result.printNoScript'], { exact: true }).isVisible()).resolves.toBe(
					true
				);
			} finally {
				await admin.goto(settings);
				await fill(original);
				await admin.context().close();
			}
		},
		TIMEOUT * 2
	);

	it(
		'after closing, the advisor sees the exact count of stored responses, and the wave takes no more',
		async () => {
			while (stored < wave.k + 1) {
				await completeThroughLink('nl', stored);
				await opened.pop()!.close();
			}
			const band = await progressCell();
			expect(bandTexts()).toContain(band);

			// A respondent has the form open and filled in when the wave closes.
			const late = await respondent('nl');
			await answerAll(late);
			const lateFields = await formFields(late);

			await advisor.goto(url(`/o/${wave.org}/waves/${wave.id}`));
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: nl['waves.close'], exact: true }).click()
			);
			// Closing asks first, saying what will happen.
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: nl['confirm.closeWave.yes'], exact: true }).click()
			);
			expect(await mainText(advisor)).toContain(nl['waves.closedDone']);
			// Until someone asks for it, a closed wave's participation is not shown: showing it makes
			// the wave final (it can no longer be reopened).
			await advisor.goto(url(`/o/${wave.org}/waves/${wave.id}`));
			expect(await mainText(advisor)).toContain(nl['waves.participationShow']);
			await expect(
				advisor.getByRole('button', { name: nl['waves.reopen'], exact: true }).count()
			).resolves.toBe(1);
			// The count is a plural message: fill it in, and leave only the rate open.
			const final = new RegExp(
				`^${escapeRegExp(translate('nl', 'waves.progress.final', { count: stored, rate: 999 })).replace('999', '\\d{1,3}')}$`
			);
			const closed = await progressCell({ show: true });
			expect(closed).toMatch(final);
			// Shown once, the wave is final.
			await expect(
				advisor.getByRole('button', { name: nl['waves.reopen'], exact: true }).count()
			).resolves.toBe(0);
			expect(await mainText(advisor)).toContain(nl['waves.status.closed']);

			await submit(late, 'nl');
			await expect(late.getByRole('alert').textContent()).resolves.toBe(nl['barometer.closed']);
			expect(await mainText(late)).not.toContain(nl['result.title']);
			const refused = await new Client(baseUrl).post(wave.link, lateFields);
			expect(refused.status).toBe(400);
			const refusedHtml = await refused.text();
			expect(refusedHtml).toContain(nl['barometer.closed']);
			expect(refusedHtml).not.toContain(nl['result.title']);

			await late.goto(url(wave.link));
			await expect(late.getByRole('alert').textContent()).resolves.toBe(nl['barometer.closed']);
			await expect(questions(late).count()).resolves.toBe(0);
			await expect(submitButton(late, nl).count()).resolves.toBe(0);

			// An unused code of a closed wave opens no questionnaire either, and gets the same answer as
			// a used one: after the close, its status must not tell whether it was used.
			await late.goto(url('/b?code'));
			await startWithCode(late, wave.codes[1]!);
			expect(await mainText(late)).toContain(nl['barometer.codeInvalid']);
			await expect(questions(late).count()).resolves.toBe(0);

			expect(await progressCell()).toBe(closed);
			expect(await progressCell({ show: true })).toBe(closed);
		},
		TIMEOUT
	);
});
