import { describe, expect, it } from 'vitest';
import { discloseWithoutMinimum, suppressed } from '../anonymity';
import { INDICATORS } from './registry';
import { againstOrganisation, parseSignalsSort, rowsWithin, sortByIndicator } from './units-table';

const row = (name: string, value: number | null) => ({
	name,
	rolling: Object.fromEntries(
		INDICATORS.map((id) => [id, value === null ? suppressed('below-k') : discloseWithoutMinimum(10, value)])
	) as Record<
		(typeof INDICATORS)[number],
		ReturnType<typeof suppressed> | ReturnType<typeof discloseWithoutMinimum<number>>
	>
});

describe('the signals table of units', () => {
	const rows = [row('a', 3), row('b', null), row('c', 5), row('d', 3), row('e', 1)];
	it.each([
		['tree order without a sort', '', ['a', 'b', 'c', 'd', 'e']],
		['highest first, hidden last, ties in tree order', 'sort=absenceRate', ['c', 'a', 'd', 'e', 'b']],
		['lowest first, hidden still last', 'sort=absenceRate&dir=asc', ['e', 'a', 'd', 'c', 'b']],
		['an unknown column is the tree order', 'sort=bradford', ['a', 'b', 'c', 'd', 'e']]
	])('%s', (_name, query, order) => {
		const sort = parseSignalsSort(new URLSearchParams(query), INDICATORS);
		expect(sortByIndicator(rows, sort).map((r) => r.name)).toEqual(order);
	});

	it.each([
		[4, 5, 'improved'],
		[4.2, 5, 'unchanged'],
		[6, 5, 'worse'],
		[1, 0, 'worse'],
		[0, 0, 'unchanged']
	] as const)('a unit at %d against the organisation at %d is %s', (unit, organisation, outcome) => {
		expect(
			againstOrganisation(discloseWithoutMinimum(10, unit), discloseWithoutMinimum(100, organisation))
		).toBe(outcome);
	});

	it('compares nothing hidden', () => {
		expect(againstOrganisation(suppressed('below-k'), discloseWithoutMinimum(100, 5))).toBe('not-comparable');
		expect(againstOrganisation(discloseWithoutMinimum(10, 5), suppressed('no-data'))).toBe('not-comparable');
	});
});

describe('rowsWithin', () => {
	const tree = [0, 1, 2, 2, 1, 2, 2, 0, 1].map((depth, i) => ({ depth, i }));
	it.each([
		[9, 9, false],
		[8, 5, true],
		[3, 2, true],
		[1, 2, true]
	])('within %d rows shows %d', (limit, shown, cut) => {
		const result = rowsWithin(tree, limit);
		expect(result.rows).toHaveLength(shown);
		expect(result.cut).toBe(cut);
	});
});
