import { ownerText } from '../../domain/action-plans/measures';
import type { Kysely } from 'kysely';
import type { MeasureEvaluation } from '../../domain/action-plans/evaluation';
import { belongsToPlan } from '../../domain/action-plans/plans';
import { spreadsheetCsv } from '../../domain/csv-export';
import { isMessageKey, translate, type Locale, type MessageKey } from '../../i18n';
import { BAROMETER, dimensionsOf } from '../../instruments';
import type { Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findUnits } from '../units/queries';
import { evaluateMeasures } from './evaluation';
import { getPlan } from './plans';
import { listMeasures, type MeasureRecord } from './service';

/**
 * The measures of a plan as CSV for a spreadsheet (csv-export.ts: `;`, BOM, no formulas): unit,
 * targets, measure, domain, levels, owner, dates, status and evaluation, in the reader's language.
 */

const COLUMNS = [
	'unit',
	'targets',
	'title',
	'domain',
	'preventionLevel',
	'applicationLevel',
	'owner',
	'startsOn',
	'dueOn',
	'status',
	'evaluation'
] as const;

const DIMENSIONS = dimensionsOf(BAROMETER, true);

function targetName(locale: Locale, id: string): string {
	const dimension = DIMENSIONS.find((d) => d.id === id);
	if (dimension) return dimension.name[locale];
	const key = `indicator.${id}`;
	return isMessageKey(key) ? translate(locale, key) : id;
}

/** A measure's evaluation in words: each target's outcome, "to review", and what was recorded after it. */
export function evaluationText(
	locale: Locale,
	measure: Pick<MeasureRecord, 'managementSupport' | 'followUp'>,
	evaluation: MeasureEvaluation | null
): string {
	const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
	const parts = (evaluation?.targets ?? []).map(
		(e) => `${targetName(locale, e.target)}: ${t(`plan.outcome.${e.outcome}`)}`
	);
	if (evaluation?.needsReview) parts.push(t('plan.toReview'));
	if (measure.managementSupport)
		parts.push(t('plan.evaluation.support', { support: t(`measure.support.${measure.managementSupport}`) }));
	if (measure.followUp) parts.push(t('plan.evaluation.followUp'));
	return parts.join('; ');
}

export async function planMeasuresCsv(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	planId: string,
	locale: Locale,
	options: { today?: string } = {}
): Promise<{ filename: string; csv: string }> {
	const today = options.today ?? todayInBelgium();
	const { plan } = await getPlan(db, actor, organisationId, planId);
	const [units, all] = await Promise.all([
		findUnits(db, organisationId),
		listMeasures(db, actor, organisationId, { today })
	]);
	const measures = all.filter((m) => belongsToPlan(m, plan));
	const evaluations = await evaluateMeasures(db, organisationId, measures, today);
	const t = (key: MessageKey) => translate(locale, key);
	const rows = measures.map((m) => [
		m.unitId === null ? t('measure.organisation') : (units.find((u) => u.id === m.unitId)?.name ?? ''),
		[...m.targets.dimensions, ...m.targets.signals].map((id) => targetName(locale, id)).join(', '),
		m.title,
		t(`measure.riskDomain.${m.domain}`),
		t(`measure.level.${m.preventionLevel}`),
		t(`measure.application.${m.applicationLevel}`),
		ownerText(m, t('measure.ownerMember')) ?? '',
		m.startsOn ?? '',
		m.dueOn,
		t(`measure.status.${m.status}`),
		evaluationText(locale, m, evaluations.get(m.id) ?? null)
	]);
	const period = plan.kind === 'global' ? `${plan.firstYear}-${plan.lastYear}` : `${plan.firstYear}`;
	return {
		filename: `${plan.kind === 'global' ? 'global-plan' : 'annual-plan'}-${period}-v${plan.version}.csv`,
		csv: spreadsheetCsv(
			COLUMNS.map((c) => t(`plan.csv.${c}`)),
			rows
		)
	};
}
