import { describe, expect, it } from 'vitest';
import { todayInBelgium } from './clock';

describe('todayInBelgium', () => {
	it.each([
		// Summer time (UTC+2): the Belgian day starts at 22:00 UTC the evening before.
		['2026-06-30T21:59:59Z', '2026-06-30'],
		['2026-06-30T22:00:00Z', '2026-07-01'],
		['2026-06-30T22:30:00Z', '2026-07-01'],
		['2026-07-01T21:59:59Z', '2026-07-01'],
		// Winter time (UTC+1): at 23:00 UTC, also across the turn of the year.
		['2026-12-31T22:59:59Z', '2026-12-31'],
		['2026-12-31T23:00:00Z', '2027-01-01'],
		['2027-01-01T00:30:00Z', '2027-01-01'],
		// 29 March 2026, clocks go forward at 01:00 UTC: the day starts on winter time and ends on summer time.
		['2026-03-28T22:59:59Z', '2026-03-28'],
		['2026-03-28T23:00:00Z', '2026-03-29'],
		['2026-03-29T00:59:59Z', '2026-03-29'],
		['2026-03-29T01:00:00Z', '2026-03-29'],
		['2026-03-29T21:59:59Z', '2026-03-29'],
		['2026-03-29T22:00:00Z', '2026-03-30'],
		// 25 October 2026, clocks go back at 01:00 UTC: the day starts on summer time and ends on winter time.
		['2026-10-24T21:59:59Z', '2026-10-24'],
		['2026-10-24T22:00:00Z', '2026-10-25'],
		['2026-10-25T00:30:00Z', '2026-10-25'],
		['2026-10-25T01:30:00Z', '2026-10-25'],
		['2026-10-25T22:59:59Z', '2026-10-25'],
		['2026-10-25T23:00:00Z', '2026-10-26']
	])('at %s it is %s in Belgium', (instant, date) => {
		expect(todayInBelgium(new Date(instant))).toBe(date);
	});
});
