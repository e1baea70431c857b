import { describe, expect, it } from 'vitest';
import { fieldChanges, text, validateTargets } from './fields';

const known = (id: string) => ['workload', 'autonomy'].includes(id);

describe('validateTargets', () => {
	it.each([
		['one dimension', { dimensions: 'workload' }, { dimensions: ['workload'], signals: [] }],
		[
			'trimmed, repeats dropped',
			{ dimensions: [' workload', 'workload', ''], signals: ['absenceRateShort'] },
			{ dimensions: ['workload'], signals: ['absenceRateShort'] }
		]
	])('accepts %s', (_, raw, value) => {
		expect(validateTargets(raw, known)).toEqual({ ok: true, value });
	});

	it.each([
		['nothing', undefined, { key: 'measure.targetRequired' }],
		['an empty object', {}, { key: 'measure.targetRequired' }],
		['a list instead of an object', ['workload'], { key: 'measure.targetRequired' }],
		['text instead of an object', 'workload', { key: 'measure.targetRequired' }],
		[
			'an unknown dimension and signal',
			{ dimensions: ['sleep'], signals: ['mood'] },
			{ key: 'measure.targetUnknown', params: { target: 'sleep, mood' } }
		],
		[
			'a number among the dimensions',
			{ dimensions: [1] },
			{ key: 'measure.targetUnknown', params: { target: '?' } }
		]
	])('refuses %s', (_, raw, problem) => {
		expect(validateTargets(raw, known)).toEqual({ ok: false, problem });
	});
});

describe('text', () => {
	it.each([
		[undefined, ''],
		[null, ''],
		['  a  ', 'a'],
		[3, undefined]
	])('reads %j as %j', (value, expected) => {
		expect(text(value)).toBe(expected);
	});
});

describe('fieldChanges', () => {
	it('lists changed fields with old and new values; targets in another order are the same', () => {
		const before = { title: 'A', targets: { dimensions: ['x', 'y'], signals: [] }, hours: 1 };
		const after = { title: 'B', targets: { dimensions: ['y', 'x'], signals: [] }, hours: 1 };
		expect(fieldChanges(['title', 'targets', 'hours'], before, after)).toEqual({
			fields: ['title'],
			before: { title: 'A' },
			after: { title: 'B' }
		});
	});
});
