import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../i18n';
import { rate, survey, text } from '../../../../tests/helpers/early-warning';
import { reasonMessage } from './messages';
import type { Finding } from './ranking';
import { RATE_INDICATOR_IDS } from './rates';

describe('messages', () => {
	it('uses only keys of the catalogue, in every language', () => {
		const findings: Finding[] = [
			...RATE_INDICATOR_IDS.flatMap((indicator) =>
				(['own-history', 'organisation'] as const).flatMap((comparison) =>
					[
						[1, 1],
						[1, 0],
						[3, 2],
						[3, 1]
					].map(([monthsAbove, consecutive]) => rate({ indicator, comparison, monthsAbove, consecutive }))
				)
			),
			...(['previous-wave', 'organisation'] as const).flatMap((comparison) =>
				(['share', 'mean'] as const).flatMap((measure) =>
					[1, 2].map((consecutiveWaves) => survey({ comparison, measure, consecutiveWaves }))
				)
			)
		];
		const keys = (m: ReturnType<typeof reasonMessage>): string[] => [
			m.key,
			...Object.values(m.params).flatMap((p) => (typeof p === 'object' && 'key' in p ? keys(p) : [])),
			...(m.detail ? keys(m.detail) : [])
		];
		for (const finding of findings) {
			for (const key of keys(reasonMessage(finding))) expect([key, isMessageKey(key)]).toEqual([key, true]);
			for (const locale of ['nl', 'fr', 'en'] as const) expect(text(locale, finding)).not.toMatch(/[{}]/);
		}
	});

	it.each([
		[
			rate({ indicator: 'frequency', value: 2.44, baseline: 1.7 }),
			'verzuimfrequentie 2,4 ziekteperiodes per medewerker per jaar, eigen basisniveau 1,7 ziekteperiodes per medewerker per jaar (laatste maand boven de band)'
		],
		[
			rate({
				indicator: 'turnoverVoluntary',
				comparison: 'organisation',
				value: 30,
				organisation: 11,
				monthsAbove: 3,
				consecutive: 1
			}),
			'vrijwillig verloop 30% per jaar, organisatie 11% per jaar (3 van de laatste 4 maanden boven de band)'
		],
		[
			survey({
				comparison: 'organisation',
				measure: 'mean',
				value: 61.04,
				reference: 50,
				consecutiveWaves: 2
			}),
			'uitputting: gemiddelde score 61 op 100, organisatie 50 (2 metingen op rij ongunstiger dan de organisatie)'
		]
	] as const)('renders %#', (finding, expected) => expect(text('nl', finding)).toBe(expected));
});
