// The dashboards as a browser sees them, on one built server (PostgreSQL with DATABASE_URL, else
// PGlite) whose database holds the demo organisations (seeded by the server's first start, as
// `npm start` does) and the large synthetic organisation (seed/large.ts: 2,500 units, the closed
// waves and signals of bench/analytics-data.ts). The demo advisor is made an advisor of both.
// - dashboard.js_gzip_kb: the JavaScript the overview page (/o/<org>) and the results page
//   (/o/<org>/results) load on a first navigation (every script resource the Resource Timing
//   API lists once the page is idle), each file fetched again and gzipped here (node:zlib, default
//   level), so the figure does not depend on the server's compression; the larger of the two
//   pages. Baseline: the sign-in page measured the same way, the app's minimum.
// - dashboard.overview_render_ms: the results page of the large organisation, from navigation
//   start to the first frame after the heatmap table has rows (a MutationObserver added before the
//   page's own scripts, timed with performance.now(), whose origin is the navigation's start);
//   median of LOADS loads, after WARMUP_LOADS loads that let the server compute and keep the
//   results. Baseline: the demo organisation's results page, measured the same way,
//   interleaved with them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildIfStale } from '../scripts/build-if-stale.js';
import { seedLargeOrganisation } from '../seed/large';
import { DEMO_PASSWORD } from '../seed/demo';
import { summariseWave } from '../src/lib/server/analytics/summaries';
import { openDatabase, type OpenOptions } from '../src/lib/server/db/connect';
import { startServer } from '../tests/helpers/server';
import {
	BENCH_WAVES,
	copyResponsesPglite,
	copyResponsesPostgres,
	insertSignals,
	insertWaves,
	unitModels,
	waveResponseLines
} from './analytics-data';
import {
	benchBuildDir,
	createPostgresDatabase,
	figure,
	median,
	timed,
	type BenchContext,
	type Benchmark,
	type Figure
} from './harness';

const ADVISOR = 'preventie@zonnedael.demo';
/** Measured loads of each results page (large and demo, interleaved). */
const LOADS = 7;
/** Loads of each results page before measuring: the first computes what the server keeps. */
const WARMUP_LOADS = 2;
/** Share of the responses loaded per wave: 1 is about 40,000 (as in the analytics benchmark). */
const RESPONSE_SHARE = { postgres: 1, pglite: 0.5 };
/**
 * The waves that get responses, counted from the latest: the heatmap shows the latest and compares
 * it with the one before, the attention list looks at three. The older waves stay empty, which
 * keeps the set-up on PGlite (COPY at a few thousand rows per second) within minutes.
 */
const WAVES_WITH_RESPONSES = { postgres: BENCH_WAVES.length, pglite: 3 };
const TARGET_JS_KB = 150;
const TARGET_RENDER_MS = 500;

/** The system's Chromium, launched as tests/helpers/browser.ts does (that module imports Vitest). */
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type Engine = 'postgres' | 'pglite';

interface Organisations {
	demo: string;
	large: string;
}

/**
 * Adds the large organisation to a database the server has migrated and seeded (and is not
 * running on): units, closed waves with responses and their summaries, signals, and the demo
 * advisor as its advisor.
 */
async function addLargeOrganisation(
	ctx: BenchContext,
	engine: Engine,
	options: OpenOptions
): Promise<Organisations> {
	const handle = await openDatabase({ ...options, poolSize: 2 });
	try {
		const db = handle.db;
		const advisor = await db
			.selectFrom('app_user')
			.innerJoin('membership', 'membership.user_id', 'app_user.id')
			.innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
			.select(['app_user.id as userId', 'organisation.id as organisationId'])
			.where('app_user.email', '=', ADVISOR)
			.where('organisation.is_demo', '=', true)
			.executeTakeFirstOrThrow();

		const seeded = await timed(() => seedLargeOrganisation(db));
		const organisationId = seeded.result.organisationId;
		await db
			.insertInto('membership')
			.values({ organisation_id: organisationId, user_id: advisor.userId, role: 'advisor', unit_id: null })
			.execute();
		const units = await db
			.selectFrom('unit')
			.select(['id', 'code', 'headcount'])
			.where('organisation_id', '=', organisationId)
			.execute();
		const k = await db
			.selectFrom('organisation')
			.select('min_group_size')
			.where('id', '=', organisationId)
			.executeTakeFirstOrThrow();
		const waveIds = await insertWaves(db, organisationId);
		const models = unitModels(units);
		const firstWithResponses = waveIds.length - WAVES_WITH_RESPONSES[engine];
		let responses = 0;
		const loading = await timed(async () => {
			for (const [w, waveId] of waveIds.entries()) {
				if (w < firstWithResponses) continue;
				const wave = waveResponseLines(models, organisationId, waveId, w, {
					share: RESPONSE_SHARE[engine],
					k: k.min_group_size
				});
				const copied =
					options.url !== undefined
						? await copyResponsesPostgres(options.url, wave.lines)
						: await copyResponsesPglite(handle.pglite!, wave.lines);
				if (copied !== wave.responses)
					throw new Error(`COPY loaded ${copied} responses, not ${wave.responses}`);
				responses += copied;
			}
		});
		await sql`analyze`.execute(db);
		const summarising = await timed(async () => {
			for (const waveId of waveIds)
				await db.transaction().execute((trx) => summariseWave(trx, organisationId, waveId));
		});
		const signals = await insertSignals(db, organisationId, units, advisor.userId);
		await sql`analyze`.execute(db);
		ctx.log(
			`${engine}: large organisation of ${units.length.toLocaleString('en-US')} units in ${ms(seeded.ms)}; ` +
				`${waveIds.length} closed waves, ${responses.toLocaleString('en-US')} responses in the latest ` +
				`${WAVES_WITH_RESPONSES[engine]} (generated and copied in ${ms(loading.ms)}), summarised in ` +
				`${ms(summarising.ms)}; ${signals.unitMonths.toLocaleString('en-US')} unit-months of signals`
		);
		return { demo: advisor.organisationId, large: organisationId };
	} finally {
		await handle.close();
	}
}

async function signIn(context: BrowserContext, baseUrl: string): Promise<void> {
	const page = await context.newPage();
	try {
		await page.goto(`${baseUrl}/login`);
		await page.locator('input[name="email"]').fill(ADVISOR);
		await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
		await Promise.all([
			// argon2 is slow on purpose; on a loaded two-core machine a sign-in can take seconds.
			page.waitForURL((url) => url.pathname !== '/login', { timeout: 40_000 }),
			page.locator('form:has(input[name="password"]) button[type="submit"]').click()
		]);
	} finally {
		await page.close();
	}
}

interface PageJs {
	/** Gzipped bytes of the script files. */
	bytes: number;
	files: number;
	/** Gzipped bytes of the document's inline scripts (SvelteKit's start-up and the page's data). */
	inlineBytes: number;
}

/**
 * The script files a first navigation to `path` loads, in a fresh context (signed in unless
 * `anonymous`), gzipped here.
 */
async function pageJs(browser: Browser, baseUrl: string, path: string, anonymous = false): Promise<PageJs> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-BE' });
	try {
		if (!anonymous) await signIn(context, baseUrl);
		const page = await context.newPage();
		const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
		if (response?.status() !== 200) throw new Error(`GET ${path} answered ${response?.status()}`);
		if (new URL(page.url()).pathname !== path) throw new Error(`GET ${path} ended on ${page.url()}`);
		const { scripts, inline } = await page.evaluate(() => ({
			scripts: performance
				.getEntriesByType('resource')
				.map((e) => e as PerformanceResourceTiming)
				.filter((e) => e.initiatorType === 'script' || new URL(e.name).pathname.endsWith('.js'))
				.map((e) => e.name),
			inline: [...document.querySelectorAll('script:not([src])')]
				.filter((s) => !s.getAttribute('type') || /module|javascript/.test(s.getAttribute('type')!))
				.map((s) => s.textContent ?? '')
				.join('\n')
		}));
		let bytes = 0;
		for (const url of new Set(scripts)) {
			const file = await fetch(url);
			if (!file.ok) throw new Error(`GET ${url} answered ${file.status}`);
			bytes += gzipSync(Buffer.from(await file.arrayBuffer())).length;
		}
		return { bytes, files: new Set(scripts).size, inlineBytes: inline ? gzipSync(inline).length : 0 };
	} finally {
		await context.close();
	}
}

/** Set on the window by WATCH_HEATMAP: when the heatmap had rows, and the frame after. */
type Watched = { benchHeatmap?: { inDom: number; painted: number } };

/**
 * Runs in every page before its own scripts: notes when `table.heatmap` first has a row. A string,
 * not a function: tsx would wrap a function's inner functions in a helper the page does not have.
 */
const WATCH_HEATMAP = `
	const observer = new MutationObserver(() => {
		if (!document.querySelector('table.heatmap tbody tr')) return;
		observer.disconnect();
		const inDom = performance.now();
		requestAnimationFrame(() => {
			window.benchHeatmap = { inDom, painted: performance.now() };
		});
	});
	observer.observe(document, { childList: true, subtree: true });
`;

interface Render {
	/** Navigation start to the frame after the heatmap's rows were in the document. */
	paintedMs: number;
	inDomMs: number;
	responseEndMs: number;
	loadEventMs: number;
	rows: number;
	htmlKb: number;
	/** Of the HTML, the inline scripts: SvelteKit's start-up and the data the page hydrates with. */
	inlineScriptKb: number;
}

async function loadResults(context: BrowserContext, baseUrl: string, org: string): Promise<Render> {
	const page = await context.newPage();
	try {
		const response = await page.goto(`${baseUrl}/o/${org}/results`, { waitUntil: 'load', timeout: 180_000 });
		if (response?.status() !== 200) throw new Error(`The results page answered ${response?.status()}`);
		try {
			await page.waitForFunction(() => (window as unknown as Watched).benchHeatmap !== undefined, undefined, {
				timeout: 60_000
			});
		} catch (e) {
			const seen = await page.evaluate(() => ({
				tables: document.querySelectorAll('table.heatmap').length,
				rows: document.querySelectorAll('table.heatmap tbody tr').length,
				text: document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').slice(0, 600)
			}));
			throw new Error(`No heatmap row on ${page.url()}: ${JSON.stringify(seen)}`, { cause: e });
		}
		return await page.evaluate(() => {
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const seen = (window as unknown as Watched).benchHeatmap!;
			return {
				paintedMs: seen.painted - nav.startTime,
				inDomMs: seen.inDom - nav.startTime,
				responseEndMs: nav.responseEnd - nav.startTime,
				loadEventMs: nav.loadEventEnd - nav.startTime,
				rows: document.querySelectorAll('table.heatmap tbody tr').length,
				htmlKb: nav.decodedBodySize / 1024,
				inlineScriptKb:
					[...document.scripts].filter((s) => !s.src).reduce((n, s) => n + (s.textContent?.length ?? 0), 0) /
					1024
			};
		});
	} finally {
		await page.close();
	}
}

function describe(renders: Render[]): string {
	const at = (pick: (r: Render) => number) => ms(median(renders.map(pick)));
	const first = renders[0]!;
	return (
		`median ${at((r) => r.paintedMs)} (heatmap rows in the document ${at((r) => r.inDomMs)}, ` +
		`HTML received ${at((r) => r.responseEndMs)}, load event ${at((r) => r.loadEventMs)}); ` +
		`all: ${renders.map((r) => Math.round(r.paintedMs)).join(', ')} ms; ${first.rows} rows shown, ` +
		`${Math.round(first.htmlKb).toLocaleString('en-US')} KB of HTML of which ` +
		`${Math.round(first.inlineScriptKb).toLocaleString('en-US')} KB inline script`
	);
}

async function measure(ctx: BenchContext, baseUrl: string, orgs: Organisations): Promise<Figure[]> {
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS
	});
	try {
		const login = await pageJs(browser, baseUrl, '/login', true);
		const overview = await pageJs(browser, baseUrl, `/o/${orgs.demo}`);
		const results = await pageJs(browser, baseUrl, `/o/${orgs.demo}/results`);
		for (const [label, js] of [
			['sign-in page', login],
			['overview page', overview],
			['results page', results]
		] as const)
			ctx.log(
				`${label}: ${js.files} script files, ${kb(js.bytes)} gzipped ` +
					`(and ${kb(js.inlineBytes)} of inline script with the page's data)`
			);
		const largest = overview.bytes >= results.bytes ? overview : results;
		const largestKb = largest.bytes / 1024;
		ctx.log(
			`JavaScript of the ${largest === overview ? 'overview' : 'results'} page ${kb(largest.bytes)}; ` +
				`target ≤ ${TARGET_JS_KB} KB (${met(largestKb <= TARGET_JS_KB)})`
		);

		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-BE' });
		try {
			await context.addInitScript({ content: WATCH_HEATMAP });
			await signIn(context, baseUrl);
			for (let i = 0; i < WARMUP_LOADS; i++) {
				const large = await loadResults(context, baseUrl, orgs.large);
				const demo = await loadResults(context, baseUrl, orgs.demo);
				ctx.log(`warm-up ${i + 1}/${WARMUP_LOADS}: large ${ms(large.paintedMs)}, demo ${ms(demo.paintedMs)}`);
			}
			const large: Render[] = [];
			const demo: Render[] = [];
			for (let i = 0; i < LOADS; i++) {
				large.push(await loadResults(context, baseUrl, orgs.large));
				demo.push(await loadResults(context, baseUrl, orgs.demo));
			}
			ctx.log(`large organisation's results page: ${describe(large)}`);
			ctx.log(`demo organisation's results page: ${describe(demo)}`);
			const largeMs = median(large.map((r) => r.paintedMs));
			ctx.log(`target ≤ ${TARGET_RENDER_MS} ms (${met(largeMs <= TARGET_RENDER_MS)})`);

			return [
				figure('dashboard.js_gzip_kb', largestKb, 'KB', 'lower', {
					label: 'sign-in page',
					value: login.bytes / 1024
				}),
				figure('dashboard.overview_render_ms', largeMs, 'ms', 'lower', {
					label: "demo organisation's results page",
					value: median(demo.map((r) => r.paintedMs))
				})
			];
		} finally {
			await context.close();
		}
	} finally {
		await browser.close();
	}
}

const benchmark: Benchmark = {
	id: 'dashboard',
	async run(ctx) {
		ctx.log(`Building into ${benchBuildDir()}/ (skipped when the build is up to date)…`);
		const entry = buildIfStale(benchBuildDir(), { quiet: true });
		const engine: Engine = ctx.postgresUrl ? 'postgres' : 'pglite';
		// Its own secret: on PostgreSQL the server would otherwise keep one in ./.data.
		const secret = randomBytes(32).toString('hex');
		const database = ctx.postgresUrl ? await createPostgresDatabase(ctx.postgresUrl, 'dashboard') : null;
		const dir = database ? null : mkdtempSync(join(tmpdir(), 'kl-bench-dashboard-'));
		const options: OpenOptions = database ? { url: database.url } : { dataDir: dir! };
		const env: NodeJS.ProcessEnv = {
			...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: '', KNIPPERLICHT_DATA_DIR: dir! }),
			KNIPPERLICHT_SECRET: secret
		};
		try {
			// The first start migrates and seeds the demo organisations, as `npm start` does.
			const first = await startServer(entry, env, 180_000);
			await first.stop();
			const orgs = await addLargeOrganisation(ctx, engine, options);
			const server = await startServer(entry, env, 180_000);
			try {
				return await measure(ctx, server.url, orgs);
			} catch (e) {
				throw new Error(
					`${e instanceof Error ? e.message : String(e)}\nServer output:\n${server.output().slice(-2000)}`,
					{ cause: e }
				);
			} finally {
				await server.stop();
			}
		} finally {
			if (database) await database.drop();
			if (dir) rmSync(dir, { recursive: true, force: true });
		}
	}
};

export default benchmark;
