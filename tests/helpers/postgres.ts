import { sql } from 'kysely';
import { openDatabase } from '../../src/lib/server/db/connect';

/** A database name that no other run on this server uses. */
export function uniqueName(prefix: string): string {
	return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
		.toLowerCase()
		.replace(/[^a-z0-9_]/g, '_');
}

export function databaseNameFrom(url: string): string {
	return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}

export function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

/** Runs maintenance statements (CREATE/DROP DATABASE) on the server of `url`. */
export async function onServer(url: string, statement: string): Promise<void> {
	const admin = await openDatabase({ url, poolSize: 1 });
	try {
		await sql.raw(statement).execute(admin.db);
	} finally {
		await admin.close();
	}
}
