import { sql, type Kysely, type Transaction } from 'kysely';
import { releaseProblem, type ReleasePlan } from '../../domain/releases';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The release log (docs/anonymity.md, "Releases"). Every disclosure releases one plan over one
 * set of data: a closed wave ('wave', subject = wave id) or a month of collective signals
 * ('signal-month', subject = yyyy-mm-01). The first showing records the plan; every later reader,
 * in any process, gets the recorded one, so one set of data is only ever shown in one form,
 * whatever happens to k, the unit tree or the data's group sizes afterwards.
 */
export type ReleaseKind = 'wave' | 'signal-month';

export interface Release extends ReleasePlan {
	kind: ReleaseKind;
	subject: string;
	detail: Record<string, unknown>;
	releasedOn: string;
}

export class UnsafeReleaseError extends Error {
	constructor(readonly problem: NonNullable<ReturnType<typeof releaseProblem>>) {
		super(`A release would disclose a group of fewer than k people (${problem.kind} at ${problem.unitId})`);
	}
}

function rowToRelease(row: {
	kind: ReleaseKind;
	subject: string;
	k: number;
	tree: ReleasePlan['tree'];
	own: Record<string, number>;
	shown: string[];
	detail: Record<string, unknown>;
	released_on: string;
}): Release {
	return {
		kind: row.kind,
		subject: row.subject,
		k: row.k,
		tree: row.tree,
		own: row.own,
		shown: row.shown,
		detail: row.detail,
		releasedOn: row.released_on
	};
}

/** The recorded releases of one kind, by subject (all of them when `subjects` is omitted). */
export async function findReleases(
	db: Db,
	organisationId: string,
	kind: ReleaseKind,
	subjects?: readonly string[]
): Promise<Map<string, Release>> {
	if (subjects && subjects.length === 0) return new Map();
	let query = db
		.selectFrom('disclosure_release')
		.select(['kind', 'subject', 'k', 'tree', 'own', 'shown', 'detail', 'released_on'])
		.where('organisation_id', '=', organisationId)
		.where('kind', '=', kind);
	if (subjects) query = query.where('subject', 'in', subjects);
	const rows = await query.execute();
	return new Map(rows.map((r) => [r.subject, rowToRelease(r)]));
}

/**
 * Records a release unless one exists for the subject, and returns the one in force (the earlier
 * one wins, also against a concurrent first reader in another process). A plan that would let a
 * group of 1 to k-1 people be worked out is refused before anything is written.
 */
export async function recordRelease(
	db: Db,
	organisationId: string,
	release: Omit<Release, 'releasedOn'> & { releasedOn: string }
): Promise<Release> {
	const problem = releaseProblem(release);
	if (problem) throw new UnsafeReleaseError(problem);
	await sql`
		insert into disclosure_release (organisation_id, kind, subject, k, tree, own, shown, detail, released_on)
		values (${organisationId}, ${release.kind}, ${release.subject}, ${release.k},
			${JSON.stringify(release.tree)}::jsonb, ${JSON.stringify(release.own)}::jsonb,
			${JSON.stringify(release.shown)}::jsonb, ${JSON.stringify(release.detail)}::jsonb, ${release.releasedOn})
		on conflict do nothing
	`.execute(db);
	const stored = await findReleases(db, organisationId, release.kind, [release.subject]);
	return stored.get(release.subject)!;
}

/**
 * recordRelease for several subjects of one kind at once: one insert and one read. Returns the
 * releases in force for all of them (the earlier one wherever one existed already).
 */
export async function recordReleases(
	db: Db,
	organisationId: string,
	kind: ReleaseKind,
	releases: ReadonlyArray<Omit<Release, 'kind'>>
): Promise<Map<string, Release>> {
	if (releases.length === 0) return new Map();
	for (const release of releases) {
		const problem = releaseProblem(release);
		if (problem) throw new UnsafeReleaseError(problem);
	}
	const rows = releases.map(
		(r) =>
			sql`(${organisationId}, ${kind}, ${r.subject}, ${r.k}, ${JSON.stringify(r.tree)}::jsonb,
				${JSON.stringify(r.own)}::jsonb, ${JSON.stringify(r.shown)}::jsonb, ${JSON.stringify(r.detail)}::jsonb,
				${r.releasedOn}::date)`
	);
	await sql`
		insert into disclosure_release (organisation_id, kind, subject, k, tree, own, shown, detail, released_on)
		values ${sql.join(rows)}
		on conflict do nothing
	`.execute(db);
	return findReleases(
		db,
		organisationId,
		kind,
		releases.map((r) => r.subject)
	);
}
