import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import {
	asMessageKey,
	isMessageKey,
	negotiateLocale,
	selectPlurals,
	translate,
	type MessageKey
} from './index';
import { nl } from './nl';
import type { t } from './t.svelte';

const SRC = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
	});
}

/** The parameters a message uses: plain `{name}` and the counts of `{name, plural, …}`. */
const placeholders = (s: string) =>
	[...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe('catalogues', () => {
	it.each([
		['fr', fr],
		['en', en]
	])('%s has exactly the keys of nl, with the same placeholders', (_name, catalogue) => {
		expect(Object.keys(catalogue)).toEqual(Object.keys(nl));
		for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
			expect([key, placeholders(catalogue[key])]).toEqual([key, placeholders(nl[key])]);
			expect(catalogue[key].trim()).not.toBe('');
		}
	});
});

/** The namespace of each run of keys (the part before the first dot): a namespace named twice is split. */
function namespaceRuns(keys: string[]): string[] {
	return keys.map((key) => key.slice(0, key.indexOf('.'))).filter((ns, i, all) => ns !== all[i - 1]);
}

describe('catalogue layout', () => {
	const files = [
		['nl', nl],
		['fr', fr],
		['en', en]
	] as const;
	it('the check catches a split namespace', () => {
		expect(namespaceRuns(['a.x', 'b.y', 'a.z'])).toEqual(['a', 'b', 'a']);
	});
	it.each(files)('%s keeps the keys of each namespace together, in the order of nl', (name, catalogue) => {
		const runs = namespaceRuns(Object.keys(catalogue));
		expect(runs).toEqual([...new Set(runs)]);
		expect(runs).toEqual(namespaceRuns(Object.keys(nl)));
		expect(Object.keys(catalogue)).toEqual(Object.keys(nl));
		// Each block opens with a heading comment naming its namespace.
		const source = readFileSync(join(SRC, 'lib/i18n', `${name}.ts`), 'utf8');
		const headings = [...source.matchAll(/^\t\/\/ (\w+):/gm)].map((m) => m[1]);
		expect(headings).toEqual(runs);
	});
});

describe('translate', () => {
	it.each([
		['nl', 'validation.tooLong', { max: 5 }, 'Maximaal 5 tekens.'],
		['en', 'validation.tooLong', { max: 5 }, 'At most 5 characters.'],
		['fr', 'nav.signOut', undefined, fr['nav.signOut']]
	] as const)('%s %s', (locale, key, params, expected) => {
		expect(translate(locale, key, params)).toBe(expected);
	});

	it('refuses an unknown key at compile time, and shows the generic error text for one at run time', () => {
		// @ts-expect-error 'no.such.key' is not a message key
		expect(translate('en', 'no.such.key')).toBe(en['error.unexpected']);
		expectTypeOf<Parameters<typeof t>[0]>().toEqualTypeOf<MessageKey>();
		expectTypeOf<Parameters<typeof translate>[1]>().toEqualTypeOf<MessageKey>();
		expectTypeOf<'no.such.key'>().not.toExtend<MessageKey>();
		expectTypeOf<`nav.${string}`>().not.toExtend<MessageKey>();
		expectTypeOf<'nav.signOut'>().toExtend<MessageKey>();
	});

	it('keys that arrive as data are checked at run time', () => {
		expect(asMessageKey('nav.signOut')).toBe('nav.signOut');
		expect(asMessageKey('no.such.key')).toBe('error.unexpected');
		expect(asMessageKey(undefined)).toBe('error.unexpected');
		expect(translate('nl', asMessageKey('audit.action.no.such.action'))).toBe(nl['error.unexpected']);
	});
});

describe('negotiateLocale', () => {
	it.each([
		['fr-BE,fr;q=0.9,en;q=0.8', 'fr'],
		['de-DE,en;q=0.5', 'en'],
		['en;q=0.2,nl-BE;q=0.9', 'nl'],
		['de', null],
		[null, null]
	])('%s → %s', (header, locale) => expect(negotiateLocale(header)).toBe(locale));
});

/** Walks a Svelte AST and collects static text a user would read. */
function hardCodedText(source: string): string[] {
	const ast = parse(source, { modern: true });
	const found: string[] = [];
	const USER_FACING_ATTRIBUTES = new Set([
		'aria-label',
		'title',
		'alt',
		'placeholder',
		'label',
		'aria-description'
	]);
	const visit = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		const n = node as { type?: string; data?: string; name?: string; value?: unknown };
		if (n.type === 'Text' && typeof n.data === 'string' && /\p{L}/u.test(n.data)) found.push(n.data.trim());
		if (n.type === 'Attribute' && n.name && USER_FACING_ATTRIBUTES.has(n.name) && Array.isArray(n.value)) {
			for (const part of n.value as Array<{ type: string; data?: string }>) {
				if (part.type === 'Text' && part.data && /\p{L}/u.test(part.data))
					found.push(`${n.name}="${part.data}"`);
			}
		}
		for (const [key, value] of Object.entries(node)) {
			// Attribute values are checked above; scripts and styles are not markup.
			if (
				key === 'instance' ||
				key === 'module' ||
				key === 'css' ||
				(n.type === 'Attribute' && key === 'value')
			)
				continue;
			if (Array.isArray(value)) value.forEach(visit);
			else if (value && typeof value === 'object') visit(value);
		}
	};
	visit(ast.fragment);
	return found;
}

describe('components', () => {
	const components = filesUnder(SRC, /\.svelte$/);
	it('are found', () => expect(components.length).toBeGreaterThan(10));
	it.each(components.map((f) => [f.slice(SRC.length), f]))(
		'%s has no hard-coded user-facing text',
		(_name, file) => {
			expect(hardCodedText(readFileSync(file, 'utf8'))).toEqual([]);
		}
	);
	it('the check catches hard-coded text', () => {
		expect(hardCodedText('<p>Hallo</p><button aria-label="Sluiten">{x}</button>')).toEqual([
			'Hallo',
			'aria-label="Sluiten"'
		]);
	});
});

describe('message keys used in the code', () => {
	const sources = filesUnder(SRC, /\.(svelte|ts)$/).filter((f) => !f.endsWith('.test.ts'));
	const used = new Set<string>();
	for (const file of sources) {
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(/\b(?:t|translate\(\w+,)\s*\(?\s*'([a-z]+\.[\w.]+)'/g)) used.add(m[1]!);
		for (const m of text.matchAll(/\bkey:\s*'([a-z]+\.[\w.]+)'/g)) used.add(m[1]!);
		for (const m of text.matchAll(/error\(\d{3},\s*'([a-z]+\.[\w.]+)'\)/g)) used.add(m[1]!);
		// Every audited action is shown in the audit log by its translated name.
		for (const m of text.matchAll(/\baction: (?:\w+ \? )?'([a-z]+\.[\w.]+)'(?: : '([a-z]+\.[\w.]+)')?/g)) {
			used.add(`audit.action.${m[1]}`);
			if (m[2]) used.add(`audit.action.${m[2]}`);
		}
	}
	it('are found', () => expect(used.size).toBeGreaterThan(50));
	it.each([...used].sort())('%s exists in the catalogue', (key) => expect(isMessageKey(key)).toBe(true));
});

describe('plural messages', () => {
	const problems = '{count, plural, =0 {geen problemen} one {# probleem} other {# problemen}} in {file}';
	it.each([
		['nl', 0, 'geen problemen in {file}'],
		['nl', 1, '1 probleem in {file}'],
		['nl', 2, '2 problemen in {file}'],
		['nl', 2477, '2.477 problemen in {file}']
	] as const)('%s with %i', (locale, count, expected) => {
		expect(selectPlurals(locale, problems, { count })).toBe(expected);
	});
	it("uses each language's own categories: French counts 0 and 1 as one", () => {
		const fr = '{count, plural, one {# ligne} other {# lignes}}';
		expect(selectPlurals('fr', fr, { count: 0 })).toBe('0 ligne');
		expect(selectPlurals('fr', fr, { count: 1 })).toBe('1 ligne');
		expect(selectPlurals('fr', fr, { count: 2 })).toMatch(/^2 lignes$/);
		expect(selectPlurals('en', '{count, plural, one {# row} other {# rows}}', { count: 1 })).toBe('1 row');
	});
	it('keeps nested placeholders and text on both sides, and fills them', () => {
		const template = 'Op {path}: {count, plural, one {één fout in {path}} other {# fouten}}.';
		expect(selectPlurals('nl', template, { count: 1, path: 'x' })).toBe('Op {path}: één fout in {path}.');
	});
	it('refuses a malformed plural message', () => {
		expect(() => selectPlurals('nl', '{count, plural, een {x}}', { count: 1 })).toThrow();
	});
	it.each(['nl', 'fr', 'en'] as const)(
		'every plural message in %s has an other branch and parses',
		(locale) => {
			const catalogue = { nl, fr, en }[locale] as Record<string, string>;
			const counted = (c: Record<string, string>) =>
				Object.keys(c).filter((key) => c[key]!.includes(', plural,'));
			// A message counted in one language is counted in all three.
			expect(counted(catalogue)).toEqual(counted(nl));
			for (const key of counted(catalogue)) {
				const template = catalogue[key]!;
				expect([key, template]).toEqual([key, expect.stringMatching(/ other \{/)]);
				for (const count of [0, 1, 2, 5, 21, 1000])
					expect(() => selectPlurals(locale, template, { count })).not.toThrow();
			}
		}
	);
});

/**
 * A counted message outside the plural form reads "1 antwoorden": the check below finds a number
 * placeholder right before a word, outside every `{…, plural, …}` block. It is a heuristic, so what
 * it lets through is named here, each with its reason.
 */
describe('counted messages use the plural form', () => {
	/** Placeholders that hold text, a date, a position or a figure already formatted with its unit. */
	const NOT_COUNTS = new Set([
		// text and dates
		...['name', 'unit', 'organisation', 'wave', 'code', 'file', 'field', 'format', 'key', 'version'],
		...['from', 'to', 'at', 'date', 'month'],
		// a line of a file is a position, not a number of things
		...['line', 'otherLine'],
		// figures formatted as text with their own unit or sign ("3,2 dagen", "12 %", "+4,1"): no plural form applies
		...['value', 'share', 'points'],
		// the higher threshold, in brackets right after the counted first one: "5 mensen (10 voor …)"
		'sensitiveK'
	]);
	/** Messages with a number before a word that is no counted noun. */
	const ALLOWED: Record<string, string> = {
		'login.throttled': '"min." is an abbreviation, the same for 1 and 5',
		'login.throttledAccount': '"min." is an abbreviation, the same for 1 and 5',
		'import.tooLarge': '"MB" is a unit symbol',
		'signals.progressFigures': '"kB" is a unit symbol; the rows are counted in a plural block',
		'plan.yearInvalid': '{min} and {max} are years',
		'barometer.questionOf': '"Question 3 of 20": a position'
	};

	/** The template without its plural blocks (their branches are counted already). */
	function outsidePlurals(template: string): string {
		let out = '';
		let from = 0;
		const start = /\{(\w+), plural,/g;
		for (let m = start.exec(template); m; m = start.exec(template)) {
			out += template.slice(from, m.index);
			let i = m.index + m[0].length;
			for (let depth = 1; depth > 0 && i < template.length; i++) {
				if (template[i] === '{') depth++;
				else if (template[i] === '}') depth--;
			}
			from = i;
			start.lastIndex = i;
		}
		return out + template.slice(from);
	}
	/** The placeholders that stand right before a word, outside plural blocks, and are not exempt. */
	function bareCounts(template: string): string[] {
		return [...outsidePlurals(template).matchAll(/\{(\w+)\}\s+\p{L}/gu)]
			.map((m) => m[1]!)
			.filter((name) => !NOT_COUNTS.has(name));
	}

	it.each([
		['{count} antwoorden', ['count']],
		['Nog {n} eenheden', ['n']],
		['{count, plural, one {# antwoord} other {# antwoorden}}', []],
		['{total, plural, one {{shown} van # eenheid} other {{shown} van # eenheden}} en {rows} rijen', ['rows']],
		['Vraag {n}', []],
		['{name} heeft', []],
		['{count}%', []]
	])('the check finds the bare counts in %s', (template, expected) => {
		expect(bareCounts(template)).toEqual(expected);
	});

	it.each([
		['nl', nl],
		['fr', fr],
		['en', en]
	] as const)('%s counts every counted message with a plural', (_name, catalogue) => {
		const bare = Object.entries(catalogue as Record<string, string>)
			.filter(([key]) => !Object.hasOwn(ALLOWED, key))
			.filter(([, template]) => bareCounts(template).length > 0)
			.map(([key, template]) => `${key}: ${template}`);
		expect(bare).toEqual([]);
	});

	it('allows only messages that exist and still have a number before a word', () => {
		for (const key of Object.keys(ALLOWED)) {
			expect(isMessageKey(key)).toBe(true);
			expect([key, bareCounts(nl[key as MessageKey]).length]).not.toEqual([key, 0]);
		}
	});
});
