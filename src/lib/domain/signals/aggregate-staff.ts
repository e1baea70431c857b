import { workdays } from './calendar';
import { LEAVE_REASONS, type FigureId } from './formats';
import { EMPTY, failureKey, isFailure, isFormulaText, parseNumber } from './parse';
import { BLANK, CellCodes, FIG, MIN_HIRE_DAY, OPEN, PeriodRows, cellAt } from './aggregate-shared';
import type { ColumnIndex, FileRows, UnitMonthGrid, UploadRows } from './aggregate-shared';
import { column } from './columns';
import { normaliseHeader } from '../units';

/**
 * The staffing file: one row per employee, with their unit, FTE, hire date and, for those who
 * left, leave date and reason. It gives the headcount, FTE, planned days and leavers of its units'
 * months, and the FTE that weighs each employee's sick days in a spells file of the same upload.
 */

export const MAX_FTE = 1.5;

/** rowOfKey of an employee whose staffing row on `line` was refused: below -1, and keeps the line. */
const unread = (line: number) => -line - 2;

const NO_REASON = 0;
const VOLUNTARY = 1;
const INVOLUNTARY = 2;
const OTHER_REASON = 3;
const REASON_CODES = { voluntary: VOLUNTARY, involuntary: INVOLUNTARY, other: OTHER_REASON } as const;

/** What leaveReason returns for a cell that starts like a formula. */
const FORMULA_REASON = -2;

/** The code of a leave reason cell: NO_REASON when empty, -1 for an unknown word, FORMULA_REASON for a formula. */
function leaveReason(raw: string): number {
	if (isFormulaText(raw)) return FORMULA_REASON;
	const trimmed = raw.trim();
	const word = LEAVE_REASONS.get(normaliseHeader(trimmed));
	return trimmed === '' ? NO_REASON : word === undefined ? -1 : REASON_CODES[word];
}

export class StaffFile implements FileRows {
	private readonly staff = new PeriodRows({ fte: column(Float64Array), reason: column(Uint8Array) });
	private readonly reasons = new CellCodes(leaveReason);
	/** Staffing row of each key id, -1 when the key has none, unread(line) when its row was refused. */
	private rowOfKey = new Int32Array(1024).fill(-1);
	/**
	 * Whether some row's employee is unknown: its key was refused, it repeated another row's key, or
	 * the row could not be read at all. Any key of the spells might be that row's, so a key missing
	 * from the staffing is then not reported: it would most likely follow from the problem already
	 * reported on that row.
	 */
	someRowUnknown = false;
	private readonly hasLeave: boolean;
	private readonly hasReason: boolean;

	constructor(
		private readonly upload: UploadRows,
		private readonly cols: ColumnIndex
	) {
		this.hasLeave = cols.leaveDate >= 0;
		this.hasReason = cols.leaveReason >= 0;
	}

	/** Leavers are counted only when the file has both leave dates and reasons. */
	private get countsLeavers(): boolean {
		return this.hasLeave && this.hasReason;
	}

	/** The figures this file supplies (`people` aside). */
	get supplied(): FigureId[] {
		const supplied: FigureId[] = ['headcount', 'fte', 'plannedDays'];
		if (this.countsLeavers) supplied.push('leaversVoluntary', 'leaversInvoluntary');
		return supplied;
	}

	add(line: number, cells: readonly string[]): void {
		const { cols, upload } = this;
		const key = upload.employeeRow(cells, line, cols.employeeKey);
		if (key === BLANK) return;
		const unit = upload.unitOf(cellAt(cells, cols.unitCode), line);

		const rawFte = cellAt(cells, cols.fte);
		let fte = parseNumber(rawFte, false);
		if (isFailure(fte)) upload.problem(line, 'fte', rawFte, failureKey(fte));
		else if (fte <= 0 || fte > MAX_FTE) {
			upload.problem(line, 'fte', rawFte, 'signals.problem.fteRange', { max: MAX_FTE });
			fte = EMPTY;
		}

		const { start, end: leave } = upload.dates(
			cells,
			line,
			cols,
			'leaveDate',
			MIN_HIRE_DAY,
			upload.maxStaffingDay,
			'signals.problem.leaveBeforeStart'
		);

		const rawLeave = cellAt(cells, cols.leaveDate);
		const rawReason = cellAt(cells, cols.leaveReason);
		const reason = this.reasons.get(rawReason);
		if (reason === FORMULA_REASON) upload.problem(line, 'leaveReason', rawReason, 'signals.problem.formula');
		else if (reason < 0) upload.problem(line, 'leaveReason', rawReason, 'signals.problem.unknownReason');
		// A leave date that could not be read has its own problem: the reason it needs is asked once it can.
		else if (reason === NO_REASON && !isFailure(leave) && leave !== OPEN && this.hasReason)
			upload.problem(line, 'leaveReason', rawReason, 'signals.problem.reasonRequired');
		else if (reason !== NO_REASON && rawLeave.trim() === '')
			upload.problem(line, 'leaveReason', rawReason, 'signals.problem.reasonWithoutLeave');

		if (key < 0) {
			this.someRowUnknown = true;
			return;
		}
		if (key >= this.rowOfKey.length) {
			const bigger = new Int32Array(Math.max(key + 1, this.rowOfKey.length * 2)).fill(-1);
			bigger.set(this.rowOfKey);
			this.rowOfKey = bigger;
		}
		const previous = this.rowOfKey[key]!;
		if (previous !== -1) {
			upload.problem(line, 'employeeKey', '', 'signals.problem.duplicateKey', {
				firstLine: previous >= 0 ? this.staff.columns.line[previous]! : -previous - 2
			});
			this.someRowUnknown = true;
			return;
		}
		if (isFailure(fte) || isFailure(start) || isFailure(leave)) {
			// The employee is on the staff; only their row is wrong, and that was reported.
			this.rowOfKey[key] = unread(line);
			return;
		}
		const i = this.staff.appendPeriod(unit, start, leave, line);
		this.staff.columns.fte[i] = fte;
		this.staff.columns.reason[i] = reason < 0 ? NO_REASON : reason;
		this.rowOfKey[key] = i;
	}

	/** Whether the key has a staffing row, read or refused. */
	hasKey(key: number): boolean {
		return key < this.rowOfKey.length && this.rowOfKey[key] !== -1;
	}

	/** A row the reader could not split into cells (reported by the reader). */
	unreadable(): void {
		this.someRowUnknown = true;
	}

	/** Key id → FTE, for the `keyCount` keys of the upload; NaN for a key without a staffing row. */
	fteByKey(keyCount: number): Float64Array {
		const fte = new Float64Array(keyCount).fill(NaN);
		for (let k = 0; k < keyCount && k < this.rowOfKey.length; k++) {
			const r = this.rowOfKey[k]!;
			if (r >= 0) fte[k] = this.staff.columns.fte[r]!;
		}
		return fte;
	}

	/** Adds headcount, FTE, planned days and (with leave dates and reasons) leavers to the grid. */
	addFigures(grid: UnitMonthGrid): void {
		const { unit, fte, start, end: leave, reason } = this.staff.columns;
		const { values, months, firstDay, endDay, lastDay } = grid;
		const countLeavers = this.countsLeavers;
		for (let r = 0; r < this.staff.length; r++) {
			const u = unit[r]!;
			const hired = start[r]!;
			const left = leave[r]!;
			const weight = fte[r]!;
			if (hired > lastDay) continue;
			const m1 = grid.endMonth(Math.min(left, lastDay));
			for (let m = grid.startMonth(hired); m <= m1; m++) {
				const monthEnd = endDay[m]!;
				values[grid.cell(u, m, FIG.plannedDays)]! +=
					weight * workdays(Math.max(hired, firstDay[m]!), Math.min(left, monthEnd));
				// At month end means still employed after its last day: whoever leaves that day is gone.
				if (left > monthEnd) {
					values[grid.cell(u, m, FIG.headcount)]!++;
					values[grid.cell(u, m, FIG.fte)]! += weight;
				}
			}
			if (countLeavers && left <= lastDay) {
				const m = grid.monthAt(left);
				const why = reason[r]!;
				if (m >= 0 && m < months) {
					if (why === VOLUNTARY) values[grid.cell(u, m, FIG.leaversVoluntary)]!++;
					else if (why === INVOLUNTARY) values[grid.cell(u, m, FIG.leaversInvoluntary)]!++;
				}
			}
		}
	}

	/** For `people`: `visit` for every unit-month the employee is on the staff of on some day. */
	forEachMonth(
		keyId: number,
		grid: UnitMonthGrid,
		visit: (keyId: number, unit: number, month: number) => void
	): void {
		const r = keyId < this.rowOfKey.length ? this.rowOfKey[keyId]! : -1;
		if (r < 0) return;
		const { unit, start, end: leave } = this.staff.columns;
		const hired = start[r]!;
		if (hired > grid.lastDay) return;
		const m1 = grid.endMonth(Math.min(leave[r]!, grid.lastDay));
		for (let m = grid.startMonth(hired); m <= m1; m++) visit(keyId, unit[r]!, m);
	}
}
