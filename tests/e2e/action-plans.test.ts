import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { browserSession, languagesInTurn } from '../helpers/browser';
import {
	CATALOGUES,
	chooseLanguage,
	escapeRegExp,
	expectNoSeriousA11yProblems,
	LAPTOP,
	messagePattern
} from '../helpers/browser-steps';

/**
 * Action plans in a real browser, in Dutch and in French: the advisor starts a measure from a
 * unit's page with a suggestion of the catalogue, the manager of that unit moves it along and adds
 * a note, and the audit log shows all three changes. The three pages of measures pass axe on a
 * laptop and on a phone.
 */
const ADVISOR = 'preventie@zonnedael.demo';
const MANAGER = 'leiding@zonnedael.demo';
/** The manager's unit: "Afdeling Eik (dementie)". */
const UNIT = 'Afdeling Eik';
const TIMEOUT = 180_000;

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

describe.each(languagesInTurn(['nl', 'fr'] as const))('an action plan in %s', (lang) => {
	const texts = CATALOGUES[lang];
	it(
		'from a unit to a measure from the catalogue, moved along by the manager, in the audit log',
		async () => {
			const advisor = await signedIn(ADVISOR);
			await advisor.setViewportSize(LAPTOP);
			await chooseLanguage(advisor, lang);
			const org = /\/o\/([0-9a-f-]{36})/.exec(advisor.url())![1]!;
			await advisor
				.getByRole('link', { name: new RegExp(`^${UNIT}`) })
				.first()
				.click();
			await advisor.getByRole('heading', { level: 1, name: new RegExp(UNIT) }).waitFor();
			await advisor.getByRole('heading', { level: 2, name: texts['measure.forUnit'] }).waitFor();
			await advisor.getByRole('link', { name: texts['measure.new'], exact: true }).click();
			await advisor.waitForURL((url) => url.pathname.endsWith('/measures/new'));
			const unitId = new URL(advisor.url()).searchParams.get('unit');
			expect(unitId).toMatch(/^[0-9a-f-]{36}$/);

			// Aim at the workload and ask for suggestions; take the first one.
			const workload = lang === 'nl' ? 'Werkdruk' : 'Charge de travail';
			await advisor.getByLabel(workload, { exact: true }).check();
			await Promise.all([
				advisor.waitForURL((url) => url.searchParams.getAll('target').includes('workload')),
				advisor.getByRole('button', { name: texts['measure.showSuggestions'], exact: true }).click()
			]);
			await expectNoSeriousA11yProblems(advisor, 'the form of a new measure');
			const use = advisor.getByRole('link', { name: messagePattern(texts['measure.useSuggestion']) }).first();
			const useName = (await use.textContent())!.trim();
			await Promise.all([advisor.waitForURL((url) => url.searchParams.has('from')), use.click()]);
			const suggested = await advisor.getByLabel(texts['measure.field.title'], { exact: true }).inputValue();
			expect(useName.endsWith(suggested)).toBe(true);
			// A title of its own: other browser tests may take the same suggestion meanwhile.
			const title = `${suggested} ${randomBytes(3).toString('hex')}`;
			await advisor.getByLabel(texts['measure.field.title'], { exact: true }).fill(title);
			expect(
				await advisor.getByLabel(new RegExp(`^${escapeRegExp(texts['measure.field.unit'])}`)).inputValue()
			).toBe(unitId);
			expect(await advisor.getByLabel(workload, { exact: true }).isChecked()).toBe(true);
			// A due date before the start is refused with the form's problems, and nothing is stored.
			const startsOn = advisor.getByLabel(new RegExp(`^${escapeRegExp(texts['measure.field.startsOn'])}`));
			await startsOn.fill('2031-12-31');
			await advisor.getByLabel(texts['measure.field.dueOn'], { exact: true }).fill('2031-01-01');
			await advisor.getByRole('button', { name: texts['measure.create'], exact: true }).click();
			await advisor.getByRole('alert').filter({ hasText: texts['measure.dueBeforeStart'] }).waitFor();
			expect(await advisor.getByLabel(texts['measure.field.title'], { exact: true }).inputValue()).toBe(
				title
			);
			expect(await advisor.getByLabel(workload, { exact: true }).isChecked()).toBe(true);
			await startsOn.fill('');
			await advisor.getByLabel(texts['measure.field.dueOn'], { exact: true }).fill('2031-12-31');
			await Promise.all([
				advisor.waitForURL((url) => /\/measures\/[0-9a-f-]{36}$/.test(url.pathname)),
				advisor.getByRole('button', { name: texts['measure.create'], exact: true }).click()
			]);
			const measureUrl = advisor.url();
			await advisor.getByRole('heading', { level: 1, name: title }).waitFor();
			await expectNoSeriousA11yProblems(advisor, 'a measure for the advisor');

			// Listed, with its unit.
			await advisor
				.getByRole('navigation', { name: texts['nav.main'] })
				.getByRole('link', { name: texts['nav.measures'], exact: true })
				.click();
			await advisor.waitForURL((url) => url.pathname === `/o/${org}/measures`);
			// Exactly this title: another browser test may write a measure whose title starts the same.
			const row = advisor
				.getByRole('row')
				.filter({ has: advisor.getByRole('link', { name: title, exact: true }) });
			await expect.poll(() => row.count()).toBe(1);
			expect(await row.first().textContent()).toContain(UNIT);
			await expectNoSeriousA11yProblems(advisor, 'the list of measures');

			// The manager of the unit moves it along and adds a note.
			const manager = await signedIn(MANAGER);
			await manager.setViewportSize(LAPTOP);
			await chooseLanguage(manager, lang);
			await manager.goto(measureUrl);
			await manager.getByRole('heading', { level: 1, name: title }).waitFor();
			await manager.getByLabel(texts['measure.field.status'], { exact: true }).selectOption('in-progress');
			await manager.getByRole('button', { name: texts['measure.changeStatus'], exact: true }).click();
			await manager.getByRole('status').filter({ hasText: texts['measure.saved'] }).waitFor();
			const note = `E2E ${lang}: eerste overleg gepland`;
			await manager.getByLabel(texts['measure.note'], { exact: true }).fill(note);
			await manager.getByRole('button', { name: texts['measure.addNote'], exact: true }).click();
			await manager.getByRole('status').filter({ hasText: texts['measure.noteAdded'] }).waitFor();
			await manager.getByText(note, { exact: true }).waitFor();
			expect(await manager.locator('dl').textContent()).toContain(texts['measure.status.in-progress']);
			await expectNoSeriousA11yProblems(manager, 'a measure for the manager');
			await chooseLanguage(manager, 'nl');

			// The audit log shows the three changes.
			// (Only measures: sign-ins of other browser tests fill the log meanwhile.)
			await advisor.goto(new URL(`/o/${org}/audit?kind=measure`, baseUrl).href);
			const log = (await advisor.locator('main').textContent()) ?? '';
			for (const key of [
				'audit.action.measure.create',
				'audit.action.measure.update',
				'audit.action.measure.note'
			] as const)
				expect(log).toContain(texts[key]);
			await chooseLanguage(advisor, 'nl');
		},
		TIMEOUT
	);
});
