import type { FieldProblems, Validated } from '../validation';
import { isIsoDate } from '../waves';

/**
 * The plans for the committee for prevention and protection at work (codex welzijn op het werk,
 * art. I.2-8 and I.2-9; docs/action-plans.md, "The plans for the committee"): what each kind of plan
 * holds, its committee status, when it is locked, and which measures belong to it. Pure: the
 * service (server/action-plans/plans.ts) reads and writes, and asks who may.
 */

/** The global prevention plan covers five years; the annual action plan one calendar year. */
export const PLAN_KINDS = ['annual', 'global'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Draft, submitted to the committee, the committee's advice received, adopted by the employer. */
export const PLAN_STATUSES = ['draft', 'submitted', 'advised', 'adopted'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The years of a global prevention plan. */
export const GLOBAL_PLAN_YEARS = 5;

/** Every section a plan may hold, as the law names them. */
export const PLAN_SECTIONS = [
	'riskAnalysis',
	'preventionMeasures',
	'objectives',
	'activities',
	'means',
	'roles',
	'adaptation',
	'evaluationCriteria',
	'globalChanges'
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/**
 * The sections of each kind, in the order of the law. Global (art. I.2-8): the results of the risk
 * analysis, the prevention measures, the priority objectives, the activities and tasks to reach
 * them, the organisational, material and financial means, the tasks and means of everyone involved,
 * how the plan is adapted, and the criteria for evaluating the well-being policy. Annual (art.
 * I.2-9): the priority objectives, the means and methods, the tasks and means of everyone involved,
 * and the changes to the global plan.
 */
export const SECTIONS_OF: Record<PlanKind, readonly PlanSection[]> = {
	global: [
		'riskAnalysis',
		'preventionMeasures',
		'objectives',
		'activities',
		'means',
		'roles',
		'adaptation',
		'evaluationCriteria'
	],
	annual: ['objectives', 'means', 'roles', 'globalChanges']
};

export type PlanSections = Record<PlanSection, string | null>;

export const PLAN_LIMITS = { section: 20_000, adviceText: 20_000, firstYear: 2000, lastYear: 2100 } as const;

export interface PlanPeriod {
	firstYear: number;
	lastYear: number;
}

export interface PlanState {
	kind: PlanKind;
	firstYear: number;
	lastYear: number;
	status: PlanStatus;
	submittedOn: string | null;
	adviceOn: string | null;
	adviceText: string | null;
	adoptedOn: string | null;
}

/** The years a plan of this kind starting in `firstYear` covers. */
export function periodOf(kind: PlanKind, firstYear: number): PlanPeriod {
	return { firstYear, lastYear: kind === 'global' ? firstYear + GLOBAL_PLAN_YEARS - 1 : firstYear };
}

/** The new plan's kind and first year, as a form gives them. */
export function validatePlanStart(
	input: Record<string, unknown>
): Validated<{ kind: PlanKind } & PlanPeriod> {
	const problems: FieldProblems = {};
	const kind = input.kind;
	if (!(PLAN_KINDS as readonly unknown[]).includes(kind)) problems.kind = { key: 'plan.kindRequired' };
	const raw = typeof input.firstYear === 'number' ? String(input.firstYear) : input.firstYear;
	const year = typeof raw === 'string' && /^\s*\d{4}\s*$/.test(raw) ? Number(raw) : NaN;
	if (!(year >= PLAN_LIMITS.firstYear && year <= PLAN_LIMITS.lastYear - GLOBAL_PLAN_YEARS + 1))
		problems.firstYear = {
			key: 'plan.yearInvalid',
			params: { min: PLAN_LIMITS.firstYear, max: PLAN_LIMITS.lastYear - GLOBAL_PLAN_YEARS + 1 }
		};
	if (Object.keys(problems).length) return { ok: false, problems };
	return { ok: true, value: { kind: kind as PlanKind, ...periodOf(kind as PlanKind, year) } };
}

/**
 * The sections of a kind of plan as a form gives them: trimmed, empty is null, at most
 * PLAN_LIMITS.section characters. A section the kind does not hold is refused, not dropped.
 */
export function validateSections(
	kind: PlanKind,
	input: Record<string, unknown>
): Validated<Partial<PlanSections>> {
	const problems: FieldProblems = {};
	const value: Partial<PlanSections> = {};
	for (const section of PLAN_SECTIONS) {
		if (!(section in input)) continue;
		const raw = input[section];
		if (!SECTIONS_OF[kind].includes(section)) {
			if (raw !== undefined && raw !== null && raw !== '')
				problems[section] = { key: 'plan.sectionNotOfKind' };
			continue;
		}
		if (raw !== undefined && raw !== null && typeof raw !== 'string') {
			problems[section] = { key: 'plan.sectionInvalid' };
			continue;
		}
		const text = (raw ?? '').trim();
		if (text.length > PLAN_LIMITS.section)
			problems[section] = { key: 'plan.sectionTooLong', params: { max: PLAN_LIMITS.section } };
		else value[section] = text === '' ? null : text;
	}
	return Object.keys(problems).length ? { ok: false, problems } : { ok: true, value };
}

/** A submitted plan is locked: its sections are what the committee received. */
export function isLocked(plan: Pick<PlanState, 'status'>): boolean {
	return plan.status !== 'draft';
}

/** The step that follows each status, and the one that has none. */
export const NEXT_STATUS: Record<PlanStatus, PlanStatus | null> = {
	draft: 'submitted',
	submitted: 'advised',
	advised: 'adopted',
	adopted: null
};

/** The date each step records: when the plan was submitted, advised on, adopted. */
export const STEP_DATE = { submitted: 'submittedOn', advised: 'adviceOn', adopted: 'adoptedOn' } as const;

export type PlanStep =
	| { status: 'submitted'; submittedOn: string }
	| { status: 'advised'; adviceOn: string; adviceText: string }
	| { status: 'adopted'; adoptedOn: string };

function dateOf(raw: unknown): string | null {
	return typeof raw === 'string' && isIsoDate(raw.trim()) ? raw.trim() : null;
}

/**
 * The next step of a plan's committee status, as a form gives it: draft to submitted (on a date),
 * submitted to advised (the date and text of the advice, not before the submission), advised to
 * adopted (not before the advice: the law forbids applying the plan before the committee's
 * advice). No date after today; no step skipped or taken back.
 */
export function validateStep(
	plan: PlanState,
	step: unknown,
	input: Record<string, unknown>,
	today: string
): Validated<PlanStep> {
	const next = NEXT_STATUS[plan.status];
	if (next === null || next === 'draft' || step !== next)
		return { ok: false, problems: { status: { key: 'plan.stepNotAllowed' } } };
	const field = STEP_DATE[next];
	const date = dateOf(input[field]);
	const problems: FieldProblems = {};
	const notBefore = next === 'advised' ? plan.submittedOn : next === 'adopted' ? plan.adviceOn : null;
	if (date === null) problems[field] = { key: 'plan.dateRequired' };
	else if (date > today) problems[field] = { key: 'plan.dateInFuture' };
	else if (notBefore !== null && date < notBefore)
		problems[field] = {
			key: next === 'adopted' ? 'plan.adoptedBeforeAdvice' : 'plan.adviceBeforeSubmission'
		};
	let adviceText = '';
	if (next === 'advised') {
		adviceText = typeof input.adviceText === 'string' ? input.adviceText.trim() : '';
		if (adviceText === '') problems.adviceText = { key: 'plan.adviceTextRequired' };
		else if (adviceText.length > PLAN_LIMITS.adviceText)
			problems.adviceText = { key: 'plan.sectionTooLong', params: { max: PLAN_LIMITS.adviceText } };
	}
	if (Object.keys(problems).length) return { ok: false, problems };
	if (next === 'submitted') return { ok: true, value: { status: next, submittedOn: date! } };
	if (next === 'advised') return { ok: true, value: { status: next, adviceOn: date!, adviceText } };
	return { ok: true, value: { status: next, adoptedOn: date! } };
}

/**
 * The law asks the annual action plan of a year to reach the committee by 1 November of the year
 * before. True when an annual plan was submitted after that day (a calm note, not a refusal).
 */
export function submittedLate(plan: Pick<PlanState, 'kind' | 'firstYear' | 'submittedOn'>): boolean {
	return (
		plan.kind === 'annual' && plan.submittedOn !== null && plan.submittedOn > `${plan.firstYear - 1}-11-01`
	);
}

/** The first and last day of a plan's period. */
export function periodDates(period: PlanPeriod): { from: string; to: string } {
	return { from: `${period.firstYear}-01-01`, to: `${period.lastYear}-12-31` };
}

/**
 * Whether a measure belongs to a plan: it is due in the plan's period, or active during it (it
 * started on or before the last day and is due on or after the first). A measure without a start
 * counts from its due date.
 */
export function belongsToPlan(
	measure: { startsOn: string | null; dueOn: string },
	period: PlanPeriod
): boolean {
	const { from, to } = periodDates(period);
	const start = measure.startsOn ?? measure.dueOn;
	return start <= to && measure.dueOn >= from;
}

/**
 * The share of people in orange or red from which a heatmap cell counts as an identified risk of the
 * plan. The heatmap's colour scale turns dark from there on (charts/heatmap-scale.ts, RISK_SHARE_MAX
 * 0.6); 0.4 is two people in five.
 */
export const RISK_SHARE = 0.4;

export function isIdentifiedRisk(figure: { orange: number; red: number }): boolean {
	return figure.orange + figure.red >= RISK_SHARE;
}
