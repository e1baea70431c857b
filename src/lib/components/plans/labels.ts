import type { MeasureEvaluation } from '$lib/domain/action-plans/evaluation';
import type { ManagementSupport } from '$lib/domain/action-plans/measures';
import type { Locale } from '$lib/i18n';
import { t } from '$lib/i18n/t.svelte';
import type { Localised } from '$lib/instruments/types';
import { targetLabel } from '../measures/labels';

/** A plan's period in words: one year, or the first and last of five. */
export function periodLabel(plan: { firstYear: number; lastYear: number }): string {
	return plan.firstYear === plan.lastYear
		? String(plan.firstYear)
		: t('plan.periodOf', { from: plan.firstYear, to: plan.lastYear });
}

/**
 * A measure's evaluation in a few words: each target's outcome at the next wave or signal window,
 * "to review", and what was recorded after implementation (the same words as the CSV export).
 */
export function evaluationParts(
	measure: { managementSupport: ManagementSupport | null; followUp: boolean },
	evaluation: MeasureEvaluation | null,
	dimensions: readonly { id: string; name: Localised }[],
	locale: Locale
): string[] {
	const parts = (evaluation?.targets ?? []).map(
		(e) => `${targetLabel(e.target, dimensions, locale)}: ${t(`plan.outcome.${e.outcome}`)}`
	);
	if (evaluation?.needsReview) parts.push(t('plan.toReview'));
	if (measure.managementSupport)
		parts.push(t('plan.evaluation.support', { support: t(`measure.support.${measure.managementSupport}`) }));
	if (measure.followUp) parts.push(t('plan.evaluation.followUp'));
	return parts;
}
