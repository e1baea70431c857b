import { describe, expect, it } from 'vitest';
import { LOCALES, isMessageKey, type MessageKey, type Params } from '../../i18n';
import { nl } from '../../i18n/nl';
import { displayParam, formatFileSize, problemMessage, repeatedMessage } from './problem-text';

/**
 * Every message of the signals and units namespaces, in the three languages, filled with the
 * parameters the import sends (numbers, ISO days and months, byte counts): no ISO date, no raw
 * byte count, no decimal point in French or Dutch, and the singular for 1.
 */

const KEYS = (Object.keys(nl) as MessageKey[]).filter((key) => /^(signals|units)\./.test(key));
const PROBLEM_KEYS = KEYS.filter((key) => /^signals\.(problem|file|format)\./.test(key));

/** The parameters a message names, plain or counted. */
const paramsOf = (template: string) => [
	...new Set([...template.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))
];

const TEXT: Record<string, string> = {
	code: 'X1',
	file: 'verzuim.csv',
	header: 'Begin',
	name: 'Jan',
	lines: '2, 3'
};

/** Sample parameters, every number set to `n`, every limit to `limit`. */
function sample(key: MessageKey, n: number, limit: string | number): Params {
	const params: Params = {};
	for (const name of paramsOf(nl[key])) {
		if (name in TEXT) params[name] = TEXT[name]!;
		else if (name === 'min' || name === 'max') params[name] = limit;
		else if (name === 'maxBytes') params[name] = 209_715_200;
		else params[name] = n;
	}
	return params;
}

/** Plural nouns after a 1: what a message without a plural form writes ("1 problemen"). */
const PLURAL_AFTER_ONE =
	/(^|[^\d.,\s])\s*1 (problemen|rijen|regels|eenheden|eenheidscodes|codes|tekens|kolommen|fouten|eenheid-maanden|problèmes|lignes|unités|caractères|colonnes|erreurs|mois-unités|sous-unités|problems|rows|units|characters|columns|errors|unit-months|active sub-units)\b/;

describe('signals and units messages in every language', () => {
	it('are found', () => expect(PROBLEM_KEYS.length).toBeGreaterThan(40));

	for (const locale of LOCALES) {
		it.each(KEYS)(`${locale}: %s is singular for 1`, (key) => {
			const text = problemMessage(locale, key, sample(key, 1, 64));
			expect(text).not.toMatch(PLURAL_AFTER_ONE);
			expect(text).not.toMatch(/\{\w+/);
		});

		it.each(PROBLEM_KEYS)(`${locale}: %s shows no ISO date, raw byte count or decimal point`, (key) => {
			for (const limit of ['2000-01-01', '2025-07', '2026-01-05', 1.5, 64]) {
				const text = problemMessage(locale, key, sample(key, 1.5, limit));
				expect(text).not.toMatch(/\d{4}-\d{2}/);
				expect(text).not.toMatch(/209715200|209\D715\D200|bytes|octets/);
				if (locale !== 'en') expect(text).not.toMatch(/\d\.\d/);
			}
		});
	}
});

describe('parameters shown in the language', () => {
	it.each([
		['nl', 'max', 1.5, '1,5'],
		['fr', 'max', 1.5, '1,5'],
		// The app writes English for Belgium (en-BE): a decimal comma there too.
		['en', 'max', 1.5, '1,5'],
		['nl', 'line', 2477, '2.477'],
		['fr', 'line', 2477, '2 477'],
		['nl', 'min', '2000-01-01', '1 jan 2000'],
		['fr', 'max', '2026-01-05', '5 janv. 2026'],
		['en', 'max', '2025-07', 'Jul 2025'],
		['nl', 'maxBytes', 209_715_200, '200 MB'],
		['fr', 'maxBytes', 209_715_200, '200 Mo'],
		['en', 'maxBytes', 1_572_864, '1,5 MB'],
		['nl', 'code', '2025-04-05', '2025-04-05']
	] as const)('%s %s %j → %s', (locale, name, value, expected) =>
		expect(displayParam(locale, name, value).replace(/\s/g, ' ')).toBe(expected)
	);

	it('keeps a count a number, so that its plural form is chosen', () => {
		expect(problemMessage('nl', 'signals.problem.keyTooLong', { max: 1 })).toBe(
			'Een medewerkerssleutel heeft hoogstens 1 teken.'
		);
		expect(problemMessage('fr', 'signals.problem.fteRange', { max: 1.5 })).toContain('1,5');
	});

	it('says how often a problem occurs, with its first lines', () => {
		expect(repeatedMessage('nl', { rows: 1 })).toBeNull();
		expect(repeatedMessage('en', { rows: 2477, lines: [2, 3, 4, 5, 6] })).toBe(
			'The same problem on 2.477 rows (first lines: 2, 3, 4, 5, 6, …).'
		);
		expect(repeatedMessage('nl', { rows: 2, lines: [2, 1500] })).toBe(
			'Hetzelfde probleem op 2 rijen (eerste regels: 2, 1.500).'
		);
		expect(isMessageKey('signals.problem.repeated')).toBe(true);
	});

	it('writes file sizes below a megabyte in kilobytes', () =>
		expect(formatFileSize('nl', 512 * 1024).replace(/\s/g, ' ')).toBe('512 kB'));
});
