import type { MessageKey } from '../../i18n';
import { dayNumber, firstDayOfMonth, formatDay, lastDayOfMonth, monthOfDay } from './calendar';
import { COLUMNS, FIGURES, type ColumnId, type FigureId, type SignalsFormat } from './formats';
import {
	EMPTY,
	FAILED,
	failureKey,
	isFailure,
	isFormulaText,
	isoDay,
	lastDateStyle,
	parseDate
} from './parse';
import { ProblemList, UnknownUnits, type SignalProblem } from './problems';
import { ColumnStore, column, type Column, type ColumnArrays } from './columns';

/**
 * What the files of one upload share while their rows are read (the problems, the units met, the
 * employee keys, the date bounds) and the unit-month grid the spells and staffing files add their
 * figures to. aggregate.ts combines the formats; aggregate-spells.ts, aggregate-staff.ts and
 * aggregate-monthly.ts each read one.
 */

/** A cell that failed and was reported already; stored nowhere. */
export const REPORTED = FAILED - 100;
/** End of a spell without end date, or of an employment without leave date. */
export const OPEN = 0x7fffffff;
/** What employeeRow returns for a blank row: skipped, not counted. */
export const BLANK = -2;

/** Hire dates go back further than the data: a hire date says when someone started, not what is measured. */
export const MIN_HIRE_DAY = dayNumber(1950, 1, 1);
/** Dates and months may lie this far after today (an export made at the end of a day, a month closed early). */
const FUTURE_DAYS = 31;
/** Staffing dates are contracts, not measurements: a notice period ends months ahead. */
const FUTURE_STAFFING_DAYS = 366;
export const MAX_KEY_LENGTH = 64;
/** Raw cells remembered per column for unit codes and type words; enough for any real file. */
const CACHE_MAX = 10_000;

/** Figures per unit-month, and the index of each figure among them. */
export const F = FIGURES.length;
export const FIG = Object.fromEntries(FIGURES.map((id, i) => [id, i])) as Record<FigureId, number>;

/** Column id → its cell index in the rows of the current file, -1 when the file has no such column. */
export type ColumnIndex = Record<ColumnId, number>;
const ALL_COLUMNS = [...new Set(Object.values(COLUMNS).flatMap((list) => list.map((c) => c.id)))];

/** The column indexes of a file's header cells; the first cell of a column counts. */
export function columnIndex(columns: readonly (ColumnId | null)[]): ColumnIndex {
	const cols = Object.fromEntries(ALL_COLUMNS.map((id) => [id, -1])) as ColumnIndex;
	columns.forEach((id, index) => {
		if (id && cols[id] < 0) cols[id] = index;
	});
	return cols;
}

export const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

export const cellAt = (cells: readonly string[], index: number): string =>
	index < 0 ? '' : (cells[index] ?? '');

export function isBlankRow(cells: readonly string[]): boolean {
	for (const cell of cells) if (cell.trim() !== '') return false;
	return true;
}

/**
 * A copy of a string that does not share memory with the chunk it was cut from. V8 represents a
 * substring of 13 or more characters as a slice of its parent, so keeping one employee key would
 * keep a whole chunk of the file alive; concatenating and slicing forces a flat copy.
 */
function detach(value: string): string {
	return value.length < 13 ? value : (' ' + value).slice(1);
}

/** Belgian national register number (11 digits, mod-97 check, born before or after 2000). */
export function looksLikeNationalNumber(key: string): boolean {
	let digits = 0;
	let first9 = 0;
	let check = 0;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			if (digits < 9) first9 = first9 * 10 + (c - 48);
			else check = check * 10 + (c - 48);
			digits++;
		} else if (c !== 46 && c !== 45 && c !== 32) return false;
	}
	return digits === 11 && (97 - (first9 % 97) === check || 97 - ((2_000_000_000 + first9) % 97) === check);
}

/** Raw cell → code for a column of few distinct words: most rows cost one map lookup. */
export class CellCodes {
	private readonly cache = new Map<string, number>();

	constructor(private readonly decode: (raw: string) => number) {}

	get(raw: string): number {
		let code = this.cache.get(raw);
		if (code === undefined) {
			code = this.decode(raw);
			if (this.cache.size < CACHE_MAX) this.cache.set(detach(raw), code);
		}
		return code;
	}
}

/** The rows of one file: each format reads its own and keeps what it needs of them. */
export interface FileRows {
	/** One data record; `line` is its line in the file (header = 1). */
	add(line: number, cells: readonly string[]): void;
}

const PERIOD_COLUMNS = {
	unit: column(Int32Array),
	start: column(Int32Array),
	end: column(Int32Array),
	line: column(Int32Array)
};

/**
 * Rows about a period of one employee in a unit (a spell, an employment): its unit, first and
 * last day (OPEN when it goes on) and line in the file, and the columns `own` of its format.
 */
export class PeriodRows<S extends Record<string, Column>> extends ColumnStore<typeof PERIOD_COLUMNS & S> {
	constructor(own: S) {
		super({ ...PERIOD_COLUMNS, ...own });
	}

	/** Appends a period; returns its index, for the caller to write its own columns. */
	appendPeriod(unit: number, start: number, end: number, line: number): number {
		const i = this.append();
		const row = this.columns as unknown as ColumnArrays<typeof PERIOD_COLUMNS>;
		row.unit[i] = unit;
		row.start[i] = start;
		row.end[i] = end;
		row.line[i] = line;
		return i;
	}
}

/** The dates of a row as dates(…) read them: the same object each time, to be read at once. */
interface DateSpan {
	start: number;
	end: number;
	/** How the start date was written (parse.ts lastDateStyle), to echo it back in a problem. */
	startStyle: number;
}

/** Unit cache value of a cell that starts like a formula. */
const FORMULA_UNIT = -0x40000000;

export class UploadRows {
	readonly problems: ProblemList;
	readonly unknownUnits = new UnknownUnits();
	private readonly unitIdByCode = new Map<string, string>();
	/** Raw unit cell → unit index (≥ 0), or -(slot + 2) for an unknown code, -1 for an empty one. */
	private readonly unitCache = new Map<string, number>();
	/** The units met, by unit index. */
	readonly unitIds: string[] = [];
	private readonly unitIndex = new Map<string, number>();
	private readonly keys = new Map<string, number>();
	/** The key of the previous row and its id; '' matches nothing, because an empty key is refused first. */
	private lastKey = '';
	private lastKeyId = -1;
	private nationalNumberKeys = 0;
	private readonly span: DateSpan = { start: 0, end: 0, startStyle: 0 };

	/** The day of the upload, and the latest dates and month accepted. */
	readonly today: number;
	readonly maxDay: number;
	readonly maxStaffingDay: number;
	readonly maxMonth: number;

	/** The file whose rows are read: problems of a row are its problems. */
	format: SignalsFormat | null = null;
	/** Data rows read (blank lines not counted), over all files. */
	rows = 0;

	constructor(options: { knownUnitCodes: ReadonlyMap<string, string>; today: string; maxProblems?: number }) {
		this.problems = new ProblemList(options.maxProblems);
		for (const [code, id] of options.knownUnitCodes) this.unitIdByCode.set(code.trim().toLowerCase(), id);
		this.today = isoDay(options.today);
		this.maxDay = this.today + FUTURE_DAYS;
		this.maxStaffingDay = this.today + FUTURE_STAFFING_DAYS;
		this.maxMonth = monthOfDay(this.today) + 1;
	}

	/** Distinct employee keys: key ids run from 0 to keyCount - 1. */
	get keyCount(): number {
		return this.keys.size;
	}

	/** Most keys look like a national register number: not a pseudonym, whatever the column is called. */
	get identifyingKeys(): boolean {
		return this.nationalNumberKeys > 0 && this.nationalNumberKeys * 2 > this.keys.size;
	}

	problem(
		line: number,
		column: ColumnId | null,
		value: string,
		key: SignalProblem['key'],
		params?: SignalProblem['params']
	): void {
		this.problems.add(this.format, line, column, value, key, params);
	}

	/**
	 * The start of a row about one employee: its key id (or -1, reported), or BLANK for a blank
	 * row, which is neither read nor counted.
	 */
	employeeRow(cells: readonly string[], line: number, keyIndex: number): number {
		const cell = cellAt(cells, keyIndex);
		const rawKey = cell.trim();
		if (rawKey === '' && isBlankRow(cells)) return BLANK;
		this.rows++;
		if (rawKey !== '' && isFormulaText(cell)) {
			this.problem(line, 'employeeKey', '', 'signals.problem.formula');
			return -1;
		}
		return this.keyOf(rawKey, line);
	}

	/** Unit index of a code cell, or -1 (empty or unknown, already reported). */
	unitOf(raw: string, line: number): number {
		let slot = this.unitCache.get(raw);
		if (slot === undefined) {
			const code = raw.trim();
			if (code === '') slot = -1;
			else if (isFormulaText(raw)) slot = FORMULA_UNIT;
			else {
				const id = this.unitIdByCode.get(code.toLowerCase());
				if (id !== undefined) {
					slot = this.unitIndex.get(id);
					if (slot === undefined) {
						slot = this.unitIds.length;
						this.unitIds.push(id);
						this.unitIndex.set(id, slot);
					}
				} else {
					const unknown = this.unknownUnits.slot(code.toLowerCase(), code);
					// Past the list's limit the code is not remembered, so the cache must not be either.
					if (unknown < 0) {
						this.unknownUnits.hit(-1, line);
						return -1;
					}
					slot = -(unknown + 2);
				}
			}
			if (this.unitCache.size < CACHE_MAX) this.unitCache.set(detach(raw), slot);
		}
		if (slot >= 0) return slot;
		if (slot === -1) this.problem(line, 'unitCode', raw, 'signals.problem.required');
		else if (slot === FORMULA_UNIT) this.problem(line, 'unitCode', raw, 'signals.problem.formula');
		else this.unknownUnits.hit(-slot - 2, line);
		return -1;
	}

	/** Key id of an employee key cell, or -1 (empty or refused, already reported). */
	private keyOf(key: string, line: number): number {
		if (key === '') {
			this.problem(line, 'employeeKey', '', 'signals.problem.required');
			return -1;
		}
		// Exports usually list one person's rows together: the last key saves most map lookups.
		if (key === this.lastKey) return this.lastKeyId;
		let id = this.keys.get(key);
		if (id !== undefined) {
			this.lastKey = key;
			this.lastKeyId = id;
			return id;
		}
		if (key.length > MAX_KEY_LENGTH) {
			this.problem(line, 'employeeKey', '', 'signals.problem.keyTooLong', { max: MAX_KEY_LENGTH });
			return -1;
		}
		if (key.indexOf('@') > 0) {
			this.problem(line, 'employeeKey', '', 'signals.problem.keyIdentifying');
			return -1;
		}
		if (looksLikeNationalNumber(key)) this.nationalNumberKeys++;
		id = this.keys.size;
		this.keys.set(detach(key), id);
		this.lastKey = key;
		this.lastKeyId = id;
		return id;
	}

	/** A parsed date, checked against [min, max]; failures are reported and returned as such. */
	dateIn(raw: string, line: number, column: ColumnId, min: number, max: number): number {
		const day = parseDate(raw);
		if (isFailure(day)) {
			if (day !== EMPTY) this.problem(line, column, raw, failureKey(day));
			return day;
		}
		if (day < min) {
			this.problem(line, column, raw, 'signals.problem.tooEarly', { min: formatDay(min) });
			return REPORTED;
		}
		if (day > max) {
			this.problem(line, column, raw, 'signals.problem.inFuture', { max: formatDay(max) });
			return REPORTED;
		}
		return day;
	}

	/**
	 * The start date (required) and end date (OPEN when empty) of a row in columns startDate and
	 * `endColumn`, both in [min, max]; an end before the start is reported as `endBeforeStart`.
	 * Failures are returned as such.
	 */
	dates(
		cells: readonly string[],
		line: number,
		cols: ColumnIndex,
		endColumn: 'endDate' | 'leaveDate',
		min: number,
		max: number,
		endBeforeStart: MessageKey
	): DateSpan {
		const rawStart = cellAt(cells, cols.startDate);
		const start = this.dateIn(rawStart, line, 'startDate', min, max);
		this.span.startStyle = lastDateStyle;
		if (start === EMPTY) this.problem(line, 'startDate', rawStart, 'signals.problem.required');
		const rawEnd = cellAt(cells, cols[endColumn]);
		let end = this.dateIn(rawEnd, line, endColumn, min, max);
		if (end === EMPTY) end = OPEN;
		else if (!isFailure(end) && !isFailure(start) && end < start) {
			this.problem(line, endColumn, rawEnd, endBeforeStart);
			end = REPORTED;
		}
		this.span.start = start;
		this.span.end = end;
		return this.span;
	}
}

/**
 * The figures of every unit met, for every month of the period, as one array: the spells and
 * staffing files add theirs, then the people are counted. Months are numbered from the first of
 * the period (0 to months - 1).
 */
export class UnitMonthGrid {
	readonly values: Float64Array;
	readonly months: number;
	/** The last month of the period, which stops at today's month. */
	readonly to: number;
	/** The last day anything is counted on: the end of the period, or today. */
	readonly lastDay: number;
	/** Per month, its first day and its last day counted. */
	readonly firstDay: Int32Array;
	readonly endDay: Int32Array;
	/** Day → month by table lookup: the aggregation asks it several times for every spell. */
	private readonly dayMonth: Int32Array;

	/** The period runs from month `from` to `to`; dates go up to `maxDay`. */
	constructor(
		readonly units: number,
		readonly from: number,
		to: number,
		today: number,
		maxDay: number
	) {
		// Nothing is known after today: the period stops at today's month and its last day at today.
		this.to = Math.min(to, monthOfDay(today));
		const months = Math.max(0, this.to - from + 1);
		this.months = months;
		this.lastDay = Math.min(lastDayOfMonth(this.to), today);

		this.dayMonth = new Int32Array(maxDay - MIN_HIRE_DAY + 1);
		for (let month = monthOfDay(MIN_HIRE_DAY), day = 0; day < this.dayMonth.length; month++) {
			const next = Math.min(lastDayOfMonth(month) - MIN_HIRE_DAY + 1, this.dayMonth.length);
			this.dayMonth.fill(month, day, next);
			day = next;
		}

		this.values = new Float64Array(units * months * F);
		this.firstDay = new Int32Array(months);
		this.endDay = new Int32Array(months);
		for (let m = 0; m < months; m++) {
			this.firstDay[m] = firstDayOfMonth(from + m);
			this.endDay[m] = Math.min(lastDayOfMonth(from + m), this.lastDay);
		}
	}

	/** The month of a day of the data (between MIN_HIRE_DAY and maxDay), relative to `from`. */
	monthAt(day: number): number {
		return this.dayMonth[day - MIN_HIRE_DAY]! - this.from;
	}

	/** The month of a day, or the period's first month for a day before it. */
	startMonth(day: number): number {
		return Math.max(this.monthAt(day), 0);
	}

	/** The month of a day, or the period's last month for a day after it. */
	endMonth(day: number): number {
		return Math.min(this.monthAt(day), this.months - 1);
	}

	/** Index in `values` of figure `f` of unit `u` in month `m`. */
	cell(u: number, m: number, f: number): number {
		return (u * this.months + m) * F + f;
	}
}
