import type {
	AnswerScale,
	Answers,
	Band,
	Bands,
	Dimension,
	DimensionResult,
	InstrumentDefinition,
	Item
} from '../instruments/types';

/**
 * Scoring of barometer answers: pure functions over an instrument definition (see
 * `instruments/types.ts`). Each dimension is scored on its own, 0-100; dimensions are never summed
 * into one "burn-out score".
 */

/** Reverse-scored value: on a 1..5 scale 1 counts as 5, 2 as 4, and so on. */
export function reverseValue(value: number, scale: AnswerScale): number {
	return scale.min + scale.max - value;
}

/** The value an answer counts for, reversed when the item is reverse-scored. */
export function itemValue(item: Item, raw: number, scale: AnswerScale): number {
	return item.reverse ? reverseValue(raw, scale) : raw;
}

/**
 * The mean of the (already reversed) values rescaled to 0-100: (mean - min) / (max - min) * 100,
 * rounded to one decimal (half up). Computed from the integer sum so that halves round the same
 * way on every platform.
 */
export function dimensionScore(values: number[], scale: AnswerScale): number {
	if (values.length === 0) throw new RangeError('A dimension score needs at least one value');
	const sum = values.reduce((total, value) => total + value, 0);
	const fromMin = sum - values.length * scale.min;
	const range = values.length * (scale.max - scale.min);
	return Math.round((fromMin * 1000) / range) / 10;
}

/**
 * Green, orange or red. Boundaries are inclusive: with `riskWhen: 'high'` a score equal to
 * `orange` is orange and one equal to `red` is red; with `riskWhen: 'low'` a score equal to
 * `orange` is orange and one equal to `red` is red.
 */
export function bandOf(score: number, bands: Bands): Band {
	if (bands.riskWhen === 'high') {
		if (score >= bands.red) return 'red';
		if (score >= bands.orange) return 'orange';
		return 'green';
	}
	if (score <= bands.red) return 'red';
	if (score <= bands.orange) return 'orange';
	return 'green';
}

function partsOf(
	definition: InstrumentDefinition,
	includeModule: boolean
): { dimensions: Dimension[]; items: Item[] } {
	const module = includeModule ? definition.module : undefined;
	return {
		dimensions: module ? [...definition.dimensions, ...module.dimensions] : definition.dimensions,
		items: module ? [...definition.items, ...module.items] : definition.items
	};
}

/**
 * The number of answered items a dimension needs to be scored: ceil(share x items), at least one.
 * The small tolerance keeps floating-point noise from asking one item too many (0.28 x 25 is
 * 7.000000000000001 in binary arithmetic).
 */
export function requiredAnswers(minAnsweredShare: number, items: number): number {
	return Math.max(1, Math.ceil(minAnsweredShare * items - 1e-9));
}

function isValidAnswer(value: number, scale: AnswerScale): boolean {
	return Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

/**
 * One result per dimension, in display order. Answers for items outside the definition (or the
 * module, when it is not included) are ignored. A dimension with too few answered items, under the
 * definition's `minAnsweredShare`, gets score and band null. An answer outside the scale is a
 * programming error (answers are validated on entry) and throws.
 */
export function scoreAnswers(
	definition: InstrumentDefinition,
	answers: Answers,
	includeModule: boolean
): DimensionResult[] {
	const { scale, scoring } = definition;
	const { dimensions, items } = partsOf(definition, includeModule);
	return dimensions.map((dimension) => {
		const own = items.filter((item) => item.dimension === dimension.id);
		const values: number[] = [];
		for (const item of own) {
			if (!Object.hasOwn(answers, item.id)) continue;
			const raw = answers[item.id];
			if (raw === undefined) continue;
			if (!isValidAnswer(raw, scale)) throw new RangeError(`Answer to ${item.id} is outside the scale`);
			values.push(itemValue(item, raw, scale));
		}
		const scored = own.length > 0 && values.length >= requiredAnswers(scoring.minAnsweredShare, own.length);
		const score = scored ? dimensionScore(values, scale) : null;
		return {
			dimension: dimension.id,
			score,
			band: score === null ? null : bandOf(score, dimension.bands),
			answered: values.length,
			items: own.length
		};
	});
}

/** Form field name of an item's answer. */
export const ANSWER_FIELD_PREFIX = 'q_';

export interface AnswerProblem {
	/** The item concerned; null when the field names no item at all (a bare `q_`). */
	itemId: string | null;
	key: 'answer.missing' | 'answer.outOfRange' | 'answer.notANumber' | 'answer.unknownItem';
}

export type ValidatedAnswers = { ok: true; answers: Answers } | { ok: false; problems: AnswerProblem[] };

/**
 * Checks a submitted barometer form, where each answer is a field `q_<itemId>`. Every item is
 * required; module items are accepted only when the wave includes the module. Fields that do
 * not start with `q_` (e.g. a CSRF token) are none of this function's business. Problems come
 * in display order, unknown fields last.
 */
export function validateAnswers(
	definition: InstrumentDefinition,
	includeModule: boolean,
	raw: Record<string, string>
): ValidatedAnswers {
	const { scale } = definition;
	const { items } = partsOf(definition, includeModule);
	const problems: AnswerProblem[] = [];
	const answers: Answers = {};
	const known = new Set<string>();
	for (const item of items) {
		const field = ANSWER_FIELD_PREFIX + item.id;
		known.add(field);
		const value: unknown = Object.hasOwn(raw, field) ? raw[field] : undefined;
		if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
			problems.push({ itemId: item.id, key: 'answer.missing' });
			continue;
		}
		// Only the exact digits the form's options send: " 3", "+3" or "03" are refused rather than
		// read as 3, so what is stored is always what one of the options said.
		const text = typeof value === 'string' ? value : '';
		if (/^(0|-?[1-9]\d*)$/.test(text)) {
			const number = Number(text);
			if (number >= scale.min && number <= scale.max) answers[item.id] = number;
			else problems.push({ itemId: item.id, key: 'answer.outOfRange' });
		} else if (/^-?(\d+\.\d*|\.\d+)$/.test(text)) {
			// A number, but not a whole one: no answer on the scale has this value.
			problems.push({ itemId: item.id, key: 'answer.outOfRange' });
		} else problems.push({ itemId: item.id, key: 'answer.notANumber' });
	}
	for (const field of Object.keys(raw)) {
		if (!field.startsWith(ANSWER_FIELD_PREFIX) || known.has(field)) continue;
		const itemId = field.slice(ANSWER_FIELD_PREFIX.length);
		problems.push({ itemId: itemId === '' ? null : itemId, key: 'answer.unknownItem' });
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
