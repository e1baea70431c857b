import { formatMonth, monthOfDay } from './calendar';
import { emptyFigures, type UnitMonthFigures } from './figures';
import { FIGURES, type ColumnId, type FigureId, type SignalsFormat } from './formats';
import { isoMonth } from './parse';
import type { SignalProblem, UnknownUnit } from './problems';
import { F, FIG, UnitMonthGrid, UploadRows, columnIndex, round4, type FileRows } from './aggregate-shared';
import { MonthlyFile } from './aggregate-monthly';
import { SPELL_FIGURES, SpellsFile } from './aggregate-spells';
import { StaffFile } from './aggregate-staff';

export { MAX_KEY_LENGTH, MIN_HIRE_DAY, looksLikeNationalNumber } from './aggregate-shared';
export { MIN_MONTH } from './aggregate-monthly';
export { MIN_DAY, splitSpellDays } from './aggregate-spells';
export { MAX_FTE } from './aggregate-staff';

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
 *
 * Each format reads its own rows: aggregate-spells.ts, aggregate-staff.ts, aggregate-monthly.ts.
 * What their rows share (problems, unit codes, employee keys, dates) and the unit-month grid are
 * in aggregate-shared.ts; the rows are kept in column stores (columns.ts).
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

export class SignalsAccumulator {
	private readonly upload: UploadRows;
	private readonly period: { from: number; to: number } | null;
	private readonly formats: SignalsFormat[] = [];
	/** The file whose rows add() takes; null before begin() and after finish(). */
	private file: FileRows | null = null;
	private ignoring = false;
	private spells: SpellsFile | null = null;
	private staff: StaffFile | null = null;
	private monthly: MonthlyFile | null = null;

	constructor(options: SignalsImportOptions) {
		this.upload = new UploadRows(options);
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
		this.upload.format = format;
		this.ignoring = clash;
		if (clash) {
			this.upload.problems.add(format, 0, null, '', 'signals.problem.filesCombination');
			return;
		}
		this.formats.push(format);
		const cols = columnIndex(file.columns);
		if (format === 'spells') this.file = this.spells = new SpellsFile(this.upload, cols);
		else if (format === 'staffing') this.file = this.staff = new StaffFile(this.upload, cols);
		else this.file = this.monthly = new MonthlyFile(this.upload, cols);
	}

	/** One data record of the current file; `line` is its line in the file (header = 1). */
	add(line: number, cells: readonly string[]): void {
		if (this.ignoring) return;
		if (!this.file) throw new Error('add() before begin()');
		this.file.add(line, cells);
	}

	/**
	 * A record of the current file that the reader could not split into cells (and reported): the
	 * file is then not complete, which the checks across files must allow for.
	 */
	unreadable(): void {
		if (!this.ignoring && this.file === this.staff) this.staff?.unreadable();
	}

	/** Checks what needs all rows, then returns the problems or the figures per unit and month. */
	finish(): SignalsImportResult {
		const { upload, spells, staff, monthly } = this;
		upload.format = null;
		this.file = null;
		spells?.check();
		// A staffing row whose employee is unknown may be any missing key's: not reported twice.
		if (spells && staff && !staff.someRowUnknown) spells.checkKeysIn((key) => staff.hasKey(key));
		if (upload.identifyingKeys)
			upload.problems.add(null, 0, 'employeeKey', '', 'signals.problem.identifyingKeys');
		if (staff && !spells && !this.period)
			upload.problems.add('staffing', 0, null, '', 'signals.problem.periodRequired');

		const formats = [...this.formats];
		if (upload.problems.total > 0 || upload.unknownUnits.rows > 0) {
			return {
				ok: false,
				formats,
				rows: upload.rows,
				problems: upload.problems.sorted(),
				problemCount: upload.problems.total,
				unknownUnits: upload.unknownUnits.list.filter((u) => u.rows > 0),
				unknownUnitRows: upload.unknownUnits.rows
			};
		}
		if (monthly) {
			const figures = monthly.figures(upload.unitIds);
			return { ok: true, formats, rows: upload.rows, period: null, supplied: monthly.supplied, figures };
		}
		return this.aggregate(formats);
	}

	private aggregate(formats: SignalsFormat[]): SignalsImportResult {
		const { upload, spells, staff } = this;
		let from: number;
		let to: number;
		if (this.period) ({ from, to } = this.period);
		else if (spells && spells.length > 0) {
			from = monthOfDay(spells.firstDataDay);
			to = monthOfDay(spells.lastDataDay);
		} else {
			from = 0;
			to = -1;
		}

		const supplied: FigureId[] = [];
		if (staff) supplied.push(...staff.supplied);
		if (spells) supplied.push(...SPELL_FIGURES);
		supplied.push('people');
		const suppliedOrdered = FIGURES.filter((id) => supplied.includes(id));

		const units = upload.unitIds.length;
		const grid = new UnitMonthGrid(units, from, to, upload.today, upload.maxStaffingDay);
		const { months, values } = grid;
		if (months > 0) {
			spells?.addFigures(grid, staff ? staff.fteByKey(upload.keyCount) : null);
			staff?.addFigures(grid);
			this.countPeople(grid);
		}

		const figures: UnitMonthFigures[] = [];
		const monthLabels = Array.from({ length: months }, (_, m) => formatMonth(from + m));
		for (let u = 0; u < units; u++) {
			for (let m = 0; m < months; m++) {
				const record = emptyFigures(upload.unitIds[u]!, monthLabels[m]!);
				const base = grid.cell(u, m, 0);
				for (const id of suppliedOrdered) record[id] = round4(values[base + FIG[id]]!);
				figures.push(record);
			}
		}
		return {
			ok: true,
			formats,
			rows: upload.rows,
			period: months > 0 ? { from: formatMonth(from), to: formatMonth(grid.to) } : null,
			supplied: suppliedOrdered,
			figures
		};
	}

	/**
	 * `people` per unit-month: the distinct employees on the unit's staff on any day of the month
	 * or in any of its figures (a spell's days, its start or end, an incapacity, a frequent absentee,
	 * a leaver). An employee in two units in a month counts in both. Each employee's cells are
	 * marked together, so one stamp per cell tells whether they were counted there already.
	 */
	private countPeople(grid: UnitMonthGrid): void {
		const { spells, staff } = this;
		const { months, values } = grid;
		const stamp = new Int32Array(grid.units * months).fill(-1);
		const mark = (keyId: number, u: number, m: number) => {
			const c = u * months + m;
			if (stamp[c] === keyId) return;
			stamp[c] = keyId;
			values[c * F + FIG.people]!++;
		};
		const counted = new Uint8Array(this.upload.keyCount);
		spells?.forEachPerson(
			grid,
			(keyId) => {
				counted[keyId] = 1;
				staff?.forEachMonth(keyId, grid, mark);
			},
			mark
		);
		if (staff)
			for (let keyId = 0; keyId < counted.length; keyId++)
				if (!counted[keyId]) staff.forEachMonth(keyId, grid, mark);
	}
}
