import {
	dayNumber,
	firstDayOfMonth,
	formatDay,
	formatMonth,
	lastDayOfMonth,
	monthOfDay,
	workdays
} from './calendar';
import { emptyFigures, type UnitMonthFigures } from './figures';
import {
	ABSENCE_TYPES,
	COLUMNS,
	FIGURES,
	LEAVE_REASONS,
	type ColumnId,
	type FigureId,
	type MonthlyFigureId,
	type SignalsFormat
} from './formats';
import {
	EMPTY,
	FAILED,
	failureKey,
	isFailure,
	isoDay,
	isoMonth,
	parseDate,
	parseMonth,
	parseNumber
} from './parse';
import { ProblemList, UnknownUnits, type SignalProblem, type UnknownUnit } from './problems';
import { normaliseHeader } from '../units';

/**
 * Streaming import of collective signals: feed the rows of one or two files, then finish() checks
 * what needs the whole file (duplicates, overlaps) and aggregates. Memory stays flat: no row is
 * kept, employee keys are interned to numbers and spells live in growable typed arrays (about 21
 * bytes a spell). The per-row path builds no objects unless it reports a problem.
 *
 * Rules that shape the figures (docs/signals-import.md explains them for people):
 * - Day position: a sick workday is short, medium or long by its calendar position in its spell
 *   (days 1–30 short, 31–365 medium, later long), so a spell that goes on never moves days that
 *   were already counted in an earlier month to another class.
 * - Period: the months from the earliest to the latest date in the spells file, or the period
 *   passed in; spells are clipped to it; nothing is counted after `today`, and a running spell
 *   runs until the end of the period or today, whichever is first.
 * - Only the units that occur in the files get figures, for every month of the period (zero where
 *   nothing happened): the file is taken to be complete for those units.
 */

export interface SignalsImportOptions {
	/** Unit code → unit id; codes are compared without case, after trimming. */
	knownUnitCodes: ReadonlyMap<string, string>;
	/** The day of the upload (Belgian time), `yyyy-mm-dd`: bounds dates and ends running spells. */
	today: string;
	/** The months (`yyyy-mm`) a spells or staffing upload covers; without it, taken from the spells. */
	period?: { from: string; to: string };
	/** How many problems to keep for the report; all are counted. */
	maxProblems?: number;
}

export type SignalsImportResult =
	| {
			ok: true;
			formats: SignalsFormat[];
			/** Data rows read (blank lines not counted). */
			rows: number;
			/** The months covered; null for a monthly file (its rows name their months). */
			period: { from: string; to: string } | null;
			/** The figures this upload supplies: the others are null in every record. */
			supplied: FigureId[];
			figures: UnitMonthFigures[];
	  }
	| {
			ok: false;
			formats: SignalsFormat[];
			rows: number;
			/** The first problems (maxProblems), in file order. */
			problems: SignalProblem[];
			/** All problems, kept or not; unknown unit codes are not problems but listed apart. */
			problemCount: number;
			unknownUnits: UnknownUnit[];
			/** Rows with an unknown unit code. */
			unknownUnitRows: number;
	  };

/** The header cell → column mapping of detectSignalsFormat. */
export interface FileColumns {
	format: SignalsFormat;
	columns: readonly (ColumnId | null)[];
}

const SICKNESS = 0;
const WORK_ACCIDENT = 1;
const OTHER_ABSENCE = 2;
const TYPE_CODES = { sickness: SICKNESS, 'work-accident': WORK_ACCIDENT, other: OTHER_ABSENCE } as const;

const NO_REASON = 0;
const VOLUNTARY = 1;
const INVOLUNTARY = 2;
const OTHER_REASON = 3;
const REASON_CODES = { voluntary: VOLUNTARY, involuntary: INVOLUNTARY, other: OTHER_REASON } as const;

/** A cell that failed and was reported already; stored nowhere. */
const REPORTED = FAILED - 100;
/** End of a spell without end date, or of an employment without leave date. */
const OPEN = 0x7fffffff;

export const MIN_DAY = dayNumber(2000, 1, 1);
export const MIN_MONTH = 2000 * 12;
/** Hire dates go back further than the data: a hire date says when someone started, not what is measured. */
export const MIN_HIRE_DAY = dayNumber(1950, 1, 1);
/** Dates and months may lie this far after today (an export made at the end of a day, a month closed early). */
const FUTURE_DAYS = 31;
/** Staffing dates are contracts, not measurements: a notice period ends months ahead. */
const FUTURE_STAFFING_DAYS = 366;
export const MAX_FTE = 1.5;
export const MAX_KEY_LENGTH = 64;
/** Raw cells remembered per column for unit codes and type words; enough for any real file. */
const CACHE_MAX = 10_000;

const F = FIGURES.length;
const FIG = Object.fromEntries(FIGURES.map((id, i) => [id, i])) as Record<FigureId, number>;
const SPELL_FIGURES: FigureId[] = [
	'sickDaysShort',
	'sickDaysMedium',
	'sickDaysLong',
	'spells',
	'frequentAbsentees',
	'newIncapacity4w',
	'ongoingIncapacity1y',
	'workAccidents',
	'spellsEnded',
	'spellsEndedDays'
];

type ColumnIndex = Record<ColumnId, number>;
const ALL_COLUMNS = [...new Set(Object.values(COLUMNS).flatMap((list) => list.map((c) => c.id)))];

const cellAt = (cells: readonly string[], index: number): string => (index < 0 ? '' : (cells[index] ?? ''));

function isBlankRow(cells: readonly string[]): boolean {
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

class Growable {
	length = 0;
	capacity = 1024;
	protected grow<T extends Int32Array | Float64Array | Uint8Array>(array: T): T {
		const bigger = new (array.constructor as { new (n: number): T })(this.capacity);
		bigger.set(array);
		return bigger;
	}
}

class SpellRows extends Growable {
	key = new Int32Array(this.capacity);
	unit = new Int32Array(this.capacity);
	start = new Int32Array(this.capacity);
	end = new Int32Array(this.capacity);
	type = new Uint8Array(this.capacity);
	line = new Int32Array(this.capacity);

	push(key: number, unit: number, start: number, end: number, type: number, line: number): void {
		if (this.length === this.capacity) {
			this.capacity *= 2;
			this.key = this.grow(this.key);
			this.unit = this.grow(this.unit);
			this.start = this.grow(this.start);
			this.end = this.grow(this.end);
			this.type = this.grow(this.type);
			this.line = this.grow(this.line);
		}
		const i = this.length++;
		this.key[i] = key;
		this.unit[i] = unit;
		this.start[i] = start;
		this.end[i] = end;
		this.type[i] = type;
		this.line[i] = line;
	}
}

class StaffRows extends Growable {
	unit = new Int32Array(this.capacity);
	fte = new Float64Array(this.capacity);
	start = new Int32Array(this.capacity);
	leave = new Int32Array(this.capacity);
	reason = new Uint8Array(this.capacity);
	line = new Int32Array(this.capacity);

	push(unit: number, fte: number, start: number, leave: number, reason: number, line: number): number {
		if (this.length === this.capacity) {
			this.capacity *= 2;
			this.unit = this.grow(this.unit);
			this.fte = this.grow(this.fte);
			this.start = this.grow(this.start);
			this.leave = this.grow(this.leave);
			this.reason = this.grow(this.reason);
			this.line = this.grow(this.line);
		}
		const i = this.length++;
		this.unit[i] = unit;
		this.fte[i] = fte;
		this.start[i] = start;
		this.leave[i] = leave;
		this.reason[i] = reason;
		this.line[i] = line;
		return i;
	}
}

class MonthlyRows extends Growable {
	unit = new Int32Array(this.capacity);
	month = new Int32Array(this.capacity);
	/** F values per row; NaN where the row supplies nothing. */
	values = new Float64Array(this.capacity * F);

	push(unit: number, month: number, values: Float64Array): void {
		if (this.length === this.capacity) {
			this.capacity *= 2;
			this.unit = this.grow(this.unit);
			this.month = this.grow(this.month);
			const bigger = new Float64Array(this.capacity * F);
			bigger.set(this.values);
			this.values = bigger;
		}
		const i = this.length++;
		this.unit[i] = unit;
		this.month[i] = month;
		this.values.set(values, i * F);
	}
}

/**
 * Sick workdays of a spell that started on day `start`, between days `from` and `to` (both
 * included; the caller clips them to the spell), split by day position into short (days 1–30 of
 * the spell), medium (31–365) and long (366 and later). Writes into `out[0..2]`.
 */
export function splitSpellDays(start: number, from: number, to: number, out: Float64Array | number[]): void {
	out[0] = workdays(from, Math.min(to, start + 29));
	out[1] = workdays(Math.max(from, start + 30), Math.min(to, start + 364));
	out[2] = workdays(Math.max(from, start + 365), to);
}

/** Per monthly figure: whole number or not, and the largest plausible value. */
const MONTHLY_SPECS: { whole: boolean; max: number }[] = FIGURES.map((id) => {
	// `people` has no column: it is worked out from the row (monthlyPeople).
	const spec = COLUMNS.monthly.find((c) => c.id === id);
	return { whole: !spec || spec.type === 'count', max: spec?.max ?? Infinity };
});

/**
 * The people a monthly row is about, without person ids: month-end headcount plus the leavers of
 * the month (everyone on staff on any day of it but those who left for a reason that is not
 * turnover, which only makes the group look smaller), and never fewer than a count of persons in
 * the row. NaN (not supplied) without a headcount.
 */
function monthlyPeople(v: Float64Array): number {
	const headcount = v[FIG.headcount]!;
	if (headcount !== headcount) return NaN;
	const known = (x: number) => (x === x ? x : 0);
	return Math.max(
		Math.ceil(headcount) + known(v[FIG.leaversVoluntary]!) + known(v[FIG.leaversInvoluntary]!),
		known(v[FIG.frequentAbsentees]!),
		known(v[FIG.ongoingIncapacity1y]!)
	);
}

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

export class SignalsAccumulator {
	private readonly problems: ProblemList;
	private readonly unknownUnits = new UnknownUnits();
	private readonly unitIdByCode = new Map<string, string>();
	/** Raw unit cell → unit index (≥ 0), or -(slot + 2) for an unknown code, -1 for an empty one. */
	private readonly unitCache = new Map<string, number>();
	private readonly unitIds: string[] = [];
	private readonly unitIndex = new Map<string, number>();
	private readonly typeCache = new Map<string, number>();
	private readonly reasonCache = new Map<string, number>();
	private readonly keys = new Map<string, number>();
	/** The key of the previous row and its id; '' matches nothing, because an empty key is refused first. */
	private lastKey = '';
	private lastKeyId = -1;
	private nationalNumberKeys = 0;

	private readonly today: number;
	private readonly maxDay: number;
	private readonly maxStaffingDay: number;
	private readonly maxMonth: number;
	private readonly period: { from: number; to: number } | null;

	private readonly formats: SignalsFormat[] = [];
	private format: SignalsFormat | null = null;
	private ignoring = false;
	private cols: ColumnIndex = Object.fromEntries(ALL_COLUMNS.map((id) => [id, -1])) as ColumnIndex;
	private rows = 0;

	private readonly monthly = new MonthlyRows();
	private readonly monthlyColumns = new Int32Array(F).fill(-1);
	private readonly monthlyFirstLine = new Map<number, number>();
	private readonly rowValues = new Float64Array(F);

	private readonly spells = new SpellRows();
	private firstDataDay = OPEN;
	private lastDataDay = -OPEN;

	private dayMonth = new Int32Array(0);

	private readonly staff = new StaffRows();
	/** Staffing row of each key id, -1 when the key has none. */
	private staffRowOfKey = new Int32Array(1024).fill(-1);
	private staffHasLeave = false;
	private staffHasReason = false;

	constructor(options: SignalsImportOptions) {
		this.problems = new ProblemList(options.maxProblems);
		for (const [code, id] of options.knownUnitCodes) this.unitIdByCode.set(code.trim().toLowerCase(), id);
		this.today = isoDay(options.today);
		this.maxDay = this.today + FUTURE_DAYS;
		this.maxStaffingDay = this.today + FUTURE_STAFFING_DAYS;
		this.maxMonth = monthOfDay(this.today) + 1;
		if (options.period) {
			const from = isoMonth(options.period.from);
			const to = isoMonth(options.period.to);
			if (to < from)
				throw new RangeError(`Period ends before it starts: ${options.period.from}–${options.period.to}`);
			this.period = { from, to };
		} else this.period = null;
	}

	/**
	 * Starts the rows of a file. Allowed uploads: one monthly file, or a spells file, a staffing
	 * file, or both (in either order). Any other combination is a problem and its rows are skipped.
	 */
	begin(file: FileColumns): void {
		const { format } = file;
		const clash =
			this.formats.includes(format) ||
			(this.formats.length > 0 && (format === 'monthly' || this.formats.includes('monthly')));
		this.format = format;
		this.ignoring = clash;
		if (clash) {
			this.problems.add(format, 0, null, '', 'signals.problem.filesCombination');
			return;
		}
		this.formats.push(format);
		const cols = Object.fromEntries(ALL_COLUMNS.map((id) => [id, -1])) as ColumnIndex;
		file.columns.forEach((id, index) => {
			if (id && cols[id] < 0) cols[id] = index;
		});
		this.cols = cols;
		if (format === 'monthly')
			FIGURES.forEach((id, f) => (this.monthlyColumns[f] = id === 'people' ? -1 : cols[id]));
		if (format === 'staffing') {
			this.staffHasLeave = cols.leaveDate >= 0;
			this.staffHasReason = cols.leaveReason >= 0;
		}
	}

	/** One data record of the current file; `line` is its line in the file (header = 1). */
	add(line: number, cells: readonly string[]): void {
		if (this.ignoring) return;
		switch (this.format) {
			case 'spells':
				return this.addSpell(line, cells);
			case 'staffing':
				return this.addStaff(line, cells);
			case 'monthly':
				return this.addMonthly(line, cells);
			default:
				throw new Error('add() before begin()');
		}
	}

	// ---- rows -----------------------------------------------------------------------------------

	private problem(
		line: number,
		column: ColumnId | null,
		value: string,
		key: SignalProblem['key'],
		params?: SignalProblem['params']
	) {
		this.problems.add(this.format, line, column, value, key, params);
	}

	/** Unit index of a code cell, or -1 (empty or unknown, already reported). */
	private unitOf(raw: string, line: number): number {
		let slot = this.unitCache.get(raw);
		if (slot === undefined) {
			const code = raw.trim();
			if (code === '') slot = -1;
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
	private dateIn(raw: string, line: number, column: ColumnId, min: number, max: number): number {
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

	private addSpell(line: number, cells: readonly string[]): void {
		const cols = this.cols;
		const rawKey = cellAt(cells, cols.employeeKey).trim();
		if (rawKey === '' && isBlankRow(cells)) return;
		this.rows++;
		const key = this.keyOf(rawKey, line);
		const unit = this.unitOf(cellAt(cells, cols.unitCode), line);

		const rawStart = cellAt(cells, cols.startDate);
		const start = this.dateIn(rawStart, line, 'startDate', MIN_DAY, this.maxDay);
		if (start === EMPTY) this.problem(line, 'startDate', rawStart, 'signals.problem.required');
		const rawEnd = cellAt(cells, cols.endDate);
		let end = this.dateIn(rawEnd, line, 'endDate', MIN_DAY, this.maxDay);
		if (end === EMPTY) end = OPEN;
		else if (!isFailure(end) && !isFailure(start) && end < start) {
			this.problem(line, 'endDate', rawEnd, 'signals.problem.endBeforeStart');
			end = REPORTED;
		}

		const rawType = cellAt(cells, cols.absenceType);
		let type = this.typeCache.get(rawType);
		if (type === undefined) {
			const word = ABSENCE_TYPES.get(normaliseHeader(rawType));
			type = word === undefined ? -1 : TYPE_CODES[word];
			if (this.typeCache.size < CACHE_MAX) this.typeCache.set(detach(rawType), type);
		}
		if (type < 0) {
			this.problem(
				line,
				'absenceType',
				rawType,
				rawType.trim() === '' ? 'signals.problem.required' : 'signals.problem.unknownType'
			);
			type = OTHER_ABSENCE;
		}

		// A row with a broken key or dates cannot take part in the overlap check; a broken unit or
		// type can, and the upload is refused anyway.
		if (key < 0 || isFailure(start) || isFailure(end)) return;
		this.spells.push(key, unit, start, end, type, line);
		if (start < this.firstDataDay) this.firstDataDay = start;
		const last = end === OPEN ? start : end;
		if (last > this.lastDataDay) this.lastDataDay = last;
	}

	private addStaff(line: number, cells: readonly string[]): void {
		const cols = this.cols;
		const rawKey = cellAt(cells, cols.employeeKey).trim();
		if (rawKey === '' && isBlankRow(cells)) return;
		this.rows++;
		const key = this.keyOf(rawKey, line);
		const unit = this.unitOf(cellAt(cells, cols.unitCode), line);

		const rawFte = cellAt(cells, cols.fte);
		let fte = parseNumber(rawFte, false);
		if (isFailure(fte)) this.problem(line, 'fte', rawFte, failureKey(fte));
		else if (fte <= 0 || fte > MAX_FTE) {
			this.problem(line, 'fte', rawFte, 'signals.problem.fteRange', { max: MAX_FTE });
			fte = EMPTY;
		}

		const rawStart = cellAt(cells, cols.startDate);
		const start = this.dateIn(rawStart, line, 'startDate', MIN_HIRE_DAY, this.maxStaffingDay);
		if (start === EMPTY) this.problem(line, 'startDate', rawStart, 'signals.problem.required');
		const rawLeave = cellAt(cells, cols.leaveDate);
		let leave = this.dateIn(rawLeave, line, 'leaveDate', MIN_HIRE_DAY, this.maxStaffingDay);
		if (leave === EMPTY) leave = OPEN;
		else if (!isFailure(leave) && !isFailure(start) && leave < start) {
			this.problem(line, 'leaveDate', rawLeave, 'signals.problem.leaveBeforeStart');
			leave = REPORTED;
		}

		const rawReason = cellAt(cells, cols.leaveReason);
		let reason = this.reasonCache.get(rawReason);
		if (reason === undefined) {
			const trimmed = rawReason.trim();
			const word = LEAVE_REASONS.get(normaliseHeader(trimmed));
			reason = trimmed === '' ? NO_REASON : word === undefined ? -1 : REASON_CODES[word];
			if (this.reasonCache.size < CACHE_MAX) this.reasonCache.set(detach(rawReason), reason);
		}
		if (reason < 0) this.problem(line, 'leaveReason', rawReason, 'signals.problem.unknownReason');
		else if (reason === NO_REASON && rawLeave.trim() !== '' && this.staffHasReason)
			this.problem(line, 'leaveReason', rawReason, 'signals.problem.reasonRequired');
		else if (reason !== NO_REASON && rawLeave.trim() === '')
			this.problem(line, 'leaveReason', rawReason, 'signals.problem.reasonWithoutLeave');

		if (key < 0) return;
		if (key >= this.staffRowOfKey.length) {
			const bigger = new Int32Array(Math.max(key + 1, this.staffRowOfKey.length * 2)).fill(-1);
			bigger.set(this.staffRowOfKey);
			this.staffRowOfKey = bigger;
		}
		const previous = this.staffRowOfKey[key]!;
		if (previous >= 0) {
			this.problem(line, 'employeeKey', '', 'signals.problem.duplicateKey', {
				firstLine: this.staff.line[previous]!
			});
			return;
		}
		if (isFailure(fte) || isFailure(start) || isFailure(leave)) return;
		this.staffRowOfKey[key] = this.staff.push(unit, fte, start, leave, reason < 0 ? NO_REASON : reason, line);
	}

	private addMonthly(line: number, cells: readonly string[]): void {
		const cols = this.cols;
		const rawUnit = cellAt(cells, cols.unitCode);
		const rawMonth = cellAt(cells, cols.month);
		if (rawUnit.trim() === '' && rawMonth.trim() === '' && isBlankRow(cells)) return;
		this.rows++;
		const unit = this.unitOf(rawUnit, line);

		let month = parseMonth(rawMonth);
		if (isFailure(month)) this.problem(line, 'month', rawMonth, failureKey(month));
		else if (month < MIN_MONTH) {
			this.problem(line, 'month', rawMonth, 'signals.problem.tooEarly', { min: formatMonth(MIN_MONTH) });
			month = EMPTY;
		} else if (month > this.maxMonth) {
			this.problem(line, 'month', rawMonth, 'signals.problem.inFuture', { max: formatMonth(this.maxMonth) });
			month = EMPTY;
		}

		const values = this.rowValues;
		for (let f = 0; f < F; f++) {
			const index = this.monthlyColumns[f]!;
			values[f] = NaN;
			if (index < 0) continue;
			const raw = cells[index] ?? '';
			const spec = MONTHLY_SPECS[f]!;
			const value = parseNumber(raw, spec.whole);
			if (value === EMPTY) continue;
			// Only figures with a column get here: people has none.
			const column = FIGURES[f] as MonthlyFigureId;
			if (isFailure(value)) this.problem(line, column, raw, failureKey(value));
			else if (value > spec.max)
				this.problem(line, column, raw, 'signals.problem.tooLarge', { max: spec.max });
			else values[f] = value;
		}
		this.checkMonthlyCombinations(line, cells, values);
		values[FIG.people] = monthlyPeople(values);

		if (unit < 0 || isFailure(month)) return;
		const slot = unit * 4096 + (month - MIN_MONTH);
		const firstLine = this.monthlyFirstLine.get(slot);
		if (firstLine !== undefined) {
			this.problem(line, 'month', rawMonth, 'signals.problem.duplicateUnitMonth', { firstLine });
			return;
		}
		this.monthlyFirstLine.set(slot, line);
		this.monthly.push(unit, month, values);
	}

	/**
	 * Figures that cannot go together. Comparisons with a missing figure (NaN) are false, so each
	 * check runs only when the row has both sides.
	 */
	private checkMonthlyCombinations(line: number, cells: readonly string[], v: Float64Array): void {
		const raw = (id: FigureId) => cells[this.monthlyColumns[FIG[id]]!] ?? '';
		const headcount = v[FIG.headcount]!;
		const short = v[FIG.sickDaysShort]!;
		const medium = v[FIG.sickDaysMedium]!;
		const long = v[FIG.sickDaysLong]!;
		const anySick = short === short || medium === medium || long === long;
		const sick =
			(short === short ? short : 0) + (medium === medium ? medium : 0) + (long === long ? long : 0);
		const planned = v[FIG.plannedDays]!;
		if (anySick && sick > planned)
			this.problem(line, 'plannedDays', raw('plannedDays'), 'signals.problem.sickAbovePlanned', {
				sick: round4(sick),
				planned
			});
		const voluntary = v[FIG.leaversVoluntary]!;
		const involuntary = v[FIG.leaversInvoluntary]!;
		if (voluntary === voluntary || involuntary === involuntary) {
			const leavers =
				(voluntary === voluntary ? voluntary : 0) + (involuntary === involuntary ? involuntary : 0);
			const column: FigureId = voluntary === voluntary ? 'leaversVoluntary' : 'leaversInvoluntary';
			if (leavers > headcount)
				this.problem(line, column, raw(column), 'signals.problem.leaversAboveHeadcount', {
					leavers,
					headcount
				});
		}
		if (v[FIG.fte]! > headcount)
			this.problem(line, 'fte', raw('fte'), 'signals.problem.fteAboveHeadcount', {
				fte: v[FIG.fte]!,
				headcount
			});
		for (const id of ['frequentAbsentees', 'ongoingIncapacity1y'] as const) {
			if (v[FIG[id]]! > headcount)
				this.problem(line, id, raw(id), 'signals.problem.aboveHeadcount', { count: v[FIG[id]]!, headcount });
		}
		if (v[FIG.spellsEndedDays]! > 0 && v[FIG.spellsEnded] === 0)
			this.problem(line, 'spellsEndedDays', raw('spellsEndedDays'), 'signals.problem.daysWithoutEndedSpells');
	}

	// ---- finish ---------------------------------------------------------------------------------

	/** Checks what needs all rows, then returns the problems or the figures per unit and month. */
	finish(): SignalsImportResult {
		this.format = null;
		const hasSpells = this.formats.includes('spells');
		const hasStaffing = this.formats.includes('staffing');
		const order = hasSpells ? this.checkSpells() : null;
		if (hasSpells && hasStaffing) this.checkKeysInStaffing();
		// Most keys like a national register number: not a pseudonym, whatever the column is called.
		if (this.nationalNumberKeys > 0 && this.nationalNumberKeys * 2 > this.keys.size)
			this.problems.add(null, 0, 'employeeKey', '', 'signals.problem.identifyingKeys');
		if (hasStaffing && !hasSpells && !this.period)
			this.problems.add('staffing', 0, null, '', 'signals.problem.periodRequired');

		const formats = [...this.formats];
		if (this.problems.total > 0 || this.unknownUnits.rows > 0) {
			return {
				ok: false,
				formats,
				rows: this.rows,
				problems: this.problems.sorted(),
				problemCount: this.problems.total,
				unknownUnits: this.unknownUnits.list.filter((u) => u.rows > 0),
				unknownUnitRows: this.unknownUnits.rows
			};
		}
		if (this.formats.includes('monthly')) return this.monthlyFigures(formats);
		return this.aggregate(formats, order);
	}

	/**
	 * Sorts spells by key, then start, and reports duplicates and overlaps. A counting sort by key
	 * id keeps this linear; the few spells of one key are then sorted by insertion.
	 */
	private checkSpells(): Int32Array {
		const { key, start, end, type, unit, line, length } = this.spells;
		const keyCount = this.keys.size;
		const offsets = new Int32Array(keyCount + 1);
		for (let i = 0; i < length; i++) offsets[key[i]! + 1]!++;
		for (let k = 0; k < keyCount; k++) offsets[k + 1]! += offsets[k]!;
		const order = new Int32Array(length);
		const next = offsets.slice(0, keyCount);
		for (let i = 0; i < length; i++) order[next[key[i]!]!++] = i;

		const before = (a: number, b: number) =>
			start[a]! < start[b]! || (start[a] === start[b] && end[a]! < end[b]!);
		for (let k = 0; k < keyCount; k++) {
			const from = offsets[k]!;
			const to = offsets[k + 1]!;
			if (to - from > 64) {
				const sorted = Array.from(order.subarray(from, to)).sort(
					(a, b) => start[a]! - start[b]! || end[a]! - end[b]!
				);
				order.set(sorted, from);
			} else {
				for (let i = from + 1; i < to; i++) {
					const current = order[i]!;
					let j = i - 1;
					while (j >= from && before(current, order[j]!)) {
						order[j + 1] = order[j]!;
						j--;
					}
					order[j + 1] = current;
				}
			}
			// The spell reaching furthest so far: a later spell that starts on or before its end overlaps it.
			let reach = -1;
			for (let i = from; i < to; i++) {
				const s = order[i]!;
				if (reach >= 0 && start[s]! <= end[reach]!) {
					const previous = order[i - 1]!;
					const duplicate =
						start[s] === start[previous] &&
						end[s] === end[previous] &&
						type[s] === type[previous] &&
						unit[s] === unit[previous];
					const other = duplicate ? previous : reach;
					const later = Math.max(line[s]!, line[other]!);
					const earlier = Math.min(line[s]!, line[other]!);
					if (duplicate)
						this.problems.add('spells', later, null, '', 'signals.problem.duplicateRow', {
							firstLine: earlier
						});
					else
						this.problems.add(
							'spells',
							later,
							'startDate',
							formatDay(start[line[s] === later ? s : other]!),
							'signals.problem.overlap',
							{
								otherLine: earlier
							}
						);
				}
				if (reach < 0 || end[s]! > end[reach]!) reach = s;
			}
		}
		return order;
	}

	/** With a staffing file, every key in the spells must be in it: its FTE weighs the sick days. */
	private checkKeysInStaffing(): void {
		const { key, line, length } = this.spells;
		const reported = new Uint8Array(this.keys.size);
		for (let i = 0; i < length; i++) {
			const k = key[i]!;
			if (reported[k] || (k < this.staffRowOfKey.length && this.staffRowOfKey[k]! >= 0)) continue;
			reported[k] = 1;
			this.problems.add('spells', line[i]!, 'employeeKey', '', 'signals.problem.keyNotInStaffing');
		}
	}

	private monthlyFigures(formats: SignalsFormat[]): SignalsImportResult {
		const supplied = FIGURES.filter(
			(id, f) => this.monthlyColumns[f]! >= 0 || (id === 'people' && this.monthlyColumns[FIG.headcount]! >= 0)
		);
		const { unit, month, values, length } = this.monthly;
		const figures: UnitMonthFigures[] = [];
		for (let i = 0; i < length; i++) {
			const record = emptyFigures(this.unitIds[unit[i]!]!, formatMonth(month[i]!));
			for (let f = 0; f < F; f++) {
				const value = values[i * F + f]!;
				if (value === value) record[FIGURES[f]!] = value;
			}
			figures.push(record);
		}
		return { ok: true, formats, rows: this.rows, period: null, supplied, figures };
	}

	private aggregate(formats: SignalsFormat[], order: Int32Array | null): SignalsImportResult {
		const hasSpells = order !== null;
		const hasStaffing = this.formats.includes('staffing');
		let from: number;
		let to: number;
		if (this.period) ({ from, to } = this.period);
		else if (this.spells.length > 0) {
			from = monthOfDay(this.firstDataDay);
			to = monthOfDay(this.lastDataDay);
		} else {
			from = 0;
			to = -1;
		}
		// Nothing is known after today: the period stops at today's month and its last day at today.
		to = Math.min(to, monthOfDay(this.today));
		const months = Math.max(0, to - from + 1);
		const lastDay = Math.min(lastDayOfMonth(to), this.today);

		const supplied: FigureId[] = [];
		if (hasStaffing) {
			supplied.push('headcount', 'fte', 'plannedDays');
			if (this.staffHasLeave && this.staffHasReason) supplied.push('leaversVoluntary', 'leaversInvoluntary');
		}
		if (hasSpells) supplied.push(...SPELL_FIGURES);
		supplied.push('people');
		const suppliedOrdered = FIGURES.filter((id) => supplied.includes(id));

		// Day → month by table lookup: the aggregation asks it several times for every spell.
		this.dayMonth = new Int32Array(this.maxStaffingDay - MIN_HIRE_DAY + 1);
		for (let month = monthOfDay(MIN_HIRE_DAY), day = 0; day < this.dayMonth.length; month++) {
			const next = Math.min(lastDayOfMonth(month) - MIN_HIRE_DAY + 1, this.dayMonth.length);
			this.dayMonth.fill(month, day, next);
			day = next;
		}

		const units = this.unitIds.length;
		const grid = new Float64Array(units * months * F);
		const firstDay = new Int32Array(months);
		const endDay = new Int32Array(months);
		for (let m = 0; m < months; m++) {
			firstDay[m] = firstDayOfMonth(from + m);
			endDay[m] = Math.min(lastDayOfMonth(from + m), lastDay);
		}
		if (months > 0) {
			if (hasSpells) this.aggregateSpells(order, grid, from, months, firstDay, endDay, lastDay, hasStaffing);
			if (hasStaffing) this.aggregateStaff(grid, from, months, firstDay, endDay, lastDay);
			this.countPeople(order, grid, from, months, lastDay);
		}

		const figures: UnitMonthFigures[] = [];
		for (let u = 0; u < units; u++) {
			for (let m = 0; m < months; m++) {
				const record = emptyFigures(this.unitIds[u]!, formatMonth(from + m));
				const base = (u * months + m) * F;
				for (const id of suppliedOrdered) record[id] = round4(grid[base + FIG[id]]!);
				figures.push(record);
			}
		}
		return {
			ok: true,
			formats,
			rows: this.rows,
			period: months > 0 ? { from: formatMonth(from), to: formatMonth(to) } : null,
			supplied: suppliedOrdered,
			figures
		};
	}

	/** The month of a day of the data (between MIN_HIRE_DAY and the last accepted date). */
	private monthAt(day: number): number {
		return this.dayMonth[day - MIN_HIRE_DAY]!;
	}

	private aggregateSpells(
		order: Int32Array,
		grid: Float64Array,
		from: number,
		months: number,
		firstDay: Int32Array,
		endDay: Int32Array,
		lastDay: number,
		weighByFte: boolean
	): void {
		const { key, unit, start, end, type, length } = this.spells;
		const split = new Float64Array(3);
		const cell = (u: number, m: number, id: number) => (u * months + m) * F + id;

		for (let s = 0; s < length; s++) {
			const t = type[s]!;
			if (t === OTHER_ABSENCE) continue;
			const u = unit[s]!;
			const first = start[s]!;
			const recordedEnd = end[s]!;
			// A spell running past today (or without end) runs until the last day of the period.
			const last = recordedEnd > lastDay ? lastDay : recordedEnd;
			if (first > last) continue;
			const startMonth = this.monthAt(first) - from;
			const inPeriod = startMonth >= 0 && startMonth < months;

			if (t === SICKNESS) {
				if (inPeriod) grid[cell(u, startMonth, FIG.spells)]!++;
				const weight = weighByFte ? this.staff.fte[this.staffRowOfKey[key[s]!]!]! : 1;
				const m1 = Math.min(this.monthAt(last) - from, months - 1);
				for (let m = Math.max(startMonth, 0); m <= m1; m++) {
					splitSpellDays(first, Math.max(first, firstDay[m]!), Math.min(last, endDay[m]!), split);
					grid[cell(u, m, FIG.sickDaysShort)]! += split[0]! * weight;
					grid[cell(u, m, FIG.sickDaysMedium)]! += split[1]! * weight;
					grid[cell(u, m, FIG.sickDaysLong)]! += split[2]! * weight;
				}
				if (recordedEnd <= lastDay) {
					const endMonth = this.monthAt(recordedEnd) - from;
					if (endMonth >= 0 && endMonth < months) {
						grid[cell(u, endMonth, FIG.spellsEnded)]!++;
						grid[cell(u, endMonth, FIG.spellsEndedDays)]! += workdays(first, recordedEnd);
					}
				}
			} else if (inPeriod) grid[cell(u, startMonth, FIG.workAccidents)]!++;

			// Incapacity for work counts sickness and work accidents alike.
			const day29 = first + 28;
			if (day29 <= last) {
				const m = this.monthAt(day29) - from;
				if (m >= 0 && m < months) grid[cell(u, m, FIG.newIncapacity4w)]!++;
			}
			const day366 = first + 365;
			if (day366 <= last) {
				const m1 = Math.min(this.monthAt(last) - from, months - 1);
				for (let m = Math.max(this.monthAt(day366) - from, 0); m <= m1; m++) {
					const monthEnd = endDay[m]!;
					if (monthEnd >= day366 && monthEnd <= last) grid[cell(u, m, FIG.ongoingIncapacity1y)]!++;
				}
			}
		}

		// Employees with 3 or more sickness spells started in the 12 months up to each month end,
		// counted once, in the unit of their latest spell of that window.
		for (let k = 0; k < length;) {
			const keyId = key[order[k]!]!;
			let i = k;
			while (i < length && key[order[i]!] === keyId) i++;
			this.frequentCells(
				order,
				k,
				i,
				lastDay,
				from,
				months,
				(u, m) => grid[cell(u, m, FIG.frequentAbsentees)]!++
			);
			k = i;
		}
	}

	private scratchMonths = new Int32Array(64);
	private scratchUnits = new Int32Array(64);

	/**
	 * The unit-months (month relative to `from`) in which the employee whose spells are
	 * order[begin..end) counts as a frequent absentee: 3 or more sickness spells started in the 12
	 * months up to the month end, in the unit of the latest of them.
	 */
	private frequentCells(
		order: Int32Array,
		begin: number,
		end: number,
		lastDay: number,
		from: number,
		months: number,
		visit: (unit: number, month: number) => void
	): void {
		const { unit, start, type } = this.spells;
		let n = 0;
		for (let i = begin; i < end; i++) {
			const s = order[i]!;
			if (type[s] !== SICKNESS || start[s]! > lastDay) continue;
			if (n === this.scratchMonths.length) {
				const biggerMonths = new Int32Array(n * 2);
				biggerMonths.set(this.scratchMonths);
				this.scratchMonths = biggerMonths;
				const biggerUnits = new Int32Array(n * 2);
				biggerUnits.set(this.scratchUnits);
				this.scratchUnits = biggerUnits;
			}
			this.scratchMonths[n] = this.monthAt(start[s]!);
			this.scratchUnits[n] = unit[s]!;
			n++;
		}
		if (n < 3) return;
		const scratchMonths = this.scratchMonths;
		let lo = 0;
		let hi = -1;
		const mFirst = Math.max(scratchMonths[2]!, from);
		const mLast = Math.min(scratchMonths[n - 1]! + 11, from + months - 1);
		for (let month = mFirst; month <= mLast; month++) {
			while (hi + 1 < n && scratchMonths[hi + 1]! <= month) hi++;
			while (scratchMonths[lo]! < month - 11) lo++;
			if (hi - lo + 1 >= 3) visit(this.scratchUnits[hi]!, month - from);
		}
	}

	/**
	 * `people` per unit-month: the distinct employees on the unit's staff on any day of the month
	 * or in any of its figures (a spell's days, its start or end, an incapacity, a frequent absentee,
	 * a leaver). An employee in two units in a month counts in both. Each employee's cells are
	 * marked together, so one stamp per cell tells whether they were counted there already.
	 */
	private countPeople(
		order: Int32Array | null,
		grid: Float64Array,
		from: number,
		months: number,
		lastDay: number
	): void {
		const stamp = new Int32Array(this.unitIds.length * months).fill(-1);
		const mark = (keyId: number, u: number, m: number) => {
			const c = u * months + m;
			if (stamp[c] === keyId) return;
			stamp[c] = keyId;
			grid[c * F + FIG.people]!++;
		};
		const hasStaffing = this.formats.includes('staffing');
		const staff = this.staff;
		const markStaff = (keyId: number) => {
			const r = keyId < this.staffRowOfKey.length ? this.staffRowOfKey[keyId]! : -1;
			if (r < 0) return;
			const hired = staff.start[r]!;
			if (hired > lastDay) return;
			const m0 = Math.max(this.monthAt(hired) - from, 0);
			const m1 = Math.min(this.monthAt(Math.min(staff.leave[r]!, lastDay)) - from, months - 1);
			for (let m = m0; m <= m1; m++) mark(keyId, staff.unit[r]!, m);
		};
		const counted = new Uint8Array(this.keys.size);
		if (order) {
			const { key, unit, start, end, type, length } = this.spells;
			for (let k = 0; k < length;) {
				const keyId = key[order[k]!]!;
				counted[keyId] = 1;
				if (hasStaffing) markStaff(keyId);
				let i = k;
				for (; i < length && key[order[i]!] === keyId; i++) {
					const s = order[i]!;
					if (type[s] === OTHER_ABSENCE) continue;
					const first = start[s]!;
					const last = end[s]! > lastDay ? lastDay : end[s]!;
					if (first > last) continue;
					// Every figure of a spell falls in a month from its start to its last day.
					const m0 = Math.max(this.monthAt(first) - from, 0);
					const m1 = Math.min(this.monthAt(last) - from, months - 1);
					for (let m = m0; m <= m1; m++) mark(keyId, unit[s]!, m);
				}
				this.frequentCells(order, k, i, lastDay, from, months, (u, m) => mark(keyId, u, m));
				k = i;
			}
		}
		if (hasStaffing)
			for (let keyId = 0; keyId < counted.length; keyId++) if (!counted[keyId]) markStaff(keyId);
	}

	private aggregateStaff(
		grid: Float64Array,
		from: number,
		months: number,
		firstDay: Int32Array,
		endDay: Int32Array,
		lastDay: number
	): void {
		const { unit, fte, start, leave, reason, length } = this.staff;
		const cell = (u: number, m: number, id: number) => (u * months + m) * F + id;
		const countLeavers = this.staffHasLeave && this.staffHasReason;
		for (let r = 0; r < length; r++) {
			const u = unit[r]!;
			const hired = start[r]!;
			const left = leave[r]!;
			const weight = fte[r]!;
			if (hired > lastDay) continue;
			const m0 = Math.max(this.monthAt(hired) - from, 0);
			const m1 = Math.min(this.monthAt(Math.min(left, lastDay)) - from, months - 1);
			for (let m = m0; m <= m1; m++) {
				const monthEnd = endDay[m]!;
				grid[cell(u, m, FIG.plannedDays)]! +=
					weight * workdays(Math.max(hired, firstDay[m]!), Math.min(left, monthEnd));
				// At month end means still employed after its last day: whoever leaves that day is gone.
				if (left > monthEnd) {
					grid[cell(u, m, FIG.headcount)]!++;
					grid[cell(u, m, FIG.fte)]! += weight;
				}
			}
			if (countLeavers && left <= lastDay) {
				const m = this.monthAt(left) - from;
				const why = reason[r]!;
				if (m >= 0 && m < months) {
					if (why === VOLUNTARY) grid[cell(u, m, FIG.leaversVoluntary)]!++;
					else if (why === INVOLUNTARY) grid[cell(u, m, FIG.leaversInvoluntary)]!++;
				}
			}
		}
	}
}
