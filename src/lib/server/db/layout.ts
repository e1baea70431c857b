/**
 * How every table would be placed on a distributed PostgreSQL (Citus) cluster. Nothing here runs
 * on a single server; tests/integration/schema-layout.test.ts holds the migrations to it, so the
 * schema stays distributable while it grows.
 *
 * - distributed: tenant data, sharded by organisation_id and co-located with `organisation`'s
 *   tenants, so every tenant query and every foreign key stays inside one shard group.
 * - reference: small tables without organisation_id that distributed tables point at; Citus
 *   copies them to every node so those foreign keys and joins stay local.
 * - local: stays on the coordinator only. These are per person or per sign-in attempt, not per
 *   tenant, small, and written on every request (sessions) or attempt (throttle); replicating
 *   them to every node would make each of those writes a cluster-wide transaction for nothing,
 *   as no tenant table refers to them.
 *
 * `organisation` is the reference table every tenant table refers to. `app_user` is a reference
 * table rather than local because memberships, audit entries, waves and uploads refer to it and
 * Citus accepts foreign keys from distributed tables to reference tables only; it is written
 * rarely (accounts, password changes), so replicating it is cheap.
 */
export type TablePlacement = 'distributed' | 'reference' | 'local';

/** The distribution column of every distributed table. */
export const DISTRIBUTION_COLUMN = 'organisation_id';

export const TABLE_LAYOUT: Readonly<Record<string, TablePlacement>> = {
	organisation: 'reference',
	app_user: 'reference',

	user_session: 'local',
	login_throttle: 'local',
	// The migrator's own bookkeeping, read and written by the coordinator alone.
	kysely_migration: 'local',
	kysely_migration_lock: 'local',

	unit: 'distributed',
	unit_code_alias: 'distributed',
	membership: 'distributed',
	audit_log: 'distributed',
	instrument: 'distributed',
	wave: 'distributed',
	wave_unit: 'distributed',
	wave_code: 'distributed',
	response: 'distributed',
	response_claim: 'distributed',
	response_sealed: 'distributed',
	submission_receipt: 'distributed',
	wave_unit_summary: 'distributed',
	wave_summary_pack: 'distributed',
	wave_result: 'distributed',
	signal_upload: 'distributed',
	signal_figure: 'distributed',
	signal_month: 'distributed',
	signal_column_mapping: 'distributed',
	disclosure_release: 'distributed',
	analytics_input_version: 'distributed',
	attention_list_result: 'distributed',
	measure: 'distributed',
	wave_measure: 'distributed',
	perception_answer: 'distributed',
	catalogue_entry: 'distributed',
	catalogue_hidden: 'distributed',
	measure_note: 'distributed',
	action_plan: 'distributed'
};

/**
 * Unique indexes on distributed tables that leave out organisation_id, which Citus refuses. Each
 * finds the organisation from a secret a respondent brings (a link token, a code, a claim), so it
 * must be unique across tenants. Before distributing, each becomes a lookup in a table keyed by
 * the secret's hash (or the secret carries its organisation); until then they are the only
 * exceptions the layout check accepts.
 */
export const GLOBAL_UNIQUE_INDEXES: readonly string[] = [
	'wave_unit_token_unique',
	'wave_code_hash_unique',
	'response_claim_hash_unique'
];
