import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/lib/i18n';
import { CATALOGUES, messagePattern } from './browser-steps';

describe('messagePattern', () => {
	it.each([
		['{count} rows', '12 rows', true],
		['{count} rows', '12 columns', false],
		[
			'Nog {count, plural, one {# bevinding} other {# bevindingen}} van {unit}',
			'Nog 2 bevindingen van Eik',
			true
		],
		[
			'Nog {count, plural, one {# bevinding} other {# bevindingen}} van {unit}',
			'Nog 1 bevinding van Eik',
			true
		],
		['Nog {count, plural, one {# bevinding} other {# bevindingen}} van {unit}', 'Nog 2 bevindingen', false],
		['a {x, select, m {b {y}} other {c}} d', 'a b zz d', true],
		['(a.b) {n}', '(a.b) 3', true],
		['(a.b) {n}', '(axb) 3', false]
	])('%s matches %s: %s', (message, text, matches) => {
		expect(messagePattern(message).test(text)).toBe(matches);
	});

	// Every message of every catalogue, filled in as the app fills it, matches its own pattern.
	it('matches each message as the app renders it, in every language', () => {
		const params = { count: 2, unit: 'Eik', file: 'f.csv', name: 'N', n: 3, k: 5 };
		let checked = 0;
		for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
			for (const [key, message] of Object.entries(catalogue)) {
				if (!message.includes('{')) continue;
				let rendered: string;
				try {
					rendered = translate(lang as 'nl', key as MessageKey, params);
				} catch {
					continue;
				}
				if (rendered.includes('{')) continue;
				expect(messagePattern(message).test(rendered), `${lang} ${key}: ${rendered}`).toBe(true);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});
});
