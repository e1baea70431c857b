import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, unitTemplateCsv } from './csv-export';
import { matchUnitHeaders, planUnitImport } from './units';

describe('neutraliseCell', () => {
	it.each([
		['=SUM(A1)', "'=SUM(A1)"],
		['+32 2 123', "'+32 2 123"],
		['-1', "'-1"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['Keuken', 'Keuken'],
		['', '']
	])('%j becomes %j', (input, output) => expect(neutraliseCell(input)).toBe(output));
});

describe('unitTemplateCsv', () => {
	const units = [
		{ id: '1', parentId: null, code: 'ZZ', name: 'Zorggroep', headcount: 7, archived: false },
		{ id: '2', parentId: '1', code: 'KEU', name: '=HYPERLINK("x")', headcount: null, archived: false }
	];
	it.each(['nl', 'fr', 'en'] as const)('round-trips through the importer in %s', (locale) => {
		const csv = unitTemplateCsv(locale, units);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
		const { columns, problems } = matchUnitHeaders(parsed.meta.fields ?? []);
		expect(problems).toEqual([]);
		const plan = planUnitImport([], parsed.data, columns);
		expect(plan.problems).toEqual([]);
		expect(plan.creates).toEqual([
			{ code: 'ZZ', name: 'Zorggroep', parentCode: null, headcount: 7 },
			{ code: 'KEU', name: `'=HYPERLINK("x")`, parentCode: 'ZZ', headcount: null }
		]);
	});
});
