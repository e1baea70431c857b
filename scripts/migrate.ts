// `npm run db:migrate` migrates the configured database to the latest version;
// `npm run db:migrate -- down` undoes the most recent migration.
import { DataFolderLockedError, openDatabase, optionsFromEnv } from '../src/lib/server/db/connect';
import { migrateDown, migrateToLatest } from '../src/lib/server/db/migrate';

const direction = process.argv[2] === 'down' ? 'down' : 'up';
try {
	const handle = await openDatabase(optionsFromEnv());
	try {
		const names = direction === 'down' ? await migrateDown(handle.db) : await migrateToLatest(handle.db);
		console.log(
			names.length
				? `${direction === 'down' ? 'Undid' : 'Applied'}: ${names.join(', ')}`
				: 'Already up to date.'
		);
	} finally {
		await handle.close();
	}
} catch (e) {
	console.error(e instanceof DataFolderLockedError ? e.message : e);
	process.exit(1);
}
