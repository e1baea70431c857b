import { formatMonth } from '../signals/calendar';
import type { UnitMonthFigures } from '../signals/figures';
import type { FigureId } from '../signals/formats';
import { isoMonth } from '../signals/parse';
import {
	INDICATOR_REGISTRY,
	periodFactor,
	unitOver,
	WATCHED_INDICATORS,
	type IndicatorUnit,
	type VarianceModel,
	type WatchedIndicatorId
} from '../signals/registry';
import { checkShown, type Checked } from './shared';

/**
 * Rates over months: a unit's monthly rate against its own baseline (the 12 months before the
 * last 6) and against the organisation in the same month, each as an EWMA of standardised
 * differences with a binomial or Poisson standard error from the unit's denominator, widened by
 * the Laney factor when the months vary more than that.
 */

/**
 * One month of a rate that passed the anonymity gate: `n` is the month-end headcount,
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

export type { VarianceModel };

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
	/**
	 * The last `persistenceWindow` months with figures pooled: the unit's rate (Σ numerators /
	 * Σ denominators) and the reference weighted by the unit's denominators, over `months`
	 * months; null when the comparison is not charted or none of those months has figures.
	 */
	recent: RecentRate | null;
}

export interface RecentRate {
	months: number;
	rate: number;
	reference: number;
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
	/** The unit's denominator that month (the weight of its rate when months are pooled). */
	denominator: number;
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
		flagged: false,
		recent: null
	};
}

/** The observations of the months from `from` on, pooled (see RateComparison.recent). */
function pooled(observations: readonly Observation[], from: number): RecentRate | null {
	let months = 0;
	let numerator = 0;
	let reference = 0;
	let denominator = 0;
	for (const o of observations) {
		if (o.month < from) continue;
		months++;
		numerator += o.rate * o.denominator;
		reference += o.reference * o.denominator;
		denominator += o.denominator;
	}
	return months === 0 ? null : { months, rate: numerator / denominator, reference: reference / denominator };
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
	const zs: number[] = [];
	for (const o of baseline) zs.push((o.rate - o.reference) / o.se);
	const dispersion = laneyFactor(zs);
	const months: ChartMonth[] = [];
	const aboveAt = new Map<number, boolean>();
	let ewma = 0;
	for (let i = 0; i < window.length; i++) {
		const o = window[i]!;
		const scale = dispersion * o.se;
		const y = (o.rate - o.reference) / scale;
		ewma = p.lambda * y + (1 - p.lambda) * ewma;
		const sd = ewmaSd(p.lambda, i + 1);
		const z = ewma / sd;
		const above = z >= p.limit && y >= p.limit * sd;
		months.push({
			month: formatMonth(o.month),
			rate: o.rate,
			reference: o.reference,
			y,
			ewma,
			z,
			band: o.reference + p.limit * sd * scale,
			smoothed: o.reference + ewma * scale,
			above
		});
		aboveAt.set(o.month, above);
	}
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
		flagged: recentAbove >= 1,
		recent: pooled(window, asOf - p.persistenceWindow + 1)
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
	const p = checkedParameters(parameters);
	return signalOf(monthMap(unit, 'unit'), monthMap(organisation, 'organisation'), model, isoMonth(asOf), p);
}

function checkedParameters(parameters: Partial<RateParameters>): RateParameters {
	const p: RateParameters = { ...RATE_PARAMETERS, ...parameters };
	if (!(p.lambda > 0 && p.lambda <= 1)) throw new RangeError('lambda must be in (0, 1]');
	if (!(p.limit > 0)) throw new RangeError('The limit must be above 0');
	if (!(p.minBaselineMonths >= 2 && p.minBaselineMonths <= p.baselineMonths))
		throw new RangeError('At least 2 baseline months are needed, and no more than the baseline holds');
	if (!(p.persistenceMin >= 1 && p.persistenceMin <= p.persistenceWindow))
		throw new RangeError('persistenceMin must lie within the persistence window');
	if (!(p.persistenceWindow >= 1 && p.persistenceWindow <= p.windowMonths))
		throw new RangeError('The persistence window must lie within the watched months');
	return p;
}

/** rateSignal on the months already checked and indexed (monthMap), as of the month index `end`. */
function signalOf(
	own: ReadonlyMap<number, ShownRate>,
	org: ReadonlyMap<number, ShownRate>,
	model: VarianceModel,
	end: number,
	p: RateParameters
): RateSignal {
	// Loops rather than closures: this runs for every unit and indicator of an organisation.
	const windowStart = end - p.windowMonths + 1;
	const baselineStart = windowStart - p.baselineMonths;

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
	let ownHistory: RateComparison;
	if (baseline === null)
		ownHistory = notCharted('own-history', windowMonths.length === 0 ? 'no-data' : 'short-history', 0);
	else {
		const ownBaseline: Observation[] = [];
		const ownWindow: Observation[] = [];
		for (const m of baselineMonths) ownBaseline.push(ownObservation(own, m, baseline, den, model));
		for (const m of windowMonths) ownWindow.push(ownObservation(own, m, baseline, den, model));
		ownHistory = chart('own-history', ownBaseline, ownWindow, end, p);
	}

	// The organisation: the same month's organisation rate, the unit's denominator.
	const orgBaseline: Observation[] = [];
	const orgWindow: Observation[] = [];
	for (const m of baselineMonths) if (org.has(m)) orgBaseline.push(orgObservation(own, org, m, model));
	for (const m of windowMonths) if (org.has(m)) orgWindow.push(orgObservation(own, org, m, model));
	const organisationComparison = chart('organisation', orgBaseline, orgWindow, end, p);

	const last = windowMonths.at(-1);
	let n = Infinity;
	for (const m of windowMonths) n = Math.min(n, own.get(m)!.n);
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
		n: windowMonths.length === 0 ? 0 : n,
		ownHistory,
		organisation: organisationComparison
	};
}

const rateOf = (v: ShownRate) => v.numerator / v.denominator;

/** A month of the unit against its own baseline (pooled over `total`, the baseline's denominators). */
function ownObservation(
	own: ReadonlyMap<number, ShownRate>,
	m: number,
	baseline: number,
	total: number,
	model: VarianceModel
): Observation {
	const v = own.get(m)!;
	const variance = unitVariance(baseline, total, model);
	return {
		month: m,
		rate: rateOf(v),
		denominator: v.denominator,
		reference: baseline,
		se: Math.sqrt(variance / v.denominator)
	};
}

/** A month of the unit against the organisation's rate that month, with the unit's denominator. */
function orgObservation(
	own: ReadonlyMap<number, ShownRate>,
	org: ReadonlyMap<number, ShownRate>,
	m: number,
	model: VarianceModel
): Observation {
	const v = own.get(m)!;
	const o = org.get(m)!;
	const reference = rateOf(o);
	const variance = unitVariance(reference, o.denominator, model);
	return {
		month: m,
		rate: rateOf(v),
		denominator: v.denominator,
		reference,
		se: Math.sqrt(variance / v.denominator)
	};
}

/** The units a watched indicator's rate over one month is in: a share, or a count per month. */
export type MonthUnit = Extract<IndicatorUnit, 'percent' | `${string}PerMonth`>;

/** An indicator the attention list watches (registry.ts: `watched`). */
export type RateIndicatorId = WatchedIndicatorId;

/** A watched indicator as a monthly rate: numerator / denominator of one month x scale. */
export interface RateDefinition {
	numerator: readonly FigureId[];
	denominator: FigureId;
	model: VarianceModel;
	/** From numerator / denominator of one month to the indicator's unit over one month. */
	scale: number;
	/** The unit over one month: an annual rate is said per month (registry.ts: unitOver). */
	unit: MonthUnit;
}

/**
 * The signal indicators early warning watches, as monthly rates, from the registry
 * (signals/registry.ts): each is the indicator of docs/indicators.md for a range of one month,
 * numerator / denominator x scale, in its unit over one month (an annual rate per month).
 */
export const RATE_INDICATORS = Object.fromEntries(
	WATCHED_INDICATORS.map((id) => {
		const { numerator, denominator, model, aggregation, scale } = INDICATOR_REGISTRY[id];
		const definition: RateDefinition = {
			numerator,
			denominator,
			model,
			scale: scale * periodFactor(aggregation, 1),
			unit: unitOver(id, 1) as MonthUnit
		};
		return [id, definition];
	})
) as { readonly [Id in RateIndicatorId]: Readonly<RateDefinition> };
export const RATE_INDICATOR_IDS: readonly RateIndicatorId[] = WATCHED_INDICATORS;

/**
 * One indicator's monthly rates from per-unit-month figures of months that passed the gate
 * (signals/gate.ts: the months whose plan shows the unit). A month without headcount, or without
 * its figures or a positive denominator, is left out.
 */
export function monthlyRates(
	figures: readonly UnitMonthFigures[],
	indicator: RateIndicatorId
): MonthlyRate[] {
	const definition = RATE_INDICATORS[indicator];
	const rates: MonthlyRate[] = [];
	const seen = new Set<string>();
	for (const record of figures) {
		if (seen.has(record.month)) throw new Error(`Two records for ${record.unitId} in ${record.month}`);
		seen.add(record.month);
		const n = record.headcount;
		if (n === null || n < 1) continue;
		const numerator = numeratorOf(record, definition);
		const denominator = record[definition.denominator];
		if (Number.isNaN(numerator) || denominator === null || !(denominator > 0)) continue;
		rates.push({ month: record.month, value: { shown: true, n, numerator, denominator } });
	}
	return rates.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** The sum of a record's numerator figures, NaN when one is missing. */
function numeratorOf(
	record: UnitMonthFigures,
	definition: (typeof RATE_INDICATORS)[RateIndicatorId]
): number {
	let numerator = 0;
	for (const id of definition.numerator) {
		const value = record[id];
		if (value === null) return NaN;
		numerator += value;
	}
	return numerator;
}

/**
 * rateSignal for every unit of an organisation and every indicator at once, as of one month: the
 * parameters are checked and the organisation's rates indexed once, and each unit's months are
 * read once for all indicators (monthlyRates then rateSignal per indicator would read and check
 * them once per indicator). Gives for a unit's figures what
 * `rateSignal(monthlyRates(unit, id), monthlyRates(organisation, id), model, asOf)` gives for each id.
 */
export function rateSignalsAgainst(
	organisation: readonly UnitMonthFigures[],
	indicators: readonly RateIndicatorId[],
	asOf: string,
	parameters: Partial<RateParameters> = {}
): (unit: readonly UnitMonthFigures[]) => Array<{ indicator: RateIndicatorId; signal: RateSignal }> {
	const p = checkedParameters(parameters);
	const end = isoMonth(asOf);
	const watched = indicators.map((indicator) => ({
		indicator,
		definition: RATE_INDICATORS[indicator],
		organisation: monthMap(monthlyRates(organisation, indicator), 'organisation')
	}));
	// Plain loops without closures: this runs for thousands of units per computation.
	return (unit) => {
		const months = new Int32Array(unit.length);
		const seen = new Set<string>();
		for (let r = 0; r < unit.length; r++) {
			const record = unit[r]!;
			if (seen.has(record.month)) throw new Error(`Two records for ${record.unitId} in ${record.month}`);
			seen.add(record.month);
			months[r] = isoMonth(record.month);
		}
		const signals: Array<{ indicator: RateIndicatorId; signal: RateSignal }> = [];
		for (const { indicator, definition, organisation: org } of watched) {
			const own = new Map<number, ShownRate>();
			for (let r = 0; r < unit.length; r++) {
				const record = unit[r]!;
				const n = record.headcount;
				if (n === null || n < 1) continue;
				const numerator = numeratorOf(record, definition);
				const denominator = record[definition.denominator];
				if (Number.isNaN(numerator) || denominator === null || !(denominator > 0)) continue;
				// The checks of monthMap, with its messages.
				if (!(n >= 1)) throw new RangeError(`unit ${record.month}: n must be at least 1`);
				if (!Number.isFinite(numerator) || numerator < 0)
					throw new RangeError(`unit ${record.month}: numerator must be a number ≥ 0`);
				if (!Number.isFinite(denominator))
					throw new RangeError(`unit ${record.month}: denominator must be a number > 0`);
				own.set(months[r]!, { shown: true, n, numerator, denominator });
			}
			signals.push({ indicator, signal: signalOf(own, org, definition.model, end, p) });
		}
		return signals;
	};
}

export type RateFinding = Checked & {
	kind: 'rate';
	indicator: RateIndicatorId;
	comparison: 'own-history' | 'organisation';
	direction: 'worse';
	/** The last watched month with figures. */
	month: string;
	/**
	 * Plain numbers in the indicator's unit over one month (5.9 for 5.9 %), over the last `months`
	 * months with figures (at most `window`): the unit's rate, and the reference it is above, its
	 * own baseline or the organisation's rate over the same months.
	 */
	months: number;
	value: number;
	reference: number;
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
	const findings: RateFinding[] = [];
	for (const comparison of [signal.ownHistory, signal.organisation]) {
		// A month above the band raises a reason only while the recent months, pooled, are still
		// above the reference: the reason's own numbers never show the unit at or below it.
		const recent = comparison.recent;
		if (!comparison.flagged || !recent || !(recent.rate > recent.reference)) continue;
		const last = comparison.months.at(-1)!;
		findings.push({
			kind: 'rate',
			indicator,
			comparison: comparison.comparison,
			direction: 'worse',
			month: latest.month,
			months: recent.months,
			value: recent.rate * scale,
			reference: recent.reference * scale,
			z: last.z,
			ratio: recent.reference > 0 ? recent.rate / recent.reference : null,
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
 * organisation as one total per month, e.g. the root of rollUpFigures), each of the months the
 * gate lets through (signals/gate.ts).
 */
export function indicatorFindings(
	indicator: RateIndicatorId,
	unitFigures: readonly UnitMonthFigures[],
	organisationFigures: readonly UnitMonthFigures[],
	asOf: string,
	parameters: Partial<RateParameters> = {}
): RateFinding[] {
	const signal = rateSignal(
		monthlyRates(unitFigures, indicator),
		monthlyRates(organisationFigures, indicator),
		RATE_INDICATORS[indicator].model,
		asOf,
		parameters
	);
	return rateFindings(indicator, signal, parameters);
}
