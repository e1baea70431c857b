import { disclose, suppressed, type Disclosed, type DisclosurePlan } from '../anonymity';
import { subtreeIds, type UnitNode } from '../units';
import type { FieldProblems } from '../validation';

/**
 * Perception in the barometer (docs/action-plans.md, "Perception in the barometer"): a wave may ask
 * the respondents of a measure's unit (with the units below it; everyone for a measure of the whole
 * organisation) whether they noticed the measure and whether it helped. These are its rules: which
 * measures a wave may ask about, whom a question is for, reading the answers of a form, and when the
 * answers to a question may be shown.
 */

/** The answers, in the order of the scale; stored as 1 to 4. */
export const PERCEPTION_ANSWERS = ['not-noticed', 'noticed-not-helped', 'helped-somewhat', 'helped'] as const;
export type PerceptionAnswer = (typeof PERCEPTION_ANSWERS)[number];

/** The form field of a measure's question. */
export const perceptionField = (measureId: string) => `p_${measureId}`;

/** The previous closed wave of the organisation: the one that closed last, if any. */
export function previousClose(
	waves: ReadonlyArray<{ closesOn: string; status: 'planned' | 'open' | 'closed' }>
): string | null {
	let last: string | null = null;
	for (const w of waves) if (w.status === 'closed' && (last === null || w.closesOn > last)) last = w.closesOn;
	return last;
}

export interface CandidateMeasure {
	status: 'planned' | 'in-progress' | 'done' | 'dropped';
	/** Null: the organisation as a whole. */
	unitId: string | null;
	/** The day of its last change (the day it was set to done, unless it was edited after). */
	changedOn: string;
}

/**
 * Whether a wave may ask about a measure: it is done, it was last changed on or after the closing
 * day of the previous closed wave (any day when there is none), and someone of the wave can answer
 * it: a measure of the whole organisation always, a unit's measure when the wave covers the unit or
 * a unit below it.
 */
export function isPerceptionCandidate(
	measure: CandidateMeasure,
	context: { since: string | null; waveUnitIds: ReadonlySet<string>; units: readonly UnitNode[] }
): boolean {
	if (measure.status !== 'done') return false;
	if (context.since !== null && measure.changedOn < context.since) return false;
	if (measure.unitId === null) return true;
	const below = subtreeIds(context.units, measure.unitId);
	for (const id of below) if (context.waveUnitIds.has(id)) return true;
	return false;
}

/**
 * Whether a respondent of `respondentUnitId` is asked about a measure of `measureUnitId` (null: the
 * whole organisation): when their unit is the measure's unit or lies below it.
 */
export function isAskedOf(
	measureUnitId: string | null,
	respondentUnitId: string,
	units: readonly Pick<UnitNode, 'id' | 'parentId'>[]
): boolean {
	if (measureUnitId === null) return true;
	const parent = new Map(units.map((u) => [u.id, u.parentId]));
	const seen = new Set<string>();
	let current: string | null | undefined = respondentUnitId;
	while (current && !seen.has(current)) {
		if (current === measureUnitId) return true;
		seen.add(current);
		current = parent.get(current);
	}
	return false;
}

/**
 * The perception answers of a form, for the measures asked of the respondent: each may be left
 * blank; anything but 1 to 4 is a problem on its field. Fields of measures not asked are ignored.
 */
export function readPerceptionAnswers(
	fields: Readonly<Record<string, string>>,
	asked: readonly string[]
): { answers: Record<string, number>; problems: FieldProblems } {
	const answers: Record<string, number> = {};
	const problems: FieldProblems = {};
	for (const id of asked) {
		const value = (fields[perceptionField(id)] ?? '').trim();
		if (value === '') continue;
		if (/^[1-4]$/.test(value)) answers[id] = Number(value);
		else problems[perceptionField(id)] = { key: 'perception.invalid' };
	}
	return { answers, problems };
}

export interface PerceptionShares {
	/** How many answered the question (not counting those who left it blank). */
	answered: number;
	/** Share of the answers (0–1) per answer, in the order of PERCEPTION_ANSWERS. */
	shares: readonly number[];
}

/**
 * The answers to one measure's question in one closed wave, through the gate. The question was asked
 * of the respondents of the measure's unit and the units below it, so the figure is that unit's, in
 * the wave's plan of respondents (`plan`, released): it is shown only when the plan shows that unit
 * (at least k respondents, and no smaller group can be worked out by subtraction from the wave's
 * other figures) and at least k of them answered the question. Shown, it gives the share of each
 * answer among those who answered, as the barometer gives the share of each band among a shown
 * group. `counts` are the answers per value 1 to 4 of the unit and its sub-units on the wave's tree.
 */
export function perceptionFigure(
	plan: DisclosurePlan,
	unitId: string,
	counts: readonly number[]
): Disclosed<PerceptionShares> {
	const answered = counts.reduce((sum, c) => sum + c, 0);
	const unit = plan.units.get(unitId);
	if (unit?.shown && answered < plan.k) return suppressed('below-k');
	return disclose(plan, unitId, () => ({
		answered,
		shares: PERCEPTION_ANSWERS.map((_, i) => (counts[i] ?? 0) / answered)
	}));
}
