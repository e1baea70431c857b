import { sql, type Kysely } from 'kysely';

/**
 * The plans for the committee for prevention and protection at work (codex welzijn op het werk,
 * art. I.2-8 and I.2-9): the global prevention plan over five years and the annual action plan for
 * one calendar year. A plan keeps the sections the advisor writes, its committee status with the
 * dates and the advice, and its version: a plan submitted to the committee is locked, and a change
 * after that is a new version (`previous_id`). The rules live in src/lib/domain/action-plans/plans.ts;
 * the checks here keep the stored rows within them whatever writes them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('action_plan')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('annual','global')`))
		.addColumn('first_year', 'integer', (c) => c.notNull().check(sql`first_year between 2000 and 2100`))
		.addColumn('last_year', 'integer', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
		.addColumn('previous_id', 'uuid')
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('draft','submitted','advised','adopted')`)
		)
		.addColumn('submitted_on', 'date')
		.addColumn('advice_on', 'date')
		.addColumn('advice_text', 'text')
		.addColumn('adopted_on', 'date')
		// The sections the law names; an annual plan has only objectives, means, roles and changes.
		.addColumn('risk_analysis', 'text')
		.addColumn('prevention_measures', 'text')
		.addColumn('objectives', 'text')
		.addColumn('activities', 'text')
		.addColumn('means', 'text')
		.addColumn('roles', 'text')
		.addColumn('adaptation', 'text')
		.addColumn('evaluation_criteria', 'text')
		.addColumn('global_changes', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('action_plan_pk', ['organisation_id', 'id'])
		.addForeignKeyConstraint('action_plan_previous_fk', ['organisation_id', 'previous_id'], 'action_plan', [
			'organisation_id',
			'id'
		])
		.addUniqueConstraint('action_plan_version_unique', ['organisation_id', 'kind', 'first_year', 'version'])
		.addCheckConstraint(
			'action_plan_period',
			sql`(kind = 'annual' and last_year = first_year) or (kind = 'global' and last_year = first_year + 4)`
		)
		.addCheckConstraint('action_plan_first_version', sql`(version = 1) = (previous_id is null)`)
		.addCheckConstraint(
			'action_plan_annual_sections',
			sql`kind = 'global' or (risk_analysis is null and prevention_measures is null and activities is null and adaptation is null and evaluation_criteria is null)`
		)
		.addCheckConstraint('action_plan_global_sections', sql`kind = 'annual' or global_changes is null`)
		.addCheckConstraint(
			'action_plan_status_dates',
			sql`(submitted_on is not null) = (status <> 'draft')
				and (advice_on is not null) = (status in ('advised','adopted'))
				and (advice_text is not null) = (status in ('advised','adopted'))
				and (adopted_on is not null) = (status = 'adopted')`
		)
		.addCheckConstraint(
			'action_plan_date_order',
			sql`(advice_on is null or advice_on >= submitted_on) and (adopted_on is null or adopted_on >= advice_on)`
		)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('action_plan').execute();
}
