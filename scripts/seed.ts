// `npm run seed` creates the demo organisations in an empty database (the server does this on its
// first start too); `npm run seed -- --large` adds the large synthetic organisation used by benchmarks.
import { DataFolderLockedError, openDatabase, optionsFromEnv } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { describeDemoAccounts, isEmpty, seedDemo } from '../seed/demo';
import { seedLargeOrganisation } from '../seed/large';

try {
	const handle = await openDatabase(optionsFromEnv());
	try {
		await migrateToLatest(handle.db);
		if (process.argv.includes('--large')) {
			const started = performance.now();
			const { organisationId, unitIds } = await seedLargeOrganisation(handle.db);
			console.log(
				`Large synthetic organisation ${organisationId}: ${unitIds.size} units in ${Math.round(performance.now() - started)} ms.`
			);
		} else if (await isEmpty(handle.db)) {
			await seedDemo(handle.db);
			console.log(describeDemoAccounts());
		} else {
			console.log('The database already holds organisations; the demo is only created in an empty database.');
		}
	} finally {
		await handle.close();
	}
} catch (e) {
	console.error(e instanceof DataFolderLockedError ? e.message : e);
	process.exit(1);
}
