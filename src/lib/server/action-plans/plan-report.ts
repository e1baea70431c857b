import type { Kysely } from 'kysely';
import type { Disclosed } from '../../domain/anonymity';
import {
	belongsToPlan,
	isIdentifiedRisk,
	RISK_SHARE,
	type PlanPeriod
} from '../../domain/action-plans/plans';
import { planBalance, type PlanBalance } from '../../domain/action-plans/suggest';
import type { WarningMessage } from '../../domain/early-warning';
import { formatMonth } from '../../domain/signals/calendar';
import { isoMonth } from '../../domain/signals/parse';
import { INDICATORS, type IndicatorId } from '../../domain/signals/registry';
import { cellList } from '../../domain/cells';
import type { DimensionFigure } from '../../domain/wave-results';
import type { Localised } from '../../instruments/types';
import { authorize, type Actor } from '../access';
import { attentionList } from '../analytics/attention';
import { heatmap, type HeatmapRow } from '../analytics/heatmap';
import { ROLLING_MONTHS, unitResults, type SignalMonth } from '../analytics/unit';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import { findUnits } from '../units/queries';
import { evaluateMeasures, type MeasureEvaluation } from './evaluation';
import { listMeasures, type MeasureListItem } from './service';

/**
 * The part of a plan the product assembles at view time (docs/action-plans.md, "The plans for the
 * committee"): for the organisation and per unit, the identified risks, the attention list's
 * reasons, the measures of the plan's period with their evaluation, and the trend of the signals.
 * Every figure comes from the analytics gate (heatmap, attention list, unit results, evaluation) as
 * it is: shown with its n, or hidden with its reason. Nothing here reads people's data itself.
 */

export interface PlanRisk {
	dimensionId: string;
	name: Localised;
	figure: Disclosed<DimensionFigure>;
}

export interface PlanMeasure extends Omit<MeasureListItem, 'organisationId' | 'createdAt' | 'updatedAt'> {
	evaluation: MeasureEvaluation | null;
}

export interface TrendRow {
	id: IndicatorId;
	before: Disclosed<number> | null;
	now: Disclosed<number>;
}

export interface PlanTrend {
	/** The last month of the twelve shown, and of the twelve before them. */
	month: string;
	beforeMonth: string;
	/** How many months each figure spans (its unit follows: registry.ts, unitOver). */
	months: number;
	rows: TrendRow[];
}

export interface PlanReportPart {
	/** Null: the organisation as a whole. */
	unitId: string | null;
	name: string;
	code: string | null;
	risks: PlanRisk[];
	reasons: WarningMessage[];
	measures: PlanMeasure[];
	trend: PlanTrend | null;
}

export interface PlanReport {
	k: number;
	wave: { name: string; closesOn: string } | null;
	riskShare: number;
	dimensionNames: Record<string, Localised>;
	balance: PlanBalance;
	organisation: PlanReportPart;
	units: PlanReportPart[];
	/** Units with identified risks but no measure in the period and no place on the attention list. */
	otherRisks: Array<{ unitId: string; name: string; code: string; risks: PlanRisk[] }>;
}

/** The month whose rolling year ends the trend: the last with figures, not after the plan's period. */
function trendOf(
	months: readonly SignalMonth[],
	period: PlanPeriod,
	pick: 'unitRolling' | 'organisationRolling'
): PlanTrend | null {
	const last = `${period.lastYear}-12`;
	const end = months.filter((m) => m.month <= last).at(-1);
	if (!end) return null;
	const beforeMonth = formatMonth(isoMonth(end.month) - ROLLING_MONTHS);
	const before = months.find((m) => m.month === beforeMonth);
	return {
		month: end.month,
		beforeMonth,
		months: ROLLING_MONTHS,
		rows: INDICATORS.map((id) => ({ id, before: before ? before[pick][id] : null, now: end[pick][id] }))
	};
}

function risksOf(row: HeatmapRow | null, dimensions: readonly { id: string; name: Localised }[]): PlanRisk[] {
	if (!row || row.overfull) return [];
	return cellList(row.cells).flatMap((figure, i) =>
		figure.shown && isIdentifiedRisk(figure.value)
			? [{ dimensionId: dimensions[i]!.id, name: dimensions[i]!.name, figure }]
			: []
	);
}

/**
 * The assembled report of a plan over its period. Advisors and HR only (they see every unit), so a
 * plan shows the same to both.
 */
export async function planReport(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	period: PlanPeriod,
	options: { today?: string } = {}
): Promise<PlanReport> {
	authorize(actor, 'plan.view', { organisationId });
	const today = options.today ?? todayInBelgium();
	const [units, organisation, allMeasures, map, attention] = await Promise.all([
		findUnits(db, organisationId),
		findOrganisation(db, organisationId),
		listMeasures(db, actor, organisationId, { today }),
		heatmap(db, actor, organisationId, { today }),
		attentionList(db, actor, organisationId, { today })
	]);
	const measures = allMeasures.filter((m) => belongsToPlan(m, period));
	const evaluations = await evaluateMeasures(db, organisationId, measures, today);
	const planMeasure = ({ organisationId: _o, createdAt: _c, updatedAt: _u, ...m }: MeasureListItem) => ({
		...m,
		evaluation: evaluations.get(m.id) ?? null
	});
	const reasonsOf = (unitId: string) =>
		attention.items.find((i) => i.unitId === unitId)?.reasons.map((r) => r.message) ?? [];

	// A part of its own for each unit with measures in the period or on the attention list; the
	// other units with identified risks are listed together, so that the plan stays readable.
	const unitIds = new Set<string>([
		...measures.flatMap((m) => (m.unitId ? [m.unitId] : [])),
		...attention.items.map((i) => i.unitId)
	]);
	const otherRisks = map.rows
		.filter((r) => !unitIds.has(r.unitId))
		.map((r) => ({ unitId: r.unitId, name: r.name, code: r.code, risks: risksOf(r, map.dimensions) }))
		.filter((r) => r.risks.length > 0);
	// In the order of the unit tree as the heatmap shows it, then any other (archived) unit by code.
	const order = [...map.rows.map((r) => r.unitId), ...units.map((u) => u.id)];
	const shownUnits = units
		.filter((u) => unitIds.has(u.id))
		.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
	// The trend through the unit page's gated signal reader, unit by unit (its basis is shared).
	const results = new Map<string, SignalMonth[]>();
	for (const unit of shownUnits)
		results.set(unit.id, (await unitResults(db, actor, organisationId, unit.id, { today })).signals.months);
	let organisationMonths = results.values().next().value;
	const root = units.find((u) => u.parentId === null && !u.archived);
	if (!organisationMonths && root)
		organisationMonths = (await unitResults(db, actor, organisationId, root.id, { today })).signals.months;

	return {
		k: organisation?.min_group_size ?? 0,
		wave: map.wave && { name: map.wave.name, closesOn: map.wave.closesOn },
		riskShare: RISK_SHARE,
		dimensionNames: attention.dimensionNames,
		balance: planBalance(
			measures.map((m) => ({ level: m.preventionLevel, application: m.applicationLevel }))
		),
		organisation: {
			unitId: null,
			name: organisation?.name ?? '',
			code: null,
			risks: risksOf(map.organisation, map.dimensions),
			reasons: [],
			measures: measures.filter((m) => m.unitId === null).map(planMeasure),
			trend: organisationMonths ? trendOf(organisationMonths, period, 'organisationRolling') : null
		},
		otherRisks,
		units: shownUnits.map((unit) => ({
			unitId: unit.id,
			name: unit.name,
			code: unit.code,
			risks: risksOf(map.rows.find((r) => r.unitId === unit.id) ?? null, map.dimensions),
			reasons: reasonsOf(unit.id),
			measures: measures.filter((m) => m.unitId === unit.id).map(planMeasure),
			trend: trendOf(results.get(unit.id) ?? [], period, 'unitRolling')
		}))
	};
}
