import type { Disclosed, SuppressionReason } from '../anonymity';
import { compareDimension, type ShownDimension } from '../early-warning/survey';
import { formatMonth } from '../signals/calendar';
import { isoMonth } from '../signals/parse';
import type { IndicatorId } from '../signals/registry';
import type { MeasureStatus } from './types';

/**
 * Evaluation of a measure at the next wave (docs/action-plans.md, "Evaluation at the next wave"):
 * per target, a figure before the measure started and one after, each a value that passed the
 * anonymity gate on its own (its wave's plan, or every month's plan of a window), compared only
 * when both are shown. Pure: the server hands in gated values, this decides what they say.
 */

/** A wave as the evaluation chooses it: its dates and the instrument it asked. */
export interface WaveDates {
	id: string;
	name: string;
	opensOn: string;
	closesOn: string;
	/** `key@version` of its instrument: scores of different instruments are not compared. */
	instrument: string;
}

/**
 * The waves a measure is judged by (closed waves only): before, the last one that closed on or
 * before the start date; after, the first one that opened after the start date. A wave that was
 * open on the start date is neither: its answers straddle the start.
 */
export function evaluationWaves<W extends WaveDates>(
	closed: readonly W[],
	startsOn: string
): { before: W | null; after: W | null } {
	let before: W | null = null;
	let after: W | null = null;
	for (const wave of closed) {
		if (wave.closesOn <= startsOn && (!before || wave.closesOn > before.closesOn)) before = wave;
		if (wave.opensOn > startsOn && (!after || wave.opensOn < after.opensOn)) after = wave;
	}
	return { before, after };
}

/** How many months of signals on each side of the start month. */
export const SIGNAL_WINDOW_MONTHS = 6;

/**
 * The windows of signal months a measure is judged by: the six months before the month it started
 * and the six months after it (the start month itself belongs to neither).
 */
export function signalWindows(startsOn: string): {
	before: { from: string; to: string };
	after: { from: string; to: string };
} {
	const start = isoMonth(startsOn.slice(0, 7));
	return {
		before: { from: formatMonth(start - SIGNAL_WINDOW_MONTHS), to: formatMonth(start - 1) },
		after: { from: formatMonth(start + 1), to: formatMonth(start + SIGNAL_WINDOW_MONTHS) }
	};
}

/**
 * A signal rate changed when the after value differs from the before value by at least this share
 * of the before value (0.2: a fifth). Two released window values carry no counts, so early
 * warning's bands (built on each month's denominator) cannot be used here; a fifth keeps a small
 * team's month-to-month noise from reading as an effect.
 */
export const SIGNAL_MIN_RELATIVE_CHANGE = 0.2;
/** Tolerance for comparing a change with its minimum (binary fractions). */
const EPSILON = 1e-9;

export type Outcome = 'improved' | 'unchanged' | 'worse' | 'not-comparable';

export type NotComparableReason =
	/** No closed wave before the start, or no signal months in the window before it. */
	| 'no-before'
	/** The next wave has not closed yet, or the window after the start has not passed. */
	| 'no-after-yet'
	/** The gate hides the figure before (its reason in `hidden`). */
	| 'hidden-before'
	/** The gate hides the figure after (its reason in `hidden`). */
	| 'hidden-after'
	/** The two waves asked different instruments, or one of them did not ask this dimension. */
	| 'different-instrument';

/** A barometer figure as the evaluation shows it: the mean, the share orange + red, and n. */
export interface DimensionValue {
	mean: number;
	sd: number;
	/** 0-1 */
	shareOrangeRed: number;
}

/** One side of a dimension target: the wave it is taken from, and its cell through that wave's plan; null cell: not asked. */
export interface DimensionSide {
	wave: WaveDates;
	cell: Disclosed<DimensionValue> | null;
}

/**
 * One side of a signal target: its window of months, and the value through every month's plan;
 * null when the window has not passed yet (the last month with figures is before its end).
 */
export interface SignalSide {
	from: string;
	to: string;
	value: Disclosed<number> | null;
}

/** What is shown of one side: only ever a value that passed the gate, with its n. */
export type ShownSide<T> = { n: number; value: T };

export type TargetEvaluation =
	| {
			kind: 'dimension';
			target: string;
			/** Which waves were looked at (names and dates only). */
			beforeWave: { name: string; closesOn: string } | null;
			afterWave: { name: string; closesOn: string } | null;
			/** Null whenever a side is hidden: a comparison needing a hidden cell shows no number at all. */
			before: ShownSide<{ mean: number; shareOrangeRed: number }> | null;
			after: ShownSide<{ mean: number; shareOrangeRed: number }> | null;
			outcome: Outcome;
			why: NotComparableReason | null;
			hidden: SuppressionReason | null;
	  }
	| {
			kind: 'signal';
			target: IndicatorId;
			beforeWindow: { from: string; to: string };
			afterWindow: { from: string; to: string };
			before: ShownSide<number> | null;
			after: ShownSide<number> | null;
			outcome: Outcome;
			why: NotComparableReason | null;
			hidden: SuppressionReason | null;
	  };

const notComparable = (why: NotComparableReason, hidden: SuppressionReason | null = null) => ({
	before: null,
	after: null,
	outcome: 'not-comparable' as const,
	why,
	hidden
});

/**
 * One barometer dimension or work factor. Changed means early warning's rule against the previous
 * wave (docs/early-warning.md): the share orange + red moved by at least 10 percentage points, or
 * the mean by at least 8 points, each with z ≥ 1.96. Improved: that rule fires in the better
 * direction; worse: in the worse direction (worse wins when the share and the mean disagree).
 */
export function evaluateDimension(
	target: { id: string; riskWhen: 'high' | 'low' },
	before: DimensionSide | null,
	after: DimensionSide | null
): TargetEvaluation {
	const waves = {
		kind: 'dimension' as const,
		target: target.id,
		beforeWave: before && { name: before.wave.name, closesOn: before.wave.closesOn },
		afterWave: after && { name: after.wave.name, closesOn: after.wave.closesOn }
	};
	if (!before) return { ...waves, ...notComparable('no-before') };
	if (!before.cell) return { ...waves, ...notComparable('different-instrument') };
	if (!before.cell.shown) return { ...waves, ...notComparable('hidden-before', before.cell.reason) };
	const shownBefore = {
		n: before.cell.n,
		value: { mean: before.cell.value.mean, shareOrangeRed: before.cell.value.shareOrangeRed }
	};
	if (!after) return { ...waves, ...notComparable('no-after-yet'), before: shownBefore };
	if (!after.cell || after.wave.instrument !== before.wave.instrument)
		return { ...waves, ...notComparable('different-instrument') };
	if (!after.cell.shown) return { ...waves, ...notComparable('hidden-after', after.cell.reason) };
	const shown = (cell: { n: number; value: DimensionValue }): ShownDimension => ({
		shown: true,
		n: cell.n,
		...cell.value
	});
	const b = shown(before.cell);
	const a = shown(after.cell);
	const worse = compareDimension(a, b, target.riskWhen, 'previous-wave').worse !== null;
	const better = compareDimension(b, a, target.riskWhen, 'previous-wave').worse !== null;
	return {
		...waves,
		before: shownBefore,
		after: {
			n: after.cell.n,
			value: { mean: after.cell.value.mean, shareOrangeRed: after.cell.value.shareOrangeRed }
		},
		outcome: worse ? 'worse' : better ? 'improved' : 'unchanged',
		why: null,
		hidden: null
	};
}

/**
 * How a signal indicator moved from `before` to `after` (lower is better for every indicator):
 * worse or improved by at least SIGNAL_MIN_RELATIVE_CHANGE of the value before (from 0, any rise
 * is worse), else unchanged.
 */
export function signalOutcome(before: number, after: number): Outcome {
	const change = after - before;
	const threshold = before * SIGNAL_MIN_RELATIVE_CHANGE;
	if (before === 0) return change > 0 ? 'worse' : 'unchanged';
	if (change >= threshold - EPSILON) return 'worse';
	return -change >= threshold - EPSILON ? 'improved' : 'unchanged';
}

/**
 * One signal indicator over the windows before and after the start. Every indicator of the registry
 * is a rate of absence, spells, leavers, incapacity or accidents, or a spell duration: lower is
 * better. Changed: by at least SIGNAL_MIN_RELATIVE_CHANGE of the value before (from 0, any rise).
 */
export function evaluateSignal(
	indicator: IndicatorId,
	before: SignalSide,
	after: SignalSide
): TargetEvaluation {
	const windows = {
		kind: 'signal' as const,
		target: indicator,
		beforeWindow: { from: before.from, to: before.to },
		afterWindow: { from: after.from, to: after.to }
	};
	if (!before.value) return { ...windows, ...notComparable('no-before') };
	if (!before.value.shown)
		return {
			...windows,
			...(before.value.reason === 'no-data'
				? notComparable('no-before')
				: notComparable('hidden-before', before.value.reason))
		};
	const shownBefore = { n: before.value.n, value: before.value.value };
	if (!after.value) return { ...windows, ...notComparable('no-after-yet'), before: shownBefore };
	if (!after.value.shown) return { ...windows, ...notComparable('hidden-after', after.value.reason) };
	const outcome = signalOutcome(before.value.value, after.value.value);
	return {
		...windows,
		before: shownBefore,
		after: { n: after.value.n, value: after.value.value },
		outcome,
		why: null,
		hidden: null
	};
}

export interface MeasureEvaluation {
	targets: TargetEvaluation[];
	/** At least one target was compared, none of the compared targets improved, and the measure was not dropped. */
	needsReview: boolean;
}

/**
 * "To review": the next figures are in for at least one target and none of the targets compared
 * improved. A measure whose targets could not be compared (hidden, or no wave after yet) is not
 * marked: nothing is known. A dropped measure is not marked either: it ended for its own reason.
 */
export function needsReview(status: MeasureStatus, targets: readonly TargetEvaluation[]): boolean {
	if (status === 'dropped') return false;
	const compared = targets.filter((t) => t.outcome !== 'not-comparable');
	return compared.length > 0 && !compared.some((t) => t.outcome === 'improved');
}

export function evaluation(status: MeasureStatus, targets: TargetEvaluation[]): MeasureEvaluation {
	return { targets, needsReview: needsReview(status, targets) };
}
