import { BAROMETER, dimensionsOf } from '../../instruments';
import { RISK_DOMAINS } from '../../instruments/types';
import type { FieldProblems, Validated } from '../validation';
import { fieldChanges, isOneOf, text, validateTargets } from './fields';
import {
	APPLICATION_LEVELS,
	PREVENTION_LEVELS,
	type ApplicationLevel,
	type CatalogueEntry,
	type MeasureTargets,
	type PreventionLevel,
	type RiskDomain
} from './types';

/**
 * An organisation's own entry of the catalogue of measures: the same fields as a built-in entry,
 * written once in the organisation's language and shown as written in every interface language.
 * Pure: the service (server/action-plans/catalogue.ts) adds access, the organisation's language,
 * retiring and the audit.
 */

export const CATALOGUE_ENTRY_LIMITS = { title: 200, how: 2000, watchOut: 1000 } as const;

export const ENTRY_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type EntryLanguage = (typeof ENTRY_LANGUAGES)[number];

export interface CatalogueEntryFields {
	title: string;
	/** How to go about it. */
	how: string;
	/** What to watch out for. */
	watchOut: string;
	targets: MeasureTargets;
	domain: RiskDomain;
	level: PreventionLevel;
	application: ApplicationLevel;
}

export type CatalogueEntryField = keyof CatalogueEntryFields;

export const CATALOGUE_ENTRY_FIELDS: readonly CatalogueEntryField[] = [
	'title',
	'how',
	'watchOut',
	'targets',
	'domain',
	'level',
	'application'
];

/** The dimensions and work factors of the built-in barometer: what the form offers to aim at. */
const DIMENSION_IDS: ReadonlySet<string> = new Set(dimensionsOf(BAROMETER, true).map((d) => d.id));

/**
 * Checks an entry as a form or a stored entry gives it: every problem at once, keyed by field.
 * Title, how and watch-out are required and limited in length; at least one target, each a
 * dimension or work factor of the barometer or a signal indicator; domain, prevention level and
 * application level from the vocabulary of types.ts.
 */
export function validateCatalogueEntry(input: Record<string, unknown>): Validated<CatalogueEntryFields> {
	const problems: FieldProblems = {};
	const texts = { title: '', how: '', watchOut: '' };
	for (const field of ['title', 'how', 'watchOut'] as const) {
		const value = text(input[field]);
		if (value === undefined) problems[field] = { key: 'measure.notText' };
		else if (!value) problems[field] = { key: 'validation.required' };
		else if (value.length > CATALOGUE_ENTRY_LIMITS[field])
			problems[field] = { key: 'validation.tooLong', params: { max: CATALOGUE_ENTRY_LIMITS[field] } };
		else texts[field] = value;
	}

	const targets = validateTargets(input.targets, (id) => DIMENSION_IDS.has(id));
	if (!targets.ok) problems.targets = targets.problem;

	if (!isOneOf(RISK_DOMAINS, input.domain)) problems.domain = { key: 'measure.domain' };
	if (!isOneOf(PREVENTION_LEVELS, input.level)) problems.level = { key: 'measure.preventionLevel' };
	if (!isOneOf(APPLICATION_LEVELS, input.application))
		problems.application = { key: 'measure.applicationLevel' };

	if (Object.keys(problems).length) return { ok: false, problems };
	return {
		ok: true,
		value: {
			...texts,
			targets: targets.ok ? targets.value : { dimensions: [], signals: [] },
			domain: input.domain as RiskDomain,
			level: input.level as PreventionLevel,
			application: input.application as ApplicationLevel
		}
	};
}

/** The fields that differ, with their old and new values (what an audit entry records). */
export function catalogueEntryChanges(
	before: CatalogueEntryFields,
	after: CatalogueEntryFields
): {
	fields: CatalogueEntryField[];
	before: Partial<CatalogueEntryFields>;
	after: Partial<CatalogueEntryFields>;
} {
	return fieldChanges(CATALOGUE_ENTRY_FIELDS, before, after);
}

/**
 * An own entry as the suggestions take it: its one text in every language, so it reads as written
 * whatever the interface language. Its id is the stored id, a UUID, never a built-in's
 * hyphenated word.
 */
export function asCatalogueEntry(entry: CatalogueEntryFields & { id: string }): CatalogueEntry {
	const all = (value: string) => ({ nl: value, fr: value, en: value });
	return {
		id: entry.id,
		title: all(entry.title),
		how: all(entry.how),
		watchOut: all(entry.watchOut),
		targets: entry.targets,
		domain: entry.domain,
		level: entry.level,
		application: entry.application,
		sources: []
	};
}
