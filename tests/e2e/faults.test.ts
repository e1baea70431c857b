import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { DataFolderLockedError, openDatabase } from '../../src/lib/server/db/connect';
import type { Database } from '../../src/lib/server/db/schema';
import {
	ADVISOR,
	answerForm,
	ENGINE,
	faultAnswerProblem,
	findWaveLink,
	HR,
	isRunning,
	killServer,
	leafUnitCodes,
	newNonce,
	POSTGRES_URL,
	seededTemplate,
	storedAnswers,
	submitAnswer,
	TcpProxy,
	withDb,
	writeSpellsFile,
	type OpenWave,
	type Store,
	type Template,
	type WaveLink
} from '../helpers/faults';
import { Client } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * The server when things go wrong: killed in the middle of submissions and of a large import, its
 * database connections terminated, its database unreachable for a few seconds. Each case runs its
 * own server on its own copy of the seeded demo, so it may kill it.
 */
const TIMEOUT = 120_000;
const RESPONDENTS = 30;

let entry: string;
let template: Template;
let scratch: string;
/** Servers and stores to clean up whatever a failing case leaves behind. */
const servers = new Set<RunningServer>();
const stores = new Set<Store>();

async function serve(store: Store, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
	const server = await startServer(entry, { ...store.env, ...env }, 120_000);
	servers.add(server);
	return server;
}

async function newStore(): Promise<Store> {
	const store = await template.copy();
	stores.add(store);
	return store;
}

beforeAll(async () => {
	entry = buildIfStale(process.env.KNIPPERLICHT_TEST_BUILD || '.test-build', { quiet: true });
	template = await seededTemplate();
	scratch = mkdtempSync(join(tmpdir(), 'kl-faults-files-'));
});

afterAll(async () => {
	for (const server of servers) await server.stop();
	for (const store of stores) await store.remove();
	await template?.remove();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs `fn` on the store's database: at once on PostgreSQL, on PGlite with the server stopped first. */
async function readStore<T>(store: Store, server: RunningServer, fn: (db: Kysely<Database>) => Promise<T>) {
	if (ENGINE === 'pglite') await server.stop();
	return withDb(store, fn);
}

describe('SIGKILL while respondents submit', () => {
	it(
		`every acknowledged answer of ${RESPONDENTS} concurrent respondents is stored exactly once`,
		async () => {
			const store = await newStore();
			const link = await withDb(store, findWaveLink);
			const before = await withDb(store, (db) => storedAnswers(db, link.waveId));
			let server = await serve(store);
			const wave = await answerForm(server.url, link);

			const sent = new Set<string>();
			const acknowledged = new Set<string>();
			let killed = false;
			const respondent = async () => {
				while (!killed) {
					const nonce = newNonce();
					sent.add(nonce);
					const outcome = await submitAnswer(server.url, wave, nonce);
					if (outcome.kind === 'stored') acknowledged.add(nonce);
					else if (!killed)
						throw new Error(`A submission before the kill was refused: ${JSON.stringify(outcome)}`);
				}
			};
			const load = Promise.allSettled(Array.from({ length: RESPONDENTS }, respondent));
			// Kill once a good number of answers were acknowledged and many more are on their way.
			await expect
				.poll(() => acknowledged.size, { timeout: 60_000, interval: 5 })
				.toBeGreaterThanOrEqual(100);
			killed = true;
			await killServer(server, 'SIGKILL');
			for (const result of await load) expect(result.status).toBe('fulfilled');
			const acknowledgedAtKill = new Set(acknowledged);
			const inFlight = [...sent].filter((n) => !acknowledgedAtKill.has(n));
			expect(inFlight.length).toBeGreaterThan(0);

			// With the process gone: every acknowledged answer is there, at most the in-flight ones more.
			const afterKill = await withDb(store, (db) => storedAnswers(db, link.waveId));
			const added = afterKill.answers - before.answers;
			expect(added).toBeGreaterThanOrEqual(acknowledgedAtKill.size);
			expect(added).toBeLessThanOrEqual(sent.size);
			expect(afterKill.receipts - before.receipts).toBe(added);

			// The server starts again on the same data; the same forms sent again store nothing twice,
			// and the answers whose acknowledgement was lost are stored exactly once.
			server = await serve(store);
			for (const nonce of acknowledgedAtKill)
				expect((await submitAnswer(server.url, wave, nonce)).kind).toBe('stored');
			const resent = await readStore(store, server, (db) => storedAnswers(db, link.waveId));
			expect(resent.answers).toBe(afterKill.answers);
			expect(resent.receipts).toBe(afterKill.receipts);

			if (ENGINE === 'pglite') server = await serve(store);
			for (const nonce of inFlight) expect((await submitAnswer(server.url, wave, nonce)).kind).toBe('stored');
			const final = await readStore(store, server, (db) => storedAnswers(db, link.waveId));
			expect(final.answers - before.answers).toBe(sent.size);
			expect(final.receipts - before.receipts).toBe(sent.size);
			await server.stop();
		},
		TIMEOUT
	);
});

// ---- a large signals import ------------------------------------------------------------------------

interface SignalState {
	uploads: number;
	figures: number;
	/** A digest of every signal month of the organisation. */
	months: string;
	/** This file's uploads and their figures. */
	mine: { rows: number; figures: number }[];
}

async function signalState(
	db: Kysely<Database>,
	organisationId: string,
	fileName: string
): Promise<SignalState> {
	const count = async (table: 'signal_upload' | 'signal_figure') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('organisation_id', '=', organisationId)
					.executeTakeFirstOrThrow()
			).n
		);
	const { rows } = await sql<{ digest: string | null }>`
		select md5(string_agg(m::text, '|' order by m.unit_id, m.month)) as digest
		from signal_month m where m.organisation_id = ${organisationId}`.execute(db);
	const mine = await db
		.selectFrom('signal_upload as u')
		.select((eb) => [
			'u.row_count as rows',
			eb
				.selectFrom('signal_figure as f')
				.select((f) => f.fn.countAll<number>().as('n'))
				.whereRef('f.organisation_id', '=', 'u.organisation_id')
				.whereRef('f.upload_id', '=', 'u.id')
				.as('figures')
		])
		.where('u.organisation_id', '=', organisationId)
		.where('u.file_name', '=', fileName)
		.execute();
	return {
		uploads: await count('signal_upload'),
		figures: await count('signal_figure'),
		months: rows[0]?.digest ?? '',
		mine: mine.map((m) => ({ rows: Number(m.rows), figures: Number(m.figures) }))
	};
}

/**
 * Uploads the file as the page's script does and reads the progress lines as they come;
 * `onLine` may kill the server. Resolves with the last line, or null when the answer broke off.
 */
async function streamUpload(
	server: RunningServer,
	hr: Client,
	organisationId: string,
	path: string,
	name: string,
	onLine: (line: { progress?: { phase: string; bytes?: number } }) => void
): Promise<unknown> {
	const form = new FormData();
	form.append('from', '');
	form.append('to', '');
	form.append('file', new Blob([readFileSync(path)], { type: 'text/csv' }), name);
	const cookie = [...hr.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	try {
		const response = await fetch(`${server.url}/o/${organisationId}/signals/upload`, {
			method: 'POST',
			body: form,
			headers: { cookie, origin: server.url },
			signal: AbortSignal.timeout(90_000)
		});
		expect(response.status).toBe(200);
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		let buffered = '';
		let last: unknown = null;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return last;
			buffered += value;
			let eol: number;
			while ((eol = buffered.indexOf('\n')) >= 0) {
				last = JSON.parse(buffered.slice(0, eol));
				buffered = buffered.slice(eol + 1);
				onLine(last as { progress?: { phase: string; bytes?: number } });
			}
		}
	} catch {
		return null;
	}
}

describe('a large signals import interrupted', () => {
	const KEYS = 40_000;
	let organisationId: string;
	let path: string;
	let bytes: number;
	/** What the complete import of the file leaves, on a copy of its own. */
	let reference: SignalState;

	beforeAll(async () => {
		const store = await newStore();
		const link = await withDb(store, findWaveLink);
		organisationId = link.organisationId;
		const units = await withDb(store, (db) => leafUnitCodes(db, organisationId));
		// A year long before the demo's own signals, every leaf unit of the organisation.
		path = writeSpellsFile(scratch, 'verzuim-2011.csv', KEYS, units, 2011);
		bytes = readFileSync(path).length;
		expect(bytes).toBeGreaterThan(5_000_000);
		const server = await serve(store);
		const hr = new Client(server.url);
		await hr.signIn(HR);
		const outcome = (await streamUpload(server, hr, organisationId, path, 'verzuim-2011.csv', () => {})) as {
			outcome?: { status: string };
		};
		expect(outcome?.outcome?.status).toBe('imported');
		reference = await readStore(store, server, (db) => signalState(db, organisationId, 'verzuim-2011.csv'));
		expect(reference.mine).toEqual([{ rows: KEYS * 4, figures: expect.any(Number) }]);
		expect(reference.mine[0]!.figures).toBeGreaterThan(0);
		await server.stop();
	}, 240_000);

	it.each([
		['SIGKILL', 'while the file streams in', 'reading'],
		['SIGKILL', 'while it is stored', 'storing'],
		['SIGTERM', 'while it is stored', 'storing']
	] as const)(
		'%s %s: the upload is stored whole or not at all, and the server starts again',
		async (signal, _when, phase) => {
			const store = await newStore();
			const name = 'verzuim-2011.csv';
			const before = await withDb(store, (db) => signalState(db, organisationId, name));
			expect(before.mine).toEqual([]);
			let server = await serve(store);
			const hr = new Client(server.url);
			await hr.signIn(HR);
			let kill: Promise<void> | null = null;
			await streamUpload(server, hr, organisationId, path, name, (line) => {
				const p = line.progress;
				// The first progress of the phase: reading progress is sent at most every 200 ms, so a
				// fast machine may read the whole file between two lines after the first.
				const due = p?.phase === phase && (phase !== 'reading' || (p.bytes ?? 0) < bytes);
				if (due && !kill) kill = killServer(server, signal);
			});
			expect(kill, `no '${phase}' progress came before the answer ended`).not.toBeNull();
			await kill;
			expect(isRunning(server)).toBe(false);

			server = await serve(store);
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			const after = await readStore(store, server, (db) => signalState(db, organisationId, name));
			// A SIGTERM lets the request in progress finish before the process ends.
			if (signal === 'SIGTERM') expect(after.mine).toHaveLength(1);
			if (after.mine.length === 0) expect(after).toEqual(before);
			else expect(after).toEqual(reference);
		},
		TIMEOUT
	);
});

// ---- the database failing under load --------------------------------------------------------------

const problemsOf = (answers: Answered[]) =>
	answers.filter((a) => a.problem).map((a) => `${a.what}: ${a.problem}`);

interface Answered {
	what: string;
	status: number;
	problem: string | null;
}

/** Pages an advisor reads, and what a normal answer to each is. */
function advisorPages(link: WaveLink): string[] {
	const org = `/o/${link.organisationId}`;
	return [
		`${org}/results`,
		`${org}/units/${link.unitId}`,
		`${org}/waves/${link.waveId}`,
		`${org}/waves`,
		org
	];
}

/**
 * Respondents submitting and advisors reading pages until `fault` resolves; every answer is
 * classified as it comes. Returns the answers and the nonces acknowledged.
 */
async function underLoad(server: RunningServer, wave: OpenWave, advisor: Client, fault: () => Promise<void>) {
	const answers: Answered[] = [];
	const acknowledged = new Set<string>();
	const sent = new Set<string>();
	let done = false;
	const respondent = async () => {
		while (!done) {
			const nonce = newNonce();
			sent.add(nonce);
			try {
				const response = await fetch(`${server.url}/b/${wave.token}`, {
					method: 'POST',
					body: `nonce=${nonce}&${wave.form}`,
					headers: {
						origin: server.url,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					redirect: 'manual',
					signal: AbortSignal.timeout(30_000)
				});
				const html = await response.text();
				if (response.status === 200 && html.includes('id="result-title"')) acknowledged.add(nonce);
				answers.push({
					what: 'submission',
					status: response.status,
					problem:
						response.status === 200 && !html.includes('id="result-title"')
							? 'a 200 without the result'
							: faultAnswerProblem(response.status, response.headers, html, [200])
				});
			} catch (e) {
				answers.push({ what: 'submission', status: 0, problem: `no answer: ${String(e)}` });
			}
		}
	};
	const reader = (paths: string[], client: Client | null) => async () => {
		for (let i = 0; !done; i++) {
			const path = paths[i % paths.length]!;
			try {
				const response = client ? await client.get(path) : await fetch(`${server.url}${path}`);
				const html = await response.text();
				answers.push({
					what: `GET ${path}`,
					status: response.status,
					problem: faultAnswerProblem(response.status, response.headers, html, [200])
				});
			} catch (e) {
				answers.push({ what: `GET ${path}`, status: 0, problem: `no answer: ${String(e)}` });
			}
		}
	};
	const pages = advisorPages(wave);
	const workers = [
		...Array.from({ length: 8 }, respondent),
		...Array.from({ length: 3 }, () => reader(pages, advisor)()),
		reader(['/login', '/b', `/b/${wave.token}`], null)()
	];
	try {
		await fault();
	} finally {
		done = true;
		await Promise.all(workers);
	}
	return { answers, acknowledged, sent };
}

/** After the fault: every page answers normally again within a few seconds, without a restart. */
async function expectRecovered(server: RunningServer, wave: OpenWave, advisor: Client): Promise<void> {
	const paths = advisorPages(wave);
	await expect
		.poll(async () => (await advisor.get(paths[0]!)).status, { timeout: 15_000, interval: 200 })
		.toBe(200);
	for (const path of paths) expect((await advisor.get(path)).status, path).toBe(200);
	expect((await fetch(`${server.url}/login`)).status).toBe(200);
	expect((await submitAnswer(server.url, wave, newNonce())).kind).toBe('stored');
	expect(isRunning(server)).toBe(true);
}

async function preparedServer(env: (store: Store) => NodeJS.ProcessEnv = () => ({})) {
	const store = await newStore();
	const link = await withDb(store, findWaveLink);
	const server = await serve(store, env(store));
	const wave = await answerForm(server.url, link);
	const advisor = new Client(server.url);
	await advisor.signIn(ADVISOR);
	for (const path of advisorPages(link)) expect((await advisor.get(path)).status, path).toBe(200);
	return { store, server, wave, advisor };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (POSTGRES_URL) {
	const postgresUrl = POSTGRES_URL;

	describe('the database failing under load (PostgreSQL)', () => {
		it(
			"backends terminated every 100 ms: the process stays up, answers are normal or the app's error page, then all works again",
			async () => {
				const { store, server, wave, advisor } = await preparedServer();
				const before = await withDb(store, (db) => storedAnswers(db, wave.waveId));
				const admin = await openDatabase({ url: postgresUrl, poolSize: 1 });
				let terminated = 0;
				try {
					const { answers, acknowledged, sent } = await underLoad(server, wave, advisor, async () => {
						await sleep(500);
						for (let i = 0; i < 30; i++) {
							const { rows } = await sql<{ n: number }>`
								select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity
								where datname = ${store.name} and pid <> pg_backend_pid()`.execute(admin.db);
							terminated += Number(rows[0]!.n);
							await sleep(100);
						}
					});
					expect(terminated).toBeGreaterThan(0);
					expect(isRunning(server), server.output().slice(-2000)).toBe(true);
					expect(problemsOf(answers)).toEqual([]);
					expect(answers.some((a) => a.status === 200)).toBe(true);
					await expectRecovered(server, wave, advisor);
					const after = await withDb(store, (db) => storedAnswers(db, wave.waveId));
					// The recovery check stored one more.
					expect(after.answers - before.answers - 1).toBeGreaterThanOrEqual(acknowledged.size);
					expect(after.answers - before.answers - 1).toBeLessThanOrEqual(sent.size);
				} finally {
					await admin.close();
				}
			},
			TIMEOUT
		);

		it(
			"the database refusing connections for 3 s: answers are normal or the app's error page, then all works again",
			async () => {
				const target = new URL(postgresUrl);
				const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
				try {
					const { store, server, wave, advisor } = await preparedServer((s) => ({
						DATABASE_URL: proxy.through(s.env.DATABASE_URL!)
					}));
					const before = await withDb(store, (db) => storedAnswers(db, wave.waveId));
					const { answers, acknowledged, sent } = await underLoad(server, wave, advisor, async () => {
						await sleep(700);
						await proxy.refuse();
						await sleep(3_000);
						await proxy.accept();
						await sleep(700);
					});
					expect(isRunning(server), server.output().slice(-2000)).toBe(true);
					expect(problemsOf(answers)).toEqual([]);
					// The outage was felt: some answers were the error page.
					expect(answers.some((a) => a.status === 503 || a.status === 500)).toBe(true);
					await expectRecovered(server, wave, advisor);
					const after = await withDb(store, (db) => storedAnswers(db, wave.waveId));
					expect(after.answers - before.answers - 1).toBeGreaterThanOrEqual(acknowledged.size);
					expect(after.answers - before.answers - 1).toBeLessThanOrEqual(sent.size);
				} finally {
					await proxy.close();
				}
			},
			TIMEOUT
		);
	});
} else {
	describe('the database under load (PGlite)', () => {
		it(
			'the embedded database lives in the server process: no other process can open it or cut its connections while it serves',
			async () => {
				const { store, server, wave, advisor } = await preparedServer();
				const { answers } = await underLoad(server, wave, advisor, async () => {
					await sleep(500);
					for (let i = 0; i < 5; i++) {
						await expect(openDatabase({ ...store.options, poolSize: 1 })).rejects.toBeInstanceOf(
							DataFolderLockedError
						);
						await sleep(100);
					}
				});
				expect(isRunning(server)).toBe(true);
				expect(problemsOf(answers)).toEqual([]);
				expect(answers.every((a) => a.status === 200)).toBe(true);
				await expectRecovered(server, wave, advisor);
			},
			TIMEOUT
		);
	});
}
