import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../signals/registry';
import { CATALOGUE } from './catalogue';
import { planBalance, suggestMeasures } from './suggest';
import type { ApplicationLevel, CatalogueEntry, MeasureTargets, PreventionLevel } from './types';

function entry(
	id: string,
	level: PreventionLevel,
	application: ApplicationLevel,
	dimensions: string[],
	signals: IndicatorId[] = []
): CatalogueEntry {
	const text = { nl: id, fr: id, en: id };
	return {
		id,
		title: text,
		how: text,
		watchOut: text,
		targets: { dimensions, signals },
		domain: 'work-organisation',
		level,
		application,
		sources: ['HGR 9339']
	};
}

/** A small hand-made catalogue: every rank of the order appears, with ids that sort against it. */
const SMALL: readonly CatalogueEntry[] = [
	entry('a-individual-primary', 'primary', 'individual', ['workload']),
	entry('b-group-tertiary', 'tertiary', 'group', ['workload']),
	entry('c-organisation-secondary', 'secondary', 'organisation', ['workload']),
	entry('d-group-primary', 'primary', 'group', ['workload']),
	entry('e-organisation-primary', 'primary', 'organisation', ['workload']),
	entry('f-individual-tertiary', 'tertiary', 'individual', ['workload', 'burnout'], ['absenceRateLong']),
	entry('g-two-dimensions', 'primary', 'organisation', ['workload', 'burnout']),
	entry('h-signal-only', 'secondary', 'group', [], ['absenceRateLong']),
	entry('i-unrelated', 'primary', 'organisation', ['recognition'])
];

const ids = (entries: readonly CatalogueEntry[]) => entries.map((e) => e.id);
const targets = (dimensions: string[], signals: IndicatorId[] = []): MeasureTargets => ({
	dimensions,
	signals
});

describe('suggestMeasures', () => {
	it.each<[string, MeasureTargets, string[]]>([
		[
			'one target: collective before individual, then primary, secondary, tertiary, then by id',
			targets(['workload']),
			[
				'd-group-primary',
				'e-organisation-primary',
				'g-two-dimensions',
				'c-organisation-secondary',
				'b-group-tertiary',
				'a-individual-primary',
				'f-individual-tertiary'
			]
		],
		[
			'more targets matched come first, even an individual tertiary one',
			targets(['workload', 'burnout'], ['absenceRateLong']),
			[
				'f-individual-tertiary',
				'g-two-dimensions',
				'd-group-primary',
				'e-organisation-primary',
				'c-organisation-secondary',
				'h-signal-only',
				'b-group-tertiary',
				'a-individual-primary'
			]
		],
		['a signal alone', targets([], ['absenceRateLong']), ['h-signal-only', 'f-individual-tertiary']],
		['a finding no entry aims at', targets(['autonomy'], ['turnoverVoluntary']), []],
		['no findings', targets([]), []],
		[
			'a target named twice counts once',
			targets(['burnout', 'burnout']),
			['g-two-dimensions', 'f-individual-tertiary']
		]
	])('%s', (_case, findings, expected) => {
		expect(ids(suggestMeasures(findings, SMALL))).toEqual(expected);
	});

	it('leaves out entries the organisation has retired', () => {
		const exclude = new Set(['d-group-primary', 'g-two-dimensions', 'not-in-the-catalogue']);
		expect(ids(suggestMeasures(targets(['burnout', 'workload']), SMALL, { exclude }))).toEqual([
			'f-individual-tertiary',
			'e-organisation-primary',
			'c-organisation-secondary',
			'b-group-tertiary',
			'a-individual-primary'
		]);
	});

	it('gives the same order whatever the order of the catalogue, and leaves the catalogue alone', () => {
		const reversed = [...SMALL].reverse();
		const before = ids(reversed);
		expect(ids(suggestMeasures(targets(['workload']), reversed))).toEqual(
			ids(suggestMeasures(targets(['workload']), SMALL))
		);
		expect(ids(reversed)).toEqual(before);
	});

	it.each<[string, MeasureTargets]>([
		['a work factor', targets(['workload'])],
		['a barometer dimension', targets(['unwanted-behaviour'])],
		['a signal', targets([], ['turnoverVoluntary'])],
		['a mix', targets(['burnout', 'support-manager'], ['newLongIncapacityPer100Fte'])]
	])('on the real catalogue, suggests for %s only entries that aim at it, best first', (_case, findings) => {
		const wanted = new Set<string>([...findings.dimensions, ...findings.signals]);
		const suggested = suggestMeasures(findings, CATALOGUE);
		expect(suggested.length).toBeGreaterThan(0);
		const matched = suggested.map(
			(e) => [...e.targets.dimensions, ...e.targets.signals].filter((id) => wanted.has(id)).length
		);
		expect(Math.min(...matched)).toBeGreaterThan(0);
		expect(matched).toEqual([...matched].sort((a, b) => b - a));
		expect(suggested[0]?.level).toBe('primary');
		expect(suggested[0]?.application).not.toBe('individual');
	});
});

describe('planBalance', () => {
	const m = (level: PreventionLevel, application: ApplicationLevel) => ({ level, application });

	it.each([
		['an empty plan', [], false, 0, 0],
		['only collective primary measures', [m('primary', 'organisation'), m('primary', 'group')], false, 0, 2],
		['exactly half individual', [m('primary', 'organisation'), m('secondary', 'individual')], false, 1, 2],
		['exactly half tertiary', [m('primary', 'group'), m('tertiary', 'group')], false, 1, 2],
		[
			'more than half individual',
			[m('primary', 'organisation'), m('secondary', 'individual'), m('primary', 'individual')],
			true,
			2,
			3
		],
		[
			'more than half tertiary, even for a group',
			[m('primary', 'organisation'), m('tertiary', 'group'), m('tertiary', 'organisation')],
			true,
			2,
			3
		],
		['one individual measure alone', [m('secondary', 'individual')], true, 1, 1],
		[
			'an individual tertiary measure counts once',
			[m('tertiary', 'individual'), m('primary', 'group'), m('secondary', 'group')],
			false,
			1,
			3
		],
		[
			'secondary collective measures do not count',
			[m('secondary', 'group'), m('secondary', 'organisation'), m('tertiary', 'individual')],
			false,
			1,
			3
		]
	] as const)('%s', (_case, measures, warn, individualOrTertiary, total) => {
		expect(planBalance(measures)).toEqual({ warn, individualOrTertiary, total });
	});
});
