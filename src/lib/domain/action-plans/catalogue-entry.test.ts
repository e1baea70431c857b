import { describe, expect, it } from 'vitest';
import {
	asCatalogueEntry,
	CATALOGUE_ENTRY_LIMITS,
	catalogueEntryChanges,
	validateCatalogueEntry,
	type CatalogueEntryFields
} from './catalogue-entry';
import { suggestMeasures } from './suggest';
import { CATALOGUE } from './catalogue';

/** A valid entry as a form gives it. */
const VALID: Record<string, unknown> = {
	title: 'Vaste overdracht bij elke ploegwissel',
	how: 'Plan tien minuten overlap tussen de ploegen en overloop samen de openstaande taken.',
	watchOut: 'De overlap telt als werktijd.',
	targets: { dimensions: ['workload', 'role-clarity'], signals: ['absenceRateShort'] },
	domain: 'work-organisation',
	level: 'primary',
	application: 'group'
};

describe('validateCatalogueEntry', () => {
	it('accepts a valid entry, trimmed, with repeated targets once', () => {
		const result = validateCatalogueEntry({
			...VALID,
			title: '  Vaste overdracht bij elke ploegwissel ',
			targets: { dimensions: ['workload', 'workload', 'role-clarity'], signals: 'absenceRateShort' }
		});
		expect(result).toEqual({
			ok: true,
			value: {
				...VALID,
				targets: { dimensions: ['workload', 'role-clarity'], signals: ['absenceRateShort'] }
			}
		});
	});

	it.each<[string, Record<string, unknown>, string, string]>([
		['no title', { title: '' }, 'title', 'validation.required'],
		['a title of spaces', { title: '   ' }, 'title', 'validation.required'],
		[
			'a title too long',
			{ title: 'x'.repeat(CATALOGUE_ENTRY_LIMITS.title + 1) },
			'title',
			'validation.tooLong'
		],
		['a title that is no text', { title: 42 }, 'title', 'measure.notText'],
		['no how', { how: undefined }, 'how', 'validation.required'],
		['a how too long', { how: 'x'.repeat(CATALOGUE_ENTRY_LIMITS.how + 1) }, 'how', 'validation.tooLong'],
		['no watch-out', { watchOut: '' }, 'watchOut', 'validation.required'],
		[
			'a watch-out too long',
			{ watchOut: 'x'.repeat(CATALOGUE_ENTRY_LIMITS.watchOut + 1) },
			'watchOut',
			'validation.tooLong'
		],
		['no targets', { targets: { dimensions: [], signals: [] } }, 'targets', 'measure.targetRequired'],
		['targets missing', { targets: undefined }, 'targets', 'measure.targetRequired'],
		['targets as a list', { targets: ['workload'] }, 'targets', 'measure.targetRequired'],
		['an unknown dimension', { targets: { dimensions: ['happiness'] } }, 'targets', 'measure.targetUnknown'],
		['an unknown signal', { targets: { signals: ['salary'] } }, 'targets', 'measure.targetUnknown'],
		['targets that are no text', { targets: { dimensions: [1] } }, 'targets', 'measure.targetUnknown'],
		['an unknown domain', { domain: 'weather' }, 'domain', 'measure.domain'],
		['no level', { level: '' }, 'level', 'measure.preventionLevel'],
		['an unknown level', { level: 'quaternary' }, 'level', 'measure.preventionLevel'],
		['an unknown application', { application: 'person' }, 'application', 'measure.applicationLevel']
	])('refuses %s', (_label, change, field, key) => {
		const result = validateCatalogueEntry({ ...VALID, ...change });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(Object.keys(result.problems)).toEqual([field]);
			expect(result.problems[field]!.key).toBe(key);
		}
	});

	it('accepts the longest texts allowed', () => {
		const result = validateCatalogueEntry({
			...VALID,
			title: 'x'.repeat(CATALOGUE_ENTRY_LIMITS.title),
			how: 'x'.repeat(CATALOGUE_ENTRY_LIMITS.how),
			watchOut: 'x'.repeat(CATALOGUE_ENTRY_LIMITS.watchOut)
		});
		expect(result.ok).toBe(true);
	});

	it('gives every problem at once', () => {
		const result = validateCatalogueEntry({});
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(Object.keys(result.problems).sort()).toEqual(
				['application', 'domain', 'how', 'level', 'targets', 'title', 'watchOut'].sort()
			);
	});

	it('passes every built-in entry written in one language', () => {
		for (const entry of CATALOGUE) {
			const result = validateCatalogueEntry({
				...entry,
				title: entry.title.nl,
				how: entry.how.nl,
				watchOut: entry.watchOut.nl
			});
			expect(result.ok, entry.id).toBe(true);
		}
	});
});

describe('catalogueEntryChanges', () => {
	const before = (validateCatalogueEntry(VALID) as { value: CatalogueEntryFields }).value;
	it.each<[string, Partial<CatalogueEntryFields>, string[]]>([
		['nothing', {}, []],
		['the title', { title: 'Andere titel' }, ['title']],
		[
			'targets in another order only',
			{ targets: { dimensions: ['role-clarity', 'workload'], signals: ['absenceRateShort'] } },
			[]
		],
		[
			'a target and the level',
			{ targets: { dimensions: ['workload'], signals: [] }, level: 'secondary' },
			['targets', 'level']
		]
	])('finds %s changed', (_label, change, fields) => {
		const changes = catalogueEntryChanges(before, { ...before, ...change });
		expect(changes.fields).toEqual(fields);
		for (const f of fields)
			expect(changes.after[f as keyof CatalogueEntryFields]).toEqual(change[f as keyof CatalogueEntryFields]);
	});
});

describe('asCatalogueEntry', () => {
	it('shows its one text in every language and is ranked like a built-in entry', () => {
		const fields = (validateCatalogueEntry(VALID) as { value: CatalogueEntryFields }).value;
		const own = asCatalogueEntry({ ...fields, id: '0b6f2c5e-8a1d-4c3b-9e7f-1a2b3c4d5e6f' });
		expect(own.title).toEqual({ nl: VALID.title, fr: VALID.title, en: VALID.title });
		const suggested = suggestMeasures(
			{ dimensions: ['workload', 'role-clarity'], signals: ['absenceRateShort'] },
			[...CATALOGUE, own]
		);
		// Three targets in common, collective and primary: nothing built in matches more.
		expect(suggested[0]).toBe(own);
	});
});
