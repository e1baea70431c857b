import { todayInBelgium } from '../../src/lib/server/clock';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { translate, type MessageKey } from '../../src/lib/i18n';
import { BAROMETER, dimensionsOf } from '../../src/lib/instruments';
import { languagesInTurn, launchBrowser, newPage, showSeededWave, signInAs } from '../helpers/browser';
import {
	addDays,
	answerEveryItem,
	CATALOGUES,
	chooseLanguage,
	escapeRegExp,
	expectNoSeriousA11yProblems,
	LAPTOP,
	messagePattern,
	navigatesBy,
	PHONE
} from '../helpers/browser-steps';

/**
 * The whole prevention cycle in a real browser, once in Dutch and once in French: the advisor
 * follows a finding of the manager's unit on the results page to a new measure taken from the
 * catalogue; the manager moves it to in progress and to done, with a note; the next wave asks about
 * it, respondents of the unit answer (one through the browser, the others as phones without
 * JavaScript post the same form), the advisor closes the wave and the measure shows how it was
 * perceived and its targets before and after, through the anonymity gate; finally the annual action
 * plan is written, submitted to the committee, advised and adopted, and printed to an A4 PDF in the
 * artefact folder. The measure, the plan and the respondent page pass axe at laptop and phone width.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const MANAGER = 'leiding@zonnedael.demo';
/** A unit of the manager's subtree (Woonzorgcentrum De Linde). */
const UNIT = { name: 'Afdeling Eik (dementie)', code: 'LIN-EIK' };
const TIMEOUT = 300_000;
const ARTIFACTS = process.env.KNIPPERLICHT_ARTIFACTS || join(process.cwd(), 'test-results');
/**
 * Days from today: the measure starts on `start` and its evaluation wave opens on `opens`, so that
 * this wave is the first closed wave after the start of its own measure, whatever other tests close
 * (their waves open today). The Dutch run's wave opens before the French measure starts.
 */
const DAYS = { nl: { start: -4, opens: -3 }, fr: { start: -2, opens: -1 } } as const;
/** Annual plans of years no demo plan and no other test uses, one range per language. */
const PLAN_YEARS = { nl: 2050, fr: 2070 } as const;
const DIMENSIONS = new Set(dimensionsOf(BAROMETER, true).map((d) => d.id));

const baseUrl = inject('baseUrl');
const url = (path: string) => new URL(path, baseUrl).href;

let browser: Browser;
let opened: BrowserContext[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
});
afterEach(async () => {
	const contexts = opened;
	opened = [];
	await Promise.all(contexts.map((c) => c.close()));
});
afterAll(async () => {
	await browser?.close();
});

async function open(options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
	const page = await newPage(browser, { viewport: options.viewport ?? LAPTOP });
	opened.push(page.context());
	return page;
}

async function signedIn(email: string, lang: 'nl' | 'fr'): Promise<Page> {
	const page = await open();
	await signInAs(page, baseUrl, email);
	await chooseLanguage(page, lang);
	return page;
}

const mainText = async (page: Page) =>
	((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

/** Clicks a form's button and waits for the status message the page shows after the post. */
async function post(page: Page, button: string, message: string): Promise<void> {
	await page.getByRole('button', { name: button, exact: true }).click();
	await page.getByRole('status').filter({ hasText: message }).waitFor({ timeout: 40_000 });
}

/** The `target` of a link to a new measure. */
const targetOf = (href: string | null) => new URL(href ?? '', baseUrl).searchParams.get('target') ?? '';

/**
 * On the results page: a link to a new measure for the unit, from a reason of the attention list
 * when the unit is in it, else from a shown heatmap cell of the unit; a barometer theme when there is one.
 */
async function findingLink(
	page: Page,
	texts: Record<MessageKey, string>
): Promise<{ link: Locator; via: 'attention list' | 'heatmap' }> {
	const short = UNIT.name.split(' (')[0]!;
	const item = page
		.getByRole('region', { name: texts['warning.title'] })
		.locator('ol.attention > li')
		.filter({ has: page.getByRole('link', { name: new RegExp(`^${escapeRegExp(short)}`) }) });
	let links = item.getByRole('link', { name: new RegExp(`^${escapeRegExp(texts['warning.writeMeasure'])}`) });
	const via = (await links.count()) > 0 ? 'attention list' : 'heatmap';
	if (via === 'heatmap')
		links = page
			.getByRole('table', { name: texts['results.caption'] })
			.locator('tbody tr')
			.filter({ has: page.locator('th[scope="row"]', { hasText: short }) })
			.locator('td a');
	const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(hrefs.length, `no finding of ${UNIT.name} leads to a new measure`).toBeGreaterThan(0);
	const theme = hrefs.findIndex((href) => DIMENSIONS.has(targetOf(href)));
	return { link: links.nth(Math.max(0, theme)), via };
}

describe.each(languagesInTurn(['nl', 'fr'] as const))('the prevention cycle in %s', (lang) => {
	const texts = CATALOGUES[lang];
	it(
		'from a finding to a measure, done by the manager, evaluated at the next wave, in the adopted annual plan',
		async () => {
			const started = Date.now();
			// Where the time goes, printed once at the end: the journey must stay short on a loaded machine.
			const laps: string[] = [];
			const lap = (what: string) => laps.push(`${what} ${Math.round((Date.now() - started) / 1000)} s`);
			const tag = randomBytes(3).toString('hex');

			// 1. The advisor follows a finding of the unit to a new measure from the catalogue.
			const advisor = await signedIn(ADVISOR, lang);
			const org = /\/o\/([0-9a-f-]{36})/.exec(advisor.url())![1]!;
			await navigatesBy(advisor, () =>
				advisor
					.getByRole('navigation', { name: texts['nav.main'] })
					.getByRole('link', { name: texts['nav.results'], exact: true })
					.click()
			);
			await advisor.getByRole('heading', { level: 1, name: texts['results.title'] }).waitFor();
			await showSeededWave(advisor, texts['results.wave']);
			const { link: finding, via } = await findingLink(advisor, texts);
			const target = targetOf(await finding.getAttribute('href'));
			await navigatesBy(advisor, () => finding.click());
			expect(new URL(advisor.url()).pathname).toBe(`/o/${org}/measures/new`);
			const unitId = new URL(advisor.url()).searchParams.get('unit')!;
			expect(await advisor.locator('select[name="unitId"] option:checked').textContent()).toContain(
				UNIT.name
			);
			await expect(advisor.locator(`input[name="target"][value="${target}"]`).isChecked()).resolves.toBe(
				true
			);
			let use = advisor.getByRole('link', { name: messagePattern(texts['measure.useSuggestion']) });
			if ((await use.count()) === 0) {
				await navigatesBy(advisor, () =>
					advisor.getByRole('button', { name: texts['measure.showSuggestions'], exact: true }).click()
				);
				use = advisor.getByRole('link', { name: messagePattern(texts['measure.useSuggestion']) });
			}
			await navigatesBy(advisor, () => use.first().click());
			expect(new URL(advisor.url()).searchParams.get('from')).toMatch(/\S/);
			const titleField = advisor.getByLabel(texts['measure.field.title'], { exact: true });
			const suggested = await titleField.inputValue();
			expect(suggested).not.toBe('');
			expect(await advisor.locator('select[name="unitId"]').inputValue()).toBe(unitId);
			const title = `${suggested.slice(0, 150)} (E2E cycle ${lang} ${tag})`;
			await titleField.fill(title);
			// The server's calendar is Belgium's: between 23:00 and midnight UTC it is already tomorrow there.
			const today = todayInBelgium();
			const startsOn = addDays(today, DAYS[lang].start);
			await advisor
				.getByLabel(new RegExp(`^${escapeRegExp(texts['measure.field.startsOn'])}`))
				.fill(startsOn);
			await advisor.getByLabel(texts['measure.field.dueOn'], { exact: true }).fill(addDays(today, 60));
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: texts['measure.create'], exact: true }).click()
			);
			const measureUrl = advisor.url();
			const measureId = /\/measures\/([0-9a-f-]{36})$/.exec(new URL(measureUrl).pathname)?.[1] ?? '';
			expect(measureId, measureUrl).not.toBe('');
			await advisor.getByRole('heading', { level: 1, name: title }).waitFor();
			lap('measure written');

			// 2. The manager of the unit's division moves it to in progress, then done, with a note.
			const manager = await signedIn(MANAGER, lang);
			await manager.goto(measureUrl);
			await manager.getByRole('heading', { level: 1, name: title }).waitFor();
			for (const status of ['in-progress', 'done'] as const) {
				await manager.getByLabel(texts['measure.field.status'], { exact: true }).selectOption(status);
				await post(manager, texts['measure.changeStatus'], texts['measure.saved']);
				expect(await manager.locator('dl').textContent()).toContain(texts[`measure.status.${status}`]);
				if (status === 'in-progress') {
					const note = `E2E cycle ${lang}: ${lang === 'nl' ? 'overleg met het team gehouden' : 'concertation avec l’équipe tenue'}`;
					await manager.getByLabel(texts['measure.note'], { exact: true }).fill(note);
					await post(manager, texts['measure.addNote'], texts['measure.noteAdded']);
					await manager.getByText(note, { exact: true }).waitFor();
				}
			}
			await chooseLanguage(manager, 'nl');
			lap('measure done');

			// 3. The next wave asks about it; respondents of the unit answer; the advisor closes it.
			await advisor.goto(url(`/o/${org}/waves/new`));
			const waveName = `E2E cycle ${lang} ${tag}`;
			await advisor.getByLabel(texts['waves.name'], { exact: true }).fill(waveName);
			await advisor
				.getByLabel(texts['waves.opensOn'], { exact: true })
				.fill(addDays(today, DAYS[lang].opens));
			// Closing today keeps the next language's measure, done today, a candidate of its own wave.
			await advisor.getByLabel(texts['waves.closesOn'], { exact: true }).fill(today);
			await advisor.getByRole('radio', { name: texts['waves.entry.links'], exact: true }).check();
			for (const box of await advisor.locator('main input[name="unitIds"]').all()) await box.uncheck();
			await advisor.getByRole('checkbox', { name: `${UNIT.name} (${UNIT.code})`, exact: true }).check();
			const block = advisor.getByRole('group', { name: texts['perception.block'] });
			const ours = block.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(title)}`) });
			await expect(
				ours.count(),
				`the evaluation block does not offer the measure: ${await block.textContent().catch(() => '')}`
			).resolves.toBe(1);
			for (const box of await block.getByRole('checkbox').all()) await box.setChecked(false);
			await ours.check();
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: texts['waves.create'], exact: true }).click()
			);
			await advisor.getByRole('heading', { level: 1, name: waveName }).waitFor();
			const wavePage = advisor.url();
			const k = Number(
				new RegExp(escapeRegExp(texts['waves.kFrozen']).replace('\\{k\\}', '(\\d+)')).exec(
					await mainText(advisor)
				)?.[1]
			);
			expect(k).toBeGreaterThanOrEqual(3);
			const link =
				(await advisor.locator('main table tbody tr a[href^="/b/"]').first().getAttribute('href')) ?? '';
			expect(link).toMatch(/^\/b\/[a-z2-7]{26}$/);

			// One respondent on a phone, in the language of this run, answers everything.
			const respondent = await open({ viewport: PHONE });
			await respondent.goto(url(link));
			await chooseLanguage(respondent, lang);
			await respondent.getByRole('heading', { level: 2, name: texts['perception.heading'] }).waitFor();
			const question = respondent.getByRole('group', { name: new RegExp(escapeRegExp(title)) });
			expect(await question.locator('legend').textContent()).toContain(texts['perception.question']);
			await expectNoSeriousA11yProblems(respondent, 'the respondent page');
			await respondent.setViewportSize(PHONE);
			await answerEveryItem(respondent);
			await question.getByRole('radio', { name: texts['perception.answer.helped'], exact: true }).check();
			const filled = await respondent
				.locator('main form.questionnaire')
				.evaluate((form) =>
					[...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)] as const)
				);
			await navigatesBy(respondent, () =>
				respondent.getByRole('button', { name: texts['barometer.submit'], exact: true }).click()
			);
			await expect(respondent.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				texts['result.title']
			);
			// The others as phones without JavaScript: the same form, a fresh nonce from the page each.
			const field = `p_${measureId}`;
			expect(filled.map(([name]) => name)).toContain(field);
			for (let i = 1; i < k; i++) {
				const html = await (await fetch(url(link))).text();
				const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1];
				expect(nonce, html.slice(0, 300)).toBeDefined();
				const form = new URLSearchParams(
					filled.map(([name, value]) =>
						name === 'nonce' ? [name, nonce!] : name === field ? [name, String(1 + (i % 4))] : [name, value]
					)
				);
				const response = await fetch(url(link), {
					method: 'POST',
					body: form.toString(),
					headers: {
						origin: new URL(baseUrl).origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					redirect: 'manual'
				});
				const answered = await response.text();
				expect(answered.includes('id="result-title"'), answered.slice(0, 300)).toBe(true);
			}
			// While the wave takes answers, the measure says so and shows no figure.
			await advisor.goto(measureUrl);
			const perception = advisor.getByRole('region', { name: texts['perception.title'] });
			await perception.getByText(texts['perception.waveOpen'], { exact: true }).waitFor();
			expect(await perception.getByRole('table').count()).toBe(0);
			await advisor.goto(wavePage);
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: texts['waves.close'], exact: true }).click()
			);
			// Closing asks first, saying what will happen.
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: texts['confirm.closeWave.yes'], exact: true }).click()
			);
			expect(await mainText(advisor)).toContain(texts['waves.closedDone']);
			lap(`wave closed after ${k} answers`);

			// The measure shows how it was perceived and its targets before and after, through the gate.
			await advisor.goto(measureUrl);
			await perception
				.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(waveName)}`) })
				.waitFor();
			const figure = perception.getByRole('table');
			const perceived = (await perception.textContent()) ?? '';
			expect(await figure.count(), perceived).toBe(1);
			await expect(figure.locator('caption').textContent()).resolves.toBe(
				translate(lang, 'perception.answered', { n: k })
			);
			const shares = await figure
				.locator('tbody tr')
				.evaluateAll((rows) =>
					rows.map((r) => [
						r.querySelector('th')?.textContent?.trim(),
						r.querySelector('td')?.textContent?.trim()
					])
				);
			expect(shares.map(([answer]) => answer)).toContain(texts['perception.answer.helped']);
			for (const [, share] of shares) expect(share).toMatch(/^\d+\s?%$/);

			const evaluation = advisor.getByRole('region', {
				name: new RegExp(`^${escapeRegExp(texts['evaluation.title'])}`)
			});
			const rows = evaluation.locator('tbody tr');
			await expect(rows.count()).resolves.toBe(1);
			const [before, after, change] = await rows
				.first()
				.locator('td')
				.evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()));
			const outcomes = (['improved', 'unchanged', 'worse', 'not-comparable'] as const).map(
				(o) => texts[`evaluation.outcome.${o}`]
			);
			expect(
				outcomes.some((o) => change!.startsWith(o)),
				change
			).toBe(true);
			if (DIMENSIONS.has(target)) {
				// Our wave is the first after the start; the demo's last closed wave is the one before.
				expect(after).toContain(waveName);
				const shown = new RegExp(
					`^${escapeRegExp(texts['evaluation.dimensionFigure'])
						.replace('\\{mean\\}', '[\\d,.]+')
						.replace('\\{share\\}', '\\d+\\s?%')
						.replace('\\{n\\}', '(\\d+)')}`
				);
				for (const side of [before!, after!]) {
					const n = shown.exec(side)?.[1];
					// A figure with its n (at least k), or none at all and the reason in the change column.
					if (n) expect(Number(n)).toBeGreaterThanOrEqual(k);
					else {
						expect(side.startsWith('—'), side).toBe(true);
						const why = change!.split(':').slice(1).join(':');
						expect(why, change).not.toMatch(/\d/);
					}
				}
				expect(shown.exec(after!)?.[1], `${k} of the unit answered: ${after}`).toBe(String(k));
			}
			await expectNoSeriousA11yProblems(advisor, 'the measure after the wave');
			lap('measure evaluated');

			// 4. The annual action plan: written, submitted, advised and adopted, and printed.
			await advisor
				.getByRole('navigation', { name: texts['nav.main'] })
				.getByRole('link', { name: texts['nav.plans'], exact: true })
				.click();
			await advisor.waitForURL((u) => u.pathname === `/o/${org}/plans`);
			await advisor.getByRole('heading', { level: 1, name: texts['plan.listTitle'] }).waitFor();
			await advisor.getByRole('link', { name: texts['plan.new'], exact: true }).click();
			await advisor.waitForURL((u) => u.pathname === `/o/${org}/plans/new`);
			await advisor.getByRole('heading', { level: 1, name: texts['plan.new'] }).waitFor();
			const exists = texts['plan.exists'].split('{')[0]!.trim();
			let year = PLAN_YEARS[lang] + (randomBytes(1)[0]! % 15);
			for (;;) {
				await advisor.getByLabel(texts['plan.kind'], { exact: true }).selectOption('annual');
				await advisor.getByLabel(texts['plan.firstYear'], { exact: true }).fill(String(year));
				await advisor.getByRole('button', { name: texts['plan.create'], exact: true }).click();
				const made = () => /\/plans\/[0-9a-f-]{36}$/.test(new URL(advisor.url()).pathname);
				const taken = advisor.getByRole('alert').filter({ hasText: exists });
				await expect.poll(async () => made() || (await taken.count()) > 0, { timeout: 40_000 }).toBe(true);
				if (made()) break;
				// A plan of that year already exists (a test run again on the same data): take the next year.
				year++;
			}
			const planTitle = `${texts['plan.kind.annual']} ${year}`;
			await advisor.getByRole('heading', { level: 1, name: planTitle }).waitFor();
			const titleBlock = advisor.locator('header.title-block');
			const statusIs = async (status: 'draft' | 'submitted' | 'advised' | 'adopted') =>
				expect(await titleBlock.textContent()).toContain(texts[`plan.status.${status}`]);
			await statusIs('draft');
			const objectives = `E2E cycle ${lang}: ${title}`;
			await advisor.getByLabel(texts['plan.section.objectives'], { exact: true }).fill(objectives);
			await advisor
				.getByLabel(texts['plan.section.means'], { exact: true })
				.fill(
					lang === 'nl'
						? 'Twee uur per week overleg in het team van afdeling Eik.'
						: 'Deux heures de concertation par semaine dans l’équipe de l’unité Eik.'
				);
			await post(advisor, texts['plan.saveSections'], texts['plan.saved']);
			await advisor.getByLabel(texts['plan.submittedOn'], { exact: true }).fill(addDays(today, -2));
			await post(advisor, texts['plan.submit'], texts['plan.statusSaved']);
			await statusIs('submitted');
			await advisor.getByText(texts['plan.locked'], { exact: true }).waitFor();
			const advice =
				lang === 'nl'
					? `E2E cycle ${tag}: gunstig advies van het comité`
					: `E2E cycle ${tag} : avis favorable du comité`;
			await advisor.getByLabel(texts['plan.adviceOn'], { exact: true }).fill(addDays(today, -1));
			await advisor.getByLabel(texts['plan.adviceText'], { exact: true }).fill(advice);
			await post(advisor, texts['plan.recordAdvice'], texts['plan.statusSaved']);
			await statusIs('advised');
			await advisor.getByText(advice, { exact: true }).waitFor();
			await advisor.getByLabel(texts['plan.adoptedOn'], { exact: true }).fill(today);
			await post(advisor, texts['plan.adopt'], texts['plan.statusSaved']);
			await statusIs('adopted');
			for (const key of ['plan.submittedOn', 'plan.adviceOn', 'plan.adoptedOn'] as const)
				expect(await titleBlock.textContent()).toContain(texts[key]);
			await expectNoSeriousA11yProblems(advisor, 'the adopted plan');

			mkdirSync(ARTIFACTS, { recursive: true });
			const pdf = join(ARTIFACTS, `prevention-cycle-plan-${lang}.pdf`);
			await advisor.emulateMedia({ media: 'print' });
			await advisor.pdf({ path: pdf, format: 'A4', printBackground: true });
			await advisor.emulateMedia({ media: 'screen' });
			const bytes = readFileSync(pdf);
			expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
			if (existsSync('/usr/bin/pdftotext')) {
				const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'])
					.toString('utf8')
					.replace(/\s+/g, ' ');
				expect(text).toContain(planTitle);
				expect(text).toContain(texts['plan.status.adopted']);
				expect(text).toContain(advice);
			}
			await chooseLanguage(advisor, 'nl');
			lap('plan adopted and printed');
			console.info(`prevention cycle in ${lang} (${via}, target ${target}): ${laps.join(', ')}`);
		},
		TIMEOUT
	);
});
