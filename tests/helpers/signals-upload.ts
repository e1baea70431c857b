import { COLUMNS, type ColumnId } from '../../src/lib/domain/signals';
import { formatMonth } from '../../src/lib/domain/signals/calendar';
import { isoMonth } from '../../src/lib/domain/signals/parse';
import type { UploadFile } from '../../src/lib/server/signals/service';
import { PEOPLE, type Code } from './analytics';

/**
 * Monthly figure files as the database tests upload them to the signals import: the first English
 * header of each column, `;` between cells, LF line ends, handed over in one piece.
 */

/** The columns of a full monthly file: head count and FTE, planned and sick days, spells, voluntary leavers. */
export const MONTHLY_COLUMNS: readonly ColumnId[] = [
	'unitCode',
	'month',
	'headcount',
	'fte',
	'plannedDays',
	'sickDaysShort',
	'sickDaysMedium',
	'sickDaysLong',
	'spells',
	'leaversVoluntary'
];

/** The bytes of a monthly file with `columns` and one line per row. */
export function monthlyFile(
	rows: ReadonlyArray<ReadonlyArray<string | number>>,
	columns: readonly ColumnId[] = MONTHLY_COLUMNS
): Uint8Array {
	const header = columns.map((id) => COLUMNS.monthly.find((c) => c.id === id)!.headers.en[0]!);
	return new TextEncoder().encode([header, ...rows].map((r) => r.join(';')).join('\n') + '\n');
}

/**
 * A row per unit of PEOPLE that has people and per month of the `count` from `first` on, as
 * `row(code, people, month, m)` gives it (m counts the months from 0).
 */
export function peopleMonths(
	first: string,
	count: number,
	row: (code: Code, people: number, month: string, m: number) => Array<string | number>
): Array<Array<string | number>> {
	return PEOPLE.filter(([, , people]) => people > 0).flatMap(([code, , people]) =>
		Array.from({ length: count }, (_, m) => row(code as Code, people, formatMonth(isoMonth(first) + m), m))
	);
}

/** A file as the upload form hands it over: its name and its bytes in one chunk. */
export function uploadOf(name: string, bytes: Uint8Array): UploadFile {
	return {
		name,
		stream: (async function* () {
			yield bytes;
		})()
	};
}
