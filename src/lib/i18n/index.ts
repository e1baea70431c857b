import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export const LOCALES = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Messages> = { nl, fr, en };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
	return typeof value === 'string' && Object.hasOwn(nl, value);
}

/**
 * A key that arrives as data (stored in the database, or an error message from a library): itself
 * when the catalogue has it, else the generic error text, never raw English.
 */
export function asMessageKey(value: unknown): MessageKey {
	return isMessageKey(value) ? value : 'error.unexpected';
}

/**
 * The message for a key in a language, with {placeholders} filled. A key that is not in the
 * catalogue after all (a value typed as a key at compile time but not at run time) falls back to
 * the generic error text, like asMessageKey.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	const catalogue = catalogues[locale] ?? catalogues[DEFAULT_LOCALE];
	const template = catalogue[asMessageKey(key)];
	if (!params) return template;
	return fillPlaceholders(selectPlurals(locale, template, params), params);
}

function fillPlaceholders(template: string, params: Params): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

const PLURAL_START = /\{(\w+), plural,/g;

/**
 * Counted messages use the ICU plural form, `{count, plural, =0 {geen problemen} one {# probleem}
 * other {# problemen}}`, with the language's own categories from Intl.PluralRules. `#` is the count
 * written in the language's number format. Anything else in the template is left as it is.
 */
export function selectPlurals(locale: Locale, template: string, params: Params): string {
	let out = '';
	let from = 0;
	PLURAL_START.lastIndex = 0;
	for (let match = PLURAL_START.exec(template); match; match = PLURAL_START.exec(template)) {
		const branches = new Map<string, string>();
		let i = match.index + match[0].length;
		for (;;) {
			while (template[i] === ' ') i++;
			if (template[i] === '}') break;
			const selector = /^(=\d+|zero|one|two|few|many|other) ?\{/.exec(template.slice(i));
			if (!selector) throw new Error(`Bad plural message: ${template}`);
			i += selector[0].length;
			const start = i;
			for (let depth = 1; depth > 0; i++) {
				if (i >= template.length) throw new Error(`Bad plural message: ${template}`);
				if (template[i] === '{') depth++;
				else if (template[i] === '}') depth--;
			}
			branches.set(selector[1]!, template.slice(start, i - 1));
		}
		const name = match[1]!;
		const value = Number(params[name]);
		const branch =
			branches.get(`=${value}`) ??
			branches.get(pluralRules(locale).select(value)) ??
			branches.get('other') ??
			'';
		out += template.slice(from, match.index) + branch.replaceAll('#', formatNumber(locale, value));
		from = i + 1;
		PLURAL_START.lastIndex = from;
	}
	return out + template.slice(from);
}

/** Picks the best language from an Accept-Language header, or null. */
export function negotiateLocale(acceptLanguage: string | null): Locale | null {
	if (!acceptLanguage) return null;
	const ranked = acceptLanguage
		.split(',')
		.map((part) => {
			const [tag, ...rest] = part.trim().split(';');
			const q = rest.find((r) => r.trim().startsWith('q='));
			return { lang: (tag ?? '').trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
		})
		.filter((r) => r.lang && !Number.isNaN(r.q))
		.sort((a, b) => b.q - a.q);
	return ranked.map((r) => r.lang).find(isLocale) ?? null;
}

/**
 * Intl formatters are costly to make (tens of microseconds each) and cheap to use; pages format
 * many values, so each is made once per language and kept. Three languages bound the map.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function kept<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
	key: string,
	make: () => T
): T {
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) {
		formatter = make();
		formatters.set(key, formatter);
	}
	return formatter;
}

function pluralRules(locale: Locale): Intl.PluralRules {
	return kept(`plural:${locale}`, () => new Intl.PluralRules(`${locale}-BE`));
}

/** Formats a date in the user's language, in the organisation's time zone (Belgium). */
export function formatDateTime(locale: Locale, value: Date | string): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	return kept(
		`datetime:${locale}`,
		() =>
			new Intl.DateTimeFormat(`${locale}-BE`, {
				dateStyle: 'medium',
				timeStyle: 'short',
				timeZone: 'Europe/Brussels'
			})
	).format(date);
}

export function formatDate(locale: Locale, value: string): string {
	return kept(
		`date:${locale}`,
		() => new Intl.DateTimeFormat(`${locale}-BE`, { dateStyle: 'medium', timeZone: 'UTC' })
	).format(new Date(`${value}T00:00:00Z`));
}

export function formatNumber(locale: Locale, value: number): string {
	return kept(`number:${locale}`, () => new Intl.NumberFormat(`${locale}-BE`)).format(value);
}

/** A month (`yyyy-mm`) as "okt. 2026" in the user's language. */
export function formatYearMonth(locale: Locale, month: string): string {
	return kept(
		`month:${locale}`,
		() => new Intl.DateTimeFormat(`${locale}-BE`, { month: 'short', year: 'numeric', timeZone: 'UTC' })
	).format(new Date(`${month}-01T00:00:00Z`));
}
