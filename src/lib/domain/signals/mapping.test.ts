import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../units';
import { COLUMNS, SIGNALS_FORMATS, detectSignalsFormat, type ColumnId, type SignalsFormat } from './formats';
import {
	matchHeader,
	matchMapped,
	mappingOf,
	parseColumnMappings,
	suggestColumns,
	suggestMapping
} from './mapping';

/** The payroll export of the issue: absence spells with Belgian payroll names and extra columns. */
const PAYROLL = [
	'Personeelsnummer',
	'Afdeling',
	'Afdelingsnaam',
	'Begin afwezigheid',
	'Einde afwezigheid',
	'Soort',
	'Percentage'
];

describe('suggestColumns', () => {
	it.each<[string, string[], SignalsFormat, (ColumnId | null)[]]>([
		[
			'Belgian payroll names (nl), extra columns ignored',
			PAYROLL,
			'spells',
			['employeeKey', 'unitCode', null, 'startDate', 'endDate', 'absenceType', null]
		],
		[
			'French payroll names, shouting, accents dropped',
			['MATRICULE', 'Departement', "Debut de l'absence", "FIN DE L'ABSENCE", "Motif d'absence"],
			'spells',
			['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType']
		],
		[
			'English names with underscores and spaces',
			['employee_id', ' Cost   Centre ', 'absence-start', 'ABSENCE END', 'absence reason'],
			'spells',
			['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType']
		],
		[
			'a header that contains a known name',
			['Personeelsnummer', 'Afdeling', 'Datum begin afwezigheid', 'Datum einde afwezigheid', 'Soort'],
			'spells',
			['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType']
		],
		[
			'a name column is never suggested as a key or a code',
			['Naam afdeling', 'Naam medewerker'],
			'spells',
			[null, null]
		],
		[
			'never two file columns on one field: the exact name wins',
			['Afdelingscode', 'Afdeling', 'Kostenplaats'],
			'spells',
			['unitCode', null, null]
		],
		[
			'staffing from a payroll export',
			['Stamnummer', 'Dienst', 'VTE', 'Datum indiensttreding', 'Datum uitdiensttreding', 'Reden'],
			'staffing',
			['employeeKey', 'unitCode', 'fte', 'startDate', 'leaveDate', 'leaveReason']
		]
	])('%s', (_name, header, format, expected) => {
		expect(suggestColumns(header, format)).toEqual(expected);
	});

	it('a remembered mapping wins, also when it ignores a column the format knows', () => {
		const remembered = { [normaliseHeader('Code')]: 'absenceType' as const, soort: null };
		expect(suggestColumns(['Code', 'Soort', 'Sleutel'], 'spells', remembered)).toEqual([
			'absenceType',
			null,
			'employeeKey'
		]);
	});

	it('never gives a field to two columns, whatever the header (property)', () => {
		const names = SIGNALS_FORMATS.flatMap((f) => COLUMNS[f].flatMap((c) => Object.values(c.headers).flat()));
		const header = fc.array(
			fc.oneof(
				fc.constantFrom(...names),
				fc.string({ maxLength: 12 }),
				fc.constantFrom('Afdelingsnaam', 'Percentage')
			),
			{ maxLength: 25 }
		);
		fc.assert(
			fc.property(header, fc.constantFrom(...SIGNALS_FORMATS), (cells, format) => {
				const columns = suggestColumns(cells, format).filter((c) => c !== null);
				expect(new Set(columns).size).toBe(columns.length);
				const known = new Set(COLUMNS[format].map((c) => c.id));
				for (const c of columns) expect(known.has(c)).toBe(true);
			})
		);
	});
});

describe('suggestMapping', () => {
	it.each<[string, string[], SignalsFormat]>([
		['payroll spells', PAYROLL, 'spells'],
		['payroll staffing', ['Personeelsnummer', 'Afdeling', 'VTE', 'Indiensttreding'], 'staffing'],
		['monthly', ['Afdeling', 'Maand', 'Headcount', 'Arbeidsongevallen'], 'monthly']
	])('%s', (_name, header, format) => {
		expect(suggestMapping(header).format).toBe(format);
	});
});

describe('matchMapped', () => {
	const mapping = mappingOf(PAYROLL, [
		'employeeKey',
		'unitCode',
		null,
		'startDate',
		'endDate',
		'absenceType',
		null
	]);

	it('reads the payroll header through its mapping, ignored columns as null', () => {
		expect(matchMapped(PAYROLL, 'spells', mapping)).toEqual({
			ok: true,
			format: 'spells',
			columns: ['employeeKey', 'unitCode', null, 'startDate', 'endDate', 'absenceType', null]
		});
	});

	it.each<[string, string[], (ColumnId | null)[], string[]]>([
		[
			'a required field left out',
			['Nr', 'Afd', 'Van', 'Tot'],
			['employeeKey', 'unitCode', 'startDate', 'endDate'],
			['signals.format.missingColumn']
		],
		[
			'one field on two columns',
			['A', 'B', 'C', 'D', 'E', 'F'],
			['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType', 'unitCode'],
			['signals.format.duplicateColumn']
		],
		[
			'a field of another format',
			['A', 'B', 'C', 'D', 'E', 'F'],
			['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType', 'fte'],
			['signals.mapping.notInFormat']
		]
	])('refuses %s, naming the file header', (_name, header, columns, keys) => {
		const match = matchMapped(header, 'spells', mappingOf(header, columns));
		expect(match.ok).toBe(false);
		if (!match.ok) expect(match.problems.map((p) => p.key)).toEqual(keys);
	});

	it('a header cell the mapping does not name and the format does not know is unknown', () => {
		const match = matchMapped([...PAYROLL, 'Rijksregisternummer'], 'spells', mapping);
		expect(match.ok).toBe(false);
		if (!match.ok)
			expect(match.problems).toEqual([
				{ line: 1, column: null, value: 'Rijksregisternummer', key: 'signals.format.unknownColumn' }
			]);
	});
});

describe('a file of another kind', () => {
	it.each([
		[['naam', 'afdeling', 'telefoon']],
		[['Personeelsnummer', 'Naam', 'Voornaam']],
		[['Afdeling', 'Percentage']]
	])('%j is an unknown format, not a list of unknown columns', (header) => {
		expect(detectSignalsFormat(header)).toMatchObject({
			ok: false,
			format: null,
			problems: [{ key: 'signals.format.unknown' }]
		});
	});
});

describe('matchHeader', () => {
	const mapping = mappingOf(PAYROLL, [
		'employeeKey',
		'unitCode',
		null,
		'startDate',
		'endDate',
		'absenceType',
		null
	]);

	it('refuses the payroll file without a mapping, and reads it with one sent or remembered', () => {
		expect(matchHeader(PAYROLL).ok).toBe(false);
		expect(matchHeader(PAYROLL, { spells: mapping })).toMatchObject({ ok: true, mapped: mapping });
		expect(matchHeader(PAYROLL, {}, { spells: mapping })).toMatchObject({ ok: true, mapped: mapping });
	});

	it('a template header needs no mapping, even with one remembered', () => {
		const header = COLUMNS.spells.map((c) => c.headers.nl[0]!);
		expect(matchHeader(header, {}, { spells: mapping })).toMatchObject({ ok: true, mapped: null });
	});
});

describe('parseColumnMappings', () => {
	it.each<[string, string | undefined, boolean]>([
		['nothing', undefined, true],
		['a mapping', JSON.stringify({ spells: { personeelsnummer: 'employeeKey', percentage: null } }), true],
		['not JSON', '{', false],
		['an unknown format', JSON.stringify({ payroll: {} }), false],
		['a field of another format', JSON.stringify({ spells: { vte: 'fte' } }), false],
		['a header not normalised', JSON.stringify({ spells: { 'Begin afwezigheid': 'startDate' } }), false],
		['an array', '[]', false],
		['a number as field', JSON.stringify({ spells: { a: 1 } }), false]
	])('%s', (_name, text, ok) => {
		expect(parseColumnMappings(text) !== null).toBe(ok);
	});

	it('refuses a header that no file can have (__proto__), and reads inherited names as unknown', () => {
		expect(parseColumnMappings('{"spells":{"__proto__":"employeeKey"}}')).toBeNull();
		const match = matchMapped(['constructor', 'toString'], 'spells', {});
		expect(match.ok).toBe(false);
		if (!match.ok)
			expect(match.problems.filter((p) => p.key === 'signals.format.unknownColumn')).toHaveLength(2);
	});
});
