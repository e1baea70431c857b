// Importing a spells file of 1,000,000 rows (50,000 employees of the large synthetic organisation,
// 36 months) through the real import service, importSignals: streaming parse, validation,
// aggregation into unit-months and the commit, in one transaction. Each import runs in a child
// process of its own (bench/signals-child.ts), so that the peak resident memory it reports is the
// import's alone; each goes into a fresh copy of the organisation in the same database.
// The child runs as plain JavaScript, bundled here with esbuild (packages stay external), as the
// built server does: tsx's loader thread alone adds about 40 MB of resident memory. Without
// esbuild it falls back to `node --import tsx` and says so.
// Baselines, on the same engine and file in the same run: PostgreSQL `COPY … FROM STDIN`
// (pg-copy-streams) of the file's rows into a bare table; PGlite's own `COPY … FROM '/dev/blob'`.
// The peak memory (VmHWM of the child) has the same child's peak before it starts importing (node,
// the modules, an open pool) as its baseline: the ratio is how much the import adds to a process
// at rest, measured in the same run; the fixed 300 MB target is printed as met or not beside it.
// A quarter-size file (same employees, units and months) is imported once more, for how the peak
// grows with the rows.
// Every import is checked value by value: each stored unit-month (signal_figure and signal_month)
// must equal what the domain computes from the file, read once more after the timed import.
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { seedLargeOrganisation } from '../seed/large';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import type { Database } from '../src/lib/server/db/schema';
import {
	createPostgresDatabase,
	figure,
	median,
	timed,
	type BenchContext,
	type Benchmark,
	type Figure
} from './harness';
import type { ChildInput, ChildResult } from './signals-child';
import { MONTHS, writeSpellsFile, type SpellsFile } from './signals-file';

/** The upload day: fixed, so that the file and its figures are the same in every run. */
const TODAY = '2026-11-15';
const REPETITIONS = { postgres: 3, pglite: 3 };
/** Spells per key of the smaller file that shows how the peak memory grows with the rows. */
const SMALL_SPELLS_PER_KEY = 5;
/** The targets. */
const TARGET_ROWS_PER_S = 150_000;
const TARGET_COPY_FACTOR = 2;
const TARGET_PEAK_MB = 300;
const CHILD_TIMEOUT_MS = 300_000;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('./signals-child.ts', import.meta.url));

const BARE_TABLE = 'bench_spell_bare';
const BARE_COLUMNS = '(employee_key text, unit_code text, start_date date, end_date date, absence_type text)';
// The file's own format: `;`, a header line, dd/mm/yyyy (DateStyle DMY), an empty end date is NULL.
const COPY_OPTIONS = `(format csv, delimiter ';', header true)`;

interface Run {
	importMs: number;
	copyMs: number | null;
	child: ChildResult;
}

const rowsPerS = (rows: number, ms: number) => (rows * 1000) / ms;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** The user the uploads are made by (signal_upload.uploaded_by references app_user). */
async function createUser(db: Kysely<Database>): Promise<string> {
	const user = await db
		.insertInto('app_user')
		.values({
			email: `bench-signals-${randomUUID()}@bench.invalid`,
			display_name: 'Bench HR',
			password_hash: 'not a hash: this user never signs in'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return user.id;
}

/** A fresh copy of the large organisation (the file's unit codes) with the user as its HR member. */
async function prepareOrganisation(db: Kysely<Database>, userId: string): Promise<string> {
	const { organisationId, unitIds } = await seedLargeOrganisation(db);
	if (unitIds.size !== 2500) throw new Error(`Expected 2,500 units, got ${unitIds.size}`);
	await db
		.insertInto('membership')
		.values({ organisation_id: organisationId, user_id: userId, role: 'hr' })
		.execute();
	return organisationId;
}

/** How to start the child: node arguments before its input. */
interface Launcher {
	args: string[];
	label: string;
	dispose(): void;
}

/** Bundles the child into node_modules/.cache (where its packages resolve), else runs it with tsx. */
async function childLauncher(): Promise<Launcher> {
	const outfile = join(
		repoRoot,
		'node_modules',
		'.cache',
		'knipperlicht-bench',
		`signals-child-${process.pid}.mjs`
	);
	try {
		const { build } = await import('esbuild');
		mkdirSync(join(outfile, '..'), { recursive: true });
		await build({
			entryPoints: [childScript],
			outfile,
			bundle: true,
			packages: 'external',
			platform: 'node',
			format: 'esm',
			target: 'node20',
			logLevel: 'silent'
		});
		return {
			args: [outfile],
			label: 'plain node on an esbuild bundle of bench/signals-child.ts',
			dispose: () => rmSync(outfile, { force: true })
		};
	} catch (e) {
		return {
			args: ['--import', 'tsx', childScript],
			label: `node --import tsx (bundling failed: ${e instanceof Error ? e.message : String(e)}; tsx adds about 40 MB RSS)`,
			dispose: () => {}
		};
	}
}

/** Runs one import in a child process and returns what it reports. */
function runChild(launcher: Launcher, input: ChildInput): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...launcher.args, JSON.stringify(input)], {
			cwd: repoRoot,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
			if (code !== 0 || !line)
				return reject(
					new Error(
						`The import process ended with ${signal ?? `code ${code}`}:\n${(stderr || stdout).slice(-3000)}`
					)
				);
			resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
		});
	});
}

/** Throws unless the import stored the file: every row, every unit-month, every sickness spell. */
function check(engine: string, file: SpellsFile, result: ChildResult): void {
	const outcome = result.outcome;
	if (outcome.status !== 'imported') {
		const detail =
			outcome.status === 'refused'
				? `${outcome.problemCount} problems, first: ${JSON.stringify(outcome.problems.slice(0, 5))}; ` +
					`unknown units ${JSON.stringify(outcome.unknownUnits.slice(0, 5))}`
				: JSON.stringify(outcome);
		throw new Error(`${engine}: the import was ${outcome.status}, not imported: ${detail}`);
	}
	const expected = {
		rows: file.rows,
		units: file.units,
		unitMonths: file.units * MONTHS,
		period: file.period,
		signalMonths: file.units * MONTHS,
		spells: file.sicknessSpells
	};
	const found = {
		rows: outcome.rows,
		units: outcome.units,
		unitMonths: outcome.unitMonths,
		period: outcome.period,
		signalMonths: result.signalMonths,
		spells: result.spells
	};
	if (JSON.stringify(found) !== JSON.stringify(expected))
		throw new Error(
			`${engine}: the import stored ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`
		);
	// Value by value against the figures the domain computes from the file (bench/signals-child.ts).
	const v = result.verified;
	if (
		v.mismatches > 0 ||
		v.expected !== expected.unitMonths ||
		v.figureRows !== v.expected ||
		v.monthRows !== v.expected
	)
		throw new Error(`${engine}: the stored figures differ from the file's: ${JSON.stringify(v)}`);
}

function logRun(
	ctx: BenchContext,
	engine: string,
	i: number,
	total: number,
	file: SpellsFile,
	run: Run
): void {
	const { child } = run;
	const p = child.phases;
	ctx.log(
		`${engine}: run ${i + 1}/${total}: import ${Math.round(run.importMs)} ms = ` +
			`${Math.round(rowsPerS(file.rows, run.importMs)).toLocaleString('en-US')} rows/s ` +
			`(read+validate ${Math.round(p.reading)} ms, check+aggregate ${Math.round(p.checking)} ms, ` +
			`store+commit ${Math.round(p.storing)} ms); ` +
			(run.copyMs === null
				? 'no COPY baseline; '
				: `COPY ${Math.round(run.copyMs)} ms = ${Math.round(rowsPerS(file.rows, run.copyMs)).toLocaleString('en-US')} rows/s; `) +
			`child peak RSS (VmHWM) ${Math.round(child.startRssMb)} MB at start, ${Math.round(child.beforeRssMb)} MB before the import, ` +
			`${Math.round(child.readRssMb)} MB after reading, ${Math.round(child.checkedRssMb)} MB after aggregating, ` +
			`${Math.round(child.peakRssMb)} MB at the end; stored ${child.signalMonths} unit-months, ${child.spells} spells, ` +
			`every value as the domain computes it from the file (${child.verified.mismatches} differ)`
	);
}

/** The targets, printed as met or not. */
function reportTargets(ctx: BenchContext, engine: string, file: SpellsFile, runs: Run[]): void {
	const importMs = median(runs.map((r) => r.importMs));
	const rate = rowsPerS(file.rows, importMs);
	const copies = runs.flatMap((r) => (r.copyMs === null ? [] : [r.copyMs]));
	let line =
		`${engine}: median import ${Math.round(importMs)} ms = ${Math.round(rate).toLocaleString('en-US')} rows/s, ` +
		`target ≥ ${TARGET_ROWS_PER_S.toLocaleString('en-US')} rows/s (${met(rate >= TARGET_ROWS_PER_S)})`;
	if (copies.length) {
		const factor = importMs / median(copies);
		line += `; ${factor.toFixed(2)} × the COPY time, target ≤ ${TARGET_COPY_FACTOR} × (${met(factor <= TARGET_COPY_FACTOR)})`;
	}
	const peak = Math.max(...runs.map((r) => r.child.peakRssMb));
	line += `; highest peak RSS ${Math.round(peak)} MB, target < ${TARGET_PEAK_MB} MB (${met(peak < TARGET_PEAK_MB)})`;
	ctx.log(line);
}

/** COPY FROM STDIN of the file into a new bare table; only the COPY itself (autocommit) is timed. */
async function copyPostgres(url: string, file: SpellsFile): Promise<number> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(`set datestyle = 'ISO, DMY'`);
		await client.query(`drop table if exists ${BARE_TABLE}`);
		await client.query(`create table ${BARE_TABLE} ${BARE_COLUMNS}`);
		const { ms, result } = await timed(async () => {
			const copy = client.query(copyFrom(`copy ${BARE_TABLE} from stdin with ${COPY_OPTIONS}`));
			await pipeline(createReadStream(file.path), copy);
			return copy.rowCount;
		});
		if (result !== file.rows) throw new Error(`COPY loaded ${result} rows, not ${file.rows}`);
		await client.query(`drop table ${BARE_TABLE}`);
		return ms;
	} finally {
		await client.end();
	}
}

async function measurePostgres(
	ctx: BenchContext,
	launcher: Launcher,
	serverUrl: string,
	file: SpellsFile,
	small: SpellsFile
): Promise<Figure[]> {
	const database = await createPostgresDatabase(serverUrl, 'signals');
	try {
		const runs: Run[] = [];
		const handle = await openDatabase({ url: database.url, poolSize: 2 });
		try {
			await migrateToLatest(handle.db);
			const userId = await createUser(handle.db);
			for (let i = 0; i < REPETITIONS.postgres; i++) {
				const copyMs = await copyPostgres(database.url, file);
				const organisationId = await prepareOrganisation(handle.db, userId);
				const child = await runChild(launcher, {
					url: database.url,
					organisationId,
					userId,
					file: file.path,
					today: TODAY
				});
				check('postgres', file, child);
				const run = { importMs: child.ms, copyMs, child };
				logRun(ctx, 'postgres', i, REPETITIONS.postgres, file, run);
				runs.push(run);
			}
			// Memory against file size: the same employees, units and months, a quarter of the rows.
			const organisationId = await prepareOrganisation(handle.db, userId);
			const child = await runChild(launcher, {
				url: database.url,
				organisationId,
				userId,
				file: small.path,
				today: TODAY
			});
			check('postgres', small, child);
			logRun(ctx, `postgres, ${small.rows.toLocaleString('en-US')}-row file`, 0, 1, small, {
				importMs: child.ms,
				copyMs: null,
				child
			});
		} finally {
			await handle.close();
		}
		reportTargets(ctx, 'postgres', file, runs);
		return [
			figure(
				'signals.import.postgres.rows_per_s',
				rowsPerS(file.rows, median(runs.map((r) => r.importMs))),
				'rows/s',
				'higher',
				{
					label: 'COPY FROM STDIN into a bare table',
					value: rowsPerS(file.rows, median(runs.map((r) => r.copyMs!)))
				}
			),
			figure(
				'signals.import.postgres.peak_rss_mb',
				median(runs.map((r) => r.child.peakRssMb)),
				'MB',
				'lower',
				{
					label: 'the same process before importing',
					value: median(runs.map((r) => r.child.beforeRssMb))
				}
			)
		];
	} finally {
		await database.drop();
	}
}

/** PGlite's COPY from '/dev/blob' of the file into a new bare table; only the COPY is timed. */
async function copyPglite(handle: DatabaseHandle, file: SpellsFile): Promise<number> {
	const pglite = handle.pglite!;
	// PGlite is one session, shared with the pool: the DateStyle is set back before anything else runs.
	await pglite.exec(`set datestyle = 'ISO, DMY'; create table ${BARE_TABLE} ${BARE_COLUMNS}`);
	try {
		const blob = await openAsBlob(file.path);
		const { ms, result } = await timed(() =>
			pglite.query(`copy ${BARE_TABLE} from '/dev/blob' with ${COPY_OPTIONS}`, [], { blob })
		);
		if (result.affectedRows !== file.rows)
			throw new Error(`COPY loaded ${result.affectedRows} rows, not ${file.rows}`);
		return ms;
	} finally {
		await pglite.exec(`drop table if exists ${BARE_TABLE}; reset datestyle`);
	}
}

async function measurePglite(
	ctx: BenchContext,
	launcher: Launcher,
	file: SpellsFile,
	dir: string
): Promise<Figure> {
	const dataDir = join(dir, 'pglite');
	const runs: Run[] = [];
	let copyProblem: string | null = null;
	let userId: string | null = null;
	for (let i = 0; i < REPETITIONS.pglite; i++) {
		// The child opens the folder itself: it is closed here (PGlite takes a lock on it) before.
		let organisationId: string;
		let copyMs: number | null = null;
		const handle = await openDatabase({ dataDir });
		try {
			if (!userId) {
				await migrateToLatest(handle.db);
				userId = await createUser(handle.db);
			}
			if (!copyProblem) {
				try {
					copyMs = await copyPglite(handle, file);
				} catch (e) {
					copyProblem = e instanceof Error ? e.message : String(e);
					ctx.log(`pglite: COPY from '/dev/blob' failed, no baseline: ${copyProblem}`);
				}
			}
			organisationId = await prepareOrganisation(handle.db, userId);
		} finally {
			await handle.close();
		}
		const child = await runChild(launcher, {
			dataDir,
			organisationId,
			userId,
			file: file.path,
			today: TODAY
		});
		check('pglite', file, child);
		const run = { importMs: child.ms, copyMs, child };
		logRun(ctx, 'pglite', i, REPETITIONS.pglite, file, run);
		runs.push(run);
	}
	reportTargets(ctx, 'pglite', file, runs);
	const copies = runs.flatMap((r) => (r.copyMs === null ? [] : [r.copyMs]));
	return figure(
		'signals.import.pglite.rows_per_s',
		rowsPerS(file.rows, median(runs.map((r) => r.importMs))),
		'rows/s',
		'higher',
		copies.length
			? {
					label: "PGlite COPY from '/dev/blob' into a bare table",
					value: rowsPerS(file.rows, median(copies))
				}
			: null
	);
}

const benchmark: Benchmark = {
	id: 'signals.import',
	async run(ctx) {
		const dir = mkdtempSync(join(tmpdir(), 'kl-bench-signals-'));
		try {
			const { ms, result: file } = await timed(async () =>
				writeSpellsFile(join(dir, 'verzuim.csv'), { today: TODAY })
			);
			ctx.log(
				`Spells file: ${file.rows.toLocaleString('en-US')} rows, ${(file.bytes / 1e6).toFixed(1)} MB, ` +
					`${file.keys.toLocaleString('en-US')} keys in ${file.units.toLocaleString('en-US')} teams, ` +
					`${file.period.from} to ${file.period.to}, ${file.sicknessSpells.toLocaleString('en-US')} sickness spells, ` +
					`${file.ongoing} running; written in ${Math.round(ms)} ms`
			);
			ctx.log(
				`Repetitions: PostgreSQL ${REPETITIONS.postgres}, PGlite ${REPETITIONS.pglite}; each import in a child process, ` +
					'into a fresh copy of the large organisation'
			);
			const launcher = await childLauncher();
			ctx.log(`Child process: ${launcher.label}`);
			try {
				const figures: Figure[] = [];
				if (ctx.postgresUrl) {
					const small = writeSpellsFile(join(dir, 'verzuim-klein.csv'), {
						today: TODAY,
						spellsPerKey: SMALL_SPELLS_PER_KEY
					});
					figures.push(...(await measurePostgres(ctx, launcher, ctx.postgresUrl, file, small)));
				}
				figures.push(await measurePglite(ctx, launcher, file, dir));
				return figures;
			} finally {
				launcher.dispose();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
};

export default benchmark;
