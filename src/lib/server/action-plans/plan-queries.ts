import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type {
	PlanKind,
	PlanSection,
	PlanSections,
	PlanState,
	PlanStatus
} from '../../domain/action-plans/plans';
import type { ActionPlanTable, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The table's literal types are written out in schema.ts; this fails to compile when they drift from the domain's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type PlanVocabularyMatches = Holds<
	Same<[ActionPlanTable['kind'], ActionPlanTable['status']], [PlanKind, PlanStatus]>
>;

export interface PlanRecord extends PlanState {
	id: string;
	organisationId: string;
	version: number;
	previousId: string | null;
	sections: PlanSections;
	createdAt: Date;
	updatedAt: Date;
}

/** Each section and its column. */
const SECTION_COLUMNS = {
	riskAnalysis: 'risk_analysis',
	preventionMeasures: 'prevention_measures',
	objectives: 'objectives',
	activities: 'activities',
	means: 'means',
	roles: 'roles',
	adaptation: 'adaptation',
	evaluationCriteria: 'evaluation_criteria',
	globalChanges: 'global_changes'
} as const satisfies Record<PlanSection, keyof ActionPlanTable>;

function rowToPlan(row: Selectable<ActionPlanTable>): PlanRecord {
	const sections = Object.fromEntries(
		Object.entries(SECTION_COLUMNS).map(([section, column]) => [section, row[column]])
	) as PlanSections;
	return {
		id: row.id,
		organisationId: row.organisation_id,
		kind: row.kind,
		firstYear: row.first_year,
		lastYear: row.last_year,
		version: row.version,
		previousId: row.previous_id,
		status: row.status,
		submittedOn: row.submitted_on,
		adviceOn: row.advice_on,
		adviceText: row.advice_text,
		adoptedOn: row.adopted_on,
		sections,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

function sectionColumns(sections: Partial<PlanSections>) {
	const columns: Partial<Record<(typeof SECTION_COLUMNS)[PlanSection], string | null>> = {};
	for (const [section, value] of Object.entries(sections) as [PlanSection, string | null][])
		if (value !== undefined) columns[SECTION_COLUMNS[section]] = value;
	return columns;
}

/** The plans of an organisation: newest period first, then annual before global, newest version first. */
export async function findPlans(db: Db, organisationId: string): Promise<PlanRecord[]> {
	const rows = await db
		.selectFrom('action_plan')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('first_year', 'desc')
		.orderBy('kind')
		.orderBy('version', 'desc')
		.execute();
	return rows.map(rowToPlan);
}

/** One plan of the organisation; `lock` holds it until the transaction ends. */
export async function findPlan(
	db: Db,
	organisationId: string,
	planId: string,
	options: { lock?: boolean } = {}
): Promise<PlanRecord | undefined> {
	let query = db
		.selectFrom('action_plan')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', planId);
	if (options.lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row && rowToPlan(row);
}

/** Every version of the plan of a kind and first year, newest first. */
export async function findPlanVersions(
	db: Db,
	organisationId: string,
	kind: PlanKind,
	firstYear: number
): Promise<PlanRecord[]> {
	const rows = await db
		.selectFrom('action_plan')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('kind', '=', kind)
		.where('first_year', '=', firstYear)
		.orderBy('version', 'desc')
		.execute();
	return rows.map(rowToPlan);
}

export interface NewPlan {
	kind: PlanKind;
	firstYear: number;
	lastYear: number;
	version?: number;
	previousId?: string | null;
	status?: PlanStatus;
	submittedOn?: string | null;
	adviceOn?: string | null;
	adviceText?: string | null;
	adoptedOn?: string | null;
	sections?: Partial<PlanSections>;
}

/**
 * Stores a plan as given (a draft, version 1, when nothing else is said). The service checks the
 * rules first; the demo seed calls this directly for plans with a status and dates, and the
 * table's checks still refuse a row the rules would not allow.
 */
export async function insertPlan(db: Db, organisationId: string, plan: NewPlan): Promise<PlanRecord> {
	const row = await db
		.insertInto('action_plan')
		.values({
			organisation_id: organisationId,
			kind: plan.kind,
			first_year: plan.firstYear,
			last_year: plan.lastYear,
			version: plan.version ?? 1,
			previous_id: plan.previousId ?? null,
			status: plan.status ?? 'draft',
			submitted_on: plan.submittedOn ?? null,
			advice_on: plan.adviceOn ?? null,
			advice_text: plan.adviceText ?? null,
			adopted_on: plan.adoptedOn ?? null,
			...sectionColumns(plan.sections ?? {})
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	return rowToPlan(row);
}

export interface PlanChange {
	sections?: Partial<PlanSections>;
	status?: PlanStatus;
	submittedOn?: string;
	adviceOn?: string;
	adviceText?: string;
	adoptedOn?: string;
}

/** Sets the given sections and status fields and marks the plan as updated now. */
export async function updatePlan(
	db: Db,
	organisationId: string,
	planId: string,
	change: PlanChange
): Promise<PlanRecord> {
	const row = await db
		.updateTable('action_plan')
		.set({
			...sectionColumns(change.sections ?? {}),
			...(change.status !== undefined && { status: change.status }),
			...(change.submittedOn !== undefined && { submitted_on: change.submittedOn }),
			...(change.adviceOn !== undefined && { advice_on: change.adviceOn }),
			...(change.adviceText !== undefined && { advice_text: change.adviceText }),
			...(change.adoptedOn !== undefined && { adopted_on: change.adoptedOn }),
			updated_at: sql<Date>`now()`
		})
		.where('organisation_id', '=', organisationId)
		.where('id', '=', planId)
		.returningAll()
		.executeTakeFirstOrThrow();
	return rowToPlan(row);
}
