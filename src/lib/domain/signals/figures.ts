import { FIGURES, type FigureId } from './formats';

/**
 * The figures of one unit in one calendar month, as an upload supplies them and the database
 * stores them. `null` means "not supplied by this upload": an upload replaces, per unit and month,
 * only the figures it supplies and leaves the others as they were (a spells file brings sick days
 * but no headcount; a monthly file without a leavers column leaves the leavers alone).
 *
 * Units: days are workdays (Mon–Fri) and may be fractional (FTE-weighted or half days); headcount
 * and the counts are people or events; `fte` is full-time equivalents at month end.
 */
export type UnitMonthFigures = { unitId: string; month: string } & Record<FigureId, number | null>;

export function emptyFigures(unitId: string, month: string): UnitMonthFigures {
	const figures = { unitId, month } as UnitMonthFigures;
	for (const id of FIGURES) figures[id] = null;
	return figures;
}
