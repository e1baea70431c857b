import type { Kysely } from 'kysely';
import { disclose, suppressed, type Disclosed } from '../../domain/anonymity';
import {
	evaluateDimension,
	evaluateSignal,
	evaluation,
	evaluationWaves,
	signalWindows,
	type DimensionSide,
	type DimensionValue,
	type MeasureEvaluation,
	type WaveDates
} from '../../domain/action-plans/evaluation';
import { FIGURES } from '../../domain/signals/formats';
import { gatedIndicators } from '../../domain/signals/gate';
import { isoMonth } from '../../domain/signals/parse';
import { dimensionStats, type WaveResult } from '../../domain/wave-results';
import { dimensionsOf } from '../../instruments';
import type { Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import { findUnits } from '../units/queries';
import { ORGANISATION_ROOT } from '../analytics/common';
import { figureSeries } from '../analytics/rollup';
import { signalPlans, type SignalPlans } from '../analytics/signal-plans';
import { readSignalWindow, type SignalWindow } from '../analytics/signal-window';
import { ensureWaveSummaries } from '../analytics/summaries';
import { closedWaveResults, overfullUnits, type ClosedWave } from '../analytics/wave-results';
import { readingReleased, releaseWaves } from '../analytics/wave-release';
import type { MeasureRecord } from './queries';
import { getMeasure } from './service';

export type { MeasureEvaluation };

/**
 * Measures at the next wave (docs/action-plans.md, "Evaluation at the next wave"): each target's
 * figure before the measure started and after it, read through the gate exactly as the unit page
 * reads them (each wave's released plan on its own tree; signals through every month's plan in
 * force), for the measure's unit with its subtree, or the organisation. Nothing here reads a
 * response: only closed waves' summaries and the signal months, through their plans.
 */

/** At most this many months of signals are read back from the last month with figures (ten years). */
const MAX_SIGNAL_MONTHS = 120;

const instrumentOf = (wave: ClosedWave) => `${wave.definition.key}@${wave.definition.version}`;
const datesOf = (wave: ClosedWave): WaveDates => ({
	id: wave.id,
	name: wave.name,
	opensOn: wave.opens_on,
	closesOn: wave.closes_on,
	instrument: instrumentOf(wave)
});

/** A dimension of a unit's subtree in one wave, through that wave's plan; null when the wave did not ask it. */
function dimensionCell(
	result: WaveResult,
	overfull: boolean,
	unitKey: string,
	dimensionId: string
): Disclosed<DimensionValue> | null {
	const d = result.dimensionIds.indexOf(dimensionId);
	if (d < 0) return null;
	// More link answers than staff when the wave closed: its answers count nowhere (docs/anonymity.md).
	if (overfull) return suppressed('no-data');
	const totals = result.totals.get(unitKey);
	return disclose(result.plans[d]!, unitKey, () => {
		const stats = totals ? dimensionStats(totals, d) : null;
		return stats && { mean: stats.mean, sd: stats.sd, shareOrangeRed: stats.orange + stats.red };
	});
}

/** The day a measure is judged from: its start date, or the day it was written when it has none. */
export function startOf(measure: Pick<MeasureRecord, 'startsOn' | 'createdAt'>): string {
	return measure.startsOn ?? new Date(measure.createdAt).toISOString().slice(0, 10);
}

interface SignalBasis {
	window: SignalWindow;
	plans: SignalPlans;
}

/** The signal months every signal target needs, planned (and released at first showing) as the unit page does. */
async function signalBasis(
	db: Kysely<Database>,
	organisationId: string,
	measures: readonly MeasureRecord[],
	today: string
): Promise<SignalBasis | null> {
	const starts = measures.filter((m) => m.targets.signals.length > 0).map(startOf);
	if (!starts.length) return null;
	const earliest = starts.map((s) => signalWindows(s).before.from).sort()[0]!;
	// The window runs from the earliest month needed up to the organisation's last month with figures.
	const { lastMonth } = await readSignalWindow(db, organisationId, 1, ['people']);
	if (!lastMonth) return null;
	const months = Math.min(MAX_SIGNAL_MONTHS, Math.max(1, isoMonth(lastMonth) - isoMonth(earliest) + 1));
	const [organisation, units, window] = await Promise.all([
		findOrganisation(db, organisationId),
		findUnits(db, organisationId),
		readSignalWindow(db, organisationId, months, FIGURES)
	]);
	if (!organisation || !window.lastMonth) return null;
	const plans = await signalPlans(db, organisationId, organisation.min_group_size, units, window, today);
	return { window, plans };
}

/**
 * The evaluation of each measure (by id), in one pass: the waves are read and released once, the
 * signal months planned once. Callers decide who may see which measure; this only reads figures
 * the gate releases for the measure's own unit (or the organisation).
 */
export async function evaluateMeasures(
	db: Kysely<Database>,
	organisationId: string,
	measures: readonly MeasureRecord[],
	today: string = todayInBelgium()
): Promise<Map<string, MeasureEvaluation>> {
	if (!measures.length) return new Map();
	return readingReleased(async () => {
		const closed = await ensureWaveSummaries(db, organisationId, today);
		const dates = closed.map(datesOf);
		const chosen = measures.map((m) => {
			const { before, after } = evaluationWaves(dates, startOf(m));
			return {
				before: before && closed[dates.indexOf(before)]!,
				after: after && closed[dates.indexOf(after)]!
			};
		});
		const needed = [
			...new Set(
				chosen
					.filter((_, i) => measures[i]!.targets.dimensions.length > 0)
					.flatMap((c) => [c.before, c.after])
					.filter((w): w is ClosedWave => w !== null)
			)
		];
		const results = await closedWaveResults(db, organisationId, needed);
		// Shown waves are final from now on (docs/anonymity.md, "Across waves").
		await releaseWaves(db, organisationId, needed, today, async (ws) =>
			ws.map((w) => results[needed.indexOf(w)]!)
		);
		const resultOf = (wave: ClosedWave) => results[needed.indexOf(wave)]!;
		const signals = await signalBasis(db, organisationId, measures, today);

		const evaluations = new Map<string, MeasureEvaluation>();
		measures.forEach((measure, i) => {
			const unitKey = measure.unitId ?? ORGANISATION_ROOT;
			const { before, after } = chosen[i]!;
			const sideOf = (wave: ClosedWave | null, dimensionId: string): DimensionSide | null => {
				if (!wave) return null;
				const { result, units } = resultOf(wave);
				const overfull = overfullUnits(units).has(unitKey);
				return { wave: datesOf(wave), cell: dimensionCell(result, overfull, unitKey, dimensionId) };
			};
			const riskOf = (wave: ClosedWave | null, id: string) =>
				wave && dimensionsOf(wave.definition, wave.include_module).find((d) => d.id === id)?.bands.riskWhen;
			const dimensionTargets = measure.targets.dimensions.map((id) =>
				evaluateDimension(
					{ id, riskWhen: riskOf(before, id) ?? riskOf(after, id) ?? 'high' },
					sideOf(before, id),
					sideOf(after, id)
				)
			);
			const windows = signalWindows(startOf(measure));
			const position = signals?.plans.index.position.get(unitKey);
			const series =
				signals && position !== undefined
					? figureSeries(
							signals.plans.rolled,
							position,
							unitKey,
							signals.window.months,
							signals.window.figureIds
						)
					: [];
			const lastMonth = signals?.window.lastMonth ?? null;
			const valueOf = (range: { from: string; to: string }, id: (typeof measure.targets.signals)[number]) => {
				// A window is read only once its last month has figures: no half window.
				if (!signals || lastMonth === null || lastMonth < range.to) return null;
				if (position === undefined) return suppressed('no-data');
				return gatedIndicators(series, signals.plans.plans, unitKey, range)[id];
			};
			const signalTargets = measure.targets.signals.map((id) =>
				evaluateSignal(
					id,
					{ ...windows.before, value: valueOf(windows.before, id) },
					{ ...windows.after, value: valueOf(windows.after, id) }
				)
			);
			evaluations.set(measure.id, evaluation(measure.status, [...dimensionTargets, ...signalTargets]));
		});
		return evaluations;
	});
}

/** The evaluation of one measure, for whoever may see the measure (404 otherwise, as getMeasure). */
export async function evaluationOf(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	measureId: string,
	options: { today?: string } = {}
): Promise<MeasureEvaluation> {
	const today = options.today ?? todayInBelgium();
	const { measure } = await getMeasure(db, actor, organisationId, measureId, { today });
	return (await evaluateMeasures(db, organisationId, [measure], today)).get(measure.id)!;
}

/** The ids of the measures marked "to review", for a list the caller has already scoped to the actor. */
export async function measuresToReview(
	db: Kysely<Database>,
	organisationId: string,
	measures: readonly MeasureRecord[],
	today: string = todayInBelgium()
): Promise<Set<string>> {
	const evaluations = await evaluateMeasures(db, organisationId, measures, today);
	return new Set([...evaluations].filter(([, e]) => e.needsReview).map(([id]) => id));
}
