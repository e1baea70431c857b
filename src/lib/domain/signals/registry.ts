import type { FigureId } from './formats';

/**
 * The collective-signal indicators, each defined once: the figures it reads, how it aggregates
 * over a range of months, its unit, whether it is health information, and how early warning
 * reads it. computeIndicators (indicators.ts) computes every indicator from this table, early
 * warning (early-warning/rates.ts) derives its monthly rates from it, and the unit page shows each
 * value in the unit given here. docs/indicators.md is the reference for people.
 *
 * Pure data: no figures, so pages and components may read it.
 */

/** The indicators, in the order a page lists them. */
export const INDICATORS = [
	'absenceRate',
	'absenceRateShort',
	'absenceRateMedium',
	'absenceRateLong',
	'frequency',
	'frequentAbsenteeism',
	'averageSpellDuration',
	'turnoverVoluntary',
	'turnoverInvoluntary',
	'newLongIncapacityPer100Fte',
	'accidentsPer100Fte'
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/**
 * How an indicator's figures over the months of a range become one value:
 * - 'ratioOfSums': Σ numerator / Σ denominator × scale;
 * - 'annualRate': Σ numerator / average denominator × scale, per year (× 12 / months) over a
 *   range of at least twelve months and per month (× 1 / months) over a shorter one: a month's
 *   figure is never turned into a yearly rate (`unitOver` gives the unit it is then shown in);
 * - 'lastMonthRatio': numerator / denominator of the last month of the range × scale, for a
 *   figure that is already a rolling count.
 * The numerator is the sum of its figures; a figure missing in a month the aggregation reads
 * makes the value unknown.
 */
export type Aggregation = 'ratioOfSums' | 'annualRate' | 'lastMonthRatio';

/** The unit an annual rate is shown in over a year, and over fewer months (per month). */
const PER_MONTH = {
	percentPerYear: 'percentPerMonth',
	perEmployeePerYear: 'perEmployeePerMonth',
	per100FtePerYear: 'per100FtePerMonth'
} as const;
type YearlyUnit = keyof typeof PER_MONTH;

/** The unit a value is shown in (the message `indicator.value.<unit>`). */
export type IndicatorUnit = 'percent' | 'days' | YearlyUnit | (typeof PER_MONTH)[YearlyUnit];

/** An annual rate is annualised only over at least this many months; over fewer it is per month. */
export const ANNUALISED_FROM_MONTHS = 12;

/**
 * The factor that turns Σ numerator / average denominator × scale over `months` months into the
 * value shown: per year from ANNUALISED_FROM_MONTHS months, per month below.
 */
export function periodFactor(aggregation: Aggregation, months: number): number {
	if (aggregation !== 'annualRate') return 1;
	return months >= ANNUALISED_FROM_MONTHS ? 12 / months : 1 / months;
}

/** The unit of an indicator's value over a range of `months` months (see periodFactor). */
export function unitOver(id: IndicatorId, months: number): IndicatorUnit {
	const { unit, aggregation } = INDICATOR_REGISTRY[id] as IndicatorDefinition;
	if (aggregation !== 'annualRate' || months >= ANNUALISED_FROM_MONTHS) return unit;
	return PER_MONTH[unit as YearlyUnit];
}

/**
 * How a month's count varies by chance around a rate p with denominator d: binomial p(1-p)/d for
 * a share of days or people, Poisson p/d for events that can repeat (spells, accidents).
 */
export type VarianceModel = 'binomial' | 'poisson';

export interface IndicatorDefinition {
	numerator: readonly FigureId[];
	denominator: FigureId;
	aggregation: Aggregation;
	scale: number;
	unit: IndicatorUnit;
	/** About people's health; turnover is not. Every indicator goes through the month plans alike. */
	health: boolean;
	/** Early warning's model of chance for the indicator's monthly rate, or null: not a rate of counts. */
	model: VarianceModel | null;
	/**
	 * The attention list watches the indicator's monthly rate. Only flows (new days, spells,
	 * leavers, cases) are watched: a stock (medium and long absence, the total absence rate they
	 * dominate, the rolling count of frequent absentees) carries the same people from month to
	 * month, so a run of months above the band would mostly be one person's continuing absence.
	 */
	watched: boolean;
}

/**
 * One row of the registry. The unit, model and `watched` keep their literal types, so the watched
 * indicators (and their units and models) can be read off the table by the type checker.
 */
function row<const U extends IndicatorUnit, const M extends VarianceModel | null, const W extends boolean>(
	numerator: readonly FigureId[],
	denominator: FigureId,
	aggregation: Aggregation,
	scale: number,
	unit: U,
	health: boolean,
	model: M,
	watched: W
) {
	return { numerator, denominator, aggregation, scale, unit, health, model, watched };
}

// prettier-ignore
export const INDICATOR_REGISTRY = {
	//                            numerator                                          denominator    aggregation       scale  unit                  health  model       watched
	absenceRate:                row(['sickDaysShort', 'sickDaysMedium', 'sickDaysLong'], 'plannedDays', 'ratioOfSums',    100, 'percent',           true,  'binomial', false),
	absenceRateShort:           row(['sickDaysShort'],                                 'plannedDays', 'ratioOfSums',    100, 'percent',           true,  'binomial', true),
	absenceRateMedium:          row(['sickDaysMedium'],                                'plannedDays', 'ratioOfSums',    100, 'percent',           true,  'binomial', false),
	absenceRateLong:            row(['sickDaysLong'],                                  'plannedDays', 'ratioOfSums',    100, 'percent',           true,  'binomial', false),
	// All spells started, whatever their length: there is no frequency of short spells.
	frequency:                  row(['spells'],                                        'headcount',   'annualRate',       1, 'perEmployeePerYear', true,  'poisson',  true),
	frequentAbsenteeism:        row(['frequentAbsentees'],                             'headcount',   'lastMonthRatio', 100, 'percent',           true,  'binomial', false),
	averageSpellDuration:       row(['spellsEndedDays'],                               'spellsEnded', 'ratioOfSums',      1, 'days',              true,  null,       false),
	turnoverVoluntary:          row(['leaversVoluntary'],                              'headcount',   'annualRate',     100, 'percentPerYear',    false, 'binomial', true),
	turnoverInvoluntary:        row(['leaversInvoluntary'],                            'headcount',   'annualRate',     100, 'percentPerYear',    false, 'binomial', false),
	newLongIncapacityPer100Fte: row(['newIncapacity4w'],                               'fte',         'annualRate',     100, 'per100FtePerYear',  true,  'poisson',  true),
	accidentsPer100Fte:         row(['workAccidents'],                                 'fte',         'annualRate',     100, 'per100FtePerYear',  true,  'poisson',  true)
} as const satisfies Record<IndicatorId, IndicatorDefinition>;

type Registry = typeof INDICATOR_REGISTRY;

/** Indicators about people's health (docs/indicators.md). Turnover is not one. */
export const HEALTH_INDICATORS: ReadonlySet<IndicatorId> = new Set(
	INDICATORS.filter((id) => INDICATOR_REGISTRY[id].health)
);

/** The indicators the attention list watches, as monthly rates. */
export type WatchedIndicatorId = {
	[K in IndicatorId]: Registry[K]['watched'] extends true ? K : never;
}[IndicatorId];

export const WATCHED_INDICATORS: readonly WatchedIndicatorId[] = INDICATORS.filter(
	(id): id is WatchedIndicatorId => INDICATOR_REGISTRY[id].watched
);
