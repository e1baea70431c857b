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
					].flatMap(([monthsAbove, consecutive]) =>
						[1, 4].map((months) => rate({ indicator, comparison, months, monthsAbove, consecutive }))
					)
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
			rate({ indicator: 'frequency', months: 1, value: 0.244, reference: 0.17 }),
			'verzuimfrequentie 0,24 ziekteperiodes per medewerker per maand in de laatste maand, eigen basisniveau 0,17 ziekteperiodes per medewerker per maand (laatste maand boven de band)'
		],
		[
			rate({
				indicator: 'turnoverVoluntary',
				comparison: 'organisation',
				value: 2.5,
				reference: 0.92,
				monthsAbove: 3,
				consecutive: 1
			}),
			'vrijwillig verloop 2,5% per maand over de laatste 4 maanden, organisatie 0,92% per maand (3 van de laatste 4 maanden boven de band)'
		],
		[
			rate({ comparison: 'organisation', value: 5.94, reference: 3.4, monthsAbove: 4, consecutive: 4 }),
			'kort verzuim 5,9% over de laatste 4 maanden, organisatie 3,4% (4 maanden op rij boven de band)'
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
