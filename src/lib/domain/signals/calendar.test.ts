import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	civilDate,
	dayNumber,
	daysInMonth,
	firstDayOfMonth,
	formatDay,
	formatMonth,
	lastDayOfMonth,
	monthIndex,
	monthOfDay,
	weekday,
	workdays
} from './calendar';

/** The same count, one day at a time, with the platform's own calendar. */
function workdaysByDate(from: number, to: number): number {
	let count = 0;
	for (let day = from; day <= to; day++) {
		const w = new Date(day * 86_400_000).getUTCDay();
		if (w !== 0 && w !== 6) count++;
	}
	return count;
}

describe('dayNumber and civilDate', () => {
	it.each([
		[1970, 1, 1, 0],
		[1969, 12, 31, -1],
		[2000, 1, 1, 10957],
		[2000, 2, 29, 11016],
		[2024, 1, 1, 19723],
		[2025, 1, 30, 20118],
		[2025, 3, 4, 20151],
		[1950, 1, 1, -7305]
	])('%i-%i-%i is day %i', (y, m, d, n) => {
		expect(dayNumber(y, m, d)).toBe(n);
		expect(civilDate(n)).toEqual([y, m, d]);
		expect(monthOfDay(n)).toBe(monthIndex(y, m));
	});
	it('agrees with Date and round-trips for any day from 1900 to 2100', () => {
		fc.assert(
			fc.property(fc.integer({ min: -25_567, max: 47_482 }), (n) => {
				const date = new Date(n * 86_400_000);
				const [y, m, d] = civilDate(n);
				expect([y, m, d]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
				expect(dayNumber(y, m, d)).toBe(n);
				expect(monthOfDay(n)).toBe(y * 12 + m - 1);
				expect(formatDay(n)).toBe(date.toISOString().slice(0, 10));
			})
		);
	});
});

describe('months', () => {
	it.each([
		[2025, 1, '2025-01', '2025-01-01', '2025-01-31'],
		[2024, 2, '2024-02', '2024-02-01', '2024-02-29'],
		[2025, 2, '2025-02', '2025-02-01', '2025-02-28'],
		[2000, 12, '2000-12', '2000-12-01', '2000-12-31']
	])('%i-%i is %s, from %s to %s', (y, m, label, first, last) => {
		const month = monthIndex(y, m);
		expect(formatMonth(month)).toBe(label);
		expect(formatDay(firstDayOfMonth(month))).toBe(first);
		expect(formatDay(lastDayOfMonth(month))).toBe(last);
		expect(lastDayOfMonth(month) - firstDayOfMonth(month) + 1).toBe(daysInMonth(y, m));
	});
	it.each([
		[1900, 2, 28],
		[2000, 2, 29],
		[2024, 2, 29],
		[2025, 2, 28],
		[2025, 4, 30],
		[2025, 12, 31]
	])('%i-%i has %i days', (y, m, days) => expect(daysInMonth(y, m)).toBe(days));
});

describe('workdays', () => {
	it.each([
		['Thursday 1 January 1970 is a weekday', 0, 0, 1],
		['a weekend', dayNumber(2025, 2, 1), dayNumber(2025, 2, 2), 0],
		['a full week', dayNumber(2025, 2, 3), dayNumber(2025, 2, 9), 5],
		['February 2025', dayNumber(2025, 2, 1), dayNumber(2025, 2, 28), 20],
		['January 2025', dayNumber(2025, 1, 1), dayNumber(2025, 1, 31), 23],
		['Thu 30 Jan to Tue 4 Mar 2025', dayNumber(2025, 1, 30), dayNumber(2025, 3, 4), 24],
		['an empty range', dayNumber(2025, 3, 4), dayNumber(2025, 3, 3), 0],
		['before 1970', dayNumber(1969, 12, 29), dayNumber(1970, 1, 4), 5]
	])('%s', (_name, from, to, expected) => expect(workdays(from, to)).toBe(expected));
	it('equals counting day by day', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -8000, max: 30_000 }),
				fc.integer({ min: -3, max: 800 }),
				(from, length) => {
					expect(workdays(from, from + length)).toBe(workdaysByDate(from, from + length));
				}
			)
		);
	});
	it('names weekdays from Monday = 0', () => {
		expect([0, 1, 2, 3, 4, 5, 6].map((i) => weekday(dayNumber(2025, 2, 3) + i))).toEqual([
			0, 1, 2, 3, 4, 5, 6
		]);
		expect(weekday(0)).toBe(3);
		expect(weekday(-1)).toBe(2);
	});
});
