import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from '../helpers/browser';
import { Client, homeOrganisationOf } from '../helpers/http';
import { seededRandom } from '../helpers/random';

/**
 * A choice made in a form before the page's scripts take over (hydration) is kept: on a slow
 * connection a person can pick a language, tick a box or type before the scripts arrive, and the
 * form must then send what they chose. The page's scripts are held back, every control of the page
 * is changed at random (a generated case per page and run), the scripts are let through, and every
 * control that was changed must show the choice at the moment the page has started
 * (`<html data-started>`); a form that acts on a change then does so. KNIPPERLICHT_SEED replays a
 * draw.
 */
const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);
const TIMEOUT = 90_000;

interface Control {
	/** Its place among all the page's inputs, selects and textareas. */
	index: number;
	/** Tag, id, name (and a toggle's value), numbered among equals: it survives hydration. */
	key: string;
	kind: 'select' | 'toggle' | 'text';
	type: string;
	visible: boolean;
	/** A select's chosen value, a toggle's checkedness, a field's text. */
	state: string | boolean;
}

declare global {
	interface Window {
		controlsNow?: () => Control[];
		controlsAtStart?: Control[];
	}
}

/**
 * Installed in every page before its own scripts: `controlsNow()` lists the controls a person can
 * change, and the states they show at the very moment the page marks itself started are kept in
 * `controlsAtStart` (before a form that acts on a change has navigated anywhere).
 */
function installControlReader(): void {
	window.controlsNow = () => {
		const seen = new Map<string, number>();
		const out: Control[] = [];
		const all = document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
			'input, select, textarea'
		);
		for (const [index, el] of all.entries()) {
			const type = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
			if (['hidden', 'submit', 'reset', 'button', 'image', 'file'].includes(type)) continue;
			const toggle = type === 'checkbox' || type === 'radio';
			const base = `${el.tagName}#${el.id}|${el.name}|${toggle ? el.value : ''}`;
			const n = seen.get(base) ?? 0;
			seen.set(base, n + 1);
			const box = el.getBoundingClientRect();
			out.push({
				index,
				key: `${base}|${n}`,
				kind: el instanceof HTMLSelectElement ? 'select' : toggle ? 'toggle' : 'text',
				type,
				visible: !el.disabled && box.width > 0 && box.height > 0,
				state: toggle ? (el as HTMLInputElement).checked : el.value
			});
		}
		return out;
	};
	new MutationObserver(() => {
		if (document.documentElement.hasAttribute('data-started') && !window.controlsAtStart)
			window.controlsAtStart = window.controlsNow!();
		// The document may not have its <html> yet when this runs: watch the whole document.
	}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-started'] });
}

const statesOf = (controls: Control[]) => Object.fromEntries(controls.map((c) => [c.key, c.state]));

/** Text a field of this type accepts, drawn from `rng`. */
function textFor(type: string, rng: () => number): string {
	const n = (max: number) => Math.floor(rng() * max);
	switch (type) {
		case 'date':
			return `20${20 + n(10)}-0${1 + n(9)}-1${n(10)}`;
		case 'number':
			return String(1 + n(400));
		case 'email':
			return `vroeg${n(10_000)}@voorbeeld.test`;
		default:
			return `vroeg gekozen ${n(100_000)}`;
	}
}

/**
 * Opens `path` with the page's scripts held back, changes its controls as `seed` draws (each left
 * alone with chance `skip`), lets the scripts run and returns what was chosen and what the started
 * page shows.
 */
async function chooseEarly(page: Page, path: string, seed: number, skip: number) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js(\?.*)?$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(new URL(path, baseUrl).href, { waitUntil: 'domcontentloaded' });
	expect(await page.locator('html').getAttribute('data-started')).toBeNull();

	const next = seededRandom(seed);
	const controls = await page.evaluate(() => window.controlsNow!());
	const all = page.locator('input, select, textarea');
	let changed = 0;
	for (const control of controls.filter((c) => c.visible)) {
		if (next() < skip) continue;
		const locator = all.nth(control.index);
		if (!(await locator.isVisible())) continue;
		if (control.kind === 'select') {
			const values = await locator
				.locator('option')
				.evaluateAll((os) => (os as HTMLOptionElement[]).filter((o) => !o.disabled).map((o) => o.value));
			const others = values.filter((v) => v !== control.state);
			if (others.length === 0) continue;
			await locator.selectOption(others[Math.floor(next() * others.length)]!);
		} else if (control.kind === 'toggle') {
			if (control.type === 'radio' && (await locator.isChecked())) continue;
			await locator.setChecked(!(await locator.isChecked()));
		} else {
			await locator.fill(textFor(control.type, next));
		}
		changed++;
	}
	const before = statesOf(controls);
	const after = statesOf(await page.evaluate(() => window.controlsNow!()));
	const chosen = Object.fromEntries(Object.entries(after).filter(([key, state]) => before[key] !== state));
	// Still before the scripts: nothing has taken over the form yet.
	expect(await page.locator('html').getAttribute('data-started')).toBeNull();
	release();
	await page.waitForFunction(() => window.controlsAtStart !== undefined, undefined, { timeout: 40_000 });
	const atStart = statesOf(await page.evaluate(() => window.controlsAtStart!));
	// A form that acts on a change (the results view) then does so: let it finish before the next draw.
	await page.waitForLoadState('networkidle');
	return {
		chosen,
		shown: Object.fromEntries(Object.keys(chosen).map((key) => [key, atStart[key]])),
		changed
	};
}

const seedFor = (path: string) => {
	const fixed = Number(process.env.KNIPPERLICHT_SEED);
	return Number.isFinite(fixed) && process.env.KNIPPERLICHT_SEED
		? fixed
		: Math.floor(Math.random() * 2 ** 31) ^ path.length;
};

describe('choices made before the page has started', () => {
	let org = '';
	const orgPath = async (path: string) => {
		if (!org) {
			const admin = new Client(baseUrl);
			await admin.signIn('beheer@zonnedael.demo');
			org = await homeOrganisationOf(admin);
		}
		return `/o/${org}${path}`;
	};

	const cases: { who: string | null; path: string; minChanged: number }[] = [
		{ who: null, path: '/login', minChanged: 1 },
		{ who: 'preventie@zonnedael.demo', path: '/results', minChanged: 3 },
		{ who: 'preventie@zonnedael.demo', path: '/waves/new', minChanged: 3 },
		{ who: 'preventie@zonnedael.demo', path: '/measures/new', minChanged: 3 },
		{ who: 'preventie@zonnedael.demo', path: '/plans/new', minChanged: 1 },
		{ who: 'preventie@zonnedael.demo', path: '/audit', minChanged: 1 },
		{ who: 'beheer@zonnedael.demo', path: '/admin/users', minChanged: 3 },
		{ who: 'beheer@zonnedael.demo', path: '/admin/units', minChanged: 3 },
		{ who: 'beheer@zonnedael.demo', path: '/admin/settings', minChanged: 2 }
	];

	for (const { who, path, minChanged } of cases) {
		it(
			`are kept on ${path}${who ? ` (${who.split('@')[0]})` : ''}`,
			async () => {
				const page = who ? await session.signedIn(who) : await session.anonymous();
				const target = who ? await orgPath(path) : path;
				await page.addInitScript(installControlReader);
				// The first draw changes every control, the others a random part of the form each.
				for (let draw = 0; draw < 3; draw++) {
					const seed = seedFor(path) + draw;
					const { chosen, shown, changed } = await chooseEarly(page, target, seed, draw === 0 ? 0 : 0.35);
					// The page has the controls it is chosen for: the test cannot pass on an empty form.
					if (draw === 0) expect(changed, path).toBeGreaterThanOrEqual(minChanged);
					expect(shown, `seed ${seed} on ${path}`).toEqual(chosen);
					await page.unrouteAll({ behavior: 'wait' });
				}
			},
			TIMEOUT
		);
	}
});
