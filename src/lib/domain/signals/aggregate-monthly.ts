import { formatMonth } from './calendar';
import { emptyFigures, type UnitMonthFigures } from './figures';
import { COLUMNS, FIGURES, type FigureId, type MonthlyFigureId } from './formats';
import { EMPTY, failureKey, isFailure, parseMonth, parseNumber } from './parse';
import { F, FIG, cellAt, isBlankRow, round4 } from './aggregate-shared';
import type { ColumnIndex, FileRows, UploadRows } from './aggregate-shared';
import { ColumnStore, column } from './columns';

/**
 * The monthly file: figures per unit and month, counted by the organisation itself. Its rows are
 * the unit-months: they are checked and kept as they are, not aggregated.
 */

export const MIN_MONTH = 2000 * 12;

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

const MONTHLY_COLUMNS = {
	unit: column(Int32Array),
	month: column(Int32Array),
	/** F values per row; NaN where the row supplies nothing. */
	values: column(Float64Array, F)
};

export class MonthlyFile implements FileRows {
	private readonly monthly = new ColumnStore(MONTHLY_COLUMNS);
	/** Per figure, its column in the file, -1 when it has none. */
	private readonly figureColumns = new Int32Array(F).fill(-1);
	/** unit * 4096 + month → the line of its row. */
	private readonly firstLine = new Map<number, number>();
	private readonly rowValues = new Float64Array(F);

	constructor(
		private readonly upload: UploadRows,
		private readonly cols: ColumnIndex
	) {
		FIGURES.forEach((id, f) => (this.figureColumns[f] = id === 'people' ? -1 : cols[id]));
	}

	/** The figures this file supplies: its columns, and `people` with a headcount. */
	get supplied(): FigureId[] {
		return FIGURES.filter(
			(id, f) => this.figureColumns[f]! >= 0 || (id === 'people' && this.figureColumns[FIG.headcount]! >= 0)
		);
	}

	add(line: number, cells: readonly string[]): void {
		const { cols, upload } = this;
		const rawUnit = cellAt(cells, cols.unitCode);
		const rawMonth = cellAt(cells, cols.month);
		if (rawUnit.trim() === '' && rawMonth.trim() === '' && isBlankRow(cells)) return;
		upload.rows++;
		const unit = upload.unitOf(rawUnit, line);

		let month = parseMonth(rawMonth);
		if (isFailure(month)) upload.problem(line, 'month', rawMonth, failureKey(month));
		else if (month < MIN_MONTH) {
			upload.problem(line, 'month', rawMonth, 'signals.problem.tooEarly', { min: formatMonth(MIN_MONTH) });
			month = EMPTY;
		} else if (month > upload.maxMonth) {
			upload.problem(line, 'month', rawMonth, 'signals.problem.inFuture', {
				max: formatMonth(upload.maxMonth)
			});
			month = EMPTY;
		}

		const values = this.rowValues;
		for (let f = 0; f < F; f++) {
			const index = this.figureColumns[f]!;
			values[f] = NaN;
			if (index < 0) continue;
			const raw = cells[index] ?? '';
			const spec = MONTHLY_SPECS[f]!;
			const value = parseNumber(raw, spec.whole);
			if (value === EMPTY) continue;
			// Only figures with a column get here: people has none.
			const column = FIGURES[f] as MonthlyFigureId;
			if (isFailure(value)) upload.problem(line, column, raw, failureKey(value));
			else if (value > spec.max)
				upload.problem(line, column, raw, 'signals.problem.tooLarge', { max: spec.max });
			else values[f] = value;
		}
		this.checkCombinations(line, cells, values);
		values[FIG.people] = monthlyPeople(values);

		if (unit < 0 || isFailure(month)) return;
		const slot = unit * 4096 + (month - MIN_MONTH);
		const firstLine = this.firstLine.get(slot);
		if (firstLine !== undefined) {
			upload.problem(line, 'month', rawMonth, 'signals.problem.duplicateUnitMonth', { firstLine });
			return;
		}
		this.firstLine.set(slot, line);
		const i = this.monthly.append();
		const row = this.monthly.columns;
		row.unit[i] = unit;
		row.month[i] = month;
		row.values.set(values, i * F);
	}

	/**
	 * Figures that cannot go together. Comparisons with a missing figure (NaN) are false, so each
	 * check runs only when the row has both sides.
	 */
	private checkCombinations(line: number, cells: readonly string[], v: Float64Array): void {
		const upload = this.upload;
		const raw = (id: FigureId) => cells[this.figureColumns[FIG[id]]!] ?? '';
		const headcount = v[FIG.headcount]!;
		const short = v[FIG.sickDaysShort]!;
		const medium = v[FIG.sickDaysMedium]!;
		const long = v[FIG.sickDaysLong]!;
		const anySick = short === short || medium === medium || long === long;
		const sick =
			(short === short ? short : 0) + (medium === medium ? medium : 0) + (long === long ? long : 0);
		const planned = v[FIG.plannedDays]!;
		if (anySick && sick > planned)
			upload.problem(line, 'plannedDays', raw('plannedDays'), 'signals.problem.sickAbovePlanned', {
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
				upload.problem(line, column, raw(column), 'signals.problem.leaversAboveHeadcount', {
					leavers,
					headcount
				});
		}
		if (v[FIG.fte]! > headcount)
			upload.problem(line, 'fte', raw('fte'), 'signals.problem.fteAboveHeadcount', {
				fte: v[FIG.fte]!,
				headcount
			});
		for (const id of ['frequentAbsentees', 'ongoingIncapacity1y'] as const) {
			if (v[FIG[id]]! > headcount)
				upload.problem(line, id, raw(id), 'signals.problem.aboveHeadcount', {
					count: v[FIG[id]]!,
					headcount
				});
		}
		if (v[FIG.spellsEndedDays]! > 0 && v[FIG.spellsEnded] === 0)
			upload.problem(
				line,
				'spellsEndedDays',
				raw('spellsEndedDays'),
				'signals.problem.daysWithoutEndedSpells'
			);
	}

	/** The unit-months of the file, in file order; `unitIds` names the units by index. */
	figures(unitIds: readonly string[]): UnitMonthFigures[] {
		const { unit, month, values } = this.monthly.columns;
		const figures: UnitMonthFigures[] = [];
		for (let i = 0; i < this.monthly.length; i++) {
			const record = emptyFigures(unitIds[unit[i]!]!, formatMonth(month[i]!));
			for (let f = 0; f < F; f++) {
				const value = values[i * F + f]!;
				if (value === value) record[FIGURES[f]!] = value;
			}
			figures.push(record);
		}
		return figures;
	}
}
