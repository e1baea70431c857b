import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderLockedError, openDatabase } from '../../src/lib/server/db/connect';

/**
 * The lock on a PGlite data folder. This runs on PGlite whatever engine the rest of the run uses.
 * The second opener is a separate Node process (the lock treats its own pid as stale, so only
 * another process is refused): it runs the real openDatabase through tsx and reports as JSON.
 */
const CONNECT = fileURLToPath(new URL('../../src/lib/server/db/connect.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCK_FILE = 'knipperlicht.lock';

const CHILD = `
const { openDatabase } = await import(process.argv[1]);
try {
	const handle = await openDatabase({ dataDir: process.argv[2] });
	await handle.close();
	console.log(JSON.stringify({ opened: true }));
} catch (e) {
	console.log(JSON.stringify({ opened: false, error: e.constructor.name, pid: e.pid, message: e.message }));
}`;

type ChildOutcome = { opened: true } | { opened: false; error: string; pid?: number; message: string };

function openInOtherProcess(dataDir: string): Promise<ChildOutcome> {
	return new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', CHILD, CONNECT, dataDir],
			{ cwd: PROJECT_ROOT, timeout: 50_000 },
			(err, stdout, stderr) => {
				if (err) return reject(new Error(`child failed: ${err.message}\n${stderr}`));
				try {
					resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildOutcome);
				} catch {
					reject(new Error(`unexpected child output: ${stdout}\n${stderr}`));
				}
			}
		);
	});
}

function processRuns(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

let root: string;
beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'kl-lock-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the PGlite data folder lock', () => {
	it('refuses a second process while the folder is open, and opens again after close()', async () => {
		const dataDir = join(root, 'shared');
		const first = await openDatabase({ dataDir });
		try {
			expect(first.engine).toBe('pglite');
			expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
			await sql`create table marker (note text)`.execute(first.db);
			await sql`insert into marker values ('written by the first opener')`.execute(first.db);

			const refused = await openInOtherProcess(dataDir);
			expect(refused).toMatchObject({ opened: false, error: 'DataFolderLockedError', pid: process.pid });
			expect(refused.opened === false && refused.message).toContain(`pid ${process.pid}`);
			// The refused opener left the lock alone.
			expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
			// A second open in this same process is refused as well, and keeps the lock in place.
			await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataFolderLockedError);
			expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
		} finally {
			await first.close();
		}
		expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

		const again = await openDatabase({ dataDir });
		try {
			const { rows } = await sql<{ note: string }>`select note from marker`.execute(again.db);
			expect(rows).toEqual([{ note: 'written by the first opener' }]);
		} finally {
			await again.close();
		}
	}, 60_000);

	it('refuses to open a folder whose lock names another running process', async () => {
		const dataDir = join(root, 'held');
		const holder = process.ppid;
		expect(processRuns(holder)).toBe(true);
		mkdirSync(dataDir, { recursive: true });
		writeFileSync(join(dataDir, LOCK_FILE), String(holder));

		const promise = openDatabase({ dataDir });
		await expect(promise).rejects.toBeInstanceOf(DataFolderLockedError);
		await expect(promise).rejects.toMatchObject({
			pid: holder,
			message: expect.stringContaining(`pid ${holder}`)
		});
		expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(holder));
		expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
	});

	it.each([
		['a pid that does not run', '999999'],
		['garbage', 'not-a-pid'],
		['nothing', '']
	])(
		'takes over a stale lock holding %s',
		async (_label, content) => {
			if (content === '999999') expect(processRuns(999999)).toBe(false);
			// One folder for all cases: only the first pays for creating a PGlite cluster.
			const dataDir = join(root, 'stale');
			mkdirSync(dataDir, { recursive: true });
			writeFileSync(join(dataDir, LOCK_FILE), content);

			const handle = await openDatabase({ dataDir });
			try {
				expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
				const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
				expect(rows).toEqual([{ one: 1 }]);
			} finally {
				await handle.close();
			}
			expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
		},
		60_000
	);
});
