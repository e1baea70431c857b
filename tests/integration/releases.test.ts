import { describe, expect, it } from 'vitest';
import { findReleases, recordRelease, UnsafeReleaseError } from '../../src/lib/server/analytics/releases';
import { useTestDatabase } from '../helpers/db';
import { makeOrganisation } from '../helpers/factories';

const database = useTestDatabase();

const tree = [
	{ id: 'org', parentId: null },
	{ id: 'a', parentId: 'org' },
	{ id: 'b', parentId: 'org' }
];

function release(subject: string, shown: string[], own: Record<string, number>) {
	return {
		kind: 'signal-month' as const,
		subject,
		k: 5,
		tree,
		own,
		shown,
		detail: {},
		releasedOn: '2026-12-03'
	};
}

describe('the release log', () => {
	it('keeps the first release of a subject, whatever is recorded later', async () => {
		const org = await makeOrganisation(database.db);
		const first = await recordRelease(
			database.db,
			org.id,
			release('2026-01-01', ['org', 'a'], { org: 6, a: 7, b: 0 })
		);
		expect(first.shown).toEqual(['org', 'a']);
		const second = await recordRelease(
			database.db,
			org.id,
			release('2026-01-01', ['org'], { org: 20, a: 0, b: 0 })
		);
		expect(second).toEqual(first);
		expect((await findReleases(database.db, org.id, 'signal-month')).get('2026-01-01')).toEqual(first);
	});

	it('records one release when many readers come first at once', async () => {
		const org = await makeOrganisation(database.db);
		const outcomes = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				recordRelease(
					database.db,
					org.id,
					release('2026-02-01', i % 2 ? ['org'] : ['org', 'a'], { org: 6, a: 7, b: 0 })
				)
			)
		);
		expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
		const rows = await database.db
			.selectFrom('disclosure_release')
			.selectAll()
			.where('organisation_id', '=', org.id)
			.execute();
		expect(rows).toHaveLength(1);
	});

	it('refuses a plan that lets a small group be worked out, and writes nothing', async () => {
		const org = await makeOrganisation(database.db);
		await expect(
			recordRelease(database.db, org.id, release('2026-03-01', ['org', 'a'], { org: 2, a: 7, b: 0 }))
		).rejects.toBeInstanceOf(UnsafeReleaseError);
		expect((await findReleases(database.db, org.id, 'signal-month')).size).toBe(0);
	});

	it('keeps organisations apart', async () => {
		const one = await makeOrganisation(database.db);
		const other = await makeOrganisation(database.db);
		await recordRelease(database.db, one.id, release('2026-04-01', ['org'], { org: 9, a: 0, b: 0 }));
		expect((await findReleases(database.db, other.id, 'signal-month')).size).toBe(0);
	});
});
