import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, PGLITE_SHARED_BUFFERS } from '../../src/lib/server/db/connect';

/** The settings PGlite starts with. This runs on PGlite whatever engine the rest of the run uses. */
describe('PGlite settings', () => {
	it('starts with the smaller buffer cache and keeps PGlite’s own start parameters', async () => {
		const handle = await openDatabase({ dataDir: 'memory://' });
		try {
			const { rows } = await sql<{ name: string; setting: string }>`
				select name, current_setting(name) as setting from unnest(array[
					'shared_buffers', 'search_path', 'exit_on_error', 'max_worker_processes', 'synchronous_commit'
				]) as name`.execute(handle.db);
			expect(Object.fromEntries(rows.map((r) => [r.name, r.setting]))).toEqual({
				shared_buffers: PGLITE_SHARED_BUFFERS,
				// PGlite's defaults, which passing start parameters would otherwise drop.
				search_path: 'public',
				exit_on_error: 'off',
				max_worker_processes: '0',
				synchronous_commit: 'on'
			});
		} finally {
			await handle.close();
		}
	});
});
