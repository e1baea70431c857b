import type { MessageKey } from '../../i18n';
import type { ColumnId, SignalsFormat } from './formats';

/**
 * A refused cell, row or file. `line` counts the header as line 1 (0 = the upload as a whole);
 * `column` is a column id, which the UI shows as the header name; `value` is the raw cell, cut to
 * VALUE_MAX characters. Cells of the employee key column never appear in `value`: the
 * pseudonymous key is not shown anywhere, not even back to the person who uploaded it.
 */
export interface SignalProblem {
	format: SignalsFormat | null;
	line: number;
	column: ColumnId | null;
	value: string;
	key: MessageKey;
	params?: Record<string, string | number>;
}

export const VALUE_MAX = 60;
export const DEFAULT_MAX_PROBLEMS = 200;

export function truncateValue(value: string): string {
	return value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

/** Keeps the first `max` problems and counts all of them, so a broken million-row file stays cheap. */
export class ProblemList {
	readonly kept: SignalProblem[] = [];
	total = 0;

	constructor(readonly max: number = DEFAULT_MAX_PROBLEMS) {}

	add(
		format: SignalsFormat | null,
		line: number,
		column: ColumnId | null,
		value: string,
		key: MessageKey,
		params?: Record<string, string | number>
	): void {
		this.total++;
		if (this.kept.length >= this.max) return;
		const problem: SignalProblem = {
			format,
			line,
			column,
			value: column === 'employeeKey' ? '' : truncateValue(value),
			key
		};
		if (params) problem.params = params;
		this.kept.push(problem);
	}

	/** The kept problems in file order (problems found after reading, like overlaps, come last otherwise). */
	sorted(): SignalProblem[] {
		return [...this.kept].sort((a, b) => a.line - b.line);
	}
}

/** A unit code that is not in the organisation, listed once with how often and where it occurs. */
export interface UnknownUnit {
	/** As first written in the file. */
	code: string;
	rows: number;
	/** The first few lines it occurs on. */
	lines: number[];
}

export const UNKNOWN_UNITS_MAX = 1000;
const UNKNOWN_LINES_MAX = 5;

/**
 * Unknown unit codes, collected rather than reported per row: the UI lists each code once with a
 * way to map it or add the unit. Beyond UNKNOWN_UNITS_MAX distinct codes (a wrong column, most
 * likely) further codes only add to `rows`.
 */
export class UnknownUnits {
	readonly list: UnknownUnit[] = [];
	private readonly slots = new Map<string, number>();
	rows = 0;

	/** The slot of a normalised code, or -1 when the list is full. */
	slot(normalised: string, code: string): number {
		let slot = this.slots.get(normalised);
		if (slot !== undefined) return slot;
		if (this.list.length >= UNKNOWN_UNITS_MAX) return -1;
		slot = this.list.length;
		this.list.push({ code: truncateValue(code), rows: 0, lines: [] });
		this.slots.set(normalised, slot);
		return slot;
	}

	hit(slot: number, line: number): void {
		this.rows++;
		if (slot < 0) return;
		const entry = this.list[slot]!;
		entry.rows++;
		if (entry.lines.length < UNKNOWN_LINES_MAX) entry.lines.push(line);
	}
}
