import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { translate } from '../../src/lib/i18n';
import { nl } from '../../src/lib/i18n/nl';
import { checkA11y, describeViolations, launchBrowser, newPage, signInAs } from '../helpers/browser';
import {
	addDays,
	answerEveryItem,
	CATALOGUES,
	chooseLanguage,
	LAPTOP,
	navigatesBy,
	PHONE
} from '../helpers/browser-steps';

/**
 * Perception in the barometer, in a real browser: the advisor marks a measure of one unit done and
 * creates a wave for that unit with the evaluation block (the measure ticked by default); a
 * respondent of the unit sees the question after the barometer's, in Dutch and in French, answers
 * it by keyboard-reachable radios and submits; the measure's page says the wave is still open.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const UNIT = { name: 'Afdeling Eik (dementie)', code: 'LIN-EIK' };
const TIMEOUT = 180_000;

const baseUrl = inject('baseUrl');
const url = (path: string) => new URL(path, baseUrl).href;

let browser: Browser;
let advisor: Page;
const opened: BrowserContext[] = [];
const state = { org: '', measureUrl: '', title: '', link: '' };

beforeAll(async () => {
	browser = await launchBrowser();
	advisor = await newPage(browser, { viewport: LAPTOP });
	opened.push(advisor.context());
	await signInAs(advisor, baseUrl, ADVISOR);
	state.org = /\/o\/([0-9a-f-]{36})/.exec(advisor.url())![1]!;
}, TIMEOUT);

afterAll(async () => {
	await Promise.all(opened.map((c) => c.close()));
	await browser?.close();
});

describe.sequential('perception in the barometer', () => {
	it(
		'setup: a measure of one unit is done, and a wave for that unit asks about it',
		async () => {
			state.title = `Overdracht herzien ${randomBytes(3).toString('hex')}`;
			await advisor.goto(url(`/o/${state.org}/measures/new`));
			const unitSelect = advisor.getByLabel(new RegExp(`^${nl['measure.field.unit']}`));
			const unitValue = await unitSelect
				.locator('option', { hasText: `(${UNIT.code})` })
				.getAttribute('value');
			await unitSelect.selectOption(unitValue!);
			await advisor.getByLabel('Werkdruk', { exact: true }).check();
			await advisor.getByLabel(nl['measure.field.title'], { exact: true }).fill(state.title);
			await advisor.getByLabel(nl['measure.field.domain'], { exact: true }).selectOption('work-organisation');
			await advisor.getByLabel(nl['measure.field.preventionLevel'], { exact: true }).selectOption('primary');
			await advisor.getByLabel(nl['measure.field.applicationLevel'], { exact: true }).selectOption('group');
			await advisor.getByLabel(nl['measure.field.dueOn'], { exact: true }).fill('2031-12-31');
			await Promise.all([
				advisor.waitForURL((u) => /\/measures\/[0-9a-f-]{36}$/.test(u.pathname)),
				advisor.getByRole('button', { name: nl['measure.create'], exact: true }).click()
			]);
			state.measureUrl = advisor.url();
			await advisor
				.getByRole('region', { name: nl['measure.edit'] })
				.getByLabel(nl['measure.field.status'], { exact: true })
				.selectOption('done');
			await advisor.getByRole('button', { name: nl['measure.save'], exact: true }).click();
			await advisor.getByRole('status').filter({ hasText: nl['measure.saved'] }).waitFor();

			await advisor.goto(url(`/o/${state.org}/waves/new`));
			await advisor.getByLabel(nl['waves.name'], { exact: true }).fill(`E2E evaluatie ${state.title}`);
			const opensOn = await advisor.getByLabel(nl['waves.opensOn'], { exact: true }).inputValue();
			await advisor.getByLabel(nl['waves.closesOn'], { exact: true }).fill(addDays(opensOn, 7));
			await advisor.getByRole('radio', { name: nl['waves.entry.links'], exact: true }).check();
			for (const box of await advisor.locator('main input[name="unitIds"]').all()) await box.uncheck();
			await advisor.getByRole('checkbox', { name: `${UNIT.name} (${UNIT.code})`, exact: true }).check();
			// The evaluation block offers the measure, ticked.
			const block = advisor.getByRole('group', { name: nl['perception.block'] });
			const measureBox = block.getByRole('checkbox', { name: new RegExp(`^${state.title}`) });
			await expect(measureBox.isChecked()).resolves.toBe(true);
			// Only this measure: others marked done in the unit by other tests are left out.
			for (const box of await block.getByRole('checkbox').all()) await box.uncheck();
			await measureBox.check();
			const violations = (await checkA11y(advisor)).filter(
				(v) => v.impact === 'serious' || v.impact === 'critical'
			);
			expect(violations, describeViolations(violations)).toEqual([]);
			await navigatesBy(advisor, () =>
				advisor.getByRole('button', { name: nl['waves.create'], exact: true }).click()
			);
			state.link =
				(await advisor.locator('main table tbody tr a[href^="/b/"]').first().getAttribute('href')) ?? '';
			expect(state.link).toMatch(/^\/b\/[a-z2-7]{26}$/);
		},
		TIMEOUT
	);

	it.each(['nl', 'fr'] as const)(
		'a respondent sees and answers the question in %s',
		async (lang) => {
			const texts = CATALOGUES[lang];
			const page = await newPage(browser, { viewport: PHONE, locale: 'nl-BE' });
			opened.push(page.context());
			await page.goto(url(state.link));
			await chooseLanguage(page, lang);
			await page.getByRole('heading', { level: 2, name: texts['perception.heading'] }).waitFor();
			const question = page.getByRole('group', { name: new RegExp(state.title) });
			expect(await question.locator('legend').textContent()).toContain(texts['perception.question']);
			// Whom it is for, read with the question (aria-describedby).
			expect(await question.textContent()).toContain(
				translate(lang, 'perception.forUnit', { unit: UNIT.name })
			);
			// Optional: "no answer" is checked until another answer is chosen.
			await expect(
				question.getByRole('radio', { name: texts['perception.answer.none'], exact: true }).isChecked()
			).resolves.toBe(true);
			const violations = (await checkA11y(page)).filter(
				(v) => v.impact === 'serious' || v.impact === 'critical'
			);
			expect(violations, describeViolations(violations)).toEqual([]);

			await answerEveryItem(page);
			// By keyboard: focus the first answer and move with the arrow keys.
			await question
				.getByRole('radio', { name: texts['perception.answer.not-noticed'], exact: true })
				.focus();
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('ArrowDown');
			await expect(
				question.getByRole('radio', { name: texts['perception.answer.helped'], exact: true }).isChecked()
			).resolves.toBe(true);
			await navigatesBy(page, () =>
				page.getByRole('button', { name: texts['barometer.submit'], exact: true }).click()
			);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				texts['result.title']
			);
		},
		TIMEOUT
	);

	it(
		'the measure’s page says the wave is still open, with no figure',
		async () => {
			await advisor.goto(state.measureUrl);
			const section = advisor.getByRole('region', { name: nl['perception.title'] });
			await section.getByText(nl['perception.waveOpen'], { exact: true }).waitFor();
			expect(await section.locator('table').count()).toBe(0);
		},
		TIMEOUT
	);
});
