import { describe, expect, it } from 'vitest';
import { SignalsAccumulator } from './aggregate';
import {
	knownUnitCodes,
	SPELLS,
	importFiles,
	spells,
	problemsOf,
	SPELL_FIGURES
} from '../../../../tests/helpers/signals-import';

describe('files of one upload', () => {
	it.each([
		['monthly after spells', ['spells', 'monthly']],
		['spells after monthly', ['monthly', 'spells']],
		['spells twice', ['spells', 'spells']]
	])('refuses %s', (_name, formats) => {
		const headers: Record<string, string[]> = { spells: SPELLS, monthly: ['Eenheidscode', 'Maand'] };
		const result = importFiles(formats.map((f) => ({ header: headers[f]!, rows: [] })));
		expect(problemsOf(result)).toEqual([
			{ line: 0, column: null, value: '', key: 'signals.problem.filesCombination' }
		]);
	});

	it('refuses rows before a file is begun', () => {
		const accumulator = new SignalsAccumulator({ knownUnitCodes, today: '2025-06-15' });
		expect(() => accumulator.add(2, ['x'])).toThrow();
	});

	it.each([
		['a today that is no ISO date', { today: '15/06/2025' }],
		['a period that is no ISO month', { period: { from: '2025-1', to: '2025-03' } }],
		['a period that ends before it starts', { period: { from: '2025-03', to: '2025-01' } }]
	])('refuses %s', (_name, options) => {
		expect(() => new SignalsAccumulator({ knownUnitCodes, today: '2025-06-15', ...options })).toThrow(
			RangeError
		);
	});

	it('gives an empty result for a header without rows', () => {
		expect(importFiles([spells()])).toEqual({
			ok: true,
			formats: ['spells'],
			rows: 0,
			period: null,
			supplied: [...SPELL_FIGURES, 'people'],
			figures: []
		});
	});
});
