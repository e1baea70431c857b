/**
 * Calendar arithmetic on plain integers. A day is its number of days since 1970-01-01 and a month
 * is `year * 12 + (month - 1)`. Import runs over a million rows, so nothing here builds a Date or
 * an object: the conversions are Howard Hinnant's civil-calendar formulas (proleptic Gregorian,
 * no time zones, which is what a date in an HR file means).
 */

/** Day number of a calendar date. `month` is 1–12; the date is not checked. */
export function dayNumber(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

/** The last civilFields() result; module state, so that the hot paths allocate nothing. */
let civilYear = 0;
let civilMonth = 0;
let civilDay = 0;

/** Sets civilYear, civilMonth (1–12) and civilDay from a day number. */
function civilFields(dayNo: number): void {
	const z = dayNo + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
			365
	);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	civilDay = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
	civilMonth = mp < 10 ? mp + 3 : mp - 9;
	civilYear = yearOfEra + era * 400 + (civilMonth <= 2 ? 1 : 0);
}

/** Year, month (1–12) and day of a day number. Allocates; meant for formatting, not hot loops. */
export function civilDate(dayNo: number): [year: number, month: number, day: number] {
	civilFields(dayNo);
	return [civilYear, civilMonth, civilDay];
}

/** The month (`year * 12 + month - 1`) a day falls in, without allocating. */
export function monthOfDay(dayNo: number): number {
	civilFields(dayNo);
	return civilYear * 12 + civilMonth - 1;
}

export function monthIndex(year: number, month: number): number {
	return year * 12 + month - 1;
}

export function firstDayOfMonth(month: number): number {
	return dayNumber(Math.floor(month / 12), (month % 12) + 1, 1);
}

export function lastDayOfMonth(month: number): number {
	return firstDayOfMonth(month + 1) - 1;
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Monday … 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekday(dayNo: number): number {
	return (((dayNo + 3) % 7) + 7) % 7;
}

/** Weekdays (Mon–Fri) in the first `x` days counted from Monday 1969-12-29. */
function weekdaysBefore(x: number): number {
	const weeks = Math.floor(x / 7);
	return weeks * 5 + Math.min(x - weeks * 7, 5);
}

/**
 * Mondays to Fridays from `from` to `to`, both included; 0 when `to` is before `from`. Closed form,
 * so a spell of ten years costs the same as one of a day. Public holidays are not known here and
 * count as workdays, on both sides of every rate (sick days and planned days alike).
 */
export function workdays(from: number, to: number): number {
	if (to < from) return 0;
	return weekdaysBefore(to + 4) - weekdaysBefore(from + 3);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `yyyy-mm-dd`. */
export function formatDay(dayNo: number): string {
	const [y, m, d] = civilDate(dayNo);
	return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** `yyyy-mm`. */
export function formatMonth(month: number): string {
	return `${Math.floor(month / 12)}-${pad2((month % 12) + 1)}`;
}
