import { describe, expect, it } from 'vitest';
import { validateOrganisationSettings } from './organisation-settings';

const valid = { name: 'Zorggroep', language: 'nl', minGroupSize: '5', sensitiveMinGroupSize: '10' };

describe('validateOrganisationSettings', () => {
	it('accepts valid settings and trims the name', () => {
		expect(validateOrganisationSettings({ ...valid, name: '  Zorggroep  ' })).toEqual({
			ok: true,
			value: { name: 'Zorggroep', language: 'nl', minGroupSize: 5, sensitiveMinGroupSize: 10 }
		});
	});
	it.each([
		['empty name', { name: '  ' }, 'name', 'validation.required'],
		['long name', { name: 'x'.repeat(121) }, 'name', 'validation.tooLong'],
		['unknown language', { language: 'de' }, 'language', 'validation.language'],
		['k below the floor of 3', { minGroupSize: '2' }, 'minGroupSize', 'validation.kFloor'],
		['k not a number', { minGroupSize: 'five' }, 'minGroupSize', 'validation.wholeNumber'],
		['k negative', { minGroupSize: '-5' }, 'minGroupSize', 'validation.wholeNumber'],
		['k fractional', { minGroupSize: '4.5' }, 'minGroupSize', 'validation.wholeNumber'],
		[
			'k absurdly high',
			{ minGroupSize: '1000', sensitiveMinGroupSize: '1000' },
			'minGroupSize',
			'validation.max'
		],
		[
			'sensitive k below k',
			{ minGroupSize: '8', sensitiveMinGroupSize: '6' },
			'sensitiveMinGroupSize',
			'validation.sensitiveBelowK'
		],
		[
			'sensitive k missing',
			{ sensitiveMinGroupSize: undefined },
			'sensitiveMinGroupSize',
			'validation.wholeNumber'
		]
	])('refuses %s', (_name, change, field, key) => {
		const result = validateOrganisationSettings({ ...valid, ...change });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[field]?.key).toBe(key);
	});
	it('accepts k at the floor of 3', () => {
		expect(validateOrganisationSettings({ ...valid, minGroupSize: '3', sensitiveMinGroupSize: '3' }).ok).toBe(
			true
		);
	});
});
