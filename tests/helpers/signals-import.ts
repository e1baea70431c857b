import {
	SignalsAccumulator,
	type SignalsImportOptions,
	type SignalsImportResult
} from '../../src/lib/domain/signals/aggregate';
import type { UnitMonthFigures } from '../../src/lib/domain/signals/figures';
import { detectSignalsFormat, type FigureId } from '../../src/lib/domain/signals/formats';

/**
 * Feeding files to a SignalsAccumulator as the server does, and reading its result back as
 * tables and problem lists: the unit tests of the signals import (src/lib/domain/signals).
 */

export const knownUnitCodes = new Map([
	['U', 'unit-u'],
	[' v ', 'unit-v']
]);
export const SPELLS = ['Medewerkerssleutel', 'Eenheidscode', 'Begindatum', 'Einddatum', 'Soort afwezigheid'];
/** The staffing header as a Belgian HR export writes it (Dutch). */
export const STAFFING = [
	'Medewerkerssleutel',
	'Eenheidscode',
	'VTE',
	'Datum in dienst',
	'Datum uit dienst',
	'Reden van vertrek'
];
/** What a spells file supplies, written out here as the expectation (not imported from the code under test). */
// prettier-ignore
export const SPELL_FIGURES: FigureId[] = [
	'sickDaysShort', 'sickDaysMedium', 'sickDaysLong', 'spells', 'frequentAbsentees',
	'newIncapacity4w', 'ongoingIncapacity1y', 'workAccidents', 'spellsEnded', 'spellsEndedDays'
];

export type File = { header: string[]; rows: string[][] };

/** Feeds files as the server would, lines counted from the header (line 1) of each file. */
export function importFiles(files: File[], options: Partial<SignalsImportOptions> = {}): SignalsImportResult {
	const accumulator = new SignalsAccumulator({ knownUnitCodes, today: '2025-06-15', ...options });
	for (const file of files) {
		const match = detectSignalsFormat(file.header);
		if (!match.ok) throw new Error(JSON.stringify(match.problems));
		accumulator.begin(match);
		file.rows.forEach((row, i) => accumulator.add(i + 2, row));
	}
	return accumulator.finish();
}
export const spells = (...rows: string[][]): File => ({ header: SPELLS, rows });
export const staffing = (...rows: string[][]): File => ({ header: STAFFING, rows });

export function figuresOf(result: SignalsImportResult): UnitMonthFigures[] {
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.figures;
}

/** Per month, the figures asked for of one unit; zero figures are left out to keep tables short. */
export function table(result: SignalsImportResult, unitId: string, ids: FigureId[] = SPELL_FIGURES) {
	const rows: Record<string, Partial<Record<FigureId, number | null>>> = {};
	for (const record of figuresOf(result).filter((r) => r.unitId === unitId)) {
		const row: Partial<Record<FigureId, number | null>> = {};
		for (const id of ids) if (record[id] !== 0) row[id] = record[id];
		rows[record.month] = row;
	}
	return rows;
}

export function problemsOf(result: SignalsImportResult) {
	if (result.ok) throw new Error('expected problems');
	return result.problems.map(({ line, column, value, key, params, rows, lines }) => ({
		line,
		column,
		value,
		key,
		...(params && { params }),
		...(rows && { rows, lines })
	}));
}
