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
 * - 'annualRate': Σ numerator / average denominator × scale × 12 / months, so one month and
 *   twelve months are on the same yearly scale;
 * - 'lastMonthRatio': numerator / denominator of the last month of the range × scale, for a
 *   figure that is already a rolling count.
 * The numerator is the sum of its figures; a figure missing in a month the aggregation reads
 * makes the value unknown.
 */
export type Aggregation = 'ratioOfSums' | 'annualRate' | 'lastMonthRatio';

/** The unit a value is shown in (the message `indicator.value.<unit>`). */
export type IndicatorUnit = 'percent' | 'percentPerYear' | 'perEmployeePerYear' | 'per100FtePerYear' | 'days';

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

export const INDICATOR_REGISTRY = {
	absenceRate: {
		numerator: ['sickDaysShort', 'sickDaysMedium', 'sickDaysLong'],
		denominator: 'plannedDays',
		aggregation: 'ratioOfSums',
		scale: 100,
		unit: 'percent',
		health: true,
		model: 'binomial',
		watched: false
	},
	absenceRateShort: {
		numerator: ['sickDaysShort'],
		denominator: 'plannedDays',
		aggregation: 'ratioOfSums',
		scale: 100,
		unit: 'percent',
		health: true,
		model: 'binomial',
		watched: true
	},
	absenceRateMedium: {
		numerator: ['sickDaysMedium'],
		denominator: 'plannedDays',
		aggregation: 'ratioOfSums',
		scale: 100,
		unit: 'percent',
		health: true,
		model: 'binomial',
		watched: false
	},
	absenceRateLong: {
		numerator: ['sickDaysLong'],
		denominator: 'plannedDays',
		aggregation: 'ratioOfSums',
		scale: 100,
		unit: 'percent',
		health: true,
		model: 'binomial',
		watched: false
	},
	frequency: {
		// All spells started, whatever their length: there is no frequency of short spells.
		numerator: ['spells'],
		denominator: 'headcount',
		aggregation: 'annualRate',
		scale: 1,
		unit: 'perEmployeePerYear',
		health: true,
		model: 'poisson',
		watched: true
	},
	frequentAbsenteeism: {
		numerator: ['frequentAbsentees'],
		denominator: 'headcount',
		aggregation: 'lastMonthRatio',
		scale: 100,
		unit: 'percent',
		health: true,
		model: 'binomial',
		watched: false
	},
	averageSpellDuration: {
		numerator: ['spellsEndedDays'],
		denominator: 'spellsEnded',
		aggregation: 'ratioOfSums',
		scale: 1,
		unit: 'days',
		health: true,
		model: null,
		watched: false
	},
	turnoverVoluntary: {
		numerator: ['leaversVoluntary'],
		denominator: 'headcount',
		aggregation: 'annualRate',
		scale: 100,
		unit: 'percentPerYear',
		health: false,
		model: 'binomial',
		watched: true
	},
	turnoverInvoluntary: {
		numerator: ['leaversInvoluntary'],
		denominator: 'headcount',
		aggregation: 'annualRate',
		scale: 100,
		unit: 'percentPerYear',
		health: false,
		model: 'binomial',
		watched: false
	},
	newLongIncapacityPer100Fte: {
		numerator: ['newIncapacity4w'],
		denominator: 'fte',
		aggregation: 'annualRate',
		scale: 100,
		unit: 'per100FtePerYear',
		health: true,
		model: 'poisson',
		watched: true
	},
	accidentsPer100Fte: {
		numerator: ['workAccidents'],
		denominator: 'fte',
		aggregation: 'annualRate',
		scale: 100,
		unit: 'per100FtePerYear',
		health: true,
		model: 'poisson',
		watched: true
	}
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
