import type { MessageKey } from '../i18n';
import type { Bands } from '../instruments/types';
import { formatMonth } from './signals/calendar';
import type { UnitMonthFigures } from './signals/figures';
import type { FigureId } from './signals/formats';
import { HEALTH_INDICATORS, type IndicatorId } from './signals/indicators';
import { isoMonth } from './signals/parse';

/**
 * Early warning: which units show a signal that changed or repeats, and why. Pure functions, no
 * I/O. docs/early-warning.md describes the method and every parameter for people; the numbers in
 * its worked example are the tables of early-warning.test.ts.
 *
 * 1. Rates over months (rateSignal, indicatorFindings): a unit's monthly rate against its own
 *    baseline (the 12 months before the last 6) and against the organisation in the same month,
 *    each as an EWMA of standardised differences with a binomial or Poisson standard error from
 *    the unit's denominator, widened by the Laney factor when the months vary more than that.
 * 2. Survey dimensions per wave (dimensionFindings): share orange + red and mean score against
 *    the previous wave and against the organisation, with a minimum effect size and a z test.
 * 3. The attention list (rankUnits): units ranked by the sum of their reasons' points, every
 *    reason returned with its points, its numbers and a message to render in nl, fr or en.
 *
 * The anonymity gate is in the input types: a month or a wave enters only as a shown value
 * (`shown: true` with its n); a suppressed value has no figures and does not fit. Findings are
 * branded, so the attention list accepts only findings made here from shown values.
 */

// ---------------------------------------------------------------------------------------------
// Shared types
// ---------------------------------------------------------------------------------------------

declare const checked: unique symbol;
/** Marks a finding as made by this module from shown values: only a cast can build one elsewhere. */
type Checked = { readonly [checked]: true };

/** A message of the catalogue with its parameters; nested messages are translated first. */
export interface WarningMessage {
	key: MessageKey;
	params: Record<string, MessageParam>;
	/** Rendered after the message, in parentheses. */
	detail?: WarningMessage;
}
/** A number (formatted in the reader's language), a nested message, or a dimension's name. */
export type MessageParam = number | WarningMessage | { dimension: string };

// ---------------------------------------------------------------------------------------------
// 1. Rates over months
// ---------------------------------------------------------------------------------------------

/**
 * One month of a rate that passed the anonymity gate: `n` is the headcount it was gated on,
 * `numerator / denominator` the rate (sick days / planned days, leavers / headcount...).
 */
export interface ShownRate {
	shown: true;
	n: number;
	numerator: number;
	denominator: number;
}
export interface MonthlyRate {
	/** `yyyy-mm`. */
	month: string;
	value: ShownRate;
}

/**
 * How a month's count varies by chance around a rate p with denominator d: binomial p(1-p)/d for
 * a share of days or people, Poisson p/d for events that can repeat (spells, accidents).
 */
export type VarianceModel = 'binomial' | 'poisson';

export interface RateParameters {
	/** EWMA weight of the newest month. */
	lambda: number;
	/** Width of the band in standard deviations of the smoothed value (L). */
	limit: number;
	/** Months before the window that make the unit's own baseline. */
	baselineMonths: number;
	/** Fewer baseline months with figures than this: no comparison ('short-history'). */
	minBaselineMonths: number;
	/** Months ending with `asOf` that are watched; the EWMA starts at the reference before them. */
	windowMonths: number;
	/** Months ending with `asOf` in which a month above the band flags the comparison... */
	persistenceWindow: number;
	/** ...and persistent when at least this many of them are above the band. */
	persistenceMin: number;
}

export const RATE_PARAMETERS: Readonly<RateParameters> = Object.freeze({
	lambda: 0.3,
	limit: 2.7,
	baselineMonths: 12,
	minBaselineMonths: 6,
	windowMonths: 6,
	persistenceWindow: 4,
	persistenceMin: 3
});

/** d2 for moving ranges of two: the mean moving range of a standard normal series. */
const D2 = 1.128;

/** One watched month. Rates, reference and band are fractions (0.059 for 5.9 %). */
export interface ChartMonth {
	month: string;
	rate: number;
	/** The unit's baseline (own history) or the organisation's rate that month. */
	reference: number;
	/** The month's standardised difference: (rate - reference) / (dispersion x standard error). */
	y: number;
	/** EWMA of y, started at 0 (the reference) before the window. */
	ewma: number;
	/** ewma / its standard deviation: the band is at z = limit. */
	z: number;
	/** The band in rate units: reference + limit x sd(ewma) x dispersion x standard error. */
	band: number;
	/** The smoothed line in rate units: reference + ewma x dispersion x standard error. */
	smoothed: number;
	/** The smoothed line and the month's own rate are both above the band. */
	above: boolean;
}

export interface RateComparison {
	comparison: 'own-history' | 'organisation';
	/**
	 * 'short-history': fewer than `minBaselineMonths` baseline months; 'no-data': no month in the
	 * window with figures (of the unit, and for this comparison also of the organisation).
	 */
	status: 'ok' | 'short-history' | 'no-data';
	/** The Laney factor: how much more the baseline months vary than chance alone (at least 1). */
	dispersion: number;
	/** Baseline months with figures (with organisation figures too, for the organisation). */
	baselineMonths: number;
	/** The watched months with figures, oldest first. */
	months: ChartMonth[];
	/** Months above the band among the last `persistenceWindow` months. */
	recentAbove: number;
	/** Months above the band in a row, ending with `asOf` (0 when `asOf` is not above). */
	consecutive: number;
	/** At least one month above the band among the last `persistenceWindow` months. */
	flagged: boolean;
}

export interface RateSignal {
	asOf: string;
	/** The unit's rate over its baseline months (Σ numerators / Σ denominators), or null. */
	baseline: number | null;
	/** The last watched month with unit figures, with the plain numbers of the explanation. */
	latest: { month: string; rate: number; organisation: number | null; n: number } | null;
	/** The smallest n of the watched months with figures. */
	n: number;
	ownHistory: RateComparison;
	organisation: RateComparison;
}

function checkShown(value: { shown: unknown; n: unknown }, what: string): void {
	if (value.shown !== true) throw new TypeError(`${what}: only shown values may enter early warning`);
	if (typeof value.n !== 'number' || !(value.n >= 1)) throw new RangeError(`${what}: n must be at least 1`);
}

function monthMap(series: readonly MonthlyRate[], what: string): Map<number, ShownRate> {
	const map = new Map<number, ShownRate>();
	for (const { month, value } of series) {
		checkShown(value, `${what} ${month}`);
		const { numerator, denominator } = value;
		if (!Number.isFinite(numerator) || numerator < 0)
			throw new RangeError(`${what} ${month}: numerator must be a number ≥ 0`);
		if (!Number.isFinite(denominator) || denominator <= 0)
			throw new RangeError(`${what} ${month}: denominator must be a number > 0`);
		const index = isoMonth(month);
		if (map.has(index)) throw new Error(`${what}: two values for ${month}`);
		map.set(index, value);
	}
	return map;
}

/**
 * The variance of one unit of denominator at rate p: p(1-p) or p. A rate of exactly 0 (or 1) would
 * make every later event infinitely far out, so p is kept at least half an event away from it:
 * half an event over `total`, the denominator the rate was measured on.
 */
export function unitVariance(p: number, total: number, model: VarianceModel): number {
	const floor = 0.5 / total;
	if (model === 'poisson') return Math.max(p, floor);
	const q = Math.min(Math.max(p, floor), 1 - floor);
	return Math.max(q * (1 - q), floor * (1 - floor));
}

/** The Laney factor: the mean moving range of the z scores over d2, at least 1. */
export function laneyFactor(zs: readonly number[]): number {
	if (zs.length < 2) return 1;
	let sum = 0;
	for (let i = 1; i < zs.length; i++) sum += Math.abs(zs[i]! - zs[i - 1]!);
	return Math.max(1, sum / (zs.length - 1) / D2);
}

/** The standard deviation of an EWMA of standard normal values after j of them. */
export function ewmaSd(lambda: number, j: number): number {
	return Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * j)));
}

interface Observation {
	month: number;
	rate: number;
	reference: number;
	/** The standard error of the month's rate around the reference, before dispersion. */
	se: number;
}

function notCharted(
	comparison: RateComparison['comparison'],
	status: 'short-history' | 'no-data',
	baselineMonths: number
): RateComparison {
	return {
		comparison,
		status,
		dispersion: 1,
		baselineMonths,
		months: [],
		recentAbove: 0,
		consecutive: 0,
		flagged: false
	};
}

function chart(
	comparison: RateComparison['comparison'],
	baseline: Observation[],
	window: Observation[],
	asOf: number,
	p: RateParameters
): RateComparison {
	if (window.length === 0) return notCharted(comparison, 'no-data', baseline.length);
	if (baseline.length < p.minBaselineMonths) return notCharted(comparison, 'short-history', baseline.length);
	const dispersion = laneyFactor(baseline.map((o) => (o.rate - o.reference) / o.se));
	const months: ChartMonth[] = [];
	let ewma = 0;
	window.forEach((o, i) => {
		const scale = dispersion * o.se;
		const y = (o.rate - o.reference) / scale;
		ewma = p.lambda * y + (1 - p.lambda) * ewma;
		const sd = ewmaSd(p.lambda, i + 1);
		const z = ewma / sd;
		months.push({
			month: formatMonth(o.month),
			rate: o.rate,
			reference: o.reference,
			y,
			ewma,
			z,
			band: o.reference + p.limit * sd * scale,
			smoothed: o.reference + ewma * scale,
			above: z >= p.limit && y >= p.limit * sd
		});
	});
	const aboveAt = new Map(window.map((o, i) => [o.month, months[i]!.above]));
	let recentAbove = 0;
	for (let m = asOf - p.persistenceWindow + 1; m <= asOf; m++) if (aboveAt.get(m)) recentAbove++;
	let consecutive = 0;
	while (aboveAt.get(asOf - consecutive)) consecutive++;
	return {
		comparison,
		status: 'ok',
		dispersion,
		baselineMonths: baseline.length,
		months,
		recentAbove,
		consecutive,
		flagged: recentAbove >= 1
	};
}

/**
 * One unit's rate series against its own history and against the organisation, as of the month
 * `asOf`. Months without a shown value are simply absent (a gap: the EWMA waits for the next
 * month). Only a rise is looked for: every indicator here is worse when higher.
 */
export function rateSignal(
	unit: readonly MonthlyRate[],
	organisation: readonly MonthlyRate[],
	model: VarianceModel,
	asOf: string,
	parameters: Partial<RateParameters> = {}
): RateSignal {
	const p: RateParameters = { ...RATE_PARAMETERS, ...parameters };
	if (!(p.lambda > 0 && p.lambda <= 1)) throw new RangeError('lambda must be in (0, 1]');
	if (!(p.limit > 0)) throw new RangeError('The limit must be above 0');
	if (!(p.minBaselineMonths >= 2 && p.minBaselineMonths <= p.baselineMonths))
		throw new RangeError('At least 2 baseline months are needed, and no more than the baseline holds');
	if (!(p.persistenceMin >= 1 && p.persistenceMin <= p.persistenceWindow))
		throw new RangeError('persistenceMin must lie within the persistence window');
	if (!(p.persistenceWindow >= 1 && p.persistenceWindow <= p.windowMonths))
		throw new RangeError('The persistence window must lie within the watched months');
	const end = isoMonth(asOf);
	const windowStart = end - p.windowMonths + 1;
	const baselineStart = windowStart - p.baselineMonths;
	const own = monthMap(unit, 'unit');
	const org = monthMap(organisation, 'organisation');
	const rateOf = (v: ShownRate) => v.numerator / v.denominator;

	const baselineMonths: number[] = [];
	const windowMonths: number[] = [];
	for (let m = baselineStart; m < windowStart; m++) if (own.has(m)) baselineMonths.push(m);
	for (let m = windowStart; m <= end; m++) if (own.has(m)) windowMonths.push(m);

	// Own history: the baseline rate pooled over the baseline months.
	let num = 0;
	let den = 0;
	for (const m of baselineMonths) {
		num += own.get(m)!.numerator;
		den += own.get(m)!.denominator;
	}
	const baseline = baselineMonths.length > 0 ? num / den : null;
	const ownObservation = (m: number): Observation => {
		const v = own.get(m)!;
		const variance = unitVariance(baseline!, den, model);
		return { month: m, rate: rateOf(v), reference: baseline!, se: Math.sqrt(variance / v.denominator) };
	};
	const ownHistory =
		baseline === null
			? notCharted('own-history', windowMonths.length === 0 ? 'no-data' : 'short-history', 0)
			: chart('own-history', baselineMonths.map(ownObservation), windowMonths.map(ownObservation), end, p);

	// The organisation: the same month's organisation rate, the unit's denominator.
	const orgObservation = (m: number): Observation => {
		const v = own.get(m)!;
		const o = org.get(m)!;
		const reference = rateOf(o);
		const variance = unitVariance(reference, o.denominator, model);
		return { month: m, rate: rateOf(v), reference, se: Math.sqrt(variance / v.denominator) };
	};
	const organisationComparison = chart(
		'organisation',
		baselineMonths.filter((m) => org.has(m)).map(orgObservation),
		windowMonths.filter((m) => org.has(m)).map(orgObservation),
		end,
		p
	);

	const last = windowMonths.at(-1);
	const latest = last === undefined ? null : { month: last, value: own.get(last)!, org: org.get(last) };
	return {
		asOf: formatMonth(end),
		baseline,
		latest: latest && {
			month: formatMonth(latest.month),
			rate: rateOf(latest.value),
			organisation: latest.org ? rateOf(latest.org) : null,
			n: latest.value.n
		},
		n: windowMonths.length === 0 ? 0 : Math.min(...windowMonths.map((m) => own.get(m)!.n)),
		ownHistory,
		organisation: organisationComparison
	};
}

/**
 * The signal indicators early warning watches, as monthly rates. Each is the indicator of
 * docs/indicators.md for a range of one month: numerator / denominator x scale. They are flows
 * (new days, spells, leavers, cases), not stocks: a stock such as long absence or the rolling
 * count of frequent absentees carries the same people from month to month, so a run of months
 * above the band would mostly be one person's continuing absence rather than a rising signal.
 */
export const RATE_INDICATORS = {
	absenceRateShort: {
		numerator: ['sickDaysShort'],
		denominator: 'plannedDays',
		model: 'binomial',
		scale: 100,
		unit: 'percent'
	},
	frequency: {
		numerator: ['spells'],
		denominator: 'headcount',
		model: 'poisson',
		scale: 12,
		unit: 'perEmployeePerYear'
	},
	turnoverVoluntary: {
		numerator: ['leaversVoluntary'],
		denominator: 'headcount',
		model: 'binomial',
		scale: 1200,
		unit: 'percentPerYear'
	},
	newLongIncapacityPer100Fte: {
		numerator: ['newIncapacity4w'],
		denominator: 'fte',
		model: 'poisson',
		scale: 1200,
		unit: 'per100FtePerYear'
	},
	accidentsPer100Fte: {
		numerator: ['workAccidents'],
		denominator: 'fte',
		model: 'poisson',
		scale: 1200,
		unit: 'per100FtePerYear'
	}
} as const satisfies Partial<
	Record<
		IndicatorId,
		{
			numerator: readonly FigureId[];
			denominator: FigureId;
			model: VarianceModel;
			/** From numerator / denominator of one month to the indicator's unit. */
			scale: number;
			unit: 'percent' | 'percentPerYear' | 'perEmployeePerYear' | 'per100FtePerYear';
		}
	>
>;
export type RateIndicatorId = keyof typeof RATE_INDICATORS;
export const RATE_INDICATOR_IDS = Object.keys(RATE_INDICATORS) as RateIndicatorId[];

/**
 * One indicator's monthly rates from per-unit-month figures, behind the same gate as
 * computeIndicators: a month without headcount, or (for a health indicator) with a headcount
 * below k, or without its figures or a positive denominator, is left out.
 */
export function monthlyRates(
	figures: readonly UnitMonthFigures[],
	indicator: RateIndicatorId,
	k: number
): MonthlyRate[] {
	const definition = RATE_INDICATORS[indicator];
	const health = HEALTH_INDICATORS.has(indicator);
	const rates: MonthlyRate[] = [];
	const seen = new Set<string>();
	for (const record of figures) {
		if (seen.has(record.month)) throw new Error(`Two records for ${record.unitId} in ${record.month}`);
		seen.add(record.month);
		const n = record.headcount;
		if (n === null || n < 1 || (health && n < k)) continue;
		let numerator = 0;
		for (const id of definition.numerator) {
			const value = record[id];
			if (value === null) {
				numerator = NaN;
				break;
			}
			numerator += value;
		}
		const denominator = record[definition.denominator];
		if (Number.isNaN(numerator) || denominator === null || !(denominator > 0)) continue;
		rates.push({ month: record.month, value: { shown: true, n, numerator, denominator } });
	}
	return rates.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

export type RateFinding = Checked & {
	kind: 'rate';
	indicator: RateIndicatorId;
	comparison: 'own-history' | 'organisation';
	direction: 'worse';
	/** The last watched month with figures. */
	month: string;
	/** Plain numbers in the indicator's unit (5.9 for 5.9 %): the unit, its baseline, the organisation. */
	value: number;
	baseline: number | null;
	organisation: number | null;
	/** How far out: the EWMA's z (the band is at `limit`), and value / reference (null if 0). */
	z: number;
	ratio: number | null;
	/** Months above the band among the last `window`, and in a row up to the last month. */
	monthsAbove: number;
	window: number;
	consecutive: number;
	/** At least `persistenceMin` of the last `window` months above the band. */
	persistent: boolean;
	/** The smallest n of the watched months. */
	n: number;
};

/** The flagged comparisons of a rate signal as findings, in the indicator's unit. */
export function rateFindings(
	indicator: RateIndicatorId,
	signal: RateSignal,
	parameters: Partial<RateParameters> = {}
): RateFinding[] {
	const p: RateParameters = { ...RATE_PARAMETERS, ...parameters };
	const { scale } = RATE_INDICATORS[indicator];
	const latest = signal.latest;
	if (!latest) return [];
	const display = (v: number | null) => (v === null ? null : v * scale);
	const findings: RateFinding[] = [];
	for (const comparison of [signal.ownHistory, signal.organisation]) {
		if (!comparison.flagged) continue;
		const last = comparison.months.at(-1)!;
		findings.push({
			kind: 'rate',
			indicator,
			comparison: comparison.comparison,
			direction: 'worse',
			month: latest.month,
			value: latest.rate * scale,
			baseline: display(signal.baseline),
			organisation: display(latest.organisation),
			z: last.z,
			ratio: last.reference > 0 ? last.rate / last.reference : null,
			monthsAbove: comparison.recentAbove,
			window: p.persistenceWindow,
			consecutive: comparison.consecutive,
			persistent: comparison.recentAbove >= p.persistenceMin,
			n: signal.n
		} as RateFinding);
	}
	return findings;
}

/**
 * Findings of one indicator for one unit: the unit's and the organisation's figures (the
 * organisation as one total per month, e.g. the root of rollUpFigures), both through the k gate.
 */
export function indicatorFindings(
	indicator: RateIndicatorId,
	unitFigures: readonly UnitMonthFigures[],
	organisationFigures: readonly UnitMonthFigures[],
	k: number,
	asOf: string,
	parameters: Partial<RateParameters> = {}
): RateFinding[] {
	const signal = rateSignal(
		monthlyRates(unitFigures, indicator, k),
		monthlyRates(organisationFigures, indicator, k),
		RATE_INDICATORS[indicator].model,
		asOf,
		parameters
	);
	return rateFindings(indicator, signal, parameters);
}

// ---------------------------------------------------------------------------------------------
// 2. Survey dimensions per wave
// ---------------------------------------------------------------------------------------------

/**
 * A barometer dimension of one group in one wave that passed the anonymity gate (k, or the higher
 * k of a sensitive dimension): n respondents with a score, the mean and standard deviation of
 * their 0-100 scores, and the share (0-1) of them in orange or red.
 */
export interface ShownDimension {
	shown: true;
	n: number;
	mean: number;
	sd: number;
	shareOrangeRed: number;
}

/** One wave of the organisation, oldest first; `unit` is null when the unit was not shown. */
export interface DimensionWave {
	wave: string;
	unit: ShownDimension | null;
	organisation: ShownDimension | null;
}

export interface SurveyParameters {
	/** Minimum rise of the share orange + red (0.10 = 10 percentage points). */
	minShareChange: number;
	/** Minimum change of the mean in the direction of risk, in points on 0-100. */
	minMeanChange: number;
	/** Minimum z of the same change (1.96: two-sided 5 %). */
	zCritical: number;
}

export const SURVEY_PARAMETERS: Readonly<SurveyParameters> = Object.freeze({
	minShareChange: 0.1,
	minMeanChange: 8,
	zCritical: 1.96
});

/** Below this standard deviation (points on 0-100: everyone answered alike) 1 is used. */
const MIN_SD = 1;
/** Tolerance for comparing a difference with its minimum (0.38 - 0.28 is 0.0999... in binary). */
const EPSILON = 1e-9;

export interface DimensionChange {
	/** Rise of the share orange + red (0-1) and its z. */
	shareChange: number;
	shareZ: number;
	/** Change of the mean in the direction of risk (positive = worse) and its z. */
	meanChange: number;
	meanZ: number;
	/** Which rule fired (the share first), or null when neither did. */
	worse: 'share' | 'mean' | null;
}

function checkDimension(value: ShownDimension, what: string): void {
	checkShown(value, what);
	const { mean, sd, shareOrangeRed } = value;
	if (!(mean >= 0 && mean <= 100)) throw new RangeError(`${what}: mean must be within 0-100`);
	if (!(sd >= 0 && Number.isFinite(sd))) throw new RangeError(`${what}: sd must be a number ≥ 0`);
	if (!(shareOrangeRed >= 0 && shareOrangeRed <= 1))
		throw new RangeError(`${what}: share orange + red must be within 0-1`);
}

/**
 * How much worse `current` is than `reference`. Against a previous wave the two groups are
 * independent samples (pooled two-proportion z, Welch z for the mean); against the organisation,
 * which contains the unit, the organisation is the reference value and only the unit's sampling
 * error counts (as in a p-chart: standard error from the organisation's share and the unit's n).
 */
export function compareDimension(
	current: ShownDimension,
	reference: ShownDimension,
	riskWhen: Bands['riskWhen'],
	against: 'previous-wave' | 'organisation',
	parameters: Partial<SurveyParameters> = {}
): DimensionChange {
	const p: SurveyParameters = { ...SURVEY_PARAMETERS, ...parameters };
	checkDimension(current, 'current');
	checkDimension(reference, 'reference');
	const shareChange = current.shareOrangeRed - reference.shareOrangeRed;
	const meanChange = (current.mean - reference.mean) * (riskWhen === 'high' ? 1 : -1);
	const sd1 = Math.max(current.sd, MIN_SD);
	const sd0 = Math.max(reference.sd, MIN_SD);
	let shareSe: number;
	let meanSe: number;
	if (against === 'previous-wave') {
		const pooled =
			(current.shareOrangeRed * current.n + reference.shareOrangeRed * reference.n) /
			(current.n + reference.n);
		shareSe = Math.sqrt(pooled * (1 - pooled) * (1 / current.n + 1 / reference.n));
		meanSe = Math.sqrt((sd1 * sd1) / current.n + (sd0 * sd0) / reference.n);
	} else {
		const floor = 0.5 / reference.n;
		const q = Math.min(Math.max(reference.shareOrangeRed, floor), 1 - floor);
		shareSe = Math.sqrt((q * (1 - q)) / current.n);
		meanSe = sd0 / Math.sqrt(current.n);
	}
	const shareZ = shareSe > 0 ? shareChange / shareSe : 0;
	const meanZ = meanChange / meanSe;
	const shareWorse = shareChange >= p.minShareChange - EPSILON && shareZ >= p.zCritical;
	const meanWorse = meanChange >= p.minMeanChange - EPSILON && meanZ >= p.zCritical;
	return {
		shareChange,
		shareZ,
		meanChange,
		meanZ,
		worse: shareWorse ? 'share' : meanWorse ? 'mean' : null
	};
}

export type DimensionFinding = Checked & {
	kind: 'dimension';
	dimension: string;
	comparison: 'previous-wave' | 'organisation';
	/** The rule that fired in the last wave: share orange + red, or the mean. */
	measure: 'share' | 'mean';
	direction: 'worse';
	wave: string;
	/** Plain numbers: the share in percent (0-100) or the mean (0-100), the unit's and the reference's. */
	value: number;
	reference: number;
	/** value - reference in the direction of risk: percentage points or points. */
	change: number;
	z: number;
	/** Waves in a row, ending with the last, in which the rule fired. */
	consecutiveWaves: number;
	/** Two or more waves in a row. */
	persistent: boolean;
	/** The unit's n in the last wave. */
	n: number;
};

/**
 * Findings of one barometer dimension of one unit in the last wave of `waves`: worse than the
 * previous wave, and worse than the organisation. The direction of risk is the dimension's
 * (`riskWhen`); the share orange + red is worse when higher whatever the direction.
 */
export function dimensionFindings(
	dimension: { id: string; riskWhen: Bands['riskWhen'] },
	waves: readonly DimensionWave[],
	parameters: Partial<SurveyParameters> = {}
): DimensionFinding[] {
	const last = waves.length - 1;
	const current = waves[last]?.unit;
	if (!current) return [];
	const versusPrevious = (i: number) => {
		const now = waves[i]?.unit;
		const before = waves[i - 1]?.unit;
		return now && before
			? compareDimension(now, before, dimension.riskWhen, 'previous-wave', parameters)
			: null;
	};
	const versusOrganisation = (i: number) => {
		const now = waves[i]?.unit;
		const org = waves[i]?.organisation;
		return now && org ? compareDimension(now, org, dimension.riskWhen, 'organisation', parameters) : null;
	};
	const findings: DimensionFinding[] = [];
	for (const [comparison, compare] of [
		['previous-wave', versusPrevious],
		['organisation', versusOrganisation]
	] as const) {
		const change = compare(last);
		if (!change?.worse) continue;
		let consecutiveWaves = 1;
		while (compare(last - consecutiveWaves)?.worse) consecutiveWaves++;
		const reference = comparison === 'previous-wave' ? waves[last - 1]!.unit! : waves[last]!.organisation!;
		const share = change.worse === 'share';
		findings.push({
			kind: 'dimension',
			dimension: dimension.id,
			comparison,
			measure: change.worse,
			direction: 'worse',
			wave: waves[last]!.wave,
			value: share ? current.shareOrangeRed * 100 : current.mean,
			reference: share ? reference.shareOrangeRed * 100 : reference.mean,
			change: share ? change.shareChange * 100 : change.meanChange,
			z: share ? change.shareZ : change.meanZ,
			consecutiveWaves,
			persistent: consecutiveWaves >= 2,
			n: current.n
		} as DimensionFinding);
	}
	return findings;
}

// ---------------------------------------------------------------------------------------------
// 3. The attention list
// ---------------------------------------------------------------------------------------------

export type Finding = RateFinding | DimensionFinding;

/**
 * Points of a reason. A rate: one per month above the band among the last four (a single spike
 * 1, four months 4). A survey dimension: two per wave in a row in which it was worse, at most two
 * waves (one wave 2, two waves 4): a wave sums up months of work as people report it.
 */
export const POINTS = Object.freeze({ perMonthAbove: 1, perWave: 2, maxWaves: 2 });

export function reasonPoints(finding: Finding): number {
	return finding.kind === 'rate'
		? POINTS.perMonthAbove * finding.monthsAbove
		: POINTS.perWave * Math.min(finding.consecutiveWaves, POINTS.maxWaves);
}

export interface UnitFindings {
	unitId: string;
	findings: readonly Finding[];
}

export interface Reason {
	finding: Finding;
	points: number;
	persistent: boolean;
	message: WarningMessage;
}

export interface AttentionEntry {
	/** 1 for the unit that needs attention most. */
	rank: number;
	unitId: string;
	/** The sum of the reasons' points: nothing else. */
	score: number;
	/** Reasons that repeat: 3 of 4 months above the band, or two waves in a row. */
	persistentReasons: number;
	/** The largest z among the reasons (used only to break ties). */
	maxZ: number;
	/** Most points first. */
	reasons: Reason[];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const subjectOf = (f: Finding) => (f.kind === 'rate' ? f.indicator : f.dimension);

function compareReasons(a: Reason, b: Reason): number {
	return (
		b.points - a.points ||
		Number(b.persistent) - Number(a.persistent) ||
		(b.finding.z > a.finding.z ? 1 : b.finding.z < a.finding.z ? -1 : 0) ||
		compareText(a.finding.kind, b.finding.kind) ||
		compareText(subjectOf(a.finding), subjectOf(b.finding)) ||
		compareText(a.finding.comparison, b.finding.comparison)
	);
}

/** The attention order: score, then persistent reasons, then the largest z, then the unit id. */
export function compareEntries(a: AttentionEntry, b: AttentionEntry): number {
	return (
		b.score - a.score ||
		b.persistentReasons - a.persistentReasons ||
		(b.maxZ > a.maxZ ? 1 : b.maxZ < a.maxZ ? -1 : 0) ||
		compareText(a.unitId, b.unitId)
	);
}

/**
 * Units with at least one finding, most attention first. Every entry carries its reasons with
 * their points, numbers and message; the score is their sum. Units without findings are left out.
 */
export function rankUnits(units: readonly UnitFindings[]): AttentionEntry[] {
	const seen = new Set<string>();
	const entries: AttentionEntry[] = [];
	for (const { unitId, findings } of units) {
		if (seen.has(unitId)) throw new Error(`Unit ${unitId} appears twice`);
		seen.add(unitId);
		if (findings.length === 0) continue;
		const reasons = findings
			.map((finding) => ({
				finding,
				points: reasonPoints(finding),
				persistent: finding.persistent,
				message: reasonMessage(finding)
			}))
			.sort(compareReasons);
		entries.push({
			rank: 0,
			unitId,
			score: reasons.reduce((sum, r) => sum + r.points, 0),
			persistentReasons: reasons.filter((r) => r.persistent).length,
			maxZ: Math.max(...reasons.map((r) => r.finding.z)),
			reasons
		});
	}
	entries.sort(compareEntries);
	entries.forEach((entry, i) => (entry.rank = i + 1));
	return entries;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const round = (value: number, decimals: number) => {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
};

function rateValue(indicator: RateIndicatorId, value: number): WarningMessage {
	return { key: `warning.value.${RATE_INDICATORS[indicator].unit}`, params: { value: round(value, 1) } };
}

function persistenceMessage(f: RateFinding): WarningMessage {
	if (f.consecutive >= 2) return { key: 'warning.persistence.run', params: { count: f.consecutive } };
	if (f.consecutive === 1 && f.monthsAbove === 1) return { key: 'warning.persistence.latest', params: {} };
	return { key: 'warning.persistence.recent', params: { count: f.monthsAbove, window: f.window } };
}

/**
 * The sentence of a finding, e.g. "kort verzuim 5,9%, organisatie 3,4% (4 maanden op rij boven
 * de band)" or "uitputting: 38% oranje of rood, was 21%". It names the indicator or dimension and
 * the numbers, never a person, and draws no conclusion about anyone's health.
 */
export function reasonMessage(f: Finding): WarningMessage {
	if (f.kind === 'rate') {
		const subject: WarningMessage = { key: `warning.indicator.${f.indicator}`, params: {} };
		const value = rateValue(f.indicator, f.value);
		if (f.comparison === 'own-history')
			return {
				key: 'warning.reason.rateVsOwnHistory',
				params: { subject, value, baseline: rateValue(f.indicator, f.baseline ?? 0) },
				detail: persistenceMessage(f)
			};
		return {
			key: 'warning.reason.rateVsOrganisation',
			params: { subject, value, organisation: rateValue(f.indicator, f.organisation ?? 0) },
			detail: persistenceMessage(f)
		};
	}
	const subject = { dimension: f.dimension };
	const decimals = f.measure === 'share' ? 0 : 1;
	const value = round(f.value, decimals);
	const reference = round(f.reference, decimals);
	const repeated = f.consecutiveWaves >= 2;
	if (f.comparison === 'previous-wave') {
		const detail: WarningMessage | undefined = repeated
			? { key: 'warning.persistence.wavesWorse', params: { count: f.consecutiveWaves } }
			: undefined;
		return f.measure === 'share'
			? { key: 'warning.reason.shareVsPreviousWave', params: { subject, value, previous: reference }, detail }
			: { key: 'warning.reason.meanVsPreviousWave', params: { subject, value, previous: reference }, detail };
	}
	const detail: WarningMessage | undefined = repeated
		? { key: 'warning.persistence.wavesWorseThanOrganisation', params: { count: f.consecutiveWaves } }
		: undefined;
	return f.measure === 'share'
		? {
				key: 'warning.reason.shareVsOrganisation',
				params: { subject, value, organisation: reference },
				detail
			}
		: {
				key: 'warning.reason.meanVsOrganisation',
				params: { subject, value, organisation: reference },
				detail
			};
}

export interface MessageRenderer {
	/** The catalogue's translate for the reader's language (t, or translate bound to a locale). */
	t: (key: MessageKey, params?: Record<string, string | number>) => string;
	/** A number in the reader's language (formatNumber bound to the locale). */
	number: (value: number) => string;
	/** A dimension's name in the reader's language, from the wave's instrument definition. */
	dimensionName: (id: string) => string;
}

/** A message as text: nested messages first, numbers formatted, the detail in parentheses. */
export function renderMessage(message: WarningMessage, render: MessageRenderer): string {
	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.params)) {
		params[name] =
			typeof value === 'number'
				? render.number(value)
				: 'key' in value
					? renderMessage(value, render)
					: render.dimensionName(value.dimension);
	}
	const text = render.t(message.key, params);
	return message.detail ? `${text} (${renderMessage(message.detail, render)})` : text;
}
