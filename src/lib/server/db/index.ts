import type { Kysely } from 'kysely';
import { describeDemoAccounts, isEmpty, seedDemo } from '../../../../seed/demo';
import { openDatabase, optionsFromEnv, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export type { Database };

let handle: DatabaseHandle | null = null;

/**
 * Opens the database named by the environment, migrates it, and on a first start creates the
 * demo organisation (unless KNIPPERLICHT_DEMO=off). Called once from the server's init hook.
 */
export async function startDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
	if (handle) return handle;
	const opened = await openDatabase(optionsFromEnv(env));
	try {
		await migrateToLatest(opened.db);
		if (env.KNIPPERLICHT_DEMO !== 'off' && (await isEmpty(opened.db))) {
			await seedDemo(opened.db);
			console.log('Created the demo organisations Zorggroep Zonnedael and Stad Lindebeek.');
		}
		const demo = await opened.db
			.selectFrom('organisation')
			.select('id')
			.where('is_demo', '=', true)
			.executeTakeFirst();
		if (demo) console.log(describeDemoAccounts());
	} catch (e) {
		await opened.close();
		throw e;
	}
	handle = opened;
	return handle;
}

export function getDb(): Kysely<Database> {
	if (!handle) throw new Error('The database is not open yet');
	return handle.db;
}

export async function stopDatabase(): Promise<void> {
	const h = handle;
	handle = null;
	await h?.close();
}
