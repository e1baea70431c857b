import type { FieldProblems, Validated } from './validation';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Anonymity floor: no organisation may report on groups smaller than this. */
export const MIN_GROUP_SIZE_FLOOR = 3;
export const MIN_GROUP_SIZE_DEFAULT = 5;
export const SENSITIVE_MIN_GROUP_SIZE_DEFAULT = 10;
const MAX_GROUP_SIZE = 100;

export interface OrganisationSettings {
	name: string;
	language: Language;
	minGroupSize: number;
	sensitiveMinGroupSize: number;
}

function parseWhole(raw: unknown): number | null {
	if (typeof raw !== 'string' || !/^\s*\d+\s*$/.test(raw)) return null;
	return Number(raw);
}

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Validates the settings form as submitted (all values are strings or missing). */
export function validateOrganisationSettings(
	input: Record<string, unknown>
): Validated<OrganisationSettings> {
	const problems: FieldProblems = {};
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	if (!name) problems.name = { key: 'validation.required' };
	else if (name.length > 120) problems.name = { key: 'validation.tooLong', params: { max: 120 } };

	const language = input.language;
	if (!isLanguage(language)) problems.language = { key: 'validation.language' };

	const k = parseWhole(input.minGroupSize);
	if (k === null) problems.minGroupSize = { key: 'validation.wholeNumber' };
	else if (k < MIN_GROUP_SIZE_FLOOR)
		problems.minGroupSize = { key: 'validation.kFloor', params: { min: MIN_GROUP_SIZE_FLOOR } };
	else if (k > MAX_GROUP_SIZE)
		problems.minGroupSize = { key: 'validation.max', params: { max: MAX_GROUP_SIZE } };

	const sensitive = parseWhole(input.sensitiveMinGroupSize);
	if (sensitive === null) problems.sensitiveMinGroupSize = { key: 'validation.wholeNumber' };
	else if (k !== null && sensitive < k)
		problems.sensitiveMinGroupSize = { key: 'validation.sensitiveBelowK' };
	else if (sensitive > MAX_GROUP_SIZE)
		problems.sensitiveMinGroupSize = { key: 'validation.max', params: { max: MAX_GROUP_SIZE } };

	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: { name, language: language as Language, minGroupSize: k!, sensitiveMinGroupSize: sensitive! }
	};
}
