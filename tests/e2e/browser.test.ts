import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { MIN_GROUP_SIZE_FLOOR } from '../../src/lib/domain/organisation-settings';
import { translate } from '../../src/lib/i18n';
import { en } from '../../src/lib/i18n/en';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';
import {
	checkA11y,
	describeViolations,
	launchBrowser,
	newPage,
	signInAs,
	type PageOptions
} from '../helpers/browser';
import { chooseLanguage, navigatesBy } from '../helpers/browser-steps';
import { Client, homeOrganisationOf, unitIdsByCode } from '../helpers/http';

/**
 * The app in a real browser: what each role sees, the flows that only make sense with rendering
 * (language switch, one-time password, form errors, file upload), accessibility and the keyboard.
 * One browser for the file; each test opens its own contexts (own cookies) and closes them.
 */
const ADMIN = 'beheer@zonnedael.demo';
const ACCOUNTS = {
	admin: ADMIN,
	advisor: 'preventie@zonnedael.demo',
	hr: 'hr@zonnedael.demo',
	manager: 'leiding@zonnedael.demo'
} as const;
const FOREIGN_ADMIN = 'beheer@lindebeek.demo';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const TIMEOUT = 60_000;

const baseUrl = inject('baseUrl');
let browser: Browser;
let org: string;
let unitInZonnedael: string;
let opened: Page[] = [];

/** A suffix that keeps codes and e-mail addresses of this run apart from every other (hex: never "HACK"). */
const suffix = () => randomBytes(4).toString('hex');
const url = (path: string) => new URL(path, baseUrl).href;

async function open(options: PageOptions = {}): Promise<Page> {
	const page = await newPage(browser, options);
	opened.push(page);
	return page;
}

async function signedIn(email: string, options: PageOptions = {}): Promise<Page> {
	const page = await open(options);
	await signInAs(page, baseUrl, email);
	return page;
}

/** The text of the main content, whitespace collapsed. */
async function mainText(page: Page): Promise<string> {
	return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

async function navLabels(page: Page, label: string = nl['nav.main']): Promise<string[]> {
	const links = page.getByRole('navigation', { name: label }).getByRole('link');
	return (await links.allTextContents()).map((t) => t.trim());
}

beforeAll(async () => {
	browser = await launchBrowser();
	const admin = new Client(baseUrl);
	await admin.signIn(ADMIN);
	org = await homeOrganisationOf(admin);
	unitInZonnedael = (await unitIdsByCode(admin, org)).get('LIN-EIK')!;
	expect(unitInZonnedael).toBeTruthy();
});

afterEach(async () => {
	const pages = opened;
	opened = [];
	await Promise.all(pages.map((p) => p.context().close()));
});

afterAll(async () => {
	await browser?.close();
});

describe('navigation per role', () => {
	const expected: Record<keyof typeof ACCOUNTS, string[]> = {
		admin: [
			nl['nav.overview'],
			nl['nav.waves'],
			nl['nav.signals'],
			nl['nav.units'],
			nl['nav.users'],
			nl['nav.settings'],
			nl['nav.audit']
		],
		advisor: [
			nl['nav.overview'],
			nl['nav.results'],
			nl['nav.waves'],
			nl['nav.signals'],
			nl['nav.measures'],
			nl['nav.plans'],
			nl['nav.audit']
		],
		hr: [nl['nav.overview'], nl['nav.results'], nl['nav.signals'], nl['nav.measures'], nl['nav.plans']],
		manager: [nl['nav.overview'], nl['nav.results'], nl['nav.measures']]
	};
	it.each(Object.keys(ACCOUNTS) as Array<keyof typeof ACCOUNTS>)(
		'%s sees exactly the items the role allows',
		async (role) => {
			const page = await signedIn(ACCOUNTS[role]);
			expect(new URL(page.url()).pathname).toBe(`/o/${org}`);
			expect(await navLabels(page)).toEqual(expected[role]);
		},
		TIMEOUT
	);

	it(
		'the manager sees their own subtree on the overview, not the rest',
		async () => {
			const page = await signedIn(ACCOUNTS.manager);
			const text = await mainText(page);
			expect(text).toContain(nl['overview.scopeManager']);
			// Once in the list of units (the overview's attention block may name it too).
			await expect(
				page
					.locator('main table')
					.last()
					.getByRole('link', { name: 'Afdeling Eik (dementie)', exact: true })
					.count()
			).resolves.toBe(1);
			expect(text).not.toContain('Spoedgevallen');
		},
		TIMEOUT
	);
});

describe('signing in', () => {
	it(
		'a wrong password shows the message and stays on /login',
		async () => {
			const page = await open();
			await page.goto(url('/login'));
			await page.getByLabel(nl['login.email'], { exact: true }).fill(ACCOUNTS.hr);
			await page.getByLabel(nl['login.password'], { exact: true }).fill('not-the-password');
			await page.getByRole('button', { name: nl['login.submit'], exact: true }).click();
			await page.getByRole('alert').filter({ hasText: nl['login.invalid'] }).waitFor();
			expect(new URL(page.url()).pathname).toBe('/login');
			expect(await page.getByLabel(nl['login.email'], { exact: true }).inputValue()).toBe(ACCOUNTS.hr);
			expect((await page.context().cookies()).map((c) => c.name)).not.toContain('kl_session');
		},
		TIMEOUT
	);

	it(
		'a unit of another organisation is a 404 page',
		async () => {
			const page = await signedIn(FOREIGN_ADMIN);
			const response = await page.goto(url(`/o/${org}/units/${unitInZonnedael}`));
			expect(response?.status()).toBe(404);
			expect(await mainText(page)).toContain(nl['error.notFound']);
			expect(await mainText(page)).not.toContain('Afdeling Eik');
		},
		TIMEOUT
	);
});

describe('language', () => {
	async function switchTo(page: Page, from: typeof en, lang: 'nl' | 'fr' | 'en') {
		// Chosen at any moment: a page still starting keeps the choice (src/lib/early-choices.ts).
		await page.getByLabel(from['nav.language'], { exact: true }).selectOption(lang);
		await page.getByRole('button', { name: from['nav.switchLanguage'], exact: true }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 40_000 }).toBe(lang);
		await page.waitForLoadState('load');
	}

	it(
		'the header form switches to Français, then English, on the login page and after signing in',
		async () => {
			const page = await open();
			await page.goto(url('/login'));
			expect(await page.locator('html').getAttribute('lang')).toBe('nl');
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(nl['login.title']);

			await switchTo(page, nl, 'fr');
			expect(new URL(page.url()).pathname).toBe('/login');
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(fr['login.title']);
			await expect(page.getByLabel(fr['login.email'], { exact: true }).count()).resolves.toBe(1);
			await expect(page.getByLabel(fr['login.password'], { exact: true }).count()).resolves.toBe(1);
			await expect(page.getByRole('button', { name: fr['login.submit'], exact: true }).count()).resolves.toBe(
				1
			);
			expect(await mainText(page)).toContain(fr['login.intro']);

			await switchTo(page, fr, 'en');
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(en['login.title']);
			expect(await mainText(page)).toContain(en['login.intro']);

			// The choice (a cookie) outlives signing in; signInAs fills the English labels.
			await signInAs(page, baseUrl, ACCOUNTS.hr);
			expect(await page.locator('html').getAttribute('lang')).toBe('en');
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(en['overview.title']);
			expect(await navLabels(page, en['nav.main'])).toEqual([
				en['nav.overview'],
				en['nav.results'],
				en['nav.signals'],
				en['nav.measures'],
				en['nav.plans']
			]);
			expect(await mainText(page)).toContain(en['overview.scopeAll']);
		},
		TIMEOUT
	);
});

describe('administration', () => {
	it(
		'a new user gets a one-time password, must replace it, then reaches the overview',
		async () => {
			const s = suffix();
			const email = `browser-${s}@test.example`;
			const name = `Browser Test ${s}`;
			const newPassword = `een-eigen-wachtwoord-${s}`;

			const page = await signedIn(ADMIN);
			await page.goto(url(`/o/${org}/admin/users`));
			const form = page.getByRole('region', { name: nl['users.add'] });
			await form.getByLabel(nl['users.email'], { exact: true }).fill(email);
			await form.getByLabel(nl['users.displayName'], { exact: true }).fill(name);
			await form.getByLabel(nl['users.role'], { exact: true }).selectOption({ label: nl['role.hr'] });
			await form.getByRole('button', { name: nl['users.create'], exact: true }).click();
			const secret = page.getByTestId('one-time-password');
			await secret.waitFor();
			const oneTimePassword = ((await secret.textContent()) ?? '').trim();
			expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
			expect(await mainText(page)).toContain(translate('nl', 'users.created', { name }));

			await page.getByRole('button', { name: nl['nav.signOut'], exact: true }).click();
			await page.waitForURL((u) => u.pathname === '/login');
			expect(await mainText(page)).toContain(nl['login.signedOut']);

			await signInAs(page, baseUrl, email, oneTimePassword);
			expect(new URL(page.url()).pathname).toBe('/account');
			expect(await mainText(page)).toContain(nl['account.mustChange']);
			// Nothing else is reachable before the password is replaced.
			await page.goto(url(`/o/${org}`));
			expect(new URL(page.url()).pathname).toBe('/account');

			await page.getByLabel(nl['account.currentPassword'], { exact: true }).fill(oneTimePassword);
			await page.getByLabel(nl['account.newPassword'], { exact: true }).fill(newPassword);
			await page.getByLabel(nl['account.confirmation'], { exact: true }).fill(newPassword);
			await page.getByRole('button', { name: nl['account.submit'], exact: true }).click();
			await page.waitForURL((u) => u.pathname === '/account' && u.searchParams.has('changed'));
			const account = await mainText(page);
			expect(account).toContain(nl['account.changed']);
			expect(account).not.toContain(nl['account.mustChange']);

			await page.goto(url('/'));
			expect(new URL(page.url()).pathname).toBe(`/o/${org}`);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(nl['overview.title']);
			expect(await navLabels(page)).toEqual([
				nl['nav.overview'],
				nl['nav.results'],
				nl['nav.signals'],
				nl['nav.measures'],
				nl['nav.plans']
			]);
		},
		TIMEOUT
	);

	it(
		'k below the floor is refused with the field marked invalid, and nothing is saved',
		async () => {
			const page = await signedIn(ADMIN);
			await page.goto(url(`/o/${org}/admin/settings`));
			const k = page.getByLabel(nl['settings.k'], { exact: true });
			const before = await k.inputValue();
			expect(Number(before)).toBeGreaterThanOrEqual(MIN_GROUP_SIZE_FLOOR);

			await k.fill('2');
			await page.getByRole('button', { name: nl['common.save'], exact: true }).click();
			const message = translate('nl', 'validation.kFloor', { min: MIN_GROUP_SIZE_FLOOR });
			await page.getByText(message, { exact: true }).waitFor();
			expect(await k.getAttribute('aria-invalid')).toBe('true');
			expect(await k.getAttribute('aria-describedby')).toContain('minGroupSize-problem');
			expect(await mainText(page)).toContain(nl['common.formErrors']);
			expect(await mainText(page)).not.toContain(nl['settings.saved']);

			await page.goto(url(`/o/${org}/admin/settings`));
			expect(await k.inputValue()).toBe(before);
			expect(await k.getAttribute('aria-invalid')).toBeNull();
		},
		TIMEOUT
	);

	it(
		'a units CSV with a bad row imports nothing and names the line; a good one is imported',
		async () => {
			const s = suffix().toUpperCase();
			const parent = `KLA-${s}`;
			const child = `KLB-${s}`;
			const csv = (headcount: string) =>
				Buffer.from(
					'\uFEFF' +
						'code;naam;bovenliggende code;aantal medewerkers\r\n' +
						`${parent};Testdienst ${s};;12\r\n` +
						`${child};Testploeg ${s};${parent};${headcount}\r\n`,
					'utf8'
				);
			const page = await signedIn(ADMIN);
			const importPage = url(`/o/${org}/admin/units/import`);
			const upload = async (buffer: Buffer) => {
				await page.getByLabel(nl['units.importFile'], { exact: true }).setInputFiles({
					name: 'eenheden.csv',
					mimeType: 'text/csv',
					buffer
				});
				await page.getByRole('button', { name: nl['units.importSubmit'], exact: true }).click();
			};

			await page.goto(importPage);
			await upload(csv('veel'));
			await page.getByText(translate('nl', 'units.importFailed', { count: 1 })).waitFor();
			const headers = (await page.locator('main table thead th').allTextContents()).map((t) => t.trim());
			expect(headers).toEqual([
				nl['import.line'],
				nl['import.column'],
				nl['import.value'],
				nl['import.problem']
			]);
			const rows = page.locator('main table tbody tr');
			expect(await rows.count()).toBe(1);
			expect((await rows.first().locator('td').allTextContents()).map((t) => t.trim())).toEqual([
				'3',
				'aantal medewerkers',
				'veel',
				nl['validation.wholeNumber']
			]);
			await page.goto(url(`/o/${org}/admin/units`));
			expect(await mainText(page)).not.toContain(parent);

			await page.goto(importPage);
			await upload(csv('4'));
			await page
				.getByRole('status')
				.filter({ hasText: translate('nl', 'units.importDone', { created: 2, updated: 0, unchanged: 0 }) })
				.waitFor();
			expect(await page.locator('main table').count()).toBe(0);
			await page.goto(url(`/o/${org}/admin/units`));
			const units = await mainText(page);
			expect(units).toContain(parent);
			expect(units).toContain(child);
		},
		TIMEOUT
	);

	it(
		"the employees' contacts: refused in the admin's language with nothing saved; saved and audited when valid",
		async () => {
			const shots = process.env.KNIPPERLICHT_SCREENSHOTS;
			// Lindebeek's contacts: no other test reads them (tests/e2e/barometer.test.ts sets Zonnedael's).
			const page = await signedIn(FOREIGN_ADMIN, { viewport: PHONE });
			const foreignOrg = /^\/o\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)?.[1] ?? '';
			const settings = url(`/o/${foreignOrg}/admin/settings`);
			const form = page.locator('main form:has(input[name="section"][value="contacts"])');
			const inputs = form.locator('input:not([type="hidden"])');
			const values = async () => {
				const out: Record<string, string> = {};
				for (const input of await inputs.all())
					out[(await input.getAttribute('name'))!] = await input.inputValue();
				return out;
			};
			const fill = async (save: string, next: Record<string, string>) => {
				for (const input of await inputs.all())
					await input.fill(next[(await input.getAttribute('name'))!] ?? '');
				await navigatesBy(page, () => form.getByRole('button', { name: save, exact: true }).click());
			};
			await page.goto(settings);
			const original = await values();
			expect(Object.keys(original)).toHaveLength(12);
			try {
				for (const [lang, texts] of [
					['nl', nl],
					['fr', fr]
				] as const) {
					await chooseLanguage(page, lang);
					await page.goto(settings);
					const phone = page
						.getByLabel(`${texts['settings.contact.phone']} (${texts['common.optional']})`)
						.first();
					await fill(texts['settings.contactsSave'], {
						...original,
						'contact.preventionAdvisor.name': '',
						'contact.preventionAdvisor.phone': '02 123 45 67',
						'contact.trustedPerson.name': 'Dienst Vertrouwen',
						'contact.trustedPerson.email': 'geen adres'
					});
					const text = await mainText(page);
					expect(text).toContain(texts['common.formErrors']);
					expect(text).toContain(texts['validation.contactName']);
					expect(text).toContain(texts['validation.email']);
					expect(text).not.toContain(texts['settings.contactsSaved']);
					expect(await phone.getAttribute('aria-invalid')).toBeNull();
					const name = page.locator('#contact-preventionAdvisor-name');
					await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
					await expect(name.getAttribute('aria-describedby')).resolves.toContain(
						'contact-preventionAdvisor-name-problem'
					);
					// What was typed stays in the form to correct.
					await expect(page.locator('#contact-trustedPerson-email').inputValue()).resolves.toBe('geen adres');
					if (shots) {
						for (const viewport of [PHONE, { width: 1366, height: 900 }]) {
							await page.setViewportSize(viewport);
							await page.screenshot({
								path: `${shots}/settings-contacts-${lang}-${viewport.width}.png`,
								fullPage: true
							});
						}
						await page.setViewportSize(PHONE);
					}
					const violations = await checkA11y(page);
					expect(violations, describeViolations(violations)).toEqual([]);
					await page.goto(settings);
					expect(await values()).toEqual(original);
				}

				const next = {
					...original,
					'contact.occupationalPhysician.name': `Arbeidsgeneesheer ${suffix()}`,
					'contact.occupationalPhysician.phone': '+32 9 555 12 34',
					'contact.occupationalPhysician.note': 'Spontane raadpleging: bel op maandag.'
				};
				await fill(fr['settings.contactsSave'], next);
				expect(await mainText(page)).toContain(fr['settings.contactsSaved']);
				await page.goto(settings);
				expect(await values()).toEqual(next);
				await page.goto(url(`/o/${foreignOrg}/audit`));
				expect(await mainText(page)).toContain(fr['audit.action.organisation.contacts.update']);
			} finally {
				await page.goto(settings);
				await fill(
					((await page.locator('html').getAttribute('lang')) === 'fr' ? fr : nl)['settings.contactsSave'],
					original
				);
				await chooseLanguage(page, 'nl');
			}
		},
		TIMEOUT
	);
});

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
	const pages: Array<[string, string | null, (org: string) => string]> = [
		['login', null, () => '/login'],
		['overview', ADMIN, (o) => `/o/${o}`],
		['units admin', ADMIN, (o) => `/o/${o}/admin/units`],
		['users admin', ADMIN, (o) => `/o/${o}/admin/users`]
	];
	describe.each([
		['desktop', DESKTOP],
		['phone', PHONE]
	])('on %s', (_, viewport) => {
		it.each(pages)(
			'%s has no violations',
			async (_name, account, path) => {
				const page = account ? await signedIn(account, { viewport }) : await open({ viewport });
				const response = await page.goto(url(path(org)));
				expect(response?.status()).toBe(200);
				const violations = await checkA11y(page);
				expect(violations, describeViolations(violations)).toEqual([]);
			},
			TIMEOUT
		);
	});
});

describe('keyboard', () => {
	interface Focused {
		tag: string;
		name: string;
		type: string;
		className: string;
		text: string;
	}
	const focused = (page: Page): Promise<Focused | null> =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			return {
				tag: el.tagName.toLowerCase(),
				name: el.getAttribute('name') ?? '',
				type: el.getAttribute('type') ?? '',
				className: el.className,
				text: (el.textContent ?? '').trim()
			};
		});
	const isEmail = (f: Focused | null) => f?.tag === 'input' && f.name === 'email';
	const isPassword = (f: Focused | null) => f?.tag === 'input' && f.name === 'password';
	const isSubmit = (f: Focused | null) =>
		f?.tag === 'button' && f.type === 'submit' && f.text === nl['login.submit'];

	it(
		'Tab reaches the skip link first, then the login fields and the button; Enter signs in',
		async () => {
			const page = await open();
			await page.goto(url('/login'));

			await page.keyboard.press('Tab');
			const first = await focused(page);
			expect(first?.tag).toBe('a');
			expect(first?.className).toContain('skip-link');
			expect(first?.text).toBe(nl['nav.skipToContent']);

			const order: Array<Focused | null> = [first];
			for (let i = 0; i < 15 && !isSubmit(order.at(-1) ?? null); i++) {
				await page.keyboard.press('Tab');
				order.push(await focused(page));
			}
			const emailAt = order.findIndex(isEmail);
			const passwordAt = order.findIndex(isPassword);
			const submitAt = order.findIndex(isSubmit);
			expect(emailAt, JSON.stringify(order)).toBeGreaterThan(0);
			expect(passwordAt).toBe(emailAt + 1);
			expect(submitAt).toBe(passwordAt + 1);

			// Again from the top, typing with the keyboard only.
			await page.goto(url('/login'));
			// order[i] is the focus after i + 1 presses.
			for (let i = 0; i <= emailAt; i++) await page.keyboard.press('Tab');
			expect(isEmail(await focused(page))).toBe(true);
			await page.keyboard.type(ACCOUNTS.hr);
			await page.keyboard.press('Tab');
			expect(isPassword(await focused(page))).toBe(true);
			await page.keyboard.type(DEMO_PASSWORD);
			await page.keyboard.press('Enter');
			await page.waitForURL((u) => u.pathname === `/o/${org}`, { timeout: 40_000 });
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(nl['overview.title']);
		},
		TIMEOUT
	);
});
