import type { Kysely, Transaction } from 'kysely';
import { formatMonth } from '../../domain/signals/calendar';
import type { FigureId } from '../../domain/signals/formats';
import { isoMonth } from '../../domain/signals/parse';
import type { Database } from '../db/schema';
import { COLUMN_OF, findRecentFiguresText } from '../signals/queries';
import type { FigureColumns } from './rollup';

type Db = Kysely<Database> | Transaction<Database>;

export interface SignalWindow {
	/** The last month with figures (`yyyy-mm`), null without any. */
	lastMonth: string | null;
	/** The months of the window, oldest first (`yyyy-mm`), ending with lastMonth. */
	months: string[];
	/** The figures read, in the order of FigureColumns' values. */
	figureIds: readonly FigureId[];
	columns: FigureColumns;
}

/**
 * The figures in force of the last `months` months up to the organisation's latest month with
 * figures, only those named (findRecentFiguresText), as columns.
 */
export async function readSignalWindow(
	db: Db,
	organisationId: string,
	months: number,
	figureIds: readonly FigureId[]
): Promise<SignalWindow> {
	const row = await findRecentFiguresText(
		db,
		organisationId,
		months,
		figureIds.map((id) => COLUMN_OF[id])
	);
	const lastMonth = row.last ? row.last.slice(0, 7) : null;
	const last = lastMonth === null ? 0 : isoMonth(lastMonth);
	const monthList =
		lastMonth === null ? [] : Array.from({ length: months }, (_, i) => formatMonth(last - months + 1 + i));
	const monthIndex = new Map(monthList.map((m, i) => [`${m}-01`, i]));
	const records = row.data ? row.data.split(';') : [];
	const width = figureIds.length;
	const unitIds = new Array<string>(records.length);
	const month = new Int32Array(records.length);
	const numbers = new Float64Array(records.length * width);
	records.forEach((record, r) => {
		const fields = record.split(',');
		unitIds[r] = fields[0]!;
		const m = monthIndex.get(fields[1]!);
		if (m === undefined) throw new Error(`Month ${fields[1]} is outside the signal window`);
		month[r] = m;
		for (let f = 0; f < width; f++) {
			const text = fields[f + 2]!;
			numbers[r * width + f] = text === '' ? NaN : Number(text);
		}
	});
	return {
		lastMonth,
		months: monthList,
		figureIds,
		columns: { figures: width, months: monthList.length, unitIds, month, values: numbers }
	};
}
