import { error } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import {
	isLocked,
	SECTIONS_OF,
	submittedLate,
	validatePlanStart,
	validateSections,
	validateStep,
	type PlanSection,
	type PlanSections
} from '../../domain/action-plans/plans';
import { isUuid, unwrap, ValidationError } from '../../domain/validation';
import { authorize, can, type Actor } from '../access';
import { insertAuditEntry } from '../audit/queries';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import {
	findPlan,
	findPlans,
	findPlanVersions,
	insertPlan,
	updatePlan,
	type PlanRecord
} from './plan-queries';

export type { PlanRecord };

/**
 * The plans for the committee (docs/action-plans.md, "The plans for the committee"). The advisor
 * writes them and takes them through the committee (`plan.edit`); HR reads them (`plan.view`).
 * A plan is a document of the whole organisation, so there is no unit scope. Every change is
 * audited with the old and new values, in the transaction of the change.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** The plans of the organisation, newest period first. */
export async function listPlans(db: Kysely<Database>, actor: Actor | null, organisationId: string) {
	authorize(actor, 'plan.view', { organisationId });
	return findPlans(db, organisationId);
}

/** Reads a plan of the organisation: 404 when the id is malformed or unknown here. */
async function reachPlan(db: Db, organisationId: string, planId: string, options: { lock?: boolean } = {}) {
	if (!isUuid(planId)) error(404, 'error.notFound');
	const plan = await findPlan(db, organisationId, planId, options);
	if (!plan) error(404, 'error.notFound');
	return plan;
}

/** A plan with its other versions, and what the actor may do with it. */
export async function getPlan(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	planId: string
) {
	authorize(actor, 'plan.view', { organisationId });
	const plan = await reachPlan(db, organisationId, planId);
	const versions = await findPlanVersions(db, organisationId, plan.kind, plan.firstYear);
	const canEdit = can(actor, 'plan.edit', { organisationId });
	return {
		plan,
		versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status })),
		locked: isLocked(plan),
		late: submittedLate(plan),
		isLatest: versions[0]?.id === plan.id,
		canEdit
	};
}

const unique = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && e.code === '23505';

/**
 * A new plan, a draft of version 1, for a kind and first year that has none yet (otherwise the
 * existing one gets a new version). The sections start empty: the report is assembled at view time.
 */
export async function createPlan(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	input: Record<string, unknown>
): Promise<PlanRecord> {
	authorize(actor, 'plan.edit', { organisationId });
	const start = unwrap(validatePlanStart(input));
	try {
		return await db.transaction().execute(async (trx) => {
			const existing = await findPlanVersions(trx, organisationId, start.kind, start.firstYear);
			if (existing.length) throw new ValidationError({ firstYear: { key: 'plan.exists' } });
			const plan = await insertPlan(trx, organisationId, start);
			await insertAuditEntry(trx, {
				organisationId,
				actorUserId: actor!.userId,
				action: 'plan.create',
				objectType: 'action_plan',
				objectId: plan.id,
				detail: {
					before: {},
					after: { kind: plan.kind, firstYear: plan.firstYear, lastYear: plan.lastYear, version: 1 }
				}
			});
			return plan;
		});
	} catch (e) {
		// Two advisors creating the same plan at once: the second one is told it exists.
		if (unique(e)) throw new ValidationError({ firstYear: { key: 'plan.exists' } });
		throw e;
	}
}

/** Refuses any change to a plan that went to the committee (a new version is the way to change it). */
function refuseLocked(plan: PlanRecord) {
	if (isLocked(plan)) throw new ValidationError({ plan: { key: 'plan.locked' } });
}

/**
 * Changes the sections of a draft plan. Only the sections of its kind; only what changed is
 * written and audited (old and new text). A submitted plan is refused with a clear message.
 */
export async function updatePlanSections(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	planId: string,
	input: Record<string, unknown>
): Promise<PlanRecord> {
	authorize(actor, 'plan.edit', { organisationId });
	return db.transaction().execute(async (trx) => {
		const plan = await reachPlan(trx, organisationId, planId, { lock: true });
		refuseLocked(plan);
		const sections = unwrap(validateSections(plan.kind, input));
		const before: Partial<PlanSections> = {};
		const after: Partial<PlanSections> = {};
		for (const [section, value] of Object.entries(sections) as [PlanSection, string | null][]) {
			if (plan.sections[section] === value) continue;
			before[section] = plan.sections[section];
			after[section] = value;
		}
		if (!Object.keys(after).length) return plan;
		const updated = await updatePlan(trx, organisationId, plan.id, { sections: after });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'plan.update',
			objectType: 'action_plan',
			objectId: plan.id,
			detail: { before, after }
		});
		return updated;
	});
}

/**
 * The next step of the plan's committee status (`validateStep`): submitted on a date (which locks
 * it), the committee's advice with its date and text, adopted on a date not before the advice.
 */
export async function advancePlan(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	planId: string,
	input: Record<string, unknown>,
	today: string = todayInBelgium()
): Promise<PlanRecord> {
	authorize(actor, 'plan.edit', { organisationId });
	return db.transaction().execute(async (trx) => {
		const plan = await reachPlan(trx, organisationId, planId, { lock: true });
		const step = unwrap(validateStep(plan, input.status, input, today));
		const { status, ...dates } = step;
		const before = Object.fromEntries(
			Object.keys(dates).map((k) => [k, plan[k as keyof typeof dates]])
		) as Record<string, string | null>;
		const updated = await updatePlan(trx, organisationId, plan.id, { status, ...dates });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'plan.status',
			objectType: 'action_plan',
			objectId: plan.id,
			detail: { before: { status: plan.status, ...before }, after: step }
		});
		return updated;
	});
}

/**
 * A new version of a plan that went to the committee: a draft with the version after it and the
 * same sections, pointing back at it. Only from the newest version, and not from a draft (a draft
 * is changed directly).
 */
export async function newPlanVersion(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	planId: string
): Promise<PlanRecord> {
	authorize(actor, 'plan.edit', { organisationId });
	return db.transaction().execute(async (trx) => {
		const plan = await reachPlan(trx, organisationId, planId, { lock: true });
		if (!isLocked(plan)) throw new ValidationError({ plan: { key: 'plan.draftOnlyOnce' } });
		const versions = await findPlanVersions(trx, organisationId, plan.kind, plan.firstYear);
		if (versions[0]?.id !== plan.id) throw new ValidationError({ plan: { key: 'plan.notLatest' } });
		const sections = Object.fromEntries(
			SECTIONS_OF[plan.kind].map((s) => [s, plan.sections[s]])
		) as Partial<PlanSections>;
		const next = await insertPlan(trx, organisationId, {
			kind: plan.kind,
			firstYear: plan.firstYear,
			lastYear: plan.lastYear,
			version: plan.version + 1,
			previousId: plan.id,
			sections
		});
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'plan.version',
			objectType: 'action_plan',
			objectId: next.id,
			detail: {
				before: { planId: plan.id, version: plan.version, status: plan.status },
				after: { planId: next.id, version: next.version, status: next.status }
			}
		});
		return next;
	});
}
