// Start-up of the built server on an existing database: spawn to the first 200 of GET /login, and
// its memory right after that first page. Baseline: a bare Node HTTP server spawned the same way.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale } from '../scripts/build-if-stale.js';
import { freePort, startServer } from '../tests/helpers/server';
import {
	benchBuildDir,
	createPostgresDatabase,
	figure,
	median,
	rssMbOf,
	type BenchContext,
	type Benchmark,
	type Figure
} from './harness';

const RUNS = 5;
/** The targets: a start on an existing data folder serves its first page within 1,500 ms… */
const TARGET_MS = 1500;
/** …and the server's resident memory right after that first page is at most 250 MB. */
const TARGET_RSS_MB = 250;

interface Start {
	ms: number;
	rssMb: number;
}

const BARE_SERVER = `require('node:http')
	.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); })
	.listen(Number(process.env.PORT), process.env.HOST);`;

/** Spawns `node -e BARE_SERVER` exactly as startServer spawns the app and polls it the same way. */
async function startBare(timeoutMs = 30_000): Promise<Start> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, ['-e', BARE_SERVER], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	try {
		for (;;) {
			if (child.exitCode !== null)
				throw new Error(`The bare server exited with ${child.exitCode}:\n${output}`);
			if (performance.now() - started > timeoutMs)
				throw new Error(`The bare server did not answer within ${timeoutMs} ms:\n${output}`);
			try {
				const response = await fetch(`${url}/login`);
				if (response.ok) {
					const ms = performance.now() - started;
					return { ms, rssMb: rssMbOf(child.pid!) };
				}
			} catch {
				/* not listening yet */
			}
			await new Promise((r) => setTimeout(r, 25));
		}
	} finally {
		if (child.exitCode === null) {
			child.kill('SIGKILL');
			await exited;
		}
	}
}

async function startApp(entry: string, env: NodeJS.ProcessEnv): Promise<Start> {
	const server = await startServer(entry, env);
	try {
		return { ms: server.startupMs, rssMb: rssMbOf(server.process.pid!) };
	} finally {
		await server.stop();
	}
}

/** The first start (migrates and seeds the demo), then RUNS measured restarts on the same database. */
async function measureApp(
	ctx: BenchContext,
	engine: string,
	entry: string,
	env: NodeJS.ProcessEnv,
	between: () => Promise<void> = async () => {}
): Promise<Start[]> {
	const first = await startServer(entry, env, 180_000);
	ctx.log(
		`${engine}: first start (migrate and seed the demo) served /login after ${Math.round(first.startupMs)} ms`
	);
	await first.stop();
	const starts: Start[] = [];
	for (let i = 0; i < RUNS; i++) {
		await between();
		const start = await startApp(entry, env);
		ctx.log(`${engine}: restart ${i + 1}/${RUNS}: ${Math.round(start.ms)} ms, ${start.rssMb.toFixed(1)} MB`);
		starts.push(start);
	}
	return starts;
}

function figures(engine: string, starts: Start[], bare: Start[]): Figure[] {
	return [
		figure(`startup.${engine}.ms`, median(starts.map((s) => s.ms)), 'ms', 'lower', {
			label: 'bare node HTTP server start',
			value: median(bare.map((s) => s.ms))
		}),
		figure(`startup.${engine}.rss_mb`, median(starts.map((s) => s.rssMb)), 'MB', 'lower', {
			label: 'bare node RSS',
			value: median(bare.map((s) => s.rssMb))
		})
	];
}

function reportTarget(ctx: BenchContext, engine: string, starts: Start[]): void {
	const ms = median(starts.map((s) => s.ms));
	const rssMb = median(starts.map((s) => s.rssMb));
	const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
	ctx.log(
		`${engine}: median start on an existing database ${Math.round(ms)} ms; ` +
			`target: first page within ${TARGET_MS.toLocaleString('en-US')} ms (${verdict(ms <= TARGET_MS)})`
	);
	ctx.log(
		`${engine}: median RSS after the first page ${rssMb.toFixed(1)} MB; ` +
			`target: at most ${TARGET_RSS_MB} MB (${verdict(rssMb <= TARGET_RSS_MB)})`
	);
}

const benchmark: Benchmark = {
	id: 'startup',
	async run(ctx) {
		ctx.log(`Building into ${benchBuildDir()}/ (skipped when the build is up to date)…`);
		const entry = buildIfStale(benchBuildDir(), { quiet: true });

		// The baseline runs interleave with the PGlite restarts, so both see the same machine load.
		const bare: Start[] = [];
		const measureBare = async () => {
			const start = await startBare();
			ctx.log(
				`bare node: start ${bare.length + 1}/${RUNS}: ${Math.round(start.ms)} ms, ${start.rssMb.toFixed(1)} MB`
			);
			bare.push(start);
		};

		const result: Figure[] = [];
		const dir = mkdtempSync(join(tmpdir(), 'kl-bench-startup-'));
		try {
			const starts = await measureApp(
				ctx,
				'pglite',
				entry,
				{ DATABASE_URL: '', KNIPPERLICHT_DATA_DIR: dir },
				measureBare
			);
			reportTarget(ctx, 'pglite', starts);
			result.push(...figures('pglite', starts, bare));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}

		if (ctx.postgresUrl) {
			const database = await createPostgresDatabase(ctx.postgresUrl, 'startup');
			try {
				const starts = await measureApp(ctx, 'postgres', entry, { DATABASE_URL: database.url });
				reportTarget(ctx, 'postgres', starts);
				result.push(...figures('postgres', starts, bare));
			} finally {
				await database.drop();
			}
		}
		return result;
	}
};

export default benchmark;
