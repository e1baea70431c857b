import type { FigureId } from './formats';

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

/**
 * A unit-month without figures. Written out as one literal (the type demands every figure), so
 * that the tens of thousands an import makes share one shape instead of growing property by
 * property.
 */
export function emptyFigures(unitId: string, month: string): UnitMonthFigures {
	return {
		unitId,
		month,
		headcount: null,
		fte: null,
		plannedDays: null,
		sickDaysShort: null,
		sickDaysMedium: null,
		sickDaysLong: null,
		spells: null,
		frequentAbsentees: null,
		leaversVoluntary: null,
		leaversInvoluntary: null,
		newIncapacity4w: null,
		ongoingIncapacity1y: null,
		workAccidents: null,
		jobAdaptationRequests: null,
		psychosocialRequests: null,
		spellsEnded: null,
		spellsEndedDays: null,
		people: null
	};
}
