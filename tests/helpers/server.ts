import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseNameFrom, onServer, uniqueName, withDatabase } from './postgres';

/**
 * An empty database for a server of its own, on the engine of the run: a new database on the
 * PostgreSQL server of DATABASE_URL, or a temporary PGlite folder. The server migrates and seeds it.
 */
export async function freshDatabase(
	label: string
): Promise<{ env: NodeJS.ProcessEnv; remove(): Promise<void> }> {
	const url = process.env.DATABASE_URL;
	if (url) {
		const name = uniqueName(`${databaseNameFrom(url)}_${label}`);
		await onServer(url, `create database "${name}"`);
		return {
			env: { DATABASE_URL: withDatabase(url, name) },
			remove: () => onServer(url, `drop database if exists "${name}" with (force)`)
		};
	}
	const dir = mkdtempSync(join(tmpdir(), `kl-${label}-`));
	return {
		env: { DATABASE_URL: '', KNIPPERLICHT_DATA_DIR: dir },
		remove: async () => rmSync(dir, { recursive: true, force: true })
	};
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface RunningServer {
	url: string;
	process: ChildProcess;
	output(): string;
	/** Milliseconds from spawn to the first successful response. */
	startupMs: number;
	stop(): Promise<void>;
}

/** Starts a built server and waits until it answers; its output is kept for error reports. */
export async function startServer(
	entry: string,
	env: NodeJS.ProcessEnv,
	timeoutMs = 90_000
): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, [entry], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			// As `npm start` sets it: the app limits bodies per route itself.
			BODY_SIZE_LIMIT: 'Infinity',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	let startupMs: number;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
		if (performance.now() - started > timeoutMs) {
			child.kill('SIGKILL');
			throw new Error(`The server did not answer within ${timeoutMs} ms:\n${output}`);
		}
		try {
			const response = await fetch(`${url}/login`);
			if (response.ok) {
				startupMs = performance.now() - started;
				break;
			}
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 25));
	}
	return {
		url,
		process: child,
		output: () => output,
		startupMs,
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			}
		}
	};
}
