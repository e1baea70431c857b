import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../i18n';
import { browserLanguages, respondentLanguage } from './respondent-language';

describe('browserLanguages', () => {
	it.each([
		[null, []],
		['', []],
		['fr-BE', ['fr']],
		['fr-BE,fr;q=0.9,en;q=0.8', ['fr', 'en']],
		['de-DE,de;q=0.9', []],
		['de-DE,en;q=0.5,nl;q=0.7', ['nl', 'en']],
		['en;q=0,fr', ['fr']],
		['NL-be , FR;q=0.5', ['nl', 'fr']],
		['fr;q=0.5,nl;q=0.5', ['fr', 'nl']],
		['fr;q=abc,nl', ['nl']],
		['*', []]
	] as const)('%j → %j', (header, expected) => expect(browserLanguages(header)).toEqual(expected));
});

describe('respondentLanguage', () => {
	const all = LOCALES;
	it.each([
		['the cookie wins over the browser', 'en', 'fr-BE', 'nl', all, 'en'],
		['the browser wins over the wave', null, 'fr-BE,fr;q=0.9', 'nl', all, 'fr'],
		['no header: the wave', null, null, 'nl', all, 'nl'],
		['a language the app lacks: the wave', null, 'de-DE', 'fr', all, 'fr'],
		['the next browser language the wave offers', null, 'fr-BE,en;q=0.5', 'nl', ['nl', 'en'], 'en'],
		['a wave offering one language keeps it', null, 'fr-BE', 'nl', ['nl'], 'nl'],
		['a forged cookie is no choice', 'xx', 'fr', 'nl', all, 'fr']
	] as const)('%s', (_name, chosen, acceptLanguage, waveLanguage, offered, expected) =>
		expect(
			respondentLanguage({ chosen, acceptLanguage, waveLanguage, offered: offered as readonly Locale[] })
		).toBe(expected)
	);

	// Generated: whatever the header, the result is the cookie's language when it names one, and
	// otherwise always one the wave offers or the wave's own.
	it('always answers a language the wave offers, or the choice', () => {
		const tags = ['nl', 'fr', 'en', 'de', 'fr-BE', 'nl-BE', 'en-GB', 'es', '*'];
		for (let seed = 0; seed < 500; seed++) {
			const pick = (n: number) => tags[(seed * 7 + n * 13) % tags.length]!;
			const header = [0, 1, 2].map((n) => `${pick(n)};q=${((seed + n) % 10) / 10}`).join(',');
			const offered = LOCALES.filter((_, i) => (seed >> i) & 1);
			const waveLanguage = LOCALES[seed % 3]!;
			const got = respondentLanguage({ chosen: null, acceptLanguage: header, waveLanguage, offered });
			expect([...offered, waveLanguage]).toContain(got);
			const best = browserLanguages(header).find((l) => offered.includes(l));
			expect(got).toBe(best ?? waveLanguage);
		}
	});
});
