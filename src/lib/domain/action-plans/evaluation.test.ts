import { describe, expect, it } from 'vitest';
import { discloseWithoutMinimum, suppressed, type SuppressionReason } from '../anonymity';
import {
	evaluateDimension,
	evaluateSignal,
	evaluationWaves,
	needsReview,
	signalWindows,
	type DimensionSide,
	type Outcome,
	type SignalSide,
	type TargetEvaluation,
	type WaveDates
} from './evaluation';
import type { MeasureStatus } from './types';

const wave = (name: string, opensOn: string, closesOn: string, instrument = 'barometer@1'): WaveDates => ({
	id: name,
	name,
	opensOn,
	closesOn,
	instrument
});
const SPRING_25 = wave('Voorjaar 2025', '2025-03-01', '2025-03-31');
const AUTUMN_25 = wave('Najaar 2025', '2025-10-01', '2025-10-31');
const SPRING_26 = wave('Voorjaar 2026', '2026-03-01', '2026-03-31');

describe('evaluationWaves', () => {
	it.each`
		startsOn        | before       | after
		${'2025-01-10'} | ${null}      | ${SPRING_25}
		${'2025-03-15'} | ${null}      | ${AUTUMN_25}
		${'2025-03-31'} | ${SPRING_25} | ${AUTUMN_25}
		${'2025-04-01'} | ${SPRING_25} | ${AUTUMN_25}
		${'2025-10-01'} | ${SPRING_25} | ${SPRING_26}
		${'2025-11-01'} | ${AUTUMN_25} | ${SPRING_26}
		${'2026-04-01'} | ${SPRING_26} | ${null}
	`(
		'a measure starting $startsOn: before and after (a wave open on the start date is neither)',
		({
			startsOn,
			before,
			after
		}: {
			startsOn: string;
			before: WaveDates | null;
			after: WaveDates | null;
		}) => {
			expect(evaluationWaves([SPRING_26, SPRING_25, AUTUMN_25], startsOn)).toEqual({ before, after });
		}
	);
});

describe('signalWindows', () => {
	it('takes the six months before the start month and the six after it', () => {
		expect(signalWindows('2026-03-15')).toEqual({
			before: { from: '2025-09', to: '2026-02' },
			after: { from: '2026-04', to: '2026-09' }
		});
		expect(signalWindows('2026-01-01').before).toEqual({ from: '2025-07', to: '2025-12' });
	});
});

const cell = (n: number, mean: number, shareOrangeRed: number, sd = 15) =>
	discloseWithoutMinimum(n, { mean, sd, shareOrangeRed });
const side = (w: WaveDates, c: DimensionSide['cell']): DimensionSide => ({ wave: w, cell: c });
const BURNOUT = { id: 'burnout', riskWhen: 'high' as const };
const SUPPORT = { id: 'social-support', riskWhen: 'low' as const };

describe('evaluateDimension', () => {
	// n = 30 on both sides, sd 15: a mean change of 8 has z = 8 / sqrt(2 * 225 / 30) = 2.07.
	it.each`
		case                                           | target     | before               | after                  | outcome
		${'mean 8 lower, burn-out: better'}            | ${BURNOUT} | ${cell(30, 60, 0.4)} | ${cell(30, 52, 0.4)}   | ${'improved'}
		${'mean 7.9 lower: not enough'}                | ${BURNOUT} | ${cell(30, 60, 0.4)} | ${cell(30, 52.1, 0.4)} | ${'unchanged'}
		${'mean 8 higher, burn-out: worse'}            | ${BURNOUT} | ${cell(30, 52, 0.4)} | ${cell(30, 60, 0.4)}   | ${'worse'}
		${'mean 8 higher, support (higher is better)'} | ${SUPPORT} | ${cell(30, 52, 0.4)} | ${cell(30, 60, 0.4)}   | ${'improved'}
		${'mean 8 lower, support: worse'}              | ${SUPPORT} | ${cell(30, 60, 0.4)} | ${cell(30, 52, 0.4)}   | ${'worse'}
		${'share orange + red 40% to 15%: better'}     | ${BURNOUT} | ${cell(30, 50, 0.4)} | ${cell(30, 50, 0.15)}  | ${'improved'}
		${'8 points but too few people for z ≥ 1.96'}  | ${BURNOUT} | ${cell(5, 60, 0.4)}  | ${cell(5, 52, 0.4)}    | ${'unchanged'}
		${'share better, mean worse: worse wins'}      | ${BURNOUT} | ${cell(60, 50, 0.4)} | ${cell(60, 60, 0.15)}  | ${'worse'}
	`('$case', ({ target, before, after, outcome }) => {
		const result = evaluateDimension(target, side(SPRING_25, before), side(AUTUMN_25, after));
		expect(result).toMatchObject({ outcome, why: null, hidden: null });
		expect(result.before).toEqual({
			n: before.n,
			value: { mean: before.value.mean, shareOrangeRed: before.value.shareOrangeRed }
		});
	});

	it.each`
		case                          | before                                    | after                                                                            | why                       | hidden
		${'no wave before the start'} | ${null}                                   | ${side(AUTUMN_25, cell(30, 50, 0.3))}                                            | ${'no-before'}            | ${null}
		${'the unit below k before'}  | ${side(SPRING_25, suppressed('below-k'))} | ${side(AUTUMN_25, cell(30, 50, 0.3))}                                            | ${'hidden-before'}        | ${'below-k'}
		${'hidden after, to protect'} | ${side(SPRING_25, cell(30, 50, 0.3))}     | ${side(AUTUMN_25, suppressed('secondary'))}                                      | ${'hidden-after'}         | ${'secondary'}
		${'sensitive after'}          | ${side(SPRING_25, cell(30, 50, 0.3))}     | ${side(AUTUMN_25, suppressed('sensitive'))}                                      | ${'hidden-after'}         | ${'sensitive'}
		${'not asked before'}         | ${side(SPRING_25, null)}                  | ${side(AUTUMN_25, cell(30, 50, 0.3))}                                            | ${'different-instrument'} | ${null}
		${'not asked after'}          | ${side(SPRING_25, cell(30, 50, 0.3))}     | ${side(AUTUMN_25, null)}                                                         | ${'different-instrument'} | ${null}
		${'another instrument after'} | ${side(SPRING_25, cell(30, 50, 0.3))}     | ${side(wave('Eigen', '2025-10-01', '2025-10-31', 'eigen@1'), cell(30, 50, 0.3))} | ${'different-instrument'} | ${null}
	`(
		'not comparable, with no number at all: $case',
		({
			before,
			after,
			why,
			hidden
		}: {
			before: DimensionSide | null;
			after: DimensionSide | null;
			why: string;
			hidden: SuppressionReason | null;
		}) => {
			const result = evaluateDimension(BURNOUT, before, after);
			expect(result).toMatchObject({ outcome: 'not-comparable', why, hidden, before: null, after: null });
			expect(JSON.stringify([result.before, result.after, result.why, result.hidden])).not.toMatch(/\d/);
		}
	);

	it('shows the figure before while the next wave has not closed, and compares nothing', () => {
		const result = evaluateDimension(BURNOUT, side(SPRING_25, cell(12, 55, 0.25)), null);
		expect(result).toMatchObject({
			outcome: 'not-comparable',
			why: 'no-after-yet',
			before: { n: 12, value: { mean: 55, shareOrangeRed: 0.25 } },
			after: null,
			beforeWave: { name: 'Voorjaar 2025', closesOn: '2025-03-31' },
			afterWave: null
		});
	});
});

const windowSide = (from: string, to: string, value: SignalSide['value']): SignalSide => ({
	from,
	to,
	value
});
const before = (value: SignalSide['value']) => windowSide('2025-09', '2026-02', value);
const after = (value: SignalSide['value']) => windowSide('2026-04', '2026-09', value);

describe('evaluateSignal (lower is better; changed by at least a fifth of the value before)', () => {
	it.each`
		from | to      | outcome
		${5} | ${4}    | ${'improved'}
		${5} | ${4.01} | ${'unchanged'}
		${5} | ${6}    | ${'worse'}
		${5} | ${5.99} | ${'unchanged'}
		${0} | ${0}    | ${'unchanged'}
		${0} | ${0.1}  | ${'worse'}
		${2} | ${0}    | ${'improved'}
	`('$from → $to: $outcome', ({ from, to, outcome }: { from: number; to: number; outcome: Outcome }) => {
		const result = evaluateSignal(
			'absenceRateShort',
			before(discloseWithoutMinimum(20, from)),
			after(discloseWithoutMinimum(21, to))
		);
		expect(result).toMatchObject({
			outcome,
			before: { n: 20, value: from },
			after: { n: 21, value: to },
			beforeWindow: { from: '2025-09', to: '2026-02' },
			afterWindow: { from: '2026-04', to: '2026-09' }
		});
	});

	it.each`
		case                        | b                               | a                               | why                | hidden
		${'no months before'}       | ${null}                         | ${discloseWithoutMinimum(9, 3)} | ${'no-before'}     | ${null}
		${'no figures before'}      | ${suppressed('no-data')}        | ${discloseWithoutMinimum(9, 3)} | ${'no-before'}     | ${null}
		${'a month below k before'} | ${suppressed('below-k')}        | ${discloseWithoutMinimum(9, 3)} | ${'hidden-before'} | ${'below-k'}
		${'a month hidden after'}   | ${discloseWithoutMinimum(9, 3)} | ${suppressed('secondary')}      | ${'hidden-after'}  | ${'secondary'}
	`('not comparable: $case', ({ b, a, why, hidden }) => {
		const result = evaluateSignal('frequency', before(b), after(a));
		expect(result).toMatchObject({ outcome: 'not-comparable', why, hidden, before: null, after: null });
	});

	it('shows the window before while the months after have not all come in', () => {
		expect(evaluateSignal('frequency', before(discloseWithoutMinimum(9, 1.2)), after(null))).toMatchObject({
			outcome: 'not-comparable',
			why: 'no-after-yet',
			before: { n: 9, value: 1.2 },
			after: null
		});
	});
});

describe('needsReview', () => {
	const t = (outcome: Outcome) => ({ outcome }) as TargetEvaluation;
	it.each`
		status           | outcomes                                | review
		${'done'}        | ${['unchanged']}                        | ${true}
		${'done'}        | ${['worse', 'unchanged']}               | ${true}
		${'done'}        | ${['worse', 'improved']}                | ${false}
		${'done'}        | ${['improved']}                         | ${false}
		${'in-progress'} | ${['unchanged', 'not-comparable']}      | ${true}
		${'done'}        | ${['not-comparable', 'improved']}       | ${false}
		${'done'}        | ${['not-comparable', 'not-comparable']} | ${false}
		${'done'}        | ${[]}                                   | ${false}
		${'dropped'}     | ${['worse']}                            | ${false}
		${'planned'}     | ${['worse']}                            | ${true}
	`(
		'$status with $outcomes: $review',
		({ status, outcomes, review }: { status: MeasureStatus; outcomes: Outcome[]; review: boolean }) => {
			expect(needsReview(status, outcomes.map(t))).toBe(review);
		}
	);
});
