import type { UnitMonthFigures } from '../../domain/signals/figures';
import type { FigureId } from '../../domain/signals/formats';
import type { UnitSummary } from '../../domain/wave-results';
import type { SignalFigures } from '../db/schema';
import { COLUMN_OF } from '../signals/queries';

/** The whole organisation, as the root above the top units, so that its total is planned too. */
export const ORGANISATION_ROOT = 'organisation';

/** The unit tree under the synthetic organisation root. */
export function treeOf(units: ReadonlyArray<{ id: string; parentId: string | null }>) {
	return [
		{ id: ORGANISATION_ROOT, parentId: null as string | null },
		...units.map((u) => ({ id: u.id, parentId: u.parentId ?? ORGANISATION_ROOT }))
	];
}

/** A stored summary row as the domain's UnitSummary. */
export function toSummary(row: {
	unit_id: string;
	respondents: number;
	scored: number[];
	score_sum: number[];
	score_sum_sq: number[];
	green: number[];
	orange: number[];
	red: number[];
}): UnitSummary {
	return {
		unitId: row.unit_id,
		respondents: row.respondents,
		scored: row.scored,
		scoreSum: row.score_sum,
		scoreSumSq: row.score_sum_sq,
		green: row.green,
		orange: row.orange,
		red: row.red
	};
}

const FIGURE_OF_COLUMN = Object.fromEntries(
	Object.entries(COLUMN_OF).map(([figure, column]) => [column, figure])
) as Record<keyof SignalFigures, FigureId>;
const COLUMNS = Object.keys(FIGURE_OF_COLUMN) as Array<keyof SignalFigures>;

/** Rows of signal_month as the domain's per-unit-month figures. */
export function monthFiguresOf(
	rows: ReadonlyArray<{ unit_id: string; month: string } & SignalFigures>
): UnitMonthFigures[] {
	return rows.map((m) => {
		const figure = { unitId: m.unit_id, month: m.month.slice(0, 7) } as UnitMonthFigures;
		for (const column of COLUMNS) figure[FIGURE_OF_COLUMN[column]] = m[column];
		return figure;
	});
}
