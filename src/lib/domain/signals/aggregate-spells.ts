import { dayNumber, workdays } from './calendar';
import { ABSENCE_TYPES, type FigureId } from './formats';
import { isFailure, isFormulaText, writeDate } from './parse';
import { BLANK, CellCodes, FIG, OPEN, PeriodRows, cellAt } from './aggregate-shared';
import type { ColumnIndex, FileRows, UnitMonthGrid, UploadRows } from './aggregate-shared';
import { ColumnStore, column } from './columns';
import { normaliseHeader } from '../units';

/**
 * The spells file: one row per absence spell of an employee. Its rows are checked as they come;
 * duplicates and overlaps, which need all spells of a key, when the file is complete. The spells
 * give the sick days, spells, incapacity and frequent absentees of their units' months.
 */

export const MIN_DAY = dayNumber(2000, 1, 1);

const SICKNESS = 0;
const WORK_ACCIDENT = 1;
const OTHER_ABSENCE = 2;
const TYPE_CODES = { sickness: SICKNESS, 'work-accident': WORK_ACCIDENT, other: OTHER_ABSENCE } as const;

/** The figures a spells file supplies. */
export const SPELL_FIGURES: readonly FigureId[] = [
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

/** What absenceType returns for a cell that starts like a formula. */
const FORMULA_TYPE = -2;

/** The code of an absence type cell, -1 for an empty or unknown word, FORMULA_TYPE for a formula. */
function absenceType(raw: string): number {
	if (isFormulaText(raw)) return FORMULA_TYPE;
	const word = ABSENCE_TYPES.get(normaliseHeader(raw));
	return word === undefined ? -1 : TYPE_CODES[word];
}

export class SpellsFile implements FileRows {
	/** About 22 bytes a spell. */
	private readonly spells = new PeriodRows({
		key: column(Int32Array),
		type: column(Uint8Array),
		/** How the start date was written, to echo it in an overlap as the cell said it. */
		style: column(Uint8Array)
	});
	private readonly types = new CellCodes(absenceType);
	/** The earliest and latest dates in the file: the period when none is given. */
	firstDataDay = OPEN;
	lastDataDay = -OPEN;
	/** The spells sorted by key, then start (check()). */
	private order = new Int32Array(0);
	/** The months and units of one employee's sickness spells (frequentCells). */
	private readonly sickness = new ColumnStore({ month: column(Int32Array), unit: column(Int32Array) }, 64);

	constructor(
		private readonly upload: UploadRows,
		private readonly cols: ColumnIndex
	) {}

	/** Spells kept: those whose key and dates could be read. */
	get length(): number {
		return this.spells.length;
	}

	add(line: number, cells: readonly string[]): void {
		const { cols, upload } = this;
		const key = upload.employeeRow(cells, line, cols.employeeKey);
		if (key === BLANK) return;
		const unit = upload.unitOf(cellAt(cells, cols.unitCode), line);
		const { start, end, startStyle } = upload.dates(
			cells,
			line,
			cols,
			'endDate',
			MIN_DAY,
			upload.maxDay,
			'signals.problem.endBeforeStart'
		);

		const rawType = cellAt(cells, cols.absenceType);
		let type = this.types.get(rawType);
		if (type < 0) {
			upload.problem(
				line,
				'absenceType',
				rawType,
				type === FORMULA_TYPE
					? 'signals.problem.formula'
					: rawType.trim() === ''
						? 'signals.problem.required'
						: 'signals.problem.unknownType'
			);
			type = OTHER_ABSENCE;
		}

		// A row with a broken key or dates cannot take part in the overlap check; a broken unit or
		// type can, and the upload is refused anyway.
		if (key < 0 || isFailure(start) || isFailure(end)) return;
		const i = this.spells.appendPeriod(unit, start, end, line);
		this.spells.columns.key[i] = key;
		this.spells.columns.type[i] = type;
		this.spells.columns.style[i] = startStyle;
		if (start < this.firstDataDay) this.firstDataDay = start;
		const last = end === OPEN ? start : end;
		if (last > this.lastDataDay) this.lastDataDay = last;
	}

	/**
	 * Sorts spells by key, then start, and reports duplicates and overlaps. A counting sort by key
	 * id keeps this linear; the few spells of one key are then sorted by insertion.
	 */
	check(): void {
		const { key, start, end, type, unit, line, style } = this.spells.columns;
		const length = this.spells.length;
		const keyCount = this.upload.keyCount;
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
						this.upload.problems.add('spells', later, null, '', 'signals.problem.duplicateRow', {
							firstLine: earlier
						});
					else {
						const shown = line[s] === later ? s : other;
						this.upload.problems.add(
							'spells',
							later,
							'startDate',
							writeDate(start[shown]!, style[shown]!),
							'signals.problem.overlap',
							{ otherLine: earlier }
						);
					}
				}
				if (reach < 0 || end[s]! > end[reach]!) reach = s;
			}
		}
		this.order = order;
	}

	/** With a staffing file, every key in the spells must be in it: its FTE weighs the sick days. */
	checkKeysIn(hasKey: (key: number) => boolean): void {
		const { key, line } = this.spells.columns;
		const reported = new Uint8Array(this.upload.keyCount);
		for (let i = 0; i < this.spells.length; i++) {
			const k = key[i]!;
			if (reported[k] || hasKey(k)) continue;
			reported[k] = 1;
			this.upload.problems.add('spells', line[i]!, 'employeeKey', '', 'signals.problem.keyNotInStaffing');
		}
	}

	/**
	 * Adds the spells' figures to the grid, after check(). `fteOfKey` (key id → FTE), from a
	 * staffing file, weighs the sick days; without it each counts as one.
	 */
	addFigures(grid: UnitMonthGrid, fteOfKey: Float64Array | null): void {
		const { key, unit, start, end, type } = this.spells.columns;
		const length = this.spells.length;
		const { values, months, firstDay, endDay, lastDay } = grid;
		const split = new Float64Array(3);

		for (let s = 0; s < length; s++) {
			const t = type[s]!;
			if (t === OTHER_ABSENCE) continue;
			const u = unit[s]!;
			const first = start[s]!;
			const recordedEnd = end[s]!;
			// A spell running past today (or without end) runs until the last day of the period.
			const last = recordedEnd > lastDay ? lastDay : recordedEnd;
			if (first > last) continue;
			const startMonth = grid.monthAt(first);
			const inPeriod = startMonth >= 0 && startMonth < months;

			if (t === SICKNESS) {
				if (inPeriod) values[grid.cell(u, startMonth, FIG.spells)]!++;
				const weight = fteOfKey ? fteOfKey[key[s]!]! : 1;
				const m1 = grid.endMonth(last);
				for (let m = Math.max(startMonth, 0); m <= m1; m++) {
					splitSpellDays(first, Math.max(first, firstDay[m]!), Math.min(last, endDay[m]!), split);
					values[grid.cell(u, m, FIG.sickDaysShort)]! += split[0]! * weight;
					values[grid.cell(u, m, FIG.sickDaysMedium)]! += split[1]! * weight;
					values[grid.cell(u, m, FIG.sickDaysLong)]! += split[2]! * weight;
				}
				if (recordedEnd <= lastDay) {
					const endMonth = grid.monthAt(recordedEnd);
					if (endMonth >= 0 && endMonth < months) {
						values[grid.cell(u, endMonth, FIG.spellsEnded)]!++;
						values[grid.cell(u, endMonth, FIG.spellsEndedDays)]! += workdays(first, recordedEnd);
					}
				}
			} else if (inPeriod) values[grid.cell(u, startMonth, FIG.workAccidents)]!++;

			// Incapacity for work counts sickness and work accidents alike.
			const day29 = first + 28;
			if (day29 <= last) {
				const m = grid.monthAt(day29);
				if (m >= 0 && m < months) values[grid.cell(u, m, FIG.newIncapacity4w)]!++;
			}
			const day366 = first + 365;
			if (day366 <= last) {
				const m1 = grid.endMonth(last);
				for (let m = grid.startMonth(day366); m <= m1; m++) {
					const monthEnd = endDay[m]!;
					if (monthEnd >= day366 && monthEnd <= last) values[grid.cell(u, m, FIG.ongoingIncapacity1y)]!++;
				}
			}
		}

		// Employees with 3 or more sickness spells started in the 12 months up to each month end,
		// counted once, in the unit of their latest spell of that window.
		const order = this.order;
		for (let k = 0; k < length;) {
			const keyId = key[order[k]!]!;
			let i = k;
			while (i < length && key[order[i]!] === keyId) i++;
			this.frequentCells(k, i, grid, (u, m) => values[grid.cell(u, m, FIG.frequentAbsentees)]!++);
			k = i;
		}
	}

	/**
	 * For `people`, after check(): each employee of the spells in turn, `person(keyId)` first, then
	 * `visit` for every unit-month in which one of their spells has a figure (a spell's days, its
	 * start or end, an incapacity, a frequent absentee), possibly more than once.
	 */
	forEachPerson(
		grid: UnitMonthGrid,
		person: (keyId: number) => void,
		visit: (keyId: number, unit: number, month: number) => void
	): void {
		const { key, unit, start, end, type } = this.spells.columns;
		const length = this.spells.length;
		const { order } = this;
		const lastDay = grid.lastDay;
		for (let k = 0; k < length;) {
			const keyId = key[order[k]!]!;
			person(keyId);
			let i = k;
			for (; i < length && key[order[i]!] === keyId; i++) {
				const s = order[i]!;
				if (type[s] === OTHER_ABSENCE) continue;
				const first = start[s]!;
				const last = end[s]! > lastDay ? lastDay : end[s]!;
				if (first > last) continue;
				// Every figure of a spell falls in a month from its start to its last day.
				const m1 = grid.endMonth(last);
				for (let m = grid.startMonth(first); m <= m1; m++) visit(keyId, unit[s]!, m);
			}
			this.frequentCells(k, i, grid, (u, m) => visit(keyId, u, m));
			k = i;
		}
	}

	/**
	 * The unit-months in which the employee whose spells are order[begin..end) counts as a
	 * frequent absentee: 3 or more sickness spells started in the 12 months up to the month end,
	 * in the unit of the latest of them.
	 */
	private frequentCells(
		begin: number,
		end: number,
		grid: UnitMonthGrid,
		visit: (unit: number, month: number) => void
	): void {
		const { unit, start, type } = this.spells.columns;
		const { order, sickness } = this;
		sickness.clear();
		for (let i = begin; i < end; i++) {
			const s = order[i]!;
			if (type[s] !== SICKNESS || start[s]! > grid.lastDay) continue;
			const n = sickness.append();
			sickness.columns.month[n] = grid.monthAt(start[s]!);
			sickness.columns.unit[n] = unit[s]!;
		}
		const n = sickness.length;
		if (n < 3) return;
		const { month: months, unit: units } = sickness.columns;
		let lo = 0;
		let hi = -1;
		const mFirst = Math.max(months[2]!, 0);
		const mLast = Math.min(months[n - 1]! + 11, grid.months - 1);
		for (let month = mFirst; month <= mLast; month++) {
			while (hi + 1 < n && months[hi + 1]! <= month) hi++;
			while (months[lo]! < month - 11) lo++;
			if (hi - lo + 1 >= 3) visit(units[hi]!, month);
		}
	}
}
