// Everyone at once on one built server (PostgreSQL with DATABASE_URL, else PGlite), on loopback:
// 50 respondents submitting the questionnaire of an open wave's unit link, one HR account importing
// a large spells file over and over (each import undone so the next one is new work), and advisors
// loading the results page (heatmap and attention list) and unit pages. Baselines come from the
// same server in the same run: the same requests sent by one client with nothing else running.
// Every submission acknowledged with the personal result must be stored: `load.lost_responses`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale } from '../scripts/build-if-stale.js';
import { DEMO_PASSWORD } from '../seed/demo';
import {
	ADVISOR,
	answerForm,
	findWaveLink,
	HR,
	leafUnitCodes,
	newNonce,
	seededTemplate,
	storedAnswers,
	withDb,
	writeSpellsFile,
	type OpenWave,
	type Store
} from '../tests/helpers/faults';
import { startServer, type RunningServer } from '../tests/helpers/server';
import { benchBuildDir, figure, percentile, type BenchContext, type Benchmark, type Figure } from './harness';
import { SessionClient } from './load';

const RESPONDENTS = 50;
const ADVISORS = 5;
const MIXED_MS = 25_000;
/** Answers in this first part of the mixed load are not measured (the load is still building up). */
const MIXED_WARMUP_MS = 2_000;
const ALONE_MS = 4_000;
/** Employees in the import file, four spells each. */
const IMPORT_KEYS = 25_000;
/** More failed requests than this share fails the benchmark. */
const MAX_ERROR_SHARE = 0.01;

interface Timings {
	latenciesMs: number[];
	errors: number;
	errorSamples: string[];
}

const timings = (): Timings => ({ latenciesMs: [], errors: 0, errorSamples: [] });

function noteError(t: Timings, sample: string): void {
	t.errors++;
	if (t.errorSamples.length < 3) t.errorSamples.push(sample.slice(0, 300));
}

/** One answer form posted with a fresh nonce; true when the personal result came back. */
async function submit(url: string, wave: OpenWave, t: Timings, measured: () => boolean): Promise<boolean> {
	const started = performance.now();
	try {
		const response = await fetch(`${url}/b/${wave.token}`, {
			method: 'POST',
			body: `nonce=${newNonce()}&${wave.form}`,
			headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			redirect: 'manual'
		});
		const html = await response.text();
		const stored = response.status === 200 && html.includes('id="result-title"');
		if (measured()) {
			if (stored) t.latenciesMs.push(performance.now() - started);
			else noteError(t, `${response.status}: ${html.slice(0, 200)}`);
		}
		return stored;
	} catch (e) {
		if (measured()) noteError(t, String(e));
		return false;
	}
}

/** One dashboard page read by a signed-in advisor; only a 200 counts. */
async function read(client: SessionClient, path: string, t: Timings, measured: () => boolean): Promise<void> {
	const started = performance.now();
	try {
		const response = await client.get(path);
		const body = await response.text();
		if (!measured()) return;
		if (response.status === 200) t.latenciesMs.push(performance.now() - started);
		else noteError(t, `${path} ${response.status}: ${body.slice(0, 200)}`);
	} catch (e) {
		if (measured()) noteError(t, `${path}: ${String(e)}`);
	}
}

function describe(label: string, t: Timings): string {
	const n = t.latenciesMs.length;
	if (n === 0) return `${label}: no successful answer, ${t.errors} errors ${t.errorSamples.join(' | ')}`;
	const p = (q: number) => percentile(t.latenciesMs, q).toFixed(1);
	return (
		`${label}: ${n} answers, p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, errors ${t.errors}` +
		(t.errorSamples.length ? ` (${t.errorSamples.join(' | ')})` : '')
	);
}

function checkErrors(label: string, t: Timings, problems: string[]): void {
	const total = t.latenciesMs.length + t.errors;
	if (total === 0 || t.errors / total > MAX_ERROR_SHARE)
		problems.push(`${label}: ${t.errors} errors of ${total}: ${t.errorSamples.join(' | ')}`);
}

interface Importer {
	imports: number;
	undos: number;
	failures: string[];
}

/** Uploads the file, undoes it, and again, until `stop()`: each upload is a full import. */
async function importLoop(url: string, hr: SessionClient, org: string, file: Buffer, stop: () => boolean) {
	const state: Importer = { imports: 0, undos: 0, failures: [] };
	const cookie = () => [...hr.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	while (!stop()) {
		const form = new FormData();
		form.append('from', '');
		form.append('to', '');
		form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'verzuim-last.csv');
		const response = await fetch(`${url}/o/${org}/signals/upload`, {
			method: 'POST',
			body: form,
			headers: { cookie: cookie(), origin: url }
		});
		const lines = (await response.text()).trim().split('\n');
		const last = JSON.parse(lines.at(-1) ?? '{}') as { outcome?: { status: string; uploadId?: string } };
		if (last.outcome?.status !== 'imported' || !last.outcome.uploadId) {
			state.failures.push(`${response.status}: ${lines.at(-1)?.slice(0, 300)}`);
			if (state.failures.length > 3) break;
			continue;
		}
		state.imports++;
		const undo = await hr.post(`/o/${org}/signals?/undo`, { upload: last.outcome.uploadId });
		await undo.text();
		if (undo.status === 200) state.undos++;
		else state.failures.push(`undo answered ${undo.status}`);
	}
	return state;
}

async function signedIn(url: string, email: string): Promise<SessionClient> {
	const client = new SessionClient(url);
	const response = await client.post('/login', { email, password: DEMO_PASSWORD });
	if (response.status !== 303) throw new Error(`Signing in as ${email} answered ${response.status}`);
	return client;
}

async function measure(ctx: BenchContext, engine: string, store: Store, entry: string, scratch: string) {
	const problems: string[] = [];
	const link = await withDb(store, findWaveLink);
	const org = link.organisationId;
	const units = await withDb(store, (db) =>
		db
			.selectFrom('unit')
			.select('id')
			.where('organisation_id', '=', org)
			.where('valid_to', 'is', null)
			.orderBy('code')
			.execute()
	);
	const codes = await withDb(store, (db) => leafUnitCodes(db, org));
	const before = await withDb(store, (db) => storedAnswers(db, link.waveId));
	// Spells of the last year: the import touches the months the dashboards show.
	const year = new Date().getUTCFullYear() - 1;
	const path = writeSpellsFile(scratch, 'verzuim.csv', IMPORT_KEYS, codes, year);
	const file = readFileSync(path);
	ctx.log(
		`${engine}: import file ${(file.length / 1e6).toFixed(1)} MB, ${IMPORT_KEYS * 4} rows over ${codes.length} units`
	);

	const server: RunningServer = await startServer(entry, store.env, 180_000);
	let acknowledged = 0;
	const submitAlone = timings();
	const dashboardAlone = timings();
	const submitMixed = timings();
	const dashboardMixed = timings();
	const healthAlone = timings();
	let importer: Importer = { imports: 0, undos: 0, failures: [] };
	try {
		ctx.log(`${engine}: the server served /login after ${Math.round(server.startupMs)} ms`);
		const wave = await answerForm(server.url, link);
		const advisors = await Promise.all(Array.from({ length: ADVISORS }, () => signedIn(server.url, ADVISOR)));
		const hr = await signedIn(server.url, HR);
		const dashboards = [
			`/o/${org}/results`,
			...units
				.filter((_, i) => i % Math.max(1, Math.floor(units.length / 8)) === 0)
				.map((u) => `/o/${org}/units/${u.id}`)
		];
		// Every page once, so neither phase pays for the first computation of the results.
		for (const p of dashboards) await read(advisors[0]!, p, timings(), () => false);

		// Baselines: the same requests, one at a time, nothing else running.
		const always = () => true;
		for (let until = performance.now() + ALONE_MS; performance.now() < until;)
			if (await submit(server.url, wave, submitAlone, always)) acknowledged++;
		for (let i = 0, until = performance.now() + ALONE_MS; performance.now() < until; i++)
			await read(advisors[0]!, dashboards[i % dashboards.length]!, dashboardAlone, always);
		for (let until = performance.now() + 1_000; performance.now() < until;)
			await read(advisors[0]!, '/healthz', healthAlone, always);
		ctx.log(describe(`${engine}: submissions alone`, submitAlone));
		ctx.log(describe(`${engine}: dashboard pages alone`, dashboardAlone));
		ctx.log(describe(`${engine}: /healthz alone`, healthAlone));

		// Everything at once.
		const started = performance.now();
		const until = started + MIXED_MS;
		const stop = () => performance.now() >= until;
		const measured = () => performance.now() >= started + MIXED_WARMUP_MS && !stop();
		const respondent = async () => {
			while (!stop()) if (await submit(server.url, wave, submitMixed, measured)) acknowledged++;
		};
		const advisor = async (client: SessionClient, offset: number) => {
			for (let i = offset; !stop(); i++)
				await read(client, dashboards[i % dashboards.length]!, dashboardMixed, measured);
		};
		const importing = importLoop(server.url, hr, org, file, stop);
		await Promise.all([
			...Array.from({ length: RESPONDENTS }, respondent),
			...advisors.map((client, i) => advisor(client, i)),
			importing.then((state) => void (importer = state))
		]);
		ctx.log(
			`${engine}: mixed load for ${MIXED_MS / 1000} s (the first ${MIXED_WARMUP_MS / 1000} s not measured)`
		);
		ctx.log(describe(`${engine}: submissions under load`, submitMixed));
		ctx.log(describe(`${engine}: dashboard pages under load`, dashboardMixed));
		ctx.log(`${engine}: ${importer.imports} imports and ${importer.undos} undos finished during the load`);
		if (importer.failures.length)
			problems.push(`${engine}: imports failed: ${importer.failures.join(' | ')}`);
		if (importer.imports === 0) problems.push(`${engine}: no import finished during the load`);
		checkErrors(`${engine}: submissions under load`, submitMixed, problems);
		checkErrors(`${engine}: dashboard pages under load`, dashboardMixed, problems);
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

	const after = await withDb(store, (db) => storedAnswers(db, link.waveId));
	const stored = after.answers - before.answers;
	const lost = Math.max(0, acknowledged - stored);
	ctx.log(`${engine}: ${acknowledged} submissions acknowledged, ${stored} stored, ${lost} lost`);
	if (lost > 0) problems.push(`${engine}: ${lost} acknowledged submissions are not stored`);
	if (problems.length) throw new Error(`The mixed load had problems:\n${problems.join('\n')}`);

	const p = (t: Timings, q: number) => percentile(t.latenciesMs, q);
	return [
		figure('load.submit.p99_ms', p(submitMixed, 99), 'ms', 'lower', {
			label: 'one submission at a time, no load, p99',
			value: p(submitAlone, 99)
		}),
		figure('load.dashboard.p95_ms', p(dashboardMixed, 95), 'ms', 'lower', {
			label: 'one page at a time, no load, p95',
			value: p(dashboardAlone, 95)
		}),
		figure('load.lost_responses', lost, 'responses', 'lower', {
			label: 'acknowledged submissions',
			value: acknowledged
		})
	] satisfies Figure[];
}

const benchmark: Benchmark = {
	id: 'load',
	async run(ctx) {
		ctx.log(`Building into ${benchBuildDir()}/ (skipped when the build is up to date)…`);
		const entry = buildIfStale(benchBuildDir(), { quiet: true });
		const engine = ctx.postgresUrl ? 'postgres' : 'pglite';
		ctx.log(
			`${engine}: ${RESPONDENTS} respondents, ${ADVISORS} advisors and one HR import at once for ${MIXED_MS / 1000} s`
		);
		const template = await seededTemplate();
		const scratch = mkdtempSync(join(tmpdir(), 'kl-bench-load-'));
		try {
			const store = await template.copy();
			try {
				return await measure(ctx, engine, store, entry, scratch);
			} finally {
				await store.remove();
			}
		} finally {
			await template.remove();
			rmSync(scratch, { recursive: true, force: true });
		}
	}
};

export default benchmark;
