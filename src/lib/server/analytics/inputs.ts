import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The versions of an organisation's analytics inputs (migrations/2026-11-23-05-analytics-inputs.ts):
 * triggers give an input a new number from a sequence on every write, in the writing transaction.
 * '0' when it was never written since the migration.
 */
export interface InputVersions {
	/** Every insert, update or delete of the organisation's units (tree, headcounts, names, codes). */
	units: string;
	/** Every write to the figures in force (signal_month: imports, undos) and to the unit code mapping. */
	signals: string;
	/** Every month of collective signals released (disclosure_release, kind 'signal-month'). */
	releases: string;
}

/**
 * Read once per request, before the data they describe: data read afterwards is then at least as
 * new as the versions, and a version is never reused, so nothing kept under it can be stale.
 */
export async function readInputVersions(db: Db, organisationId: string): Promise<InputVersions> {
	const rows = await db
		.selectFrom('analytics_input_version')
		.select(['input', (eb) => eb.cast<string>('version', 'text').as('version')])
		.where('organisation_id', '=', organisationId)
		.execute();
	const versions: InputVersions = { units: '0', signals: '0', releases: '0' };
	for (const row of rows) versions[row.input] = row.version;
	return versions;
}
