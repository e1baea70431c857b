import { formatNumber, translate, type Locale } from '../../src/lib/i18n';
import {
	reasonMessage,
	renderMessage,
	type DimensionFinding,
	type Finding,
	type MonthlyRate,
	type RateFinding,
	type ShownDimension
} from '../../src/lib/domain/early-warning';
import { formatMonth } from '../../src/lib/domain/signals/calendar';
import { emptyFigures, type UnitMonthFigures } from '../../src/lib/domain/signals/figures';
import { isoMonth } from '../../src/lib/domain/signals/parse';

/** What the early-warning tests share: series of months, the team of about 20, findings, sentences. */

/** Consecutive months from `from`, one numerator each, over the same (or per-month) denominator. */
export function series(
	from: string,
	numerators: readonly number[],
	denominator: number | readonly number[],
	n = 20
) {
	const start = isoMonth(from);
	return numerators.map((numerator, i): MonthlyRate => ({
		month: formatMonth(start + i),
		value: {
			shown: true,
			n,
			numerator,
			denominator: typeof denominator === 'number' ? denominator : denominator[i]!
		}
	}));
}

// A team of about 20: 400 planned days a month, 12 sick days (3 %) in each of the 12 baseline
// months (2024), then the six watched months of 2025 up to June. The organisation: 3 % of 10,000.
export const BASELINE = Array<number>(12).fill(12);
export const ORG = series('2024-01', Array<number>(18).fill(300), 10_000);
export const AS_OF = '2025-06';

/** One month of unit `u`'s figures, with every figure a watched rate reads. */
export const figures = (month: string, headcount: number, values: Partial<UnitMonthFigures> = {}) => ({
	...emptyFigures('u', month),
	headcount,
	fte: headcount - 1,
	plannedDays: headcount * 20,
	sickDaysShort: 3,
	spells: 2,
	leaversVoluntary: 1,
	newIncapacity4w: 0,
	workAccidents: 1,
	...values
});

/** A shown survey dimension of n respondents. */
export const dim = (n: number, shareOrangeRed: number, mean = 50, sd = 20): ShownDimension => ({
	shown: true,
	n,
	mean,
	sd,
	shareOrangeRed
});

// Findings are branded: the tests build synthetic ones through this cast only.
export const rate = (over: Partial<Omit<RateFinding, 'kind'>> = {}): RateFinding =>
	({
		kind: 'rate',
		indicator: 'absenceRateShort',
		comparison: 'own-history',
		direction: 'worse',
		month: AS_OF,
		months: 4,
		value: 6,
		reference: 3,
		z: 3,
		ratio: 2,
		monthsAbove: 1,
		window: 4,
		consecutive: 1,
		persistent: false,
		n: 20,
		...over
	}) as RateFinding;
export const survey = (over: Partial<Omit<DimensionFinding, 'kind'>> = {}): DimensionFinding =>
	({
		kind: 'dimension',
		dimension: 'exhaustion',
		comparison: 'previous-wave',
		measure: 'share',
		direction: 'worse',
		wave: '2025',
		value: 38,
		reference: 21,
		change: 17,
		z: 2.6,
		consecutiveWaves: 1,
		persistent: false,
		n: 100,
		...over
	}) as DimensionFinding;

/** The sentence of a finding in a language, as a page renders it. */
export function text(locale: Locale, finding: Finding): string {
	const names: Record<string, Record<Locale, string>> = {
		exhaustion: { nl: 'uitputting', fr: 'épuisement', en: 'exhaustion' },
		engagement: { nl: 'bevlogenheid', fr: 'engagement', en: 'engagement' },
		stress: { nl: 'stress', fr: 'stress', en: 'stress' }
	};
	return renderMessage(reasonMessage(finding), {
		t: (key, params) => translate(locale, key, params),
		number: (value) => formatNumber(locale, value),
		dimensionName: (id) => names[id]?.[locale] ?? id
	});
}
