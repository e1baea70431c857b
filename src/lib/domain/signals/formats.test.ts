import { describe, expect, it } from 'vitest';
import { STAFFING } from '../../../../tests/helpers/signals-import';
import { LANGUAGES } from '../organisation-settings';
import { normaliseHeader } from '../units';
import { SignalsAccumulator } from './aggregate';
import {
	ABSENCE_TYPES,
	COLUMNS,
	FIGURES,
	LEAVE_REASONS,
	REASON_WORDS,
	SIGNALS_FORMATS,
	TYPE_WORDS,
	columnSpec,
	detectSignalsFormat,
	signalsTemplate
} from './formats';

describe('detectSignalsFormat', () => {
	it.each([
		[
			'spells in Dutch',
			['Medewerkerssleutel', 'Eenheidscode', 'Begindatum', 'Einddatum', 'Soort afwezigheid'],
			'spells',
			['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType']
		],
		[
			'spells in French, shouting, in another order',
			['TYPE', 'DATE DE FIN', 'CLÉ', 'Date de début', 'Unité'],
			'spells',
			['absenceType', 'endDate', 'employeeKey', 'startDate', 'unitCode']
		],
		[
			'spells in English with a trailing empty header',
			['Employee key', 'Unit code', 'Start date', 'End date', 'Type', ''],
			'spells',
			['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType', null]
		],
		[
			'staffing in Dutch',
			['Sleutel', 'Eenheid', 'VTE', 'Datum in dienst', 'Datum uit dienst', 'Reden van vertrek'],
			'staffing',
			['employeeKey', 'unitCode', 'fte', 'startDate', 'leaveDate', 'leaveReason']
		],
		[
			'staffing in French without leavers',
			['Clé travailleur', 'Code unité', 'ETP', "Date d'entrée"],
			'staffing',
			['employeeKey', 'unitCode', 'fte', 'startDate']
		],
		[
			'staffing in English, where "End date" is the leave date',
			['Key', 'Unit', 'FTE', 'Start date', 'End date', 'Reason'],
			'staffing',
			['employeeKey', 'unitCode', 'fte', 'startDate', 'leaveDate', 'leaveReason']
		],
		['monthly with two columns', ['Eenheidscode', 'Maand'], 'monthly', ['unitCode', 'month']],
		[
			'monthly in French with accents and punctuation',
			['Code_unité', 'MOIS', 'Effectif', 'Jours de maladie < 1 mois', 'Départs volontaires'],
			'monthly',
			['unitCode', 'month', 'headcount', 'sickDaysShort', 'leaversVoluntary']
		]
	])('recognises %s', (_name, header, format, columns) => {
		expect(detectSignalsFormat(header)).toEqual({ ok: true, format, columns });
	});

	it.each([
		[
			'nothing known',
			['Naam', 'Adres'],
			null,
			[{ line: 1, column: null, value: '', key: 'signals.format.unknown' }]
		],
		['an empty header', [], null, [{ line: 1, column: null, value: '', key: 'signals.format.unknown' }]],
		[
			'a header that fits spells and staffing equally',
			['Key', 'Unit', 'Start date', 'End date', 'Type', 'FTE'],
			null,
			[{ line: 1, column: null, value: '', key: 'signals.format.ambiguous' }]
		],
		[
			'an unknown column (a name, say)',
			['Eenheidscode', 'Maand', 'Naam'],
			'monthly',
			[{ line: 1, column: null, value: 'Naam', key: 'signals.format.unknownColumn' }]
		],
		[
			'a column twice',
			['Eenheidscode', 'Maand', 'VTE', 'FTE'],
			'monthly',
			[
				{
					line: 1,
					column: 'fte',
					value: 'FTE',
					key: 'signals.format.duplicateColumn',
					params: { header: 'VTE' }
				}
			]
		],
		[
			'a missing required column',
			['Medewerkerssleutel', 'Eenheidscode', 'Begindatum', 'Soort afwezigheid'],
			'spells',
			[{ line: 1, column: 'endDate', value: '', key: 'signals.format.missingColumn' }]
		],
		[
			'a spells header without key and type',
			['Eenheid', 'Begindatum', 'Einddatum'],
			'spells',
			[
				{ line: 1, column: 'employeeKey', value: '', key: 'signals.format.missingColumn' },
				{ line: 1, column: 'absenceType', value: '', key: 'signals.format.missingColumn' }
			]
		]
	])('refuses %s', (_name, header, format, problems) => {
		expect(detectSignalsFormat(header)).toEqual({ ok: false, format, problems });
	});

	it('considers only the formats asked for', () => {
		const header = ['Sleutel', 'Eenheid', 'VTE', 'Datum in dienst'];
		expect(detectSignalsFormat(header, ['spells'])).toMatchObject({ ok: false, format: 'spells' });
		expect(detectSignalsFormat(header, ['spells', 'staffing'])).toMatchObject({
			ok: true,
			format: 'staffing'
		});
	});
});

describe('column definitions', () => {
	it.each(SIGNALS_FORMATS.map((f) => [f]))('%s has each header once per column', (format) => {
		const owners = new Map<string, string>();
		for (const column of COLUMNS[format]) {
			for (const header of Object.values(column.headers).flat()) {
				const n = normaliseHeader(header);
				expect([header, owners.get(n) ?? column.id]).toEqual([header, column.id]);
				owners.set(n, column.id);
			}
		}
	});
	it('gives every figure but people a monthly column', () => {
		// All but people, which is worked out from the row.
		expect(COLUMNS.monthly.map((c) => c.id)).toEqual([
			'unitCode',
			'month',
			...FIGURES.filter((id) => id !== 'people')
		]);
	});
	it('gives every column a header in each language', () => {
		for (const format of SIGNALS_FORMATS)
			for (const column of COLUMNS[format])
				for (const language of LANGUAGES) expect(column.headers[language].length).toBeGreaterThan(0);
	});
	it('finds a column by format and id', () => {
		expect(columnSpec('staffing', 'fte')).toMatchObject({ required: true, max: 1.5 });
		expect(columnSpec('monthly', 'fte')).toMatchObject({ required: false });
		expect(columnSpec('spells', 'fte')).toBeUndefined();
	});
});

describe('words', () => {
	it.each([
		['Ziekte', 'sickness'],
		['MALADIE', 'sickness'],
		['sickness', 'sickness'],
		['Ongeval privéleven', 'sickness'],
		['Arbeidsongeval', 'work-accident'],
		['Accident du travail', 'work-accident'],
		['accident de travail', 'work-accident'],
		['Work accident', 'work-accident'],
		['Ander', 'other'],
		['Autre', 'other'],
		['Maternité', 'other']
	])('type %j is %s', (word, type) => expect(ABSENCE_TYPES.get(normaliseHeader(word))).toBe(type));
	it.each([
		['Vrijwillig', 'voluntary'],
		['Démission', 'voluntary'],
		['Resignation', 'voluntary'],
		['Ontslag door werkgever', 'involuntary'],
		['Licenciement', 'involuntary'],
		['Dismissal', 'involuntary'],
		['Pensioen', 'other'],
		['Fin de contrat', 'other']
	])('reason %j is %s', (word, reason) => expect(LEAVE_REASONS.get(normaliseHeader(word))).toBe(reason));
	it('understands the words the templates show', () => {
		for (const language of LANGUAGES) {
			for (const [type, word] of Object.entries(TYPE_WORDS[language]))
				expect(ABSENCE_TYPES.get(normaliseHeader(word))).toBe(type);
			for (const [reason, word] of Object.entries(REASON_WORDS[language]))
				expect(LEAVE_REASONS.get(normaliseHeader(word))).toBe(reason);
		}
	});
});

describe('signalsTemplate', () => {
	const knownUnitCodes = new Map([
		['ZORG-A', 'unit-a'],
		['ZORG-B', 'unit-b']
	]);
	const cases = SIGNALS_FORMATS.flatMap((format) => LANGUAGES.map((language) => [format, language] as const));
	it.each(cases)('%s in %s is recognised and its example rows import', (format, language) => {
		const { header, rows } = signalsTemplate(format, language);
		const match = detectSignalsFormat(header);
		expect(match).toEqual({ ok: true, format, columns: COLUMNS[format].map((c) => c.id) });
		for (const row of rows) expect(row).toHaveLength(header.length);
		const accumulator = new SignalsAccumulator({
			knownUnitCodes,
			today: '2025-07-15',
			period: { from: '2025-01', to: '2025-06' }
		});
		if (match.ok) accumulator.begin(match);
		rows.forEach((row, i) => accumulator.add(i + 2, row));
		expect(accumulator.finish()).toMatchObject({ ok: true, rows: rows.length });
	});
	it('writes Belgian numbers and dates', () => {
		expect(signalsTemplate('staffing', 'nl')).toEqual({
			header: STAFFING,
			rows: [
				['a81f2c', 'ZORG-A', '0,8', '01/09/2019', '', ''],
				['c07e9d', 'ZORG-B', '1', '15/03/2021', '30/06/2025', 'vrijwillig']
			]
		});
	});
});
