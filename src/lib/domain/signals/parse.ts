import type { MessageKey } from '../../i18n';
import { civilDate, dayNumber, daysInMonth, monthOfDay } from './calendar';

/**
 * Cell parsers for the import hot path: a million rows at well over 150,000 rows a second, so they
 * scan with charCodeAt, build no strings, no regular expressions and no objects. A parser returns a
 * plain number; a value at or below FAILED is not a value but the reason it was refused, so that a
 * caller can branch without a result object per cell.
 */

export const FAILED = -1_000_000_000;
export const EMPTY = FAILED - 1;
export const NOT_NUMBER = FAILED - 2;
export const NOT_WHOLE = FAILED - 3;
export const NEGATIVE = FAILED - 4;
/** Text a spreadsheet would run as a formula (see isFormulaText). */
export const FORMULA = FAILED - 5;
/** One point followed by exactly three digits: a thousands separator or a decimal point? */
export const AMBIGUOUS = FAILED - 6;
export const NOT_DATE = FAILED - 7;
export const NOT_MONTH = FAILED - 8;

export function isFailure(value: number): boolean {
	return value <= FAILED;
}

const FAILURE_KEYS: Record<number, MessageKey> = {
	[EMPTY]: 'signals.problem.required',
	[NOT_NUMBER]: 'signals.problem.notNumber',
	[NOT_WHOLE]: 'signals.problem.notWhole',
	[NEGATIVE]: 'signals.problem.negative',
	[FORMULA]: 'signals.problem.formula',
	[AMBIGUOUS]: 'signals.problem.ambiguousNumber',
	[NOT_DATE]: 'signals.problem.notDate',
	[NOT_MONTH]: 'signals.problem.notMonth'
};

/** The message key that explains a failure code. */
export function failureKey(failure: number): MessageKey {
	return FAILURE_KEYS[failure] ?? 'signals.problem.notNumber';
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Space, tab, no-break space and narrow no-break space (French thousands separator). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
/** The spaces that may precede a cell's content: not a tab, which starts a formula. */
const isLeadingSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x202f;
const TAB = 9;
const CR = 13;
const EQUALS = 61;
const PLUS = 43;
const MINUS = 45;
const AT = 64;

/**
 * The one rule for text that a spreadsheet would run as a formula, in every column: after any
 * leading spaces, the cell starts with `=`, `+`, `-`, `@`, a tab or a carriage return (the
 * characters OWASP lists for CSV injection). A plain negative number in a number column is not a
 * formula: parseNumber decides that (NEGATIVE), so `-5` is refused for being negative, `-5+A1` and
 * `-` as formulas. Needs no trimming and builds nothing: it runs on every cell.
 */
export function isFormulaText(cell: string): boolean {
	let i = 0;
	while (i < cell.length && isLeadingSpace(cell.charCodeAt(i))) i++;
	if (i === cell.length) return false;
	const c = cell.charCodeAt(i);
	return c === EQUALS || c === PLUS || c === MINUS || c === AT || c === TAB || c === CR;
}
const DOT = 46;
const COMMA = 44;
const SPACE_GROUP = 32;

/** Integer digits beyond this lose precision in a double; no figure in these files comes near. */
const MAX_INTEGER_DIGITS = 12;

/** The bounds of the last cell openCell() read, without its surrounding spaces. */
let cellStart = 0;
let cellEnd = 0;
/** What openCell() returns for a cell that has content and does not start like a formula. */
const OPEN = 0;
/** What openCell() returns for a cell that starts with `-`: a formula, unless a number follows. */
const SIGNED = 1;

/**
 * The rule every parser of a cell starts with: surrounding spaces do not count, an empty cell
 * (spaces and tabs only) is EMPTY, and a cell that a spreadsheet would run (isFormulaText) is
 * FORMULA, except a leading `-`, which the number parser judges. Sets cellStart and cellEnd.
 */
function openCell(cell: string): number {
	let i = 0;
	let end = cell.length;
	while (i < end && isLeadingSpace(cell.charCodeAt(i))) i++;
	while (end > i && (isSpace(cell.charCodeAt(end - 1)) || cell.charCodeAt(end - 1) === CR)) end--;
	cellStart = i;
	cellEnd = end;
	if (i === end) return EMPTY;
	const first = cell.charCodeAt(i);
	if (first === TAB || first === CR) {
		// Tabs only: as empty as spaces only.
		let j = i;
		while (j < end && isSpace(cell.charCodeAt(j))) j++;
		if (j === end) return EMPTY;
	}
	return first === MINUS ? SIGNED : isFormulaText(cell) ? FORMULA : OPEN;
}

/**
 * A number as Belgian, French and English spreadsheets write it. Rules, in order:
 * - both `.` and `,` present: the last one is the decimal separator, the other groups thousands
 *   (`1.234,5` and `1,234.5` are both 1234.5);
 * - the same separator more than once: it groups thousands (`1.234.567`);
 * - one `,`: a decimal comma, always (`1,5`, `0,875`, `12,375`), because Belgian exports use it;
 * - one `.`: a decimal point (`1.5`, `0.875`), except when exactly three digits follow it and the
 *   integer part has one to three digits not starting with 0 (`1.234`, `12.500`): a Dutch export
 *   writes 1234 that way and an English one 1.234, so the cell is refused as AMBIGUOUS rather than
 *   guessed. In whole-number columns a single `,` with three digits after it is ambiguous too.
 * - spaces (also no-break spaces) may group thousands (`1 234,5`);
 * - groups of thousands have exactly three digits; nothing else may appear.
 * With `whole`, a zero fraction is accepted (`3,00`) and any other fraction is NOT_WHOLE.
 */
export function parseNumber(cell: string, whole: boolean): number {
	const opened = openCell(cell);
	if (opened === SIGNED) {
		// A plain negative number is refused as negative; anything else after a `-` is a formula.
		const value = readNumber(cell, cellStart + 1, cellEnd, whole, true);
		return value === NOT_NUMBER ? FORMULA : value;
	}
	if (opened !== OPEN) return opened;
	return readNumber(cell, cellStart, cellEnd, whole, false);
}

/** The number written in cell[i..end), negated when `negative`, or why it is none. */
function readNumber(cell: string, i: number, end: number, whole: boolean, negative: boolean): number {
	if (i === end || !isDigit(cell.charCodeAt(i))) return NOT_NUMBER;
	let c: number;

	let dots = 0;
	let commas = 0;
	let spaces = 0;
	let lastDot = -1;
	let lastComma = -1;
	for (let j = i; j < end; j++) {
		c = cell.charCodeAt(j);
		if (isDigit(c)) continue;
		if (c === DOT) {
			dots++;
			lastDot = j;
		} else if (c === COMMA) {
			commas++;
			lastComma = j;
		} else if (isSpace(c)) spaces++;
		else return NOT_NUMBER;
	}

	let decimalAt = -1;
	let group = 0;
	if (dots > 0 && commas > 0) {
		if (lastDot > lastComma) {
			if (dots > 1) return NOT_NUMBER;
			decimalAt = lastDot;
			group = COMMA;
		} else {
			if (commas > 1) return NOT_NUMBER;
			decimalAt = lastComma;
			group = DOT;
		}
	} else if (dots > 1) group = DOT;
	else if (commas > 1) group = COMMA;
	else if (dots === 1 || commas === 1) {
		const at = dots === 1 ? lastDot : lastComma;
		const before = at - i;
		if (
			end - at - 1 === 3 &&
			before <= 3 &&
			spaces === 0 &&
			cell.charCodeAt(i) !== 48 &&
			(dots === 1 || whole)
		)
			return AMBIGUOUS;
		decimalAt = at;
	}
	if (spaces > 0) {
		if (group !== 0) return NOT_NUMBER;
		group = SPACE_GROUP;
	}

	const integerEnd = decimalAt < 0 ? end : decimalAt;
	let value = 0;
	let integerDigits = 0;
	let firstGroup = 0;
	let groupLength = -1; // digits since the last group separator; -1 before the first one
	for (let j = i; j < integerEnd; j++) {
		c = cell.charCodeAt(j);
		if (isDigit(c)) {
			value = value * 10 + (c - 48);
			integerDigits++;
			if (groupLength >= 0) groupLength++;
			else firstGroup++;
			continue;
		}
		if (group === SPACE_GROUP ? !isSpace(c) : c !== group) return NOT_NUMBER;
		if (groupLength >= 0 ? groupLength !== 3 : firstGroup > 3) return NOT_NUMBER;
		groupLength = 0;
	}
	if (groupLength >= 0 && groupLength !== 3) return NOT_NUMBER;
	if (integerDigits > MAX_INTEGER_DIGITS) return NOT_NUMBER;

	let fraction = 0;
	let scale = 1;
	if (decimalAt >= 0) {
		if (decimalAt + 1 === end) return NOT_NUMBER;
		for (let j = decimalAt + 1; j < end; j++) {
			c = cell.charCodeAt(j);
			if (!isDigit(c)) return NOT_NUMBER;
			// Digits beyond double precision change nothing; stop before the scale overflows.
			if (scale < 1e15) {
				fraction = fraction * 10 + (c - 48);
				scale *= 10;
			}
		}
	}
	if (negative && (value !== 0 || fraction !== 0)) return NEGATIVE;
	if (whole && fraction !== 0) return NOT_WHOLE;
	return fraction === 0 ? value : value + fraction / scale;
}

/** Reads a run of at most `max` digits from `at`; returns the value and sets `runEnd`. */
let runEnd = 0;
function digitRun(cell: string, at: number, end: number, max: number): number {
	let value = 0;
	let j = at;
	while (j < end && j - at < max + 1) {
		const c = cell.charCodeAt(j);
		if (!isDigit(c)) break;
		value = value * 10 + (c - 48);
		j++;
	}
	runEnd = j;
	return value;
}

/** A trailing time of day (`00:00`, `T00:00:00.000Z`) that spreadsheets append to dates. */
function isTimeSuffix(cell: string, at: number, end: number): boolean {
	const c = cell.charCodeAt(at);
	if (c !== 32 && c !== 84) return false;
	if (at + 1 === end) return false;
	for (let j = at + 1; j < end; j++) {
		const d = cell.charCodeAt(j);
		if (!isDigit(d) && d !== 58 && d !== DOT && d !== 90) return false;
	}
	return true;
}

/**
 * A date as a day number (days since 1970-01-01): `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`,
 * `dd.mm.yyyy` or ISO `yyyy-mm-dd` (the three parts joined by the same separator), optionally
 * followed by a time of day, which is ignored. Two-digit years are refused: 01/02/03 has no safe
 * reading.
 */
export function parseDate(cell: string): number {
	return cell.length === 10 ? parseTenCharacterDate(cell) : parseDateText(cell);
}

/** The number written in `count` digits from `at`, or -1 when one of them is not a digit. */
function digitsAt(cell: string, at: number, count: number): number {
	let value = 0;
	for (let j = at; j < at + count; j++) {
		const digit = (cell.charCodeAt(j) - 48) >>> 0;
		if (digit > 9) return -1;
		value = value * 10 + digit;
	}
	return value;
}

/**
 * The way most files write every date (`05/04/2025`, `2025-04-05`): read straight from the ten
 * characters, to the same day and style as parseDateText. Anything else goes to parseDateText.
 */
function parseTenCharacterDate(cell: string): number {
	const s2 = cell.charCodeAt(2);
	const s4 = cell.charCodeAt(4);
	let year: number;
	let month: number;
	let day: number;
	let separator: number;
	let yearFirst = 0;
	if ((s2 === 45 || s2 === 47 || s2 === DOT) && cell.charCodeAt(5) === s2) {
		separator = s2;
		day = digitsAt(cell, 0, 2);
		month = digitsAt(cell, 3, 2);
		year = digitsAt(cell, 6, 4);
	} else if ((s4 === 45 || s4 === 47 || s4 === DOT) && cell.charCodeAt(7) === s4) {
		separator = s4;
		year = digitsAt(cell, 0, 4);
		month = digitsAt(cell, 5, 2);
		day = digitsAt(cell, 8, 2);
		yearFirst = YEAR_FIRST;
	} else return parseDateText(cell);
	if (year < 0 || month < 0 || day < 0) return parseDateText(cell);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NOT_DATE;
	lastDateStyle =
		yearFirst | (separator === 47 ? SLASH : separator === DOT ? DOTTED : 0) | DAY_PADDED | MONTH_PADDED;
	return dayNumber(year, month, day);
}

/** parseDate for any cell; exported for the test that holds the ten-character path to it. */
export function parseDateText(cell: string): number {
	const opened = openCell(cell);
	if (opened !== OPEN) return opened === SIGNED ? FORMULA : opened;
	const i = cellStart;
	const end = cellEnd;

	const a = digitRun(cell, i, end, 4);
	const lengthA = runEnd - i;
	if (lengthA === 0 || lengthA > 4 || runEnd === end) return NOT_DATE;
	const separator = cell.charCodeAt(runEnd);
	if (separator !== 45 && separator !== 47 && separator !== DOT) return NOT_DATE;
	let at = runEnd + 1;
	const b = digitRun(cell, at, end, 2);
	const lengthB = runEnd - at;
	if (lengthB === 0 || lengthB > 2 || runEnd === end || cell.charCodeAt(runEnd) !== separator)
		return NOT_DATE;
	at = runEnd + 1;
	const c = digitRun(cell, at, end, 4);
	const lengthC = runEnd - at;
	if (runEnd < end && !isTimeSuffix(cell, runEnd, end)) return NOT_DATE;

	let year: number;
	let day: number;
	if (lengthA === 4 && lengthC >= 1 && lengthC <= 2) {
		year = a;
		day = c;
	} else if (lengthA <= 2 && lengthC === 4) {
		year = c;
		day = a;
	} else return NOT_DATE;
	if (b < 1 || b > 12 || day < 1 || day > daysInMonth(year, b)) return NOT_DATE;
	const dayLength = lengthA === 4 ? lengthC : lengthA;
	lastDateStyle =
		(lengthA === 4 ? YEAR_FIRST : 0) |
		(separator === 47 ? SLASH : separator === DOT ? DOTTED : 0) |
		(dayLength === 2 ? DAY_PADDED : 0) |
		(lengthB === 2 ? MONTH_PADDED : 0);
	return dayNumber(year, b, day);
}

/** How the last date parseDate accepted was written, for writeDate: a few bits, stored per row. */
export let lastDateStyle = 0;
const YEAR_FIRST = 1;
const SLASH = 2;
const DOTTED = 4;
const DAY_PADDED = 8;
const MONTH_PADDED = 16;

/**
 * A day written the way a cell wrote it (lastDateStyle right after parsing it): `05/04/2025`
 * stays `05/04/2025`, `5-4-2025` stays `5-4-2025`. A time of day after the date is left out.
 */
export function writeDate(dayNo: number, style: number): string {
	const [year, month, day] = civilDate(dayNo);
	const separator = style & SLASH ? '/' : style & DOTTED ? '.' : '-';
	const d = style & DAY_PADDED ? String(day).padStart(2, '0') : String(day);
	const m = style & MONTH_PADDED ? String(month).padStart(2, '0') : String(month);
	const y = String(year).padStart(4, '0');
	return style & YEAR_FIRST ? `${y}${separator}${m}${separator}${d}` : `${d}${separator}${m}${separator}${y}`;
}

/**
 * A month as `year * 12 + month - 1`: `yyyy-mm`, `yyyy/mm`, `mm/yyyy`, `m/yyyy`, `mm-yyyy`,
 * `mm.yyyy`, or any full date parseDate accepts (its day is checked, then ignored).
 */
export function parseMonth(cell: string): number {
	const opened = openCell(cell);
	if (opened !== OPEN) return opened === SIGNED ? FORMULA : opened;
	const i = cellStart;
	const end = cellEnd;

	const a = digitRun(cell, i, end, 4);
	const lengthA = runEnd - i;
	if (lengthA === 0 || lengthA > 4 || runEnd === end) return NOT_MONTH;
	const separator = cell.charCodeAt(runEnd);
	if (separator !== 45 && separator !== 47 && separator !== DOT) return NOT_MONTH;
	const at = runEnd + 1;
	const b = digitRun(cell, at, end, 4);
	const lengthB = runEnd - at;
	if (runEnd < end) {
		// A third part: a full date.
		const dayNo = parseDate(cell);
		return isFailure(dayNo) ? NOT_MONTH : monthOfDay(dayNo);
	}
	let year: number;
	let month: number;
	if (lengthA === 4 && lengthB >= 1 && lengthB <= 2) {
		year = a;
		month = b;
	} else if (lengthA <= 2 && lengthB === 4) {
		year = b;
		month = a;
	} else return NOT_MONTH;
	if (month < 1 || month > 12) return NOT_MONTH;
	return year * 12 + month - 1;
}

/** Strict `yyyy-mm-dd` for options passed by code (today); throws, because a caller got it wrong. */
export function isoDay(value: string): number {
	const day = value.length === 10 && value.charCodeAt(4) === 45 ? parseDate(value) : NOT_DATE;
	if (isFailure(day)) throw new RangeError(`Expected a yyyy-mm-dd date, got "${value}"`);
	return day;
}

/** Strict `yyyy-mm` for options passed by code (a period); throws, because a caller got it wrong. */
export function isoMonth(value: string): number {
	const month = value.length === 7 && value.charCodeAt(4) === 45 ? parseMonth(value) : NOT_MONTH;
	if (isFailure(month)) throw new RangeError(`Expected a yyyy-mm month, got "${value}"`);
	return month;
}
