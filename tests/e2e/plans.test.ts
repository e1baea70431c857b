import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession, languagesInTurn } from '../helpers/browser';
import { CATALOGUES, chooseLanguage, expectNoSeriousA11yProblems, LAPTOP } from '../helpers/browser-steps';

/**
 * The annual action plan in a real browser, in Dutch and in French: the advisor makes one, fills in
 * its sections, submits it to the committee, records the committee's advice and adopts it. The plan
 * page passes axe on a laptop and on a phone, and Chromium's print of it is saved as an A4 PDF in
 * the artefact folder (KNIPPERLICHT_ARTIFACTS, by default test-results/), with its title block in it.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const TIMEOUT = 420_000;
/** Years no demo plan and no other test uses, one per language. */
const YEAR = { nl: 2041, fr: 2042 } as const;
const ARTIFACTS = process.env.KNIPPERLICHT_ARTIFACTS || join(process.cwd(), 'test-results');

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

/** Submits one of the page's forms by its button and waits for the status message. */
async function step(page: Page, button: string, message: string): Promise<void> {
	await page.getByRole('button', { name: button, exact: true }).click();
	await page.getByRole('status').filter({ hasText: message }).waitFor();
}

describe.each(languagesInTurn(['nl', 'fr'] as const, 1))('the annual action plan in %s', (lang) => {
	const texts = CATALOGUES[lang];
	it(
		'made, filled in, submitted, advised and adopted; accessible; printed to an A4 PDF',
		async () => {
			const advisor = await signedIn(ADVISOR);
			await advisor.setViewportSize(LAPTOP);
			await chooseLanguage(advisor, lang);
			await advisor
				.getByRole('navigation', { name: texts['nav.main'] })
				.getByRole('link', { name: texts['nav.plans'], exact: true })
				.click();
			await advisor.getByRole('heading', { level: 1, name: texts['plan.listTitle'] }).waitFor();
			await expectNoSeriousA11yProblems(advisor, 'the list of plans');
			await advisor.getByRole('link', { name: texts['plan.new'], exact: true }).click();
			await advisor.getByRole('heading', { level: 1, name: texts['plan.new'] }).waitFor();

			// A year out of range is refused with the form's problems, and nothing is made.
			await advisor.getByLabel(texts['plan.kind'], { exact: true }).selectOption('annual');
			await advisor.getByLabel(texts['plan.firstYear'], { exact: true }).fill('1999');
			await advisor.getByRole('button', { name: texts['plan.create'], exact: true }).click();
			await advisor
				.getByRole('alert')
				.filter({ hasText: texts['plan.yearInvalid'].split('{')[0]! })
				.waitFor();
			await advisor.getByLabel(texts['plan.firstYear'], { exact: true }).fill(String(YEAR[lang]));
			await Promise.all([
				advisor.waitForURL((url) => /\/plans\/[0-9a-f-]{36}$/.test(url.pathname)),
				advisor.getByRole('button', { name: texts['plan.create'], exact: true }).click()
			]);
			const title = `${texts['plan.kind.annual']} ${YEAR[lang]}`;
			await advisor.getByRole('heading', { level: 1, name: title }).waitFor();

			// The sections the law names for an annual plan.
			const objectives = `E2E ${lang}: de werkdruk op de afdelingen verlagen`;
			await advisor.getByLabel(texts['plan.section.objectives'], { exact: true }).fill(objectives);
			await advisor
				.getByLabel(texts['plan.section.roles'], { exact: true })
				.fill('Preventieadviseur, HR, leidinggevenden');
			await step(advisor, texts['plan.saveSections'], texts['plan.saved']);
			expect(await advisor.getByLabel(texts['plan.section.objectives'], { exact: true }).inputValue()).toBe(
				objectives
			);
			await expectNoSeriousA11yProblems(advisor, 'a draft plan');

			// Submitted to the committee: locked.
			await step(advisor, texts['plan.submit'], texts['plan.statusSaved']);
			expect(await advisor.getByRole('button', { name: texts['plan.saveSections'] }).count()).toBe(0);
			await advisor.getByText(objectives, { exact: true }).waitFor();
			await advisor.getByText(texts['plan.locked'], { exact: true }).waitFor();

			// The committee's advice, then adopted.
			const advice = `E2E ${lang}: gunstig advies, met aandacht voor de nachtdiensten`;
			await advisor.getByLabel(texts['plan.adviceText'], { exact: true }).fill(advice);
			await step(advisor, texts['plan.recordAdvice'], texts['plan.statusSaved']);
			await advisor.getByText(advice, { exact: true }).waitFor();
			await step(advisor, texts['plan.adopt'], texts['plan.statusSaved']);
			const titleBlock = (await advisor.locator('header.title-block').textContent()) ?? '';
			for (const key of [
				'plan.status.adopted',
				'plan.submittedOn',
				'plan.adviceOn',
				'plan.adoptedOn'
			] as const)
				expect(titleBlock).toContain(texts[key]);
			await advisor.getByRole('button', { name: texts['plan.newVersion'], exact: true }).waitFor();
			// With KNIPPERLICHT_SCREENSHOTS set to a folder, the adopted plan is saved there at both widths.
			await expectNoSeriousA11yProblems(advisor, 'an adopted plan', `plan-${lang}`);

			// Printed by Chromium on A4: the title block and the sections, none of the menu.
			mkdirSync(ARTIFACTS, { recursive: true });
			const pdf = join(ARTIFACTS, `annual-plan-${lang}.pdf`);
			await advisor.emulateMedia({ media: 'print' });
			await advisor.pdf({ path: pdf, format: 'A4', printBackground: true });
			await advisor.emulateMedia({ media: 'screen' });
			expect(existsSync(pdf)).toBe(true);
			expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
			if (existsSync('/usr/bin/pdftotext')) {
				const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-']).toString('utf8');
				const flat = text.replace(/\s+/g, ' ');
				expect(flat).toContain(title);
				expect(flat).toContain(texts['plan.status.adopted']);
				expect(flat).toContain(objectives);
				expect(flat).toContain(texts['plan.report']);
				expect(flat).not.toContain(texts['nav.signOut']);
			}

			// The CSV export answers with the measures of the plan, headers in the language.
			const csv = await advisor.evaluate(
				async (href) => {
					const response = await fetch(href);
					return {
						status: response.status,
						type: response.headers.get('content-type'),
						body: await response.text()
					};
				},
				new URL(`${new URL(advisor.url()).pathname}/export.csv`, baseUrl).href
			);
			expect(csv.status).toBe(200);
			expect(csv.type).toContain('text/csv');
			expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain(texts['plan.csv.evaluation']);

			// The audit log names each change.
			const org = /\/o\/([0-9a-f-]{36})/.exec(advisor.url())![1]!;
			await advisor.goto(new URL(`/o/${org}/audit`, baseUrl).href);
			const log = (await advisor.locator('main').textContent()) ?? '';
			for (const key of [
				'audit.action.plan.create',
				'audit.action.plan.update',
				'audit.action.plan.status'
			] as const)
				expect(log).toContain(texts[key]);
			await chooseLanguage(advisor, 'nl');
		},
		TIMEOUT
	);
});
