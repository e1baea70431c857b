// The employee's side of the barometer under load: 50 keep-alive clients each submitting the full,
// valid questionnaire of an open wave's unit link (a fresh nonce per request, so each post stores a
// response) to the built server, on PostgreSQL and on PGlite. Baseline: a bare node:http handler
// (bench/bare-barometer-server.mjs) that parses the same form and does one INSERT into a bare
// table with the columns of `response`, on the same engine, loaded the same way in the same run.
// On PostgreSQL the app is measured with one worker and with one worker per core
// (KNIPPERLICHT_WORKERS=auto), each against the same bare handler.
// Also the JavaScript the questionnaire page ships (gzipped), against the 40 KB budget.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { buildIfStale } from '../scripts/build-if-stale.js';
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../seed/demo';
import { BAROMETER, itemsOf } from '../src/lib/instruments';
import { openDatabase, type OpenOptions } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { startServer, type RunningServer } from '../tests/helpers/server';
import {
	benchBuildDir,
	createPostgresDatabase,
	figure,
	percentile,
	type BenchContext,
	type Benchmark,
	type Figure
} from './harness';
import { randomNonce, runLoad, SessionClient, startBareServer, type LoadResult } from './load';

const CONCURRENCY = 50;
const WARMUP_MS = 2_000;
const DURATION_MS = 10_000;
/** Afterwards one client alone, for the time a single request takes. */
const SINGLE_WARMUP_MS = 300;
const SINGLE_MS = 1_500;
/** More errors than this share of the measured requests fails the benchmark. */
const MAX_ERROR_SHARE = 0.01;
/** The targets: at least half the bare handler's throughput, at most twice its p99 (same run). */
const TARGET_RPS_RATIO = 0.5;
const TARGET_P99_RATIO = 2;
/** The budget for the JavaScript of the questionnaire page, gzipped. */
const JS_BUDGET_KB = 40;

const ADVISOR = 'preventie@zonnedael.demo';
const SESSION_COOKIE = 'kl_session';
const BARE_TABLE = 'bench_response_bare';
const ITEMS = itemsOf(BAROMETER, true);

interface Link {
	token: string;
	unitId: string;
	/** The questionnaire page as GET /b/<token> serves it. */
	html: string;
}

interface Run {
	load: LoadResult;
	p99: number;
}

/** Signs in as the advisor and takes the first unit link of the demo's open 'Najaar …' wave. */
async function openWaveLink(url: string): Promise<Link> {
	const client = new SessionClient(url);
	const login = await client.post('/login', { email: ADVISOR, password: DEMO_PASSWORD });
	if (login.status !== 303 || !client.cookies.has(SESSION_COOKIE))
		throw new Error(`Signing in as ${ADVISOR} answered ${login.status} without a ${SESSION_COOKIE} cookie`);
	const home = await client.get('/');
	const org = /\/o\/([0-9a-f-]{36})/.exec(home.headers.get('location') ?? '')?.[1];
	if (!org) throw new Error(`GET / sent ${ADVISOR} to ${home.headers.get('location')}, not an organisation`);

	const list = await client.page(`/o/${org}/waves`);
	const waves = [...list.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].flatMap((row) => {
		const link = /<a href="(\/o\/[^"]+\/waves\/[0-9a-f-]{36})">([^<]*)<\/a>/.exec(row[1]!);
		const cells = [...row[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]!.trim());
		return link ? [{ path: link[1]!, name: link[2]!.trim(), open: cells.includes('Open') }] : [];
	});
	const wave = waves.find((w) => w.open && w.name.startsWith('Najaar')) ?? waves.find((w) => w.open);
	if (!wave) throw new Error(`No open wave among ${JSON.stringify(waves)}`);

	const page = await client.page(wave.path);
	const token = /href="\/b\/([a-z2-7]{26})"/.exec(page)?.[1];
	if (!token) throw new Error(`The page of wave ${wave.name} has no unit link`);

	const html = await new SessionClient(url).page(`/b/${token}`);
	const select = /<select[^>]*\bname="unitId"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
	const options = [...select.matchAll(/<option\b([^>]*)>/g)].map((o) => ({
		value: /\bvalue="([^"]*)"/.exec(o[1]!)?.[1] ?? '',
		selected: /\bselected\b/.test(o[1]!)
	}));
	const unitId = (options.find((o) => o.selected && o.value) ?? options.find((o) => o.value))?.value;
	if (!unitId) throw new Error(`The questionnaire of /b/${token} offers no unit`);

	const names = new Set([...html.matchAll(/\bname="(q_[^"]+)"/g)].map((m) => m[1]!));
	const expected = ITEMS.map((i) => `q_${i.id}`);
	if (names.size !== expected.length || expected.some((n) => !names.has(n)))
		throw new Error(`The questionnaire asks ${[...names].join(', ')}, not the barometer with its module`);
	return { token, unitId, html };
}

/** The submitted form without its nonce: the unit and an answer (1..5) to every item. */
function answersFor(unitId: string): string {
	const fields = new URLSearchParams({ unitId });
	for (const [index, item] of ITEMS.entries()) fields.set(`q_${item.id}`, String((index % 5) + 1));
	return fields.toString();
}

function load(
	url: string,
	fixed: string,
	concurrency = CONCURRENCY,
	warmupMs = WARMUP_MS,
	durationMs = DURATION_MS
) {
	return runLoad({
		url,
		method: 'POST',
		headers: {
			origin: new URL(url).origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: () => `nonce=${randomNonce()}&${fixed}`,
		concurrency,
		warmupMs,
		durationMs
	});
}

/** The load, then one client alone for a moment: the time one request takes without queueing. */
async function measureLoad(ctx: BenchContext, label: string, url: string, fixed: string, problems: string[]) {
	const run = summarise(ctx, label, await load(url, fixed), problems);
	const alone = await load(url, fixed, 1, SINGLE_WARMUP_MS, SINGLE_MS);
	run.load.okTotal += alone.okTotal;
	if (alone.latenciesMs.length)
		ctx.log(
			`${label}: one client alone: ${Math.round(alone.rps)} req/s, p50 ${percentile(alone.latenciesMs, 50).toFixed(1)} ms`
		);
	return run;
}

function summarise(ctx: BenchContext, label: string, result: LoadResult, problems: string[]): Run {
	const total = result.ok + result.errors;
	const share = total ? result.errors / total : 1;
	if (result.latenciesMs.length === 0 || share > MAX_ERROR_SHARE)
		problems.push(
			`${label}: ${result.errors} errors of ${total} requests (${(share * 100).toFixed(1)} %): ` +
				`${JSON.stringify(Object.fromEntries(result.statuses))} ${result.errorSamples.join(' | ')}`
		);
	const p99 = result.latenciesMs.length ? percentile(result.latenciesMs, 99) : Number.NaN;
	const p50 = result.latenciesMs.length ? percentile(result.latenciesMs, 50) : Number.NaN;
	ctx.log(
		`${label}: ${result.ok} × 200 in ${result.seconds} s = ${Math.round(result.rps)} req/s, ` +
			`p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, errors ${result.errors}` +
			(result.warmupErrors ? ` (+${result.warmupErrors} in the warm-up)` : '') +
			`; slowest answer to a request sent in the warm-up ${Math.round(result.warmupMaxMs)} ms` +
			(result.errorSamples.length ? `; first errors: ${result.errorSamples.slice(0, 2).join(' | ')}` : '')
	);
	return { load: result, p99 };
}

/** The bare handler on an engine: DATABASE_URL for PostgreSQL, BARE_PGLITE_DIR for PGlite. */
async function measureBare(
	ctx: BenchContext,
	engine: string,
	env: NodeJS.ProcessEnv,
	problems: string[]
): Promise<Run> {
	const unitId = randomUUID();
	const server = await startBareServer(
		{
			...env,
			BARE_TABLE,
			BARE_ITEMS: JSON.stringify(Object.fromEntries(ITEMS.map((i) => [i.id, i.dimension]))),
			BARE_ORGANISATION: randomUUID(),
			BARE_WAVE: randomUUID(),
			BARE_UNIT: unitId
		},
		// PGlite's start (WebAssembly) takes long on a busy machine.
		120_000
	);
	try {
		return await measureLoad(
			ctx,
			`${engine}: bare handler`,
			`${server.url}/b/x`,
			answersFor(unitId),
			problems
		);
	} finally {
		await server.stop();
	}
}

/** Submission receipts stored: one per accepted submission (the demo seeds none). */
async function receiptsIn(options: OpenOptions): Promise<number> {
	const handle = await openDatabase({ ...options, poolSize: 1 });
	try {
		const row = await handle.db
			.selectFrom('submission_receipt')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	} finally {
		await handle.close();
	}
}

/**
 * Seeds the demo before the server starts and lifts every unit's headcount: a unit link takes at
 * most its unit's headcount of answers, and the load sends thousands through one link.
 */
async function prepareDatabase(options: OpenOptions): Promise<void> {
	const handle = await openDatabase({ ...options, poolSize: 1 });
	try {
		await migrateToLatest(handle.db);
		if (await isEmpty(handle.db)) await seedDemo(handle.db);
		await handle.db.updateTable('unit').set({ headcount: 10_000_000 }).execute();
	} finally {
		await handle.close();
	}
}

/**
 * The app on an engine: the demo is seeded with room for the load's link answers, one submission is checked
 * to come back as the personal result page, then the load. Afterwards every 200 must have stored
 * its submission.
 */
async function measureApp(
	ctx: BenchContext,
	engine: string,
	entry: string,
	env: NodeJS.ProcessEnv,
	database: OpenOptions,
	problems: string[],
	onPage: (server: RunningServer, link: Link) => Promise<void> = async () => {}
): Promise<Run> {
	// The seeding here and the server must share the secret that keys codes and seals answers.
	const secret = randomBytes(32).toString('hex');
	process.env.KNIPPERLICHT_SECRET = secret;
	await prepareDatabase(database);
	const server = await startServer(entry, { ...env, KNIPPERLICHT_SECRET: secret }, 180_000);
	let run: Run;
	try {
		ctx.log(`${engine}: the server served /login after ${Math.round(server.startupMs)} ms`);
		const link = await openWaveLink(server.url);
		ctx.log(`${engine}: submitting to /b/${link.token} for unit ${link.unitId}, ${ITEMS.length} items`);
		await onPage(server, link);
		const fixed = answersFor(link.unitId);
		const probe = await new SessionClient(server.url).post(
			`/b/${link.token}`,
			`nonce=${randomNonce()}&${fixed}`
		);
		const probeHtml = await probe.text();
		if (probe.status !== 200 || !probeHtml.includes('id="result-title"'))
			throw new Error(
				`A valid submission answered ${probe.status} without the personal result:\n${probeHtml.slice(0, 500)}`
			);
		run = await measureLoad(ctx, `${engine}: app`, `${server.url}/b/${link.token}`, fixed, problems);
	} catch (e) {
		throw new Error(
			`${e instanceof Error ? e.message : String(e)}\nServer output:\n${server.output().slice(-2000)}`,
			{
				cause: e
			}
		);
	} finally {
		await server.stop();
	}
	const expected = run.load.okTotal + 1;
	const receipts = await receiptsIn(database);
	ctx.log(`${engine}: ${receipts} submissions stored for ${expected} answers 200 (probe included)`);
	if (receipts < expected)
		problems.push(`${engine}: ${expected} answers 200 but only ${receipts} submissions stored`);
	return run;
}

/** Every script (src and inline) and modulepreload of the page, gzipped, in KB. */
async function pageJsGzipKb(ctx: BenchContext, baseUrl: string, html: string): Promise<number> {
	const sources = new Set<string>();
	let inline = '';
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
		const type = /\btype="([^"]+)"/.exec(m[1]!)?.[1];
		if (src) sources.add(src);
		else if (!type || type === 'module' || type === 'text/javascript') inline += m[2];
	}
	for (const m of html.matchAll(/<link\b([^>]*)>/g)) {
		const href = /\bhref="([^"]+)"/.exec(m[1]!)?.[1];
		if (href && /\brel="modulepreload"/.test(m[1]!)) sources.add(href);
	}
	let bytes = inline.trim() ? gzipSync(inline).length : 0;
	for (const src of sources) {
		const response = await fetch(new URL(src, baseUrl));
		if (!response.ok) throw new Error(`GET ${src} answered ${response.status}`);
		bytes += gzipSync(Buffer.from(await response.arrayBuffer())).length;
	}
	ctx.log(
		`page: ${sources.size} scripts/modulepreloads, ${inline.trim().length} characters of inline script: ` +
			`${(bytes / 1024).toFixed(2)} KB gzipped (budget ${JS_BUDGET_KB} KB: ${bytes / 1024 <= JS_BUDGET_KB ? 'met' : 'NOT met'})`
	);
	return bytes / 1024;
}

function reportTargets(ctx: BenchContext, engine: string, app: Run, bare: Run, label: string): void {
	const ratio = app.load.rps / bare.load.rps;
	const rpsMet = ratio >= TARGET_RPS_RATIO;
	const p99Limit = TARGET_P99_RATIO * bare.p99;
	const p99Met = app.p99 <= p99Limit;
	ctx.log(
		`${engine}: ${Math.round(app.load.rps)} req/s = ${ratio.toFixed(2)} × ${label} (${Math.round(bare.load.rps)}); ` +
			`target ≥ ${TARGET_RPS_RATIO} × (${rpsMet ? 'met' : 'NOT met'}); p99 ${app.p99.toFixed(1)} ms ` +
			`= ${(app.p99 / bare.p99).toFixed(2)} × its ${bare.p99.toFixed(1)} ms, target ≤ ${TARGET_P99_RATIO} × ` +
			`= ${p99Limit.toFixed(1)} ms (${p99Met ? 'met' : 'NOT met'})`
	);
}

/** The figures of a run; `id` is the engine, and the setting when not the default (one worker). */
function figures(id: string, app: Run, bare: Run, label: string): Figure[] {
	return [
		figure(`barometer.submit.${id}.rps`, app.load.rps, 'req/s', 'higher', {
			label,
			value: bare.load.rps
		}),
		figure(`barometer.submit.${id}.p99_ms`, app.p99, 'ms', 'lower', {
			label: `${label} p99`,
			value: bare.p99
		})
	];
}

const benchmark: Benchmark = {
	id: 'barometer',
	async run(ctx) {
		ctx.log(`Building into ${benchBuildDir()}/ (skipped when the build is up to date)…`);
		const entry = buildIfStale(benchBuildDir(), { quiet: true });
		ctx.log(
			`Load: ${CONCURRENCY} keep-alive clients, ${WARMUP_MS / 1000} s warm-up, ${DURATION_MS / 1000} s measured, ` +
				'a fresh nonce per post'
		);
		const problems: string[] = [];
		const result: Figure[] = [];
		/** The app's runs by engine. */
		const apps = new Map<string, Run>();

		// PGlite: the bare handler on its own PGlite folder, then the app on a fresh data folder.
		const bareDir = mkdtempSync(join(tmpdir(), 'kl-bench-barometer-bare-'));
		const appDir = mkdtempSync(join(tmpdir(), 'kl-bench-barometer-'));
		try {
			const bare = await measureBare(ctx, 'pglite', { BARE_PGLITE_DIR: join(bareDir, 'pgdata') }, problems);
			let jsKb = 0;
			const app = await measureApp(
				ctx,
				'pglite',
				entry,
				{ DATABASE_URL: '', KNIPPERLICHT_DATA_DIR: appDir },
				{ dataDir: appDir },
				problems,
				async (server, link) => {
					jsKb = await pageJsGzipKb(ctx, server.url, link.html);
				}
			);
			result.push(
				figure('barometer.page.js_gzip_kb', jsKb, 'KB', 'lower', { label: 'budget', value: JS_BUDGET_KB })
			);
			const label = 'bare Node HTTP handler (PGlite)';
			reportTargets(ctx, 'pglite', app, bare, label);
			apps.set('pglite', app);
			result.push(...figures('pglite', app, bare, label));
		} finally {
			rmSync(bareDir, { recursive: true, force: true });
			rmSync(appDir, { recursive: true, force: true });
		}

		if (ctx.postgresUrl) {
			const bareDatabase = await createPostgresDatabase(ctx.postgresUrl, 'barometer_bare');
			let bare: Run;
			try {
				bare = await measureBare(ctx, 'postgres', { DATABASE_URL: bareDatabase.url }, problems);
			} finally {
				await bareDatabase.drop();
			}
			const label = 'bare Node HTTP handler';
			// One worker, then one per core; each on a fresh database, so its stored count is its own.
			for (const workers of ['1', 'auto']) {
				const id = workers === '1' ? 'postgres' : `postgres.workers_${workers}`;
				const database = await createPostgresDatabase(ctx.postgresUrl, 'barometer');
				try {
					const app = await measureApp(
						ctx,
						id,
						entry,
						{ DATABASE_URL: database.url, DATABASE_POOL_SIZE: '10', KNIPPERLICHT_WORKERS: workers },
						{ url: database.url },
						problems
					);
					reportTargets(ctx, id, app, bare, label);
					const pgliteApp = apps.get('pglite');
					if (pgliteApp && workers === '1')
						ctx.log(
							`pglite: ${Math.round(pgliteApp.load.rps)} req/s = ${(pgliteApp.load.rps / bare.load.rps).toFixed(2)} × ` +
								`the bare handler on PostgreSQL (${Math.round(bare.load.rps)})`
						);
					result.push(...figures(id, app, bare, label));
				} finally {
					await database.drop();
				}
			}
		}

		if (problems.length) throw new Error(`The load had errors:\n${problems.join('\n')}`);
		return result;
	}
};

export default benchmark;
