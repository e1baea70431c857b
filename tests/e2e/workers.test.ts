import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { freshDatabase, startServer, type RunningServer } from '../helpers/server';

/**
 * `KNIPPERLICHT_WORKERS`: on PostgreSQL the server runs that many processes (node:cluster) and
 * replaces one that dies; the embedded PGlite is used by one process only and says so.
 */
const url = process.env.DATABASE_URL || null;
let server: RunningServer;
let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
	const entry = buildIfStale('.test-build', { quiet: true });
	const database = await freshDatabase('workers');
	cleanup = database.remove;
	server = await startServer(entry, { ...database.env, KNIPPERLICHT_WORKERS: '2' });
});

afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

const workerPids = () => [...server.output().matchAll(/\(worker \d+, pid (\d+)\)/g)].map((m) => Number(m[1]));

async function until(condition: () => boolean, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out; server output:\n${server.output()}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('KNIPPERLICHT_WORKERS=2', () => {
	if (url) {
		it('runs two workers that both serve, and replaces one that is killed', async () => {
			await until(() => workerPids().length >= 2);
			const [first, second] = workerPids();
			expect(first).not.toBe(second);
			process.kill(first!, 'SIGKILL');
			await until(() => workerPids().length >= 3);
			for (let i = 0; i < 20; i++) {
				const response = await fetch(new URL('/login', server.url));
				expect(response.status).toBe(200);
			}
			expect(server.process.exitCode).toBeNull();
		});

		it('stops all its workers on SIGTERM', async () => {
			const pids = workerPids();
			await server.stop();
			const alive = pids.filter((pid) => {
				try {
					process.kill(pid, 0);
					return true;
				} catch {
					return false;
				}
			});
			expect(alive).toEqual([]);
		});
	} else {
		it('serves from one process on PGlite and says why', async () => {
			expect(server.output()).toContain('KNIPPERLICHT_WORKERS=2 ignored');
			expect(workerPids()).toEqual([]);
			expect((await fetch(new URL('/login', server.url))).status).toBe(200);
		});
	}
});
