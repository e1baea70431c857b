import type { UnitMonthFigures } from '../signals/figures';
import { formatMonth } from '../signals/calendar';
import { isoMonth } from '../signals/parse';
import {
	monthlyRates,
	RATE_INDICATORS,
	RATE_PARAMETERS,
	rateSignal,
	type MonthUnit,
	type RateIndicatorId,
	type RateParameters
} from './rates';

/**
 * What the unit page draws of early warning (docs/early-warning.md): for one watched indicator,
 * the unit's monthly rate over its baseline and watched months, the organisation's beside it, the
 * unit's own baseline and band, and the months above the band, against its own history or the
 * organisation. The same computation as the attention list (rateSignal), on the same gated months,
 * so a marked month is one the list counted. Values are in the indicator's unit over one month.
 */
export interface TimelineMonth {
	month: string;
	/** Null where the month is not shown (the gate) or has no figures. */
	rate: number | null;
	organisation: number | null;
	/** The unit's own band and baseline (watched months, and baseline for the baseline months). */
	band: number | null;
	baseline: number | null;
	above: { ownHistory: boolean; organisation: boolean };
}

export interface Timeline {
	indicator: RateIndicatorId;
	unit: MonthUnit;
	months: TimelineMonth[];
	/** Months above the band among the last `persistenceWindow`, per comparison (the reason's points). */
	recentAbove: { ownHistory: number; organisation: number };
}

/** The timeline of one indicator as of `asOf`, from the unit's and the organisation's gated months. */
export function rateTimeline(
	indicator: RateIndicatorId,
	unitFigures: readonly UnitMonthFigures[],
	organisationFigures: readonly UnitMonthFigures[],
	asOf: string,
	parameters: Partial<RateParameters> = {}
): Timeline {
	const p = { ...RATE_PARAMETERS, ...parameters };
	const { scale, unit, model } = RATE_INDICATORS[indicator];
	const own = monthlyRates(unitFigures, indicator);
	const org = monthlyRates(organisationFigures, indicator);
	const signal = rateSignal(own, org, model, asOf, p);
	const rateOf = (series: typeof own) =>
		new Map(series.map((m) => [m.month, (m.value.numerator / m.value.denominator) * scale]));
	const ownRates = rateOf(own);
	const orgRates = rateOf(org);
	const ownChart = new Map(signal.ownHistory.months.map((m) => [m.month, m]));
	const orgChart = new Map(signal.organisation.months.map((m) => [m.month, m]));
	const baseline =
		signal.ownHistory.status === 'ok' && signal.baseline !== null ? signal.baseline * scale : null;
	const end = isoMonth(asOf);
	const start = end - p.windowMonths - p.baselineMonths + 1;
	const months: TimelineMonth[] = [];
	for (let m = start; m <= end; m++) {
		const month = formatMonth(m);
		const watched = ownChart.get(month);
		months.push({
			month,
			rate: ownRates.get(month) ?? null,
			organisation: orgRates.get(month) ?? null,
			band: watched ? watched.band * scale : null,
			baseline,
			above: { ownHistory: watched?.above ?? false, organisation: orgChart.get(month)?.above ?? false }
		});
	}
	return {
		indicator,
		unit,
		months,
		recentAbove: { ownHistory: signal.ownHistory.recentAbove, organisation: signal.organisation.recentAbove }
	};
}
