import type { Kysely } from 'kysely';
import type { PlanKind, PlanStatus } from '../../domain/action-plans/plans';
import type { Disclosed } from '../../domain/anonymity';
import type { WarningMessage } from '../../domain/early-warning';
import {
	signalRows,
	summariseMeasures,
	themeMoves,
	type MeasureSummary,
	type SignalRow,
	type ThemeMove
} from '../../domain/overview';
import { formatMonth } from '../../domain/signals/calendar';
import { cellList } from '../../domain/cells';
import { isoMonth } from '../../domain/signals/parse';
import type { Localised } from '../../instruments/types';
import { authorize, can, type Actor } from '../access';
import { listPlans } from '../action-plans/plans';
import { listMeasures } from '../action-plans/service';
import type { Database } from '../db/schema';
import { findUnits } from '../units/queries';
import { attentionList } from './attention';
import { heatmap } from './heatmap';
import { ROLLING_MONTHS, unitResults } from './unit';

/** How many units of the attention list the overview names. */
export const OVERVIEW_ATTENTION = 5;

export interface Overview {
	/** The organisation as a whole, or a manager's own unit with the units below it. */
	scope: { kind: 'organisation' } | { kind: 'unit'; unitId: string; name: string };
	/** The last closed wave, and the one its themes are compared with. */
	wave: { name: string; closesOn: string; k: number } | null;
	previousWave: { name: string } | null;
	/** Respondents of the last wave in the scope, with the response rate when the headcount is known. */
	participation: Disclosed<{ rate: number | null }> | null;
	themes: { worsened: ThemeMove[]; improved: ThemeMove[] };
	dimensionNames: Record<string, Localised>;
	attention: {
		items: Array<{ unitId: string; name: string; score: number; reason: WarningMessage; more: number }>;
		/** Units on the list beyond those named. */
		others: number;
	};
	/** The last twelve months of signals against the twelve before, in the scope. */
	signals: { k: number; month: string; yearBeforeMonth: string; months: number; rows: SignalRow[] } | null;
	/** Where the measures of the scope stand (those who may see measures). */
	measures: MeasureSummary | null;
	/** The newest plan of each kind (those who may see plans). */
	plans: Array<{
		id: string;
		kind: PlanKind;
		firstYear: number;
		lastYear: number;
		status: PlanStatus;
	}> | null;
}

/**
 * The overview of an organisation for whoever may see its analytics (advisors, HR, and managers for
 * their own subtree), assembled from the services every other page uses: the heatmap's organisation
 * (or the manager's unit) row, the attention list, the unit page's gated signals, the measures and
 * the plans. No figure is computed here that those did not pass through the gate.
 */
export async function organisationOverview(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string } = {}
): Promise<Overview> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const [map, attention, units] = await Promise.all([
		heatmap(db, actor, organisationId, { today: options.today }),
		attentionList(db, actor, organisationId, options),
		findUnits(db, organisationId)
	]);
	const own = membership.role === 'manager' ? units.find((u) => u.id === membership.unitId) : undefined;
	const row = own ? (map.rows.find((r) => r.unitId === own.id) ?? null) : map.organisation;
	const dimensionNames = Object.fromEntries(map.dimensions.map((d) => [d.id, d.name]));

	// Signals: a manager's own subtree, else the organisation (read through any root unit's page).
	const signalUnit = own ?? units.find((u) => u.parentId === null && !u.archived);
	let signals: Overview['signals'] = null;
	if (signalUnit) {
		const { signals: unitSignals } = await unitResults(db, actor, organisationId, signalUnit.id, options);
		const last = unitSignals.months.at(-1);
		if (last) {
			const yearBeforeMonth = formatMonth(isoMonth(last.month) - ROLLING_MONTHS);
			const before = unitSignals.months.find((m) => m.month === yearBeforeMonth);
			const pick = own ? 'unitRolling' : 'organisationRolling';
			signals = {
				k: unitSignals.k,
				month: last.month,
				yearBeforeMonth,
				months: unitSignals.rollingMonths,
				rows: signalRows(last[pick], before ? before[pick] : null)
			};
		}
	}

	const target = { organisationId };
	// A manager's measures are those of their subtree (listMeasures narrows them).
	const measures = can(actor, 'measure.view', own ? { organisationId, unitPath: [own.id] } : target)
		? summariseMeasures(await listMeasures(db, actor, organisationId, { today: options.today }))
		: null;
	let plans: Overview['plans'] = null;
	if (can(actor, 'plan.view', target)) {
		const all = await listPlans(db, actor, organisationId);
		plans = (['annual', 'global'] as const).flatMap((kind) => {
			const newest = all
				.filter((p) => p.kind === kind)
				.sort((a, b) => b.firstYear - a.firstYear || b.version - a.version)[0];
			return newest
				? [
						{
							id: newest.id,
							kind,
							firstYear: newest.firstYear,
							lastYear: newest.lastYear,
							status: newest.status
						}
					]
				: [];
		});
	}

	return {
		scope: own ? { kind: 'unit', unitId: own.id, name: own.name } : { kind: 'organisation' },
		wave: map.wave ? { name: map.wave.name, closesOn: map.wave.closesOn, k: map.wave.k } : null,
		previousWave: map.previousWave ? { name: map.previousWave.name } : null,
		participation: row ? row.respondents : null,
		themes: row
			? themeMoves(
					map.dimensions.map((d) => d.id),
					cellList(row.cells),
					row.previous && cellList(row.previous)
				)
			: { worsened: [], improved: [] },
		dimensionNames: { ...attention.dimensionNames, ...dimensionNames },
		attention: {
			items: attention.items.slice(0, OVERVIEW_ATTENTION).map((item) => ({
				unitId: item.unitId,
				name: item.name,
				score: item.score,
				reason: item.reasons[0]!.message,
				more: item.reasons.length - 1
			})),
			others: Math.max(0, attention.items.length - OVERVIEW_ATTENTION)
		},
		signals,
		measures,
		plans
	};
}
