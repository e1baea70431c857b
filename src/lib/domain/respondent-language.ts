import { isLocale, type Locale } from '../i18n';

/**
 * The languages of an Accept-Language header that the app has, best first: a region is ignored
 * (fr-BE is fr), `q=0` means "not this one", ties keep the header's order.
 */
export function browserLanguages(acceptLanguage: string | null): Locale[] {
	if (!acceptLanguage) return [];
	const ranked = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q === undefined ? 1 : Number(q.slice(2));
			return { lang: (tag ?? '').trim().split('-')[0]!.toLowerCase(), weight, index };
		})
		.filter((r) => isLocale(r.lang) && Number.isFinite(r.weight) && r.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	return [...new Set(ranked.map((r) => r.lang as Locale))];
}

/**
 * The language a respondent's questionnaire is shown in: the language the visitor chose (the
 * language cookie) wins; else the browser's best language that the wave offers; else the wave's
 * own language. A wave offers the languages its instrument has every text in.
 */
export function respondentLanguage(input: {
	chosen: string | null | undefined;
	acceptLanguage: string | null;
	waveLanguage: Locale;
	offered: readonly Locale[];
}): Locale {
	if (isLocale(input.chosen)) return input.chosen;
	return browserLanguages(input.acceptLanguage).find((l) => input.offered.includes(l)) ?? input.waveLanguage;
}
