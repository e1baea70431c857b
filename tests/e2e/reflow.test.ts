import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession, languagesInTurn } from '../helpers/browser';
import { overflowing } from '../helpers/browser-steps';

/**
 * No page scrolls sideways on the narrowest screen WCAG asks content to reflow at (320 CSS px,
 * 1.4.10): not one page picked for a test, but every page each role of the demo reaches by
 * following links from where it signs in, in the languages of this run (the three take turns
 * between the two engines, so each is crawled once per CI run). A table wider than the screen
 * scrolls inside its own box (TableScroll), never the page.
 */
const NARROWEST = 320;
const ACCOUNTS = [
	'beheer@zonnedael.demo',
	'preventie@zonnedael.demo',
	'hr@zonnedael.demo',
	'leiding@zonnedael.demo'
] as const;
/** More route patterns than any role reaches: a crawl that finds more has gone astray. */
const MAX_PAGES = 120;
const TIMEOUT = 300_000;

const baseUrl = inject('baseUrl');
const { signedIn } = browserSession(baseUrl);

/** Links that leave the page's HTML for a file, sign out, or only set a preference. */
const NOT_A_PAGE =
	/\/logout|\/lang\b|\.(csv|svg|png|pdf|xlsx|json)\b|\/poster|\/template\/|\/codes\b|\/file\b|download/;

/** A path's route: ids and tokens made alike, the query left off. */
const routeOf = (path: string) =>
	path
		.replace(/\?.*$/, '')
		.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
		.replace(/\/b\/[a-z2-7]{26}/, '/b/:token');

/** Every route the signed-in page reaches by links, breadth first, as the first path found for it. */
async function crawl(page: Page): Promise<string[]> {
	const start = new URL(page.url());
	const queue = [start.pathname + start.search];
	const routes = new Map<string, string>();
	while (queue.length > 0 && routes.size < MAX_PAGES) {
		const path = queue.shift()!;
		const route = routeOf(path);
		if (routes.has(route)) continue;
		const response = await page.goto(new URL(path, baseUrl).href).catch((e: Error) => {
			// A link to a file not named as one: the browser downloads it, no page to look at.
			if (e.message.includes('Download is starting')) return null;
			throw e;
		});
		if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
		routes.set(route, path);
		const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
		for (const href of links)
			if (href.startsWith('/') && !href.startsWith('//') && !NOT_A_PAGE.test(href)) queue.push(href);
	}
	expect(routes.size, 'routes found').toBeLessThan(MAX_PAGES);
	return [...routes.values()];
}

describe('reflow at 320 px', () => {
	for (const email of ACCOUNTS)
		it(
			`no page ${email.split('@')[0]} reaches scrolls sideways at ${NARROWEST} px`,
			async () => {
				const page = await signedIn(email);
				const paths = await crawl(page);
				expect(paths.length).toBeGreaterThan(3);
				await page.setViewportSize({ width: NARROWEST, height: 800 });
				const sideways: string[] = [];
				for (const lang of languagesInTurn(['nl', 'fr', 'en'] as const)) {
					await page.context().addCookies([{ name: 'kl_lang', value: lang, url: baseUrl }]);
					for (const path of paths) {
						await page.goto(new URL(path, baseUrl).href);
						const wider = await page.evaluate(
							() => document.documentElement.scrollWidth - document.documentElement.clientWidth
						);
						if (wider > 0)
							sideways.push(`${lang} ${routeOf(path)}: ${wider} px, ${await overflowing(page, NARROWEST)}`);
					}
				}
				expect(sideways).toEqual([]);
			},
			TIMEOUT
		);
});
