import type { MessageKey } from '../../i18n';
import type { ColumnId, SignalsFormat } from './formats';

/**
 * A refused cell, row or file. `line` counts the header as line 1 (0 = the upload as a whole);
 * `column` is a column id, which the UI shows as the header name; `value` is the raw cell, cut to
 * VALUE_MAX characters. Cells of the employee key column never appear in `value`: the
 * pseudonymous key is not shown anywhere, not even back to the person who uploaded it.
 *
 * The same problem on many rows is one entry: `rows` counts them (absent for one), `lines` holds
 * the first few (`line` is the first) and `value` is the first row's cell.
 */
export interface SignalProblem {
	format: SignalsFormat | null;
	line: number;
	column: ColumnId | null;
	value: string;
	key: MessageKey;
	params?: Record<string, string | number>;
	rows?: number;
	lines?: number[];
}

export const VALUE_MAX = 60;
export const DEFAULT_MAX_PROBLEMS = 200;
/** Lines listed for a problem found on several rows. */
export const GROUP_LINES_MAX = 5;

export function truncateValue(value: string): string {
	return value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

/**
 * What makes two problems the same: their file, column, message and its parameters, except the
 * line, which the message of a reader's problem ("Line {line} …") names. The cell's value is not
 * part of it: a thousand unreadable dates are one problem, shown with the first of them.
 */
export function problemGroup(problem: SignalProblem & { file?: string }): string {
	let group = `${problem.key}\u0000${problem.column}\u0000${problem.format}\u0000${problem.file ?? ''}`;
	// Each call site builds its parameters in one order: no need to sort them.
	if (problem.params)
		for (const name in problem.params) if (name !== 'line') group += `\u0000${name}=${problem.params[name]}`;
	return group;
}

interface Group<P> {
	entry: P;
	/** The line the problem was last met on. */
	lastLine: number;
}

/** Groups looked at before naming one: a row rarely has more than a few bad columns. */
const RECENT_MAX = 4;

/** Whether two problems' parameters are the same, the line aside (see problemGroup). */
function sameParams(a: SignalProblem['params'], b: SignalProblem['params']): boolean {
	if (a === b) return true;
	if (!a || !b) return false;
	let count = 0;
	for (const name in a) {
		if (name === 'line') continue;
		if (a[name] !== b[name]) return false;
		count++;
	}
	for (const name in b) if (name !== 'line') count--;
	return count === 0;
}

/**
 * Keeps the first `max` distinct problems and counts all of them, so a broken million-row file
 * stays cheap: a problem like one kept already adds its row to that entry instead of a new one.
 * A problem that is new once the list is full is only counted.
 */
export class ProblemList<P extends SignalProblem = SignalProblem> {
	readonly kept: P[] = [];
	/** Each kept entry by its group, with the line it was last met on. */
	private readonly groups = new Map<string, Group<P>>();
	/**
	 * The groups met last, newest first: a flood of one problem (a column of unreadable dates)
	 * finds its entry here without naming its group, which keeps a broken million-row file cheap.
	 */
	private readonly recent: Group<P>[] = [];
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
		for (let i = 0; i < this.recent.length; i++) {
			const group = this.recent[i]!;
			const entry = group.entry;
			if (
				entry.key === key &&
				entry.column === column &&
				entry.format === format &&
				(entry as { file?: string }).file === undefined &&
				sameParams(entry.params, params) &&
				group.lastLine !== line
			) {
				this.total++;
				this.merge(group, line, value);
				return;
			}
		}
		const problem: SignalProblem = { format, line, column, value, key };
		if (params) problem.params = params;
		this.push(problem as P);
	}

	/** Adds a problem built by the caller (with `file`, say); its value is cut, a key cell emptied. */
	push(problem: P): void {
		this.total++;
		const name = problemGroup(problem);
		const found = this.groups.get(name);
		// Two cells of one line (two unknown header cells, say) are two problems, not one on two rows.
		if (found && found.lastLine !== problem.line) {
			this.merge(found, problem.line, problem.value);
			this.remember(found);
			return;
		}
		if (this.kept.length >= this.max) return;
		const entry = { ...problem, value: this.valueOf(problem) };
		const group = { entry, lastLine: problem.line };
		// A second cell of a line with the same problem is listed on its own, but not looked up.
		if (!found) {
			this.groups.set(name, group);
			this.remember(group);
		}
		this.kept.push(entry);
	}

	/** One more row with the problem of `group`. */
	private merge(group: Group<P>, line: number, value: string): void {
		group.lastLine = line;
		const same = group.entry;
		same.rows = (same.rows ?? 1) + 1;
		const lines = (same.lines ??= [same.line]);
		// Problems found after reading (overlaps) can come out of line order: keep the first lines.
		const full = lines.length >= GROUP_LINES_MAX;
		if (!(full && line > lines[lines.length - 1]!) && !lines.includes(line)) {
			lines.push(line);
			lines.sort((x, y) => x - y);
			if (full) lines.length = GROUP_LINES_MAX;
		}
		if (line < same.line) {
			same.line = line;
			same.value = same.column === 'employeeKey' ? '' : truncateValue(value);
		}
	}

	private remember(group: Group<P>): void {
		const at = this.recent.indexOf(group);
		if (at === 0) return;
		if (at > 0) this.recent.splice(at, 1);
		else if (this.recent.length >= RECENT_MAX) this.recent.pop();
		this.recent.unshift(group);
	}

	private valueOf(problem: SignalProblem): string {
		return problem.column === 'employeeKey' ? '' : truncateValue(problem.value);
	}

	/** The kept problems in file order (problems found after reading, like overlaps, come last otherwise). */
	sorted(): P[] {
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
