import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAROMETER } from '../instruments/barometer';
import type { AnswerScale, Answers, Bands, InstrumentDefinition, Item } from '../instruments/types';
import {
	bandOf,
	dimensionScore,
	itemValue,
	requiredAnswers,
	reverseValue,
	scoreAnswers,
	validateAnswers
} from './scoring';

const scale = (min: number, max: number): AnswerScale => ({
	min,
	max,
	labels: Array.from({ length: max - min + 1 }, (_, i) => ({ nl: `${i}`, fr: `${i}`, en: `${i}` }))
});
const FIVE = scale(1, 5);
const ELEVEN = scale(0, 10);

const allItems = (includeModule: boolean): Item[] =>
	includeModule ? [...BAROMETER.items, ...BAROMETER.module!.items] : BAROMETER.items;

/** Every item answered with the same raw value. */
const answerAll = (value: number, includeModule = false): Answers =>
	Object.fromEntries(allItems(includeModule).map((item) => [item.id, value]));

const resultOf = (results: ReturnType<typeof scoreAnswers>, dimension: string) =>
	results.find((result) => result.dimension === dimension);

describe('reverseValue', () => {
	it.each([
		[1, FIVE, 5],
		[2, FIVE, 4],
		[3, FIVE, 3],
		[4, FIVE, 2],
		[5, FIVE, 1],
		[0, ELEVEN, 10],
		[3, ELEVEN, 7],
		[10, ELEVEN, 0]
	])('reverses %i on %o to %i', (value, s, expected) => {
		expect(reverseValue(value, s)).toBe(expected);
	});
});

describe('itemValue', () => {
	const item = (reverse: boolean): Item => ({
		id: 'x',
		dimension: 'd',
		text: { nl: 'x', fr: 'x', en: 'x' },
		reverse
	});
	it.each([
		[false, 1, 1],
		[false, 4, 4],
		[true, 1, 5],
		[true, 4, 2]
	])('with reverse %s counts %i as %i', (reverse, raw, expected) => {
		expect(itemValue(item(reverse), raw, FIVE)).toBe(expected);
	});
});

describe('dimensionScore', () => {
	it.each([
		['all lowest', [1, 1, 1], FIVE, 0],
		['all highest', [5, 5], FIVE, 100],
		['the middle', [3], FIVE, 50],
		['lowest and highest', [1, 5], FIVE, 50],
		['a mix on two items', [2, 3], FIVE, 37.5],
		['a third, rounded down', [1, 1, 2], FIVE, 8.3],
		['two thirds of a step, rounded up', [1, 2, 2], FIVE, 16.7],
		['a mix on four items', [4, 4, 5, 3], FIVE, 75],
		['a half at the second decimal, rounded up', [2, 2, 1, 1, 1, 1, 1, 1], FIVE, 6.3],
		['all lowest on 0..10', [0, 0], ELEVEN, 0],
		['seven on 0..10', [7], ELEVEN, 70],
		['all highest on 0..10', [10, 10, 10], ELEVEN, 100]
	])('scores %s (%o) as %d', (_name, values, s, expected) => {
		expect(dimensionScore(values, s)).toBe(expected);
	});

	it('refuses an empty list', () => {
		expect(() => dimensionScore([], FIVE)).toThrow(RangeError);
	});
});

describe('bandOf', () => {
	const high: Bands = { riskWhen: 'high', orange: 50, red: 75 };
	const low: Bands = { riskWhen: 'low', orange: 50, red: 25 };
	it.each([
		[high, 0, 'green'],
		[high, 49.9, 'green'],
		[high, 50, 'orange'],
		[high, 74.9, 'orange'],
		[high, 75, 'red'],
		[high, 100, 'red'],
		[low, 100, 'green'],
		[low, 50.1, 'green'],
		[low, 50, 'orange'],
		[low, 25.1, 'orange'],
		[low, 25, 'red'],
		[low, 0, 'red']
	])('with %o puts %d in %s', (bands, score, expected) => {
		expect(bandOf(score, bands)).toBe(expected);
	});
});

describe('requiredAnswers', () => {
	it.each([
		[0.5, 1, 1],
		[0.5, 2, 1],
		[0.5, 3, 2],
		[0.5, 4, 2],
		[1, 4, 4],
		[0.7, 10, 7],
		[0.28, 25, 7], // 0.28 * 25 is 7.000000000000001 in floating point
		[0.56, 25, 14],
		[0.01, 4, 1],
		[0.34, 3, 2]
	])('with share %d of %i items needs %i', (share, items, expected) => {
		expect(requiredAnswers(share, items)).toBe(expected);
	});
});

describe('scoreAnswers', () => {
	it('scores every barometer dimension when all is answered', () => {
		// Answers chosen per dimension to show the bands of the provisional thresholds.
		const answers: Answers = {
			'engagement-energy': 4,
			'engagement-matters': 5,
			'engagement-clock': 2, // reversed: counts as 4
			'stress-tense': 3,
			'stress-let-go': 4,
			'overstrain-overloaded': 2,
			'overstrain-recovery': 2,
			'burnout-exhaustion': 3,
			'burnout-distance': 2,
			'burnout-cognitive': 2,
			'burnout-emotional': 2,
			'depression-mood': 4,
			'depression-enjoyment': 5,
			'anxiety-worry': 1,
			'anxiety-body': 1,
			'conflict-colleagues': 3,
			'conflict-manager': 3,
			'unwanted-behaviour': 2,
			'coping-active': 2,
			'coping-avoidant': 4 // reversed: counts as 2
		};
		expect(scoreAnswers(BAROMETER, answers, false)).toEqual([
			{ dimension: 'engagement', score: 83.3, band: 'green', answered: 3, items: 3 },
			{ dimension: 'stress', score: 62.5, band: 'orange', answered: 2, items: 2 },
			{ dimension: 'overstrain', score: 25, band: 'green', answered: 2, items: 2 },
			{ dimension: 'burnout', score: 31.3, band: 'green', answered: 4, items: 4 },
			{ dimension: 'depression', score: 87.5, band: 'red', answered: 2, items: 2 },
			{ dimension: 'anxiety', score: 0, band: 'green', answered: 2, items: 2 },
			{ dimension: 'conflict', score: 50, band: 'orange', answered: 2, items: 2 },
			{ dimension: 'unwanted-behaviour', score: 25, band: 'orange', answered: 1, items: 1 },
			{ dimension: 'coping', score: 25, band: 'orange', answered: 2, items: 2 }
		]);
	});

	it.each([
		['all "never"', 1, { engagement: 33.3, stress: 0, coping: 50 }],
		['all "always"', 5, { engagement: 66.7, stress: 100, coping: 50 }]
	])('reverses where needed with %s', (_name, value, expected) => {
		const results = scoreAnswers(BAROMETER, answerAll(value), false);
		for (const [dimension, score] of Object.entries(expected))
			expect(resultOf(results, dimension)?.score).toBe(score);
	});

	it('leaves the module out unless asked, and ignores its answers then', () => {
		const answers = answerAll(3, true);
		expect(scoreAnswers(BAROMETER, answers, false).map((r) => r.dimension)).toEqual(
			BAROMETER.dimensions.map((d) => d.id)
		);
		const withModule = scoreAnswers(BAROMETER, answers, true);
		expect(withModule).toHaveLength(19);
		expect(resultOf(withModule, 'work-private-balance')).toEqual({
			dimension: 'work-private-balance',
			score: 50,
			band: 'orange',
			answered: 2,
			items: 2
		});
	});

	it.each([
		['burn-out with 1 of 4 answered', 'burnout', ['burnout-exhaustion'], null, 1],
		['burn-out with 2 of 4 answered', 'burnout', ['burnout-exhaustion', 'burnout-distance'], 100, 2],
		['engagement with 1 of 3 answered', 'engagement', ['engagement-energy'], null, 1],
		['engagement with 2 of 3 answered', 'engagement', ['engagement-energy', 'engagement-clock'], 50, 2],
		['unwanted behaviour unanswered', 'unwanted-behaviour', [], null, 0],
		['unwanted behaviour answered', 'unwanted-behaviour', ['unwanted-behaviour'], 100, 1]
	])('applies minAnsweredShare 0.5: %s', (_name, dimension, answered, score, count) => {
		const answers: Answers = Object.fromEntries(answered.map((id) => [id, 5]));
		const result = resultOf(scoreAnswers(BAROMETER, answers, false), dimension);
		expect(result?.score).toBe(score);
		expect(result?.band).toEqual(score === null ? null : expect.any(String));
		expect(result?.answered).toBe(count);
	});

	it('asks for every item when minAnsweredShare is 1', () => {
		const strict: InstrumentDefinition = { ...BAROMETER, scoring: { method: 'mean', minAnsweredShare: 1 } };
		const answers = answerAll(3);
		delete answers['burnout-cognitive'];
		const results = scoreAnswers(strict, answers, false);
		expect(resultOf(results, 'burnout')).toMatchObject({ score: null, band: null, answered: 3, items: 4 });
		expect(resultOf(results, 'stress')).toMatchObject({ score: 50, band: 'green' });
	});

	it('ignores answers to items it does not know', () => {
		const answers = { ...answerAll(3), 'not-an-item': 5 };
		expect(scoreAnswers(BAROMETER, answers, false)).toEqual(scoreAnswers(BAROMETER, answerAll(3), false));
	});

	it.each([
		['above the scale', 6],
		['below the scale', 0],
		['fractional', 2.5],
		['not a number', Number.NaN]
	])('throws on an answer %s', (_name, value) => {
		expect(() => scoreAnswers(BAROMETER, { ...answerAll(3), 'stress-tense': value }, false)).toThrow(
			RangeError
		);
	});
});

describe('validateAnswers', () => {
	const form = (value: string, includeModule = false): Record<string, string> =>
		Object.fromEntries(allItems(includeModule).map((item) => [`q_${item.id}`, value]));

	it('accepts a complete form and ignores fields that are not answers', () => {
		const raw = { ...form('3'), csrf: 'token', 'q_stress-tense': '4' };
		const result = validateAnswers(BAROMETER, false, raw);
		expect(result).toEqual({ ok: true, answers: { ...answerAll(3), 'stress-tense': 4 } });
	});

	it('accepts module answers when the module is included', () => {
		expect(validateAnswers(BAROMETER, true, form('5', true))).toEqual({
			ok: true,
			answers: answerAll(5, true)
		});
	});

	it.each([
		['an empty answer', { 'q_stress-tense': '' }, 'stress-tense', 'answer.missing'],
		['a blank answer', { 'q_stress-tense': '   ' }, 'stress-tense', 'answer.missing'],
		['an answer above the scale', { 'q_stress-tense': '6' }, 'stress-tense', 'answer.outOfRange'],
		['an answer below the scale', { 'q_stress-tense': '0' }, 'stress-tense', 'answer.outOfRange'],
		['a negative answer', { 'q_stress-tense': '-3' }, 'stress-tense', 'answer.outOfRange'],
		['a fractional answer', { 'q_stress-tense': '2.5' }, 'stress-tense', 'answer.outOfRange'],
		['a word', { 'q_stress-tense': 'vaak' }, 'stress-tense', 'answer.notANumber'],
		['a number with a word', { 'q_stress-tense': '3 keer' }, 'stress-tense', 'answer.notANumber'],
		['an exponent', { 'q_stress-tense': '1e0' }, 'stress-tense', 'answer.notANumber'],
		['an unknown item', { 'q_how-are-you': '3' }, 'how-are-you', 'answer.unknownItem'],
		['a bare prefix', { q_: '3' }, null, 'answer.unknownItem'],
		[
			'a module item without the module',
			{ 'q_wf-workload-amount': '3' },
			'wf-workload-amount',
			'answer.unknownItem'
		]
	])('refuses %s', (_name, change, itemId, key) => {
		const result = validateAnswers(BAROMETER, false, { ...form('3'), ...change });
		expect(result).toEqual({ ok: false, problems: [{ itemId, key }] });
	});

	it.each([
		['a leading space', ' 3'],
		['a trailing space', '3 '],
		['a tab', '\t3'],
		['a line break', '3\n'],
		['a non-breaking space', '\u00a03'],
		['a plus sign', '+3'],
		['a leading zero', '03'],
		['a minus zero', '-0'],
		['a decimal point', '3.'],
		['a decimal zero', '3.0'],
		['an exponent', '3e0'],
		['a hexadecimal spelling', '0x3'],
		['full-width digits', '\uff13'],
		['Arabic-Indic digits', '\u0663']
	])('refuses a non-canonical spelling: %s', (_name, value) => {
		const result = validateAnswers(BAROMETER, false, { ...form('3'), 'q_stress-tense': value });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toHaveLength(1);
			expect(result.problems[0]!.itemId).toBe('stress-tense');
			expect(['answer.outOfRange', 'answer.notANumber']).toContain(result.problems[0]!.key);
		}
	});

	it('accepts exactly the canonical digits of each value on a scale, zero included', () => {
		const eleven: InstrumentDefinition = { ...BAROMETER, scale: ELEVEN };
		for (let value = ELEVEN.min; value <= ELEVEN.max; value++) {
			expect(validateAnswers(eleven, false, form(String(value)))).toEqual({
				ok: true,
				answers: answerAll(value)
			});
		}
		expect(validateAnswers(eleven, false, form('00')).ok).toBe(false);
		expect(validateAnswers(eleven, false, form('010')).ok).toBe(false);
	});

	it('refuses every other spelling of an allowed value', () => {
		const padding = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u3000', '\ufeff');
		const spelling = fc.integer({ min: FIVE.min, max: FIVE.max }).chain((value) =>
			fc.oneof(
				fc
					.tuple(fc.array(padding, { minLength: 1, maxLength: 3 }), fc.boolean())
					.map(([pad, before]) => (before ? pad.join('') + value : value + pad.join(''))),
				fc.integer({ min: 1, max: 4 }).map((zeros) => '0'.repeat(zeros) + value),
				fc.constantFrom(`+${value}`, `${value}.`, `${value}.0`, `${value}e0`, `${value}E+0`),
				fc.constant(`0x${value}`),
				fc.constant(String.fromCharCode(0xff10 + value))
			)
		);
		fc.assert(
			fc.property(spelling, (value) => {
				const result = validateAnswers(BAROMETER, false, { ...form('3'), 'q_stress-tense': value });
				expect(result.ok).toBe(false);
				if (!result.ok) expect(result.problems.map((p) => p.itemId)).toEqual(['stress-tense']);
			})
		);
	});

	it('asks for every item, module items too when included', () => {
		const raw = form('3', false);
		delete raw['q_coping-active'];
		const result = validateAnswers(BAROMETER, true, raw);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toHaveLength(15);
			expect(result.problems[0]).toEqual({ itemId: 'coping-active', key: 'answer.missing' });
			expect(result.problems.every((p) => p.key === 'answer.missing')).toBe(true);
		}
	});

	it('does not read answers from the prototype', () => {
		const raw = Object.create({ 'q_stress-tense': '3' }) as Record<string, string>;
		const result = validateAnswers(BAROMETER, false, raw);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems).toContainEqual({ itemId: 'stress-tense', key: 'answer.missing' });
	});
});

describe('scoring properties', () => {
	/** A complete valid answer set for the barometer, with or without its module. */
	const answersFor = (includeModule: boolean) =>
		fc
			.tuple(...allItems(includeModule).map(() => fc.integer({ min: FIVE.min, max: FIVE.max })))
			.map(
				(values) =>
					Object.fromEntries(allItems(includeModule).map((item, i) => [item.id, values[i]!])) as Answers
			);
	const answerSet = fc
		.boolean()
		.chain((includeModule) => answersFor(includeModule).map((answers) => ({ includeModule, answers })));

	it('gives every dimension a score within 0-100 and a band for any complete answer set', () => {
		fc.assert(
			fc.property(answerSet, ({ includeModule, answers }) => {
				for (const result of scoreAnswers(BAROMETER, answers, includeModule)) {
					expect(result.score).not.toBeNull();
					expect(result.score).toBeGreaterThanOrEqual(0);
					expect(result.score).toBeLessThanOrEqual(100);
					expect(['green', 'orange', 'red']).toContain(result.band);
					expect(result.answered).toBe(result.items);
				}
			})
		);
	});

	const anyScale = fc
		.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 10 }))
		.map(([min, width]) => scale(min, min + width));

	it('reversing twice is the identity, and a reversed value stays on the scale', () => {
		fc.assert(
			fc.property(
				anyScale.chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: s.min, max: s.max }))),
				([s, value]) => {
					expect(reverseValue(reverseValue(value, s), s)).toBe(value);
					expect(reverseValue(value, s)).toBeGreaterThanOrEqual(s.min);
					expect(reverseValue(value, s)).toBeLessThanOrEqual(s.max);
				}
			)
		);
	});

	it('rescales any values on any scale to the documented formula within rounding', () => {
		fc.assert(
			fc.property(
				anyScale.chain((s) =>
					fc.tuple(
						fc.constant(s),
						fc.array(fc.integer({ min: s.min, max: s.max }), { minLength: 1, maxLength: 40 })
					)
				),
				([s, values]) => {
					const mean = values.reduce((a, b) => a + b, 0) / values.length;
					const exact = ((mean - s.min) / (s.max - s.min)) * 100;
					const score = dimensionScore(values, s);
					expect(Math.abs(score - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
					expect(Math.round(score * 10)).toBeCloseTo(score * 10, 9);
				}
			)
		);
	});

	/** Valid bands: two distinct thresholds in 0..100, ordered as `riskWhen` requires. */
	const anyBands = fc
		.tuple(
			fc.constantFrom<Bands['riskWhen']>('high', 'low'),
			fc.double({ min: 0, max: 100, noNaN: true }),
			fc.double({ min: 0, max: 100, noNaN: true })
		)
		.filter(([, a, b]) => a !== b)
		.map(([riskWhen, a, b]): Bands => {
			const [lower, upper] = a < b ? [a, b] : [b, a];
			return riskWhen === 'high'
				? { riskWhen, orange: lower, red: upper }
				: { riskWhen, orange: upper, red: lower };
		});

	it('puts a score exactly at a threshold in that threshold’s band', () => {
		fc.assert(
			fc.property(anyBands, (bands) => {
				expect(bandOf(bands.orange, bands)).toBe('orange');
				expect(bandOf(bands.red, bands)).toBe('red');
			})
		);
	});

	it('follows the documented inclusive boundaries for any score', () => {
		fc.assert(
			fc.property(anyBands, fc.double({ min: 0, max: 100, noNaN: true }), (bands, score) => {
				const band = bandOf(score, bands);
				const atOrBeyond = (threshold: number) =>
					bands.riskWhen === 'high' ? score >= threshold : score <= threshold;
				expect(band === 'red').toBe(atOrBeyond(bands.red));
				expect(band !== 'green').toBe(atOrBeyond(bands.orange));
			})
		);
	});

	const riskHighItems = allItems(true).filter(
		(item) =>
			[...BAROMETER.dimensions, ...BAROMETER.module!.dimensions].find((d) => d.id === item.dimension)?.bands
				.riskWhen === 'high'
	);

	it('never lowers a risk-high dimension’s score when one answer moves towards the risk end', () => {
		fc.assert(
			fc.property(
				answersFor(true),
				fc.constantFrom(...riskHighItems),
				fc.integer({ min: 1, max: FIVE.max - FIVE.min }),
				(answers, item, steps) => {
					const before = resultOf(scoreAnswers(BAROMETER, answers, true), item.dimension)!.score!;
					// Towards the risk end: a higher value, or a lower raw answer on a reversed item.
					const raw = answers[item.id]!;
					const moved = item.reverse ? Math.max(FIVE.min, raw - steps) : Math.min(FIVE.max, raw + steps);
					const after = resultOf(
						scoreAnswers(BAROMETER, { ...answers, [item.id]: moved }, true),
						item.dimension
					)!.score!;
					expect(after).toBeGreaterThanOrEqual(before);
				}
			)
		);
	});
});
