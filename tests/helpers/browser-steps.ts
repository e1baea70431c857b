import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { fr } from '../../src/lib/i18n/fr';
import { nl } from '../../src/lib/i18n/nl';
import { checkA11y, describeViolations } from './browser';

/**
 * Steps the journeys of the browser tests share: the header's language form, waiting for a form
 * post to load its page, axe and sideways scrolling at laptop and phone width, and messages with
 * placeholders as patterns.
 */
export type Lang = 'nl' | 'fr' | 'en';
export const CATALOGUES = { nl, fr, en } as const;

export const LAPTOP = { width: 1366, height: 768 } as const;
/** The demo's accounts that see analytics: the prevention advisor, HR and a line manager (their subtree). */
export const ANALYTICS_ACCOUNTS = [
	['advisor', 'preventie@zonnedael.demo'],
	['HR', 'hr@zonnedael.demo'],
	['manager', 'leiding@zonnedael.demo']
] as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Runs `action` (a click that submits a form or follows a link) and waits for the new page to load. */
export async function navigatesBy(page: Page, action: () => Promise<void>): Promise<void> {
	const committed = page.waitForEvent('framenavigated', {
		predicate: (frame) => frame === page.mainFrame(),
		timeout: 40_000
	});
	try {
		await action();
	} catch (error) {
		committed.catch(() => undefined);
		throw error;
	}
	await committed;
	await page.waitForLoadState('load');
}

export async function langOf(page: Page): Promise<string | null> {
	return page.locator('html').getAttribute('lang');
}

/** The header's language form (a plain post that comes back to the same page); signed in, it also saves the language to the account. */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
	// A choice made while the page is still starting is kept (src/lib/early-choices.ts), so the
	// choice is made once, at any moment, as a person would.
	await page.waitForLoadState('load');
	const current = (await langOf(page)) ?? 'nl';
	if (current === lang) return;
	const from = CATALOGUES[current as Lang] ?? nl;
	const select = page.getByLabel(from['nav.language'], { exact: true });
	await select.selectOption(lang);
	await navigatesBy(page, () =>
		page.getByRole('button', { name: from['nav.switchLanguage'], exact: true }).click()
	);
	await expect.poll(() => langOf(page), { timeout: 40_000 }).toBe(lang);
}

/**
 * No serious or critical axe violation on the current page, at laptop and at phone width, and
 * nothing wider than the screen at those and at BETWEEN_WIDTHS. Leaves the page at laptop width. With KNIPPERLICHT_SCREENSHOTS set
 * to a folder and a `screenshot` name given, the page is also saved there at each width as
 * `<screenshot>-<width>.png`, to look at.
 */
export async function expectNoSeriousA11yProblems(
	page: Page,
	where: string,
	screenshot?: string
): Promise<void> {
	const shots = process.env.KNIPPERLICHT_SCREENSHOTS;
	for (const viewport of [LAPTOP, PHONE]) {
		await page.setViewportSize(viewport);
		const serious = (await checkA11y(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious, `${where} at ${viewport.width}px:\n${describeViolations(serious)}`).toEqual([]);
		const sideways = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		if (sideways > 0)
			expect.fail(
				`${where} at ${viewport.width}px scrolls sideways: ${await overflowing(page, viewport.width)}`
			);
		if (shots && screenshot)
			await page.screenshot({ path: `${shots}/${screenshot}-${viewport.width}.png`, fullPage: true });
	}
	// The widths between: a small phone, a tablet, small laptops.
	for (const width of BETWEEN_WIDTHS) {
		await page.setViewportSize({ width, height: LAPTOP.height });
		const sideways = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		if (sideways > 0)
			expect.fail(`${where} at ${width}px scrolls sideways: ${await overflowing(page, width)}`);
	}
	await page.setViewportSize(LAPTOP);
}

/** The outermost elements that reach past the screen's right edge and do not scroll inside a box. */
export function overflowing(page: Page, width: number): Promise<string> {
	return page.evaluate((width) => {
		const scrolls = (el: Element | null): boolean => {
			for (let e = el; e && e !== document.body; e = e.parentElement)
				if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX)) return true;
			return false;
		};
		// Inside a box that scrolls, only what is positioned out of the box's flow widens the page.
		const wide = [...document.querySelectorAll('body *')].filter(
			(el) =>
				el.getBoundingClientRect().right > width + 1 &&
				(!scrolls(el.parentElement) || ['absolute', 'fixed'].includes(getComputedStyle(el).position))
		);
		return wide
			.filter((el) => !wide.includes(el.parentElement!))
			.slice(0, 5)
			.map((el) => {
				const box = el.getBoundingClientRect();
				const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
				const position = getComputedStyle(el).position;
				return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${position} ${Math.round(box.left)}–${Math.round(box.right)} px "${text}"`;
			})
			.join('; ');
	}, width);
}

/** Widths besides the laptop's and the phone's at which no page may be wider than the screen. */
export const BETWEEN_WIDTHS = [320, 360, 768, 1024, 1280] as const;

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The literal parts of a message around its placeholders: `{name}` and plural or select forms
 * such as `{count, plural, one {# finding} other {# findings}}`, however deeply nested.
 */
function literalParts(message: string): string[] {
	const parts: string[] = [];
	let literal = '';
	let depth = 0;
	for (const char of message) {
		if (char === '{') {
			if (depth === 0) {
				parts.push(literal);
				literal = '';
			}
			depth++;
		} else if (char === '}' && depth > 0) depth--;
		else if (depth === 0) literal += char;
	}
	parts.push(literal);
	return parts;
}

/** A message with its placeholders (plural forms too) as a pattern that matches any text in their place. */
export const messagePattern = (message: string, flags = '') =>
	new RegExp(`^${literalParts(message).map(escapeRegExp).join('.+')}$`, flags);

/** An ISO date `days` after (or before) `iso`. */
export function addDays(iso: string, days: number): string {
	const date = new Date(`${iso}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Answers every item of the barometer on the page, spreading the answers over the scale. */
export async function answerEveryItem(page: Page): Promise<void> {
	const items = page.locator('main fieldset.question');
	const count = await items.count();
	for (let i = 0; i < count; i++)
		await items
			.nth(i)
			.locator('label.option')
			.nth(i % 5)
			.click();
}
