import type { UnitNode } from '../../domain/units';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The table types, defined once and used everywhere. They follow migrations/ exactly;
 * tests/integration/migrations.test.ts compares them with the migrated database, column by column:
 * the kind of value (as db/connect.ts reads it: bigint as a number, date as a string), null, and
 * whether an insert may leave the column out (only where the database has a default).
 */
/** A timestamptz an insert may leave out: it defaults to now() (or, with `| null`, is null). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date ('yyyy-mm-dd') that defaults to the current date. */
type DateOnly = ColumnType<string, string | undefined, string>;

export type Language = 'nl' | 'fr' | 'en';
export type Role = 'admin' | 'advisor' | 'hr' | 'manager';

export interface OrganisationTable {
	id: Generated<string>;
	name: string;
	language: ColumnType<Language, Language | undefined, Language>;
	min_group_size: ColumnType<number, number | undefined, number>;
	sensitive_min_group_size: ColumnType<number, number | undefined, number>;
	is_demo: ColumnType<boolean, boolean | undefined, boolean>;
	/** The people employees can turn to (src/lib/domain/organisation-settings.ts), as JSON. */
	contacts: ColumnType<unknown, string | undefined, string>;
	created_at: Timestamp;
}

export interface UnitTable {
	organisation_id: string;
	id: Generated<string>;
	parent_id: string | null;
	code: string;
	name: string;
	headcount: number | null;
	valid_from: DateOnly;
	valid_to: string | null;
}

export interface AppUserTable {
	id: Generated<string>;
	email: string;
	display_name: string;
	password_hash: string;
	language: Language | null;
	must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
	active: ColumnType<boolean, boolean | undefined, boolean>;
	created_at: Timestamp;
}

export interface MembershipTable {
	organisation_id: string;
	user_id: string;
	role: Role;
	unit_id: string | null;
	active: ColumnType<boolean, boolean | undefined, boolean>;
	created_at: Timestamp;
}

export interface UserSessionTable {
	id: string;
	user_id: string;
	expires_at: ColumnType<Date, Date, Date>;
	created_at: Timestamp;
}

export interface AuditLogTable {
	organisation_id: string;
	/** A bigint, read as a number (db/connect.ts). */
	id: Generated<number>;
	actor_user_id: string | null;
	action: string;
	object_type: string;
	object_id: string | null;
	detail: ColumnType<Record<string, unknown>, string | undefined, string>;
	at: Timestamp;
}

export interface LoginThrottleTable {
	key_hash: string;
	attempts: ColumnType<number, number | undefined, number>;
	window_started_at: ColumnType<Date, Date, Date>;
}

export interface InstrumentTable {
	organisation_id: string;
	key: string;
	version: number;
	definition: ColumnType<unknown, string, string>;
	created_by: string | null;
	created_at: Timestamp;
}

export interface WaveTable {
	organisation_id: string;
	id: Generated<string>;
	name: string;
	instrument_key: string;
	instrument_version: number;
	definition: ColumnType<unknown, string, string>;
	include_module: ColumnType<boolean, boolean | undefined, boolean>;
	language: ColumnType<Language, Language | undefined, Language>;
	opens_on: string;
	closes_on: string;
	closed: ColumnType<boolean, boolean | undefined, boolean>;
	min_group_size: number;
	sensitive_min_group_size: number;
	created_by: string | null;
	created_at: Timestamp;
	summarised_at: Timestamp | null;
	/** The unit tree the summary was made with (migrations/2026-11-23-06-wave-tree.ts). */
	summary_tree: ColumnType<UnitNode[] | null, never, never>;
	/** Personal codes issued for the wave (their rows go when they are opened). */
	codes_issued: ColumnType<number, number | undefined, number>;
	/** How people answer: personal codes only, or unit links too (migrations/2026-12-03-08-wave-entry.ts). */
	entry: ColumnType<'codes' | 'links', 'codes' | 'links' | undefined, 'codes' | 'links'>;
}

export interface WaveUnitTable {
	organisation_id: string;
	wave_id: string;
	unit_id: string;
	link_token: string;
	/** Link answers stored for the unit in this wave, capped at its headcount. */
	link_answers: ColumnType<number, number | undefined, number>;
}

/** A personal code not opened yet: only its hash (keyed with the server secret, or plain for older codes). */
export interface WaveCodeTable {
	organisation_id: string;
	wave_id: string;
	code_hash: string;
	keyed: ColumnType<boolean, boolean | undefined, boolean>;
}

/** An opened personal code: the SHA-256 of the token in the respondent's browser. */
export interface ResponseClaimTable {
	organisation_id: string;
	wave_id: string;
	claim_hash: string;
}

/** An answer of a wave that takes answers, sealed under the server secret (barometer/sealed.ts). */
export interface ResponseSealedTable {
	organisation_id: string;
	wave_id: string;
	id: string;
	unit_id: string;
	via: 'link' | 'code';
	sealed: Uint8Array;
}

export interface ResponseTable {
	organisation_id: string;
	wave_id: string;
	id: Generated<string>;
	unit_id: string;
	via: 'link' | 'code';
	instrument_version: number;
	answers: ColumnType<Record<string, number>, string, string>;
	scores: ColumnType<Record<string, number | null>, string, string>;
}

export interface SubmissionReceiptTable {
	organisation_id: string;
	wave_id: string;
	nonce_hash: string;
}

/** The figures of a unit-month; null where the upload did not supply them. */
export interface SignalFigures {
	headcount: number | null;
	fte: number | null;
	planned_days: number | null;
	sick_days_short: number | null;
	sick_days_medium: number | null;
	sick_days_long: number | null;
	spells: number | null;
	frequent_absentees: number | null;
	spells_ended: number | null;
	spells_ended_days: number | null;
	leavers_voluntary: number | null;
	leavers_involuntary: number | null;
	new_incapacity_4w: number | null;
	ongoing_incapacity_1y: number | null;
	work_accidents: number | null;
	job_adaptation_requests: number | null;
	psychosocial_requests: number | null;
	/** People the unit-month's figures are about: on staff on any day of it, or in any of its figures. */
	people: number | null;
}

export interface SignalUploadTable {
	organisation_id: string;
	id: Generated<string>;
	seq: ColumnType<number, never, never>;
	format: 'monthly' | 'spells' | 'staffing' | 'spells+staffing';
	file_name: string;
	content_hash: string;
	byte_size: number;
	row_count: number;
	period_from: string;
	period_to: string;
	unit_count: number;
	uploaded_by: string | null;
	uploaded_at: Timestamp;
	undone_by: string | null;
	undone_at: Timestamp | null;
}

export interface SignalFigureTable extends SignalFigures {
	organisation_id: string;
	upload_id: string;
	unit_id: string;
	month: string;
}

export interface SignalMonthTable extends SignalFigures {
	organisation_id: string;
	unit_id: string;
	month: string;
}

export interface UnitCodeAliasTable {
	organisation_id: string;
	alias: string;
	unit_id: string;
}

export interface SignalColumnMappingTable {
	organisation_id: string;
	format: 'monthly' | 'spells' | 'staffing';
	/** Normalised header → column id, or null for an ignored column. */
	mapping: ColumnType<Record<string, string | null>, string, string>;
	updated_by: string | null;
	updated_at: Timestamp;
}

export interface WaveUnitSummaryTable {
	organisation_id: string;
	wave_id: string;
	unit_id: string;
	respondents: number;
	scored: number[];
	score_sum: number[];
	score_sum_sq: number[];
	green: number[];
	orange: number[];
	red: number[];
}

/** A closed wave's summary rows as one value (migrations/2026-11-23-05-analytics-inputs.ts). */
export interface WaveSummaryPackTable {
	organisation_id: string;
	wave_id: string;
	summarised_at: ColumnType<Date, Date | string, Date | string>;
	units: number;
	dimensions: number;
	data: Uint8Array;
}

/** A closed wave's planned results under the key of their inputs (migrations/2026-12-06-35-wave-results.ts). */
export interface WaveResultTable {
	organisation_id: string;
	wave_id: string;
	input_key: string;
	data: Uint8Array;
	computed_at: Generated<Date>;
}

/** Per organisation and input, a number that changes on every write to it. */
export interface AnalyticsInputVersionTable {
	organisation_id: string;
	input: 'units' | 'signals' | 'releases';
	version: ColumnType<number, string | number, string | number>;
}

/** An organisation's attention list as computed from the inputs its key names (analytics/attention-store.ts). */
export interface AttentionListResultTable {
	organisation_id: string;
	input_key: string;
	result: ColumnType<Record<string, unknown>, string, string>;
	/** Months of signals (yyyy-mm-01) the result planned and the first reader releases. */
	fresh_months: ColumnType<string[], string | undefined, string>;
	computed_at: Generated<Date>;
}

/** One thing disclosed from one set of data, frozen at its first showing (docs/anonymity.md, "Releases"). */
export interface DisclosureReleaseTable {
	organisation_id: string;
	kind: 'wave' | 'signal-month';
	/** The wave id, or the month (yyyy-mm-01). */
	subject: string;
	k: number;
	/** The unit tree the plan was made on. */
	tree: ColumnType<ReleaseTreeNode[], string, never>;
	/** Each unit's own group size (respondents, or people of the month) at release. */
	own: ColumnType<Record<string, number>, string, never>;
	/** The units whose figures the release shows. */
	shown: ColumnType<string[], string, never>;
	/** What else a reader of the release needs (for example per-dimension plans). */
	detail: ColumnType<Record<string, unknown>, string | undefined, never>;
	released_on: ColumnType<string, string, never>;
}

/** Numeric columns are read as exact text (db/connect.ts); an insert may give a number. */
type Numeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;

/** A measure of an action plan (migrations/2026-12-04-20-measures.ts; rules in domain/action-plans/measures.ts). */
export interface MeasureTable {
	organisation_id: string;
	id: Generated<string>;
	/** Null: the measure is for the organisation as a whole. */
	unit_id: string | null;
	targets: ColumnType<MeasureTargetsColumn, string, string>;
	title: string;
	domain:
		| 'work-organisation'
		| 'job-content'
		| 'terms-of-employment'
		| 'working-conditions'
		| 'interpersonal-relations';
	prevention_level: 'primary' | 'secondary' | 'tertiary';
	application_level: 'organisation' | 'group' | 'individual';
	owner_user_id: string | null;
	owner_role: string | null;
	starts_on: string | null;
	due_on: string;
	status: 'planned' | 'in-progress' | 'done' | 'dropped';
	dropped_reason: string | null;
	budget_euro: Numeric;
	hours: Numeric;
	description: string | null;
	implementation: string | null;
	perception: string | null;
	management_support: 'yes' | 'partly' | 'no' | null;
	follow_up: ColumnType<boolean, boolean | undefined, boolean>;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface MeasureTargetsColumn {
	dimensions: string[];
	signals: string[];
}

/** A dated note on a measure's progress. */
export interface MeasureNoteTable {
	organisation_id: string;
	measure_id: string;
	id: Generated<string>;
	written_on: string;
	text: string;
	author_user_id: string | null;
	created_at: Timestamp;
}

/** A plan for the committee (migrations/2026-12-04-22-plans.ts; rules in domain/action-plans/plans.ts). */
export interface ActionPlanTable {
	organisation_id: string;
	id: Generated<string>;
	kind: 'annual' | 'global';
	first_year: number;
	last_year: number;
	version: number;
	previous_id: string | null;
	status: 'draft' | 'submitted' | 'advised' | 'adopted';
	submitted_on: string | null;
	advice_on: string | null;
	advice_text: string | null;
	adopted_on: string | null;
	risk_analysis: string | null;
	prevention_measures: string | null;
	objectives: string | null;
	activities: string | null;
	means: string | null;
	roles: string | null;
	adaptation: string | null;
	evaluation_criteria: string | null;
	global_changes: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

/** An organisation's own catalogue entry (migrations/2026-12-04-23-catalogue.ts; rules in domain/action-plans/catalogue-entry.ts). */
export interface CatalogueEntryTable {
	organisation_id: string;
	id: Generated<string>;
	/** The language it is written in; shown as written in every interface language. */
	language: Language;
	title: string;
	how: string;
	watch_out: string;
	targets: ColumnType<MeasureTargetsColumn, string, string>;
	domain:
		| 'work-organisation'
		| 'job-content'
		| 'terms-of-employment'
		| 'working-conditions'
		| 'interpersonal-relations';
	prevention_level: 'primary' | 'secondary' | 'tertiary';
	application_level: 'organisation' | 'group' | 'individual';
	/** Set when retired: no longer suggested, still readable. */
	retired_at: Timestamp | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

/** A built-in catalogue entry an organisation hides from its suggestions. */
export interface CatalogueHiddenTable {
	organisation_id: string;
	entry_id: string;
	hidden_at: Timestamp;
}

/** A measure a wave asks about (migrations/2026-12-04-21-perception.ts; rules in domain/action-plans/perception.ts). */
export interface WaveMeasureTable {
	organisation_id: string;
	wave_id: string;
	measure_id: string;
	position: number;
	/** The measure's title when the wave was created, as written. */
	title: string;
	/** The measure's unit when the wave was created; null: the organisation as a whole. */
	unit_id: string | null;
}

/** One answered perception question, written when its wave stops taking answers (in random order). */
export interface PerceptionAnswerTable {
	organisation_id: string;
	wave_id: string;
	measure_id: string;
	id: string;
	unit_id: string;
	answer: number;
}

export interface ReleaseTreeNode {
	id: string;
	parentId: string | null;
}

export interface Database {
	organisation: OrganisationTable;
	unit: UnitTable;
	app_user: AppUserTable;
	membership: MembershipTable;
	user_session: UserSessionTable;
	audit_log: AuditLogTable;
	login_throttle: LoginThrottleTable;
	instrument: InstrumentTable;
	wave: WaveTable;
	wave_unit: WaveUnitTable;
	wave_code: WaveCodeTable;
	response_claim: ResponseClaimTable;
	response_sealed: ResponseSealedTable;
	response: ResponseTable;
	submission_receipt: SubmissionReceiptTable;
	signal_upload: SignalUploadTable;
	signal_figure: SignalFigureTable;
	signal_month: SignalMonthTable;
	unit_code_alias: UnitCodeAliasTable;
	signal_column_mapping: SignalColumnMappingTable;
	wave_unit_summary: WaveUnitSummaryTable;
	wave_summary_pack: WaveSummaryPackTable;
	wave_result: WaveResultTable;
	analytics_input_version: AnalyticsInputVersionTable;
	attention_list_result: AttentionListResultTable;
	disclosure_release: DisclosureReleaseTable;
	measure: MeasureTable;
	measure_note: MeasureNoteTable;
	wave_measure: WaveMeasureTable;
	perception_answer: PerceptionAnswerTable;
	catalogue_entry: CatalogueEntryTable;
	catalogue_hidden: CatalogueHiddenTable;
	action_plan: ActionPlanTable;
}

/** The figure columns of signal_figure and signal_month. */
export const signalFigureColumns: Record<keyof SignalFigures, true> = {
	headcount: true,
	fte: true,
	planned_days: true,
	sick_days_short: true,
	sick_days_medium: true,
	sick_days_long: true,
	spells: true,
	frequent_absentees: true,
	spells_ended: true,
	spells_ended_days: true,
	leavers_voluntary: true,
	leavers_involuntary: true,
	new_incapacity_4w: true,
	ongoing_incapacity_1y: true,
	work_accidents: true,
	job_adaptation_requests: true,
	psychosocial_requests: true,
	people: true
};

/** The columns of every table, for the schema drift test. Typed so that a missing column fails to compile. */
export const tableColumns: { [T in keyof Database]: Record<keyof Database[T], true> } = {
	organisation: {
		id: true,
		name: true,
		language: true,
		min_group_size: true,
		sensitive_min_group_size: true,
		is_demo: true,
		contacts: true,
		created_at: true
	},
	unit: {
		organisation_id: true,
		id: true,
		parent_id: true,
		code: true,
		name: true,
		headcount: true,
		valid_from: true,
		valid_to: true
	},
	app_user: {
		id: true,
		email: true,
		display_name: true,
		password_hash: true,
		language: true,
		must_change_password: true,
		active: true,
		created_at: true
	},
	membership: {
		organisation_id: true,
		user_id: true,
		role: true,
		unit_id: true,
		active: true,
		created_at: true
	},
	user_session: { id: true, user_id: true, expires_at: true, created_at: true },
	audit_log: {
		organisation_id: true,
		id: true,
		actor_user_id: true,
		action: true,
		object_type: true,
		object_id: true,
		detail: true,
		at: true
	},
	login_throttle: { key_hash: true, attempts: true, window_started_at: true },
	instrument: {
		organisation_id: true,
		key: true,
		version: true,
		definition: true,
		created_by: true,
		created_at: true
	},
	wave: {
		organisation_id: true,
		id: true,
		name: true,
		instrument_key: true,
		instrument_version: true,
		definition: true,
		include_module: true,
		language: true,
		opens_on: true,
		closes_on: true,
		closed: true,
		min_group_size: true,
		sensitive_min_group_size: true,
		created_by: true,
		created_at: true,
		summarised_at: true,
		summary_tree: true,
		codes_issued: true,
		entry: true
	},
	wave_unit: { organisation_id: true, wave_id: true, unit_id: true, link_token: true, link_answers: true },
	wave_code: { organisation_id: true, wave_id: true, code_hash: true, keyed: true },
	response_claim: { organisation_id: true, wave_id: true, claim_hash: true },
	response_sealed: { organisation_id: true, wave_id: true, id: true, unit_id: true, via: true, sealed: true },
	response: {
		organisation_id: true,
		wave_id: true,
		id: true,
		unit_id: true,
		via: true,
		instrument_version: true,
		answers: true,
		scores: true
	},
	submission_receipt: { organisation_id: true, wave_id: true, nonce_hash: true },
	signal_upload: {
		organisation_id: true,
		id: true,
		seq: true,
		format: true,
		file_name: true,
		content_hash: true,
		byte_size: true,
		row_count: true,
		period_from: true,
		period_to: true,
		unit_count: true,
		uploaded_by: true,
		uploaded_at: true,
		undone_by: true,
		undone_at: true
	},
	signal_figure: {
		organisation_id: true,
		upload_id: true,
		unit_id: true,
		month: true,
		...signalFigureColumns
	},
	signal_month: { organisation_id: true, unit_id: true, month: true, ...signalFigureColumns },
	unit_code_alias: { organisation_id: true, alias: true, unit_id: true },
	signal_column_mapping: {
		organisation_id: true,
		format: true,
		mapping: true,
		updated_by: true,
		updated_at: true
	},
	wave_unit_summary: {
		organisation_id: true,
		wave_id: true,
		unit_id: true,
		respondents: true,
		scored: true,
		score_sum: true,
		score_sum_sq: true,
		green: true,
		orange: true,
		red: true
	},
	wave_summary_pack: {
		organisation_id: true,
		wave_id: true,
		summarised_at: true,
		units: true,
		dimensions: true,
		data: true
	},
	wave_result: { organisation_id: true, wave_id: true, input_key: true, data: true, computed_at: true },
	analytics_input_version: { organisation_id: true, input: true, version: true },
	attention_list_result: {
		organisation_id: true,
		input_key: true,
		result: true,
		fresh_months: true,
		computed_at: true
	},
	disclosure_release: {
		organisation_id: true,
		kind: true,
		subject: true,
		k: true,
		tree: true,
		own: true,
		shown: true,
		detail: true,
		released_on: true
	},
	measure: {
		organisation_id: true,
		id: true,
		unit_id: true,
		targets: true,
		title: true,
		domain: true,
		prevention_level: true,
		application_level: true,
		owner_user_id: true,
		owner_role: true,
		starts_on: true,
		due_on: true,
		status: true,
		dropped_reason: true,
		budget_euro: true,
		hours: true,
		description: true,
		implementation: true,
		perception: true,
		management_support: true,
		follow_up: true,
		created_at: true,
		updated_at: true
	},
	measure_note: {
		organisation_id: true,
		measure_id: true,
		id: true,
		written_on: true,
		text: true,
		author_user_id: true,
		created_at: true
	},
	wave_measure: {
		organisation_id: true,
		wave_id: true,
		measure_id: true,
		position: true,
		title: true,
		unit_id: true
	},
	perception_answer: {
		organisation_id: true,
		wave_id: true,
		measure_id: true,
		id: true,
		unit_id: true,
		answer: true
	},
	catalogue_entry: {
		organisation_id: true,
		id: true,
		language: true,
		title: true,
		how: true,
		watch_out: true,
		targets: true,
		domain: true,
		prevention_level: true,
		application_level: true,
		retired_at: true,
		created_at: true,
		updated_at: true
	},
	catalogue_hidden: { organisation_id: true, entry_id: true, hidden_at: true },
	action_plan: {
		organisation_id: true,
		id: true,
		kind: true,
		first_year: true,
		last_year: true,
		version: true,
		previous_id: true,
		status: true,
		submitted_on: true,
		advice_on: true,
		advice_text: true,
		adopted_on: true,
		risk_analysis: true,
		prevention_measures: true,
		objectives: true,
		activities: true,
		means: true,
		roles: true,
		adaptation: true,
		evaluation_criteria: true,
		global_changes: true,
		created_at: true,
		updated_at: true
	}
};

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type Membership = Selectable<MembershipTable>;
export type UserSession = Selectable<UserSessionTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Wave = Selectable<WaveTable>;
