import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, formatDay, formatMonth, monthIndex } from './calendar';
import {
	AMBIGUOUS,
	EMPTY,
	FORMULA,
	NEGATIVE,
	NOT_DATE,
	NOT_MONTH,
	NOT_NUMBER,
	NOT_WHOLE,
	failureKey,
	isFailure,
	isoDay,
	isoMonth,
	parseDate,
	parseDateText,
	lastDateStyle,
	parseMonth,
	parseNumber
} from './parse';

describe('parseNumber in a decimal column', () => {
	it.each([
		['0', 0],
		['12', 12],
		[' 7 ', 7],
		['1,5', 1.5],
		['1.5', 1.5],
		['0,875', 0.875],
		['0.875', 0.875],
		['12,375', 12.375],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		['1.234.567', 1234567],
		['1,234,567', 1234567],
		['1.234.567,89', 1234567.89],
		['1 234,5', 1234.5],
		['1\u00a0234,5', 1234.5],
		['1\u202f234', 1234],
		['12.3456', 12.3456],
		['1234.567', 1234.567],
		['3,00', 3],
		['-0', 0],
		[' 2,25\t', 2.25],
		['\u00a02,25\r', 2.25]
	])('%j is %d', (cell, expected) => expect(parseNumber(cell, false)).toBe(expected));

	it.each([
		['', EMPTY],
		['   ', EMPTY],
		['abc', NOT_NUMBER],
		['1,2,3', NOT_NUMBER],
		['12.34.5', NOT_NUMBER],
		['1.234,5.6', NOT_NUMBER],
		['1,2.3,4', NOT_NUMBER],
		['1 23', NOT_NUMBER],
		['1 234.567,8', NOT_NUMBER],
		['5,', NOT_NUMBER],
		['.5', NOT_NUMBER],
		['1e3', NOT_NUMBER],
		['12%', NOT_NUMBER],
		['-', FORMULA],
		['\t2,25', FORMULA],
		['\r5', FORMULA],
		['-5+A1', FORMULA],
		['-1 +cmd|x', FORMULA],
		['1234567890123', NOT_NUMBER],
		['-1', NEGATIVE],
		['-0,5', NEGATIVE],
		['=SUM(A1:A3)', FORMULA],
		['+1', FORMULA],
		['@A1', FORMULA],
		['-A1', FORMULA],
		['1.234', AMBIGUOUS],
		['12.500', AMBIGUOUS],
		['999.999', AMBIGUOUS]
	])('%j is refused', (cell, failure) => {
		expect(parseNumber(cell, false)).toBe(failure);
		expect(isFailure(failure)).toBe(true);
	});

	it.each([
		['0.123 (a leading zero is never a thousands group)', '0.123', 0.123],
		['1234.567 (four digits before the point)', '1234.567', 1234.567],
		['1.2345 (four after it)', '1.2345', 1.2345],
		['1 234.567 (spaces group, so the point is decimal)', '1 234.567', 1234.567]
	])('reads %s', (_name, cell, expected) => expect(parseNumber(cell, false)).toBe(expected));

	it('reads what a Belgian spreadsheet writes', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
				const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
				expect(parseNumber(text, false)).toBeCloseTo(cents / 100, 10);
			})
		);
	});
});

describe('parseNumber in a whole-number column', () => {
	it.each([
		['24', 24],
		['3,00', 3],
		['3.0', 3],
		['1.234.567', 1234567],
		['1 234', 1234]
	])('%j is %d', (cell, expected) => expect(parseNumber(cell, true)).toBe(expected));
	it.each([
		['2,5', NOT_WHOLE],
		['2.5', NOT_WHOLE],
		['1,000', AMBIGUOUS],
		['1.000', AMBIGUOUS],
		['-3', NEGATIVE],
		['', EMPTY]
	])('%j is refused', (cell, failure) => expect(parseNumber(cell, true)).toBe(failure));
});

describe('parseDate', () => {
	const d = (y: number, m: number, day: number) => dayNumber(y, m, day);
	it.each([
		['30/01/2025', d(2025, 1, 30)],
		['3/1/2025', d(2025, 1, 3)],
		['03-01-2025', d(2025, 1, 3)],
		['03.01.2025', d(2025, 1, 3)],
		['2025-01-03', d(2025, 1, 3)],
		['2025-1-3', d(2025, 1, 3)],
		[' 29/02/2024 ', d(2024, 2, 29)],
		['30/01/2025 00:00', d(2025, 1, 30)],
		['30/01/2025 00:00:00', d(2025, 1, 30)],
		['2025-01-30T00:00:00.000Z', d(2025, 1, 30)],
		['1/1/1950', d(1950, 1, 1)]
	])('%j', (cell, expected) => expect(parseDate(cell)).toBe(expected));
	it.each([
		['', EMPTY],
		['29/02/2025', NOT_DATE],
		['31/04/2025', NOT_DATE],
		['00/01/2025', NOT_DATE],
		['01/13/2025', NOT_DATE],
		['01/02/25', NOT_DATE],
		['2025/01', NOT_DATE],
		['30/01-2025', NOT_DATE],
		['30/01/2025 noon', NOT_DATE],
		['30/01/20255', NOT_DATE],
		['123/01/2025', NOT_DATE],
		['2025-001-01', NOT_DATE],
		['jan 30, 2025', NOT_DATE],
		['45678', NOT_DATE],
		['=TODAY()', FORMULA]
	])('%j is refused', (cell, failure) => expect(parseDate(cell)).toBe(failure));
	it('reads a ten-character cell as the general reader does: day, refusal and style', () => {
		// Date-like texts of both layouts: digits at the date's places, a separator (matching or not)
		// at the others, and now and then one character replaced, so that both layouts, the month
		// and day checks and every fallback are met often.
		const pad = (n: number, width: number) => String(n).padStart(width, '0');
		const digits = fc
			.tuple(
				fc.integer({ min: 0, max: 9999 }),
				fc.integer({ min: 0, max: 13 }),
				fc.integer({ min: 0, max: 32 })
			)
			.map(([y, m, d]) => ({ y: pad(y, 4), m: pad(m, 2), d: pad(d, 2) }));
		const separator = fc.constantFrom('-', '/', '.', ' ', 'T', ':');
		const stray = fc.constantFrom(...'0123456789-/. =+aZ'.split(''));
		const dateLike = fc
			.tuple(
				fc.boolean(),
				digits,
				separator,
				fc.oneof(separator, fc.constant('same')),
				fc.option(fc.tuple(fc.integer({ min: 0, max: 9 }), stray), { freq: 3 })
			)
			.map(([yearFirst, d, first, second, replace]) => {
				const other = second === 'same' ? first : second;
				const text = yearFirst ? `${d.y}${first}${d.m}${other}${d.d}` : `${d.d}${first}${d.m}${other}${d.y}`;
				if (!replace) return text;
				const [at, c] = replace;
				return `${text.slice(0, at)}${c}${text.slice(at + 1)}`;
			});
		const styleOf = (read: (cell: string) => number, cell: string) => {
			const day = read(cell);
			return { day, style: day >= -1e8 ? lastDateStyle : null };
		};
		let read = 0;
		fc.assert(
			fc.property(dateLike, (cell) => {
				const expected = styleOf(parseDateText, cell);
				if (expected.style !== null) read++;
				expect(styleOf(parseDate, cell)).toEqual(expected);
			}),
			{ numRuns: 20_000 }
		);
		// Most generated cells are dates, so the fast path's reading (not only its refusals) is held.
		expect(read).toBeGreaterThan(2_000);
	});
	it('reads back what it formats, in both notations', () => {
		fc.assert(
			fc.property(fc.integer({ min: dayNumber(1950, 1, 1), max: dayNumber(2100, 12, 31) }), (day) => {
				const [y, m, dd] = civilDate(day);
				expect(parseDate(formatDay(day))).toBe(day);
				expect(parseDate(`${dd}/${m}/${y}`)).toBe(day);
				expect(parseDate(`${String(dd).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`)).toBe(day);
			})
		);
	});
});

describe('parseMonth', () => {
	it.each([
		['2025-01', monthIndex(2025, 1)],
		['2025/1', monthIndex(2025, 1)],
		['01/2025', monthIndex(2025, 1)],
		['1/2025', monthIndex(2025, 1)],
		['12-2024', monthIndex(2024, 12)],
		['12.2024', monthIndex(2024, 12)],
		['15/03/2025', monthIndex(2025, 3)],
		['2025-03-31', monthIndex(2025, 3)]
	])('%j', (cell, expected) => expect(parseMonth(cell)).toBe(expected));
	it.each([
		['', EMPTY],
		['2025-13', NOT_MONTH],
		['0/2025', NOT_MONTH],
		['2025', NOT_MONTH],
		['jan-25', NOT_MONTH],
		['01/25', NOT_MONTH],
		['31/02/2025', NOT_MONTH],
		['2025-01-', NOT_MONTH],
		['+2025-01', FORMULA]
	])('%j is refused', (cell, failure) => expect(parseMonth(cell)).toBe(failure));
	it('reads back what it formats', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2000 * 12, max: 2100 * 12 }), (month) => {
				expect(parseMonth(formatMonth(month))).toBe(month);
				expect(parseMonth(`${(month % 12) + 1}/${Math.floor(month / 12)}`)).toBe(month);
			})
		);
	});
});

describe('strict options', () => {
	it('accepts ISO', () => {
		expect(isoDay('2025-06-15')).toBe(dayNumber(2025, 6, 15));
		expect(isoMonth('2025-06')).toBe(monthIndex(2025, 6));
	});
	it.each(['15/06/2025', '2025-6-15', '2025-02-30', ''])('refuses %j as a day', (value) =>
		expect(() => isoDay(value)).toThrow(RangeError)
	);
	it.each(['06/2025', '2025-6', '2025-13'])('refuses %j as a month', (value) =>
		expect(() => isoMonth(value)).toThrow(RangeError)
	);
});

describe('failureKey', () => {
	it.each([
		[EMPTY, 'signals.problem.required'],
		[NOT_NUMBER, 'signals.problem.notNumber'],
		[NOT_WHOLE, 'signals.problem.notWhole'],
		[NEGATIVE, 'signals.problem.negative'],
		[FORMULA, 'signals.problem.formula'],
		[AMBIGUOUS, 'signals.problem.ambiguousNumber'],
		[NOT_DATE, 'signals.problem.notDate'],
		[NOT_MONTH, 'signals.problem.notMonth']
	])('%d → %s', (failure, key) => expect(failureKey(failure)).toBe(key));
});
