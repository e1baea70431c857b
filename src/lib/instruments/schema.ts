import {
	RISK_DOMAINS,
	type AnswerScale,
	type Bands,
	type Dimension,
	type InstrumentDefinition,
	type InstrumentPart,
	type Item,
	type Localised,
	type RiskDomain,
	type ScoringRule
} from './types';

/**
 * Validation of an instrument definition that comes from outside the code (an organisation's
 * licensed instrument, a definition stored with a wave). Every problem names the place it was
 * found (`items[3].text.fr`) and a message key the UI translates; `params` fill the placeholders.
 * Unknown extra properties are ignored; the returned value is a fresh copy with known fields only.
 */

/**
 * Every message key `validateInstrument` can return, for the translations. Suggested English:
 * - instrument.notObject: "This must be a group of named fields (an object)."
 * - instrument.notList: "This must be a list."
 * - instrument.missing: "This field is required."
 * - instrument.notText: "A text is needed in Dutch, French and English; this language is missing or empty."
 * - instrument.tooLong: "This text is longer than {max} characters."
 * - instrument.notBoolean: "This must be true or false."
 * - instrument.key: "A key is 2 to 63 lower-case letters, digits or hyphens and starts with a letter or digit."
 * - instrument.id: "An identifier is 1 to 63 lower-case letters, digits or hyphens and starts with a letter or digit."
 * - instrument.version: "The version must be a whole number of at least 1."
 * - instrument.scale: "The answer scale needs whole numbers min < max, at most {maxValues} values, and one label per value."
 * - instrument.duplicateId: "The identifier '{id}' is used more than once."
 * - instrument.unknownDimension: "This item belongs to dimension '{dimension}', which does not exist in this part."
 * - instrument.emptyDimension: "Dimension '{id}' has no items."
 * - instrument.noItems: "There must be at least one item."
 * - instrument.bands: "Thresholds lie between 0 and 100; orange is below red when high scores are the risk, above red when low scores are the risk."
 * - instrument.scoring: "The scoring method must be 'mean' and the minimum answered share more than 0 and at most 1."
 * - instrument.domain: "The risk domain must be one of the five legal domains."
 * - instrument.tooLarge: "An instrument may hold at most {max} items and {max} dimensions."
 */
export const INSTRUMENT_PROBLEM_KEYS = [
	'instrument.notObject',
	'instrument.notList',
	'instrument.missing',
	'instrument.notText',
	'instrument.tooLong',
	'instrument.notBoolean',
	'instrument.key',
	'instrument.id',
	'instrument.version',
	'instrument.scale',
	'instrument.duplicateId',
	'instrument.unknownDimension',
	'instrument.emptyDimension',
	'instrument.noItems',
	'instrument.bands',
	'instrument.scoring',
	'instrument.domain',
	'instrument.tooLarge'
] as const;
export type InstrumentProblemKey = (typeof INSTRUMENT_PROBLEM_KEYS)[number];

export interface InstrumentProblem {
	/** Where the problem is, e.g. 'items[3].text.fr'; '' for the definition itself. */
	path: string;
	key: InstrumentProblemKey;
	params?: Record<string, string | number>;
}

export type InstrumentValidation =
	{ ok: true; value: InstrumentDefinition } | { ok: false; problems: InstrumentProblem[] };

/** Instrument key: also used in URLs and stored with every wave. */
export const INSTRUMENT_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Dimension and item ids: item ids become form field names (`q_<id>`). */
export const INSTRUMENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Most items in one definition (barometer and module together); also the most dimensions. */
export const MAX_INSTRUMENT_ITEMS = 200;
/** Most answer values on a scale (0..10 is eleven). */
export const MAX_SCALE_VALUES = 11;
/** Longest text in any language. */
export const MAX_TEXT_LENGTH = 1000;
/** Longest short name of a dimension in any language (a column header). */
export const MAX_SHORT_NAME_LENGTH = 24;

const LANGUAGES = ['nl', 'fr', 'en'] as const;

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(path: string, field: string): string {
	return path === '' ? field : `${path}.${field}`;
}

class Checker {
	readonly problems: InstrumentProblem[] = [];

	add(path: string, key: InstrumentProblemKey, params?: Record<string, string | number>): void {
		this.problems.push(params ? { path, key, params } : { path, key });
	}

	/** The object at `path`, or null (with a problem) when it is absent or not an object. */
	object(value: unknown, path: string): Fields | null {
		if (value === undefined || value === null) this.add(path, 'instrument.missing');
		else if (!isFields(value)) this.add(path, 'instrument.notObject');
		else return value;
		return null;
	}

	list(value: unknown, path: string): unknown[] | null {
		if (value === undefined || value === null) this.add(path, 'instrument.missing');
		else if (!Array.isArray(value)) this.add(path, 'instrument.notList');
		else return value;
		return null;
	}

	localised(value: unknown, path: string, max = MAX_TEXT_LENGTH): Localised | null {
		const fields = this.object(value, path);
		if (!fields) return null;
		let ok = true;
		for (const language of LANGUAGES) {
			const text = fields[language];
			if (typeof text !== 'string' || text.trim() === '') {
				this.add(at(path, language), 'instrument.notText');
				ok = false;
			} else if (text.length > max) {
				this.add(at(path, language), 'instrument.tooLong', { max });
				ok = false;
			}
		}
		return ok ? { nl: fields.nl as string, fr: fields.fr as string, en: fields.en as string } : null;
	}

	boolean(value: unknown, path: string): boolean | null {
		if (value === undefined || value === null) this.add(path, 'instrument.missing');
		else if (typeof value !== 'boolean') this.add(path, 'instrument.notBoolean');
		else return value;
		return null;
	}

	/** A string matching `pattern`, reported under `key` when it does not. */
	pattern(value: unknown, path: string, pattern: RegExp, key: InstrumentProblemKey): string | null {
		if (value === undefined || value === null) this.add(path, 'instrument.missing');
		else if (typeof value !== 'string' || !pattern.test(value)) this.add(path, key);
		else return value;
		return null;
	}
}

function checkScale(c: Checker, value: unknown, path: string): AnswerScale | null {
	const fields = c.object(value, path);
	if (!fields) return null;
	const params = { maxValues: MAX_SCALE_VALUES };
	const bound = (name: 'min' | 'max'): number | undefined => {
		const value = fields[name];
		if (value === undefined || value === null) c.add(at(path, name), 'instrument.missing');
		else if (typeof value !== 'number' || !Number.isSafeInteger(value))
			c.add(at(path, name), 'instrument.scale', params);
		else return value;
		return undefined;
	};
	const min = bound('min');
	const max = bound('max');
	let count: number | null = null;
	if (min !== undefined && max !== undefined) {
		if (min < max && max - min + 1 <= MAX_SCALE_VALUES) count = max - min + 1;
		else c.add(path, 'instrument.scale', params);
	}
	const labelsPath = at(path, 'labels');
	const rawLabels = c.list(fields.labels, labelsPath);
	if (!rawLabels) return null;
	if (count === null ? rawLabels.length > MAX_SCALE_VALUES : rawLabels.length !== count) {
		if (count !== null) c.add(labelsPath, 'instrument.scale', { ...params, expected: count });
		return null;
	}
	const labels = rawLabels.map((label, i) => c.localised(label, `${labelsPath}[${i}]`));
	if (count === null || min === undefined || max === undefined) return null;
	if (labels.some((label) => label === null)) return null;
	return { min, max, labels: labels as Localised[] };
}

function checkScoring(c: Checker, value: unknown, path: string): ScoringRule | null {
	const fields = c.object(value, path);
	if (!fields) return null;
	let ok = true;
	if (fields.method === undefined || fields.method === null) {
		c.add(at(path, 'method'), 'instrument.missing');
		ok = false;
	} else if (fields.method !== 'mean') {
		c.add(at(path, 'method'), 'instrument.scoring');
		ok = false;
	}
	const share = fields.minAnsweredShare;
	if (share === undefined || share === null) {
		c.add(at(path, 'minAnsweredShare'), 'instrument.missing');
		ok = false;
	} else if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0 || share > 1) {
		c.add(at(path, 'minAnsweredShare'), 'instrument.scoring');
		ok = false;
	}
	return ok ? { method: 'mean', minAnsweredShare: share as number } : null;
}

function checkBands(c: Checker, value: unknown, path: string): Bands | null {
	const fields = c.object(value, path);
	if (!fields) return null;
	let ok = true;
	const riskWhen = fields.riskWhen;
	if (riskWhen === undefined || riskWhen === null) {
		c.add(at(path, 'riskWhen'), 'instrument.missing');
		ok = false;
	} else if (riskWhen !== 'high' && riskWhen !== 'low') {
		c.add(at(path, 'riskWhen'), 'instrument.bands');
		ok = false;
	}
	for (const name of ['orange', 'red'] as const) {
		const threshold = fields[name];
		if (threshold === undefined || threshold === null) c.add(at(path, name), 'instrument.missing');
		else if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0 || threshold > 100)
			c.add(at(path, name), 'instrument.bands');
		else continue;
		ok = false;
	}
	if (!ok) return null;
	const orange = fields.orange as number;
	const red = fields.red as number;
	if (riskWhen === 'high' ? orange >= red : orange <= red) {
		c.add(path, 'instrument.bands');
		return null;
	}
	return { riskWhen: riskWhen as Bands['riskWhen'], orange, red };
}

function isRiskDomain(value: unknown): value is RiskDomain {
	return typeof value === 'string' && (RISK_DOMAINS as readonly string[]).includes(value);
}

function checkDimension(c: Checker, value: unknown, path: string): Dimension | null {
	const fields = c.object(value, path);
	if (!fields) return null;
	const id = c.pattern(fields.id, at(path, 'id'), INSTRUMENT_ID_PATTERN, 'instrument.id');
	const name = c.localised(fields.name, at(path, 'name'));
	const description = c.localised(fields.description, at(path, 'description'));
	// Optional, so definitions stored before it existed stay valid.
	const shortName =
		fields.shortName === undefined
			? undefined
			: c.localised(fields.shortName, at(path, 'shortName'), MAX_SHORT_NAME_LENGTH);
	const bands = checkBands(c, fields.bands, at(path, 'bands'));
	const sensitive = c.boolean(fields.sensitive, at(path, 'sensitive'));
	let domainOk = true;
	if (fields.domain !== undefined && !isRiskDomain(fields.domain)) {
		c.add(at(path, 'domain'), 'instrument.domain');
		domainOk = false;
	}
	if (id === null || !name || !description || !bands || sensitive === null || !domainOk) return null;
	if (shortName === null) return null;
	const dimension: Dimension = { id, name, description, bands, sensitive };
	if (shortName) dimension.shortName = shortName;
	if (fields.domain !== undefined) dimension.domain = fields.domain as RiskDomain;
	return dimension;
}

function checkItem(c: Checker, value: unknown, path: string): Item | null {
	const fields = c.object(value, path);
	if (!fields) return null;
	const id = c.pattern(fields.id, at(path, 'id'), INSTRUMENT_ID_PATTERN, 'instrument.id');
	const dimension = c.pattern(
		fields.dimension,
		at(path, 'dimension'),
		INSTRUMENT_ID_PATTERN,
		'instrument.id'
	);
	const text = c.localised(fields.text, at(path, 'text'));
	const reverse = c.boolean(fields.reverse, at(path, 'reverse'));
	if (id === null || dimension === null || !text || reverse === null) return null;
	return { id, dimension, text, reverse };
}

/**
 * Checks one part (the barometer itself or its module). Dimension and item ids must be unique
 * across both parts (`seen`), and every item must belong to a dimension of its own part.
 */
function checkPart(
	c: Checker,
	fields: Fields,
	path: string,
	seen: { dimensions: Set<string>; items: Set<string> }
): InstrumentPart | null {
	const rawDimensions = c.list(fields.dimensions, at(path, 'dimensions'));
	const rawItems = c.list(fields.items, at(path, 'items'));
	if (!rawDimensions || !rawItems) return null;

	const dimensions: Dimension[] = [];
	let ok = true;
	rawDimensions.forEach((raw, i) => {
		const dimensionPath = `${at(path, 'dimensions')}[${i}]`;
		const dimension = checkDimension(c, raw, dimensionPath);
		if (!dimension) {
			ok = false;
			return;
		}
		if (seen.dimensions.has(dimension.id)) {
			c.add(at(dimensionPath, 'id'), 'instrument.duplicateId', { id: dimension.id });
			ok = false;
			return;
		}
		seen.dimensions.add(dimension.id);
		dimensions.push(dimension);
	});

	if (rawItems.length === 0) {
		c.add(at(path, 'items'), 'instrument.noItems');
		ok = false;
	}
	const ownDimensions = new Set(dimensions.map((dimension) => dimension.id));
	const used = new Set<string>();
	const items: Item[] = [];
	rawItems.forEach((raw, i) => {
		const itemPath = `${at(path, 'items')}[${i}]`;
		const item = checkItem(c, raw, itemPath);
		if (!item) {
			ok = false;
			return;
		}
		used.add(item.dimension);
		if (seen.items.has(item.id)) {
			c.add(at(itemPath, 'id'), 'instrument.duplicateId', { id: item.id });
			ok = false;
		} else seen.items.add(item.id);
		// Only report a dimension as unknown when all dimensions of the part were readable.
		if (!ownDimensions.has(item.dimension) && dimensions.length === rawDimensions.length) {
			c.add(at(itemPath, 'dimension'), 'instrument.unknownDimension', { dimension: item.dimension });
			ok = false;
		}
		items.push(item);
	});

	// Only report an empty dimension when every item was readable (else it may be a follow-on error).
	if (items.length === rawItems.length) {
		dimensions.forEach((dimension, i) => {
			if (!used.has(dimension.id)) {
				c.add(`${at(path, 'dimensions')}[${i}]`, 'instrument.emptyDimension', { id: dimension.id });
				ok = false;
			}
		});
	}
	return ok ? { dimensions, items } : null;
}

function lengthOf(value: unknown): number {
	return Array.isArray(value) ? value.length : 0;
}

/** Checks a definition from outside the code; see the module comment. */
export function validateInstrument(input: unknown): InstrumentValidation {
	const c = new Checker();
	if (!isFields(input)) {
		c.add('', input === undefined || input === null ? 'instrument.missing' : 'instrument.notObject');
		return { ok: false, problems: c.problems };
	}
	const rawModule = input.module;
	const moduleFields = isFields(rawModule) ? rawModule : null;

	// Refuse oversized definitions before looking at every element.
	const itemCount = lengthOf(input.items) + lengthOf(moduleFields?.items);
	const dimensionCount = lengthOf(input.dimensions) + lengthOf(moduleFields?.dimensions);
	if (itemCount > MAX_INSTRUMENT_ITEMS || dimensionCount > MAX_INSTRUMENT_ITEMS) {
		c.add(itemCount > MAX_INSTRUMENT_ITEMS ? 'items' : 'dimensions', 'instrument.tooLarge', {
			max: MAX_INSTRUMENT_ITEMS
		});
		return { ok: false, problems: c.problems };
	}

	const key = c.pattern(input.key, 'key', INSTRUMENT_KEY_PATTERN, 'instrument.key');
	let version: number | null = null;
	if (input.version === undefined || input.version === null) c.add('version', 'instrument.missing');
	else if (typeof input.version !== 'number' || !Number.isSafeInteger(input.version) || input.version < 1)
		c.add('version', 'instrument.version');
	else version = input.version;
	const name = c.localised(input.name, 'name');
	const instruction = c.localised(input.instruction, 'instruction');
	const scale = checkScale(c, input.scale, 'scale');
	const scoring = checkScoring(c, input.scoring, 'scoring');
	const provisionalThresholds = c.boolean(input.provisionalThresholds, 'provisionalThresholds');

	const seen = { dimensions: new Set<string>(), items: new Set<string>() };
	const part = checkPart(c, input, '', seen);

	// An absent module may be stored as null.
	let module: InstrumentDefinition['module'] | null | undefined;
	if (rawModule !== undefined && rawModule !== null) {
		const fields = c.object(rawModule, 'module');
		if (fields) {
			const moduleKey = c.pattern(fields.key, 'module.key', INSTRUMENT_KEY_PATTERN, 'instrument.key');
			const moduleName = c.localised(fields.name, 'module.name');
			const modulePart = checkPart(c, fields, 'module', seen);
			module =
				moduleKey !== null && moduleName && modulePart
					? { key: moduleKey, name: moduleName, ...modulePart }
					: null;
		} else module = null;
	}

	if (c.problems.length > 0) return { ok: false, problems: c.problems };
	const value: InstrumentDefinition = {
		key: key!,
		version: version!,
		name: name!,
		instruction: instruction!,
		scale: scale!,
		scoring: scoring!,
		provisionalThresholds: provisionalThresholds!,
		dimensions: part!.dimensions,
		items: part!.items
	};
	if (module) value.module = module;
	return { ok: true, value };
}
