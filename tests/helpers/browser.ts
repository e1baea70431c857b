import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../seed/demo';
import { en } from '../../src/lib/i18n/en';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';

/** The system's Chromium (Debian package); Playwright's own browser downloads are not used. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Starts headless Chromium. A missing browser fails the suite: browser tests are never skipped. */
export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium is missing at ${CHROMIUM_PATH}: the browser tests need it (apt-get install chromium).`
		);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface PageOptions {
	viewport?: { width: number; height: number };
	/** Browser locale, which sets Accept-Language. Defaults to Belgian Dutch. */
	locale?: string;
}

/** A page in its own context (own cookies), as axe needs a context to inject into frames. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
	const context = await browser.newContext({
		viewport: options.viewport ?? { width: 1280, height: 800 },
		locale: options.locale ?? 'nl-BE'
	});
	return context.newPage();
}

/**
 * The languages a browser flow is walked in during this run. CI runs the whole suite twice, on
 * PGlite and on PostgreSQL: every flow runs on both engines, and its language variants take turns
 * between them (with `turn` 0 the first language on PGlite, the second on PostgreSQL, and so on;
 * `turn` shifts the start, so the flows of a file do not all take the same language on one engine).
 * Each variant thus runs once per CI run. KNIPPERLICHT_EVERY_LANGUAGE=1 walks every variant on
 * the engine at hand.
 */
export function languagesInTurn<L extends string>(languages: readonly L[], turn = 0): L[] {
	if (process.env.KNIPPERLICHT_EVERY_LANGUAGE === '1') return [...languages];
	const engine = process.env.DATABASE_URL ? 1 : 0;
	return languages.filter((_, i) => (i + turn + engine) % 2 === 0);
}

const catalogues = { nl, fr, en } as const;

/** The UI texts of the language the current page is shown in (its `<html lang>`). */
export async function cataloguesOf(page: Page): Promise<typeof en> {
	const lang = await page.locator('html').getAttribute('lang');
	return lang === 'fr' || lang === 'en' ? catalogues[lang] : nl;
}

/**
 * Signs in through the login form, filled by its labels (in whatever language the page shows),
 * and waits until the browser has left /login. Throws when sign-in did not succeed.
 */
export async function signInAs(
	page: Page,
	baseUrl: string,
	email: string,
	password: string = DEMO_PASSWORD
): Promise<void> {
	await page.goto(new URL('/login', baseUrl).href);
	const texts = await cataloguesOf(page);
	await page.getByLabel(texts['login.email'], { exact: true }).fill(email);
	await page.getByLabel(texts['login.password'], { exact: true }).fill(password);
	const seen: string[] = [];
	const log = (r: { status(): number; url(): string; request(): { method(): string } }) =>
		seen.push(`${r.request().method()} ${r.url()} ${r.status()}`);
	page.on('response', log);
	const failed = (r: { url(): string; failure(): { errorText: string } | null }) =>
		seen.push(`FAILED ${r.url()} ${r.failure()?.errorText}`);
	page.on('requestfailed', failed);
	await page.getByRole('button', { name: texts['login.submit'], exact: true }).click();
	try {
		// argon2 is slow on purpose; on a loaded two-core machine a sign-in can take seconds.
		await page.waitForURL((url) => url.pathname !== '/login', { timeout: 40_000 });
	} catch {
		const alert = await page
			.getByRole('alert')
			.allTextContents()
			.catch(() => []);
		const title = await page.title().catch(() => '?');
		throw new Error(
			`Sign-in of ${email} stayed on /login: ${alert.join(' ') || '(no message)'}; title "${title}"; traffic: ${seen.join(' | ') || '(none)'}`
		);
	} finally {
		page.off('response', log);
		page.off('requestfailed', failed);
	}
	await page.waitForLoadState('load');
}

export interface A11yViolation {
	id: string;
	impact: string | null | undefined;
	help: string;
	targets: string[];
}

/** axe-core's browser build, evaluated in the page under test. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.0/2.1 A and AA violations axe finds on the current page. axe-core runs in the page itself
 * (`axe.run`), with every rule of those tags on every element. The app's pages have no frames
 * (checked here), so axe's frame-by-frame orchestration is not needed: it ran the same rules, but
 * carried every element's partial result out of the page and into another one to finish, about
 * five times the time of the rules themselves on a large table. Only violations are worked out in
 * full (`resultTypes`): axe then builds no selector for each element that passes.
 */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
	const frames = page.frames().length;
	if (frames !== 1)
		throw new Error(`checkA11y runs axe in the top document only, and this page has ${frames - 1} frame(s)`);
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
		const results = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations']
		});
		return results.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.map(String).join(' '))
		}));
	});
	return violations;
}

/** A readable one-line-per-rule summary of violations, for assertion messages. */
export function describeViolations(violations: readonly A11yViolation[]): string {
	return violations
		.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.targets.join('\n    ')}`)
		.join('\n');
}

/**
 * On the results page: shows the latest wave of the seeded demo. Other browser tests close waves
 * of their own ("E2E …"), which then come first.
 */
export async function showSeededWave(page: Page, waveLabel: string): Promise<void> {
	const seeded = await page
		.getByLabel(waveLabel, { exact: true })
		.locator('option')
		.evaluateAll((options) =>
			options
				.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' }))
				.find((o) => !o.text.startsWith('E2E'))
		);
	const current = new URL(page.url());
	if (seeded && current.searchParams.get('wave') !== seeded.value) {
		current.searchParams.set('wave', seeded.value);
		await page.goto(current.href);
	}
}

/**
 * One browser for a test file, launched before its tests and closed after them; `signedIn` opens a
 * page in a fresh context signed in as `email`, `anonymous` one signed in as nobody, each closed
 * after its test.
 */
export function browserSession(baseUrl: string): {
	signedIn(email: string): Promise<Page>;
	anonymous(): Promise<Page>;
} {
	let browser: Browser;
	let opened: Page[] = [];
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterEach(async () => {
		const pages = opened;
		opened = [];
		await Promise.all(pages.map((p) => p.context().close()));
	});
	afterAll(async () => {
		await browser?.close();
	});
	const open = async () => {
		const page = await newPage(browser);
		opened.push(page);
		return page;
	};
	return {
		async signedIn(email: string) {
			const page = await open();
			await signInAs(page, baseUrl, email);
			return page;
		},
		anonymous: open
	};
}
