import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { freshDatabase, startServer } from '../helpers/server';

/**
 * Browser and HTTP tests run against the real built server on a fresh database seeded with the
 * demo organisations: PGlite in a temporary folder, or a new database on the PostgreSQL server of
 * DATABASE_URL. The build goes to .test-build/ so it never replaces the build `npm start` serves.
 */
export default async function setup(project: TestProject) {
	// KNIPPERLICHT_TEST_BUILD gives a run a build folder of its own, so two runs at once do not rebuild under each other.
	const entry = buildIfStale(process.env.KNIPPERLICHT_TEST_BUILD || '.test-build', { quiet: true });
	const database = await freshDatabase('e2e');
	const server = await startServer(entry, database.env);
	project.provide('baseUrl', server.url);
	return async () => {
		await server.stop();
		await database.remove();
	};
}
