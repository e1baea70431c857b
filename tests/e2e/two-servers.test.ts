import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import {
	ADVISOR,
	answerForm,
	findWaveLink,
	HR,
	leafUnitCodes,
	newNonce,
	POSTGRES_URL,
	seededTemplate,
	storedAnswers,
	submitAnswer,
	withDb,
	type OpenWave,
	type Store,
	type Template,
	type WaveLink
} from '../helpers/faults';
import { Client } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * Two server processes on one database, as behind a load balancer: what one does, the other sees
 * at once (sessions, submissions, closing a wave, signal uploads and their undo), and both show the
 * same figures after every step. PGlite is a single-process engine: there a second process must
 * refuse the data folder and leave the first one serving.
 */
const TIMEOUT = 120_000;

let entry: string;
let template: Template;
let store: Store;
const servers: RunningServer[] = [];

beforeAll(async () => {
	entry = buildIfStale(process.env.KNIPPERLICHT_TEST_BUILD || '.test-build', { quiet: true });
	template = await seededTemplate();
	store = await template.copy();
}, 240_000);

afterAll(async () => {
	for (const server of servers) await server.stop();
	await store?.remove();
	await template?.remove();
});

async function serve(): Promise<RunningServer> {
	const server = await startServer(entry, store.env, 120_000);
	servers.push(server);
	return server;
}

/** A client of `server` that carries the same cookies (the same browser, routed elsewhere). */
function sameBrowser(client: Client, server: RunningServer): Client {
	const other = new Client(server.url);
	for (const [name, value] of client.cookies) other.cookies.set(name, value);
	return other;
}

/**
 * The figures a page shows: its main content, without what differs per answer by design (the
 * nonces of inline scripts and styles).
 */
async function figuresOf(client: Client, path: string): Promise<string> {
	const response = await client.get(path);
	expect(response.status, `${client.baseUrl}${path}`).toBe(200);
	const html = await response.text();
	const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0];
	expect(main, `${path} has a <main>`).toBeTruthy();
	return main!.replace(/\snonce="[^"]*"/g, '');
}

if (POSTGRES_URL) {
	describe('two servers on one PostgreSQL database', () => {
		let one: RunningServer;
		let two: RunningServer;
		let link: WaveLink;
		let wave: OpenWave;
		/** The advisor's browser on each server. */
		let onOne: Client;
		let onTwo: Client;
		let pages: string[];

		/** Both servers show the same results page and unit page (and the pages hold figures). */
		async function expectSameFigures(): Promise<void> {
			for (const path of pages) expect(await figuresOf(onTwo, path), path).toBe(await figuresOf(onOne, path));
		}

		beforeAll(async () => {
			link = await withDb(store, findWaveLink);
			[one, two] = await Promise.all([serve(), serve()]);
			wave = await answerForm(one.url, link);
			const org = `/o/${link.organisationId}`;
			pages = [`${org}/results`, `${org}/units/${link.unitId}`];
		}, 240_000);

		it(
			'a session made on one is valid on the other, and signing out on one ends it on both',
			async () => {
				onOne = new Client(one.url);
				await onOne.signIn(ADVISOR);
				onTwo = sameBrowser(onOne, two);
				await expectSameFigures();

				const out = await onTwo.post('/logout', {});
				expect(out.status).toBe(303);
				for (const client of [onOne, onTwo]) {
					const response = await client.get(pages[0]!);
					expect(response.status).toBe(303);
					expect(response.headers.get('location')).toMatch(/^\/login/);
				}

				// Signed in again, on the other one this time.
				onTwo = new Client(two.url);
				await onTwo.signIn(ADVISOR);
				onOne = sameBrowser(onTwo, one);
				await expectSameFigures();
			},
			TIMEOUT
		);

		it(
			'the same submission posted to both servers at once is stored once',
			async () => {
				const before = await withDb(store, (db) => storedAnswers(db, link.waveId));
				const nonces = Array.from({ length: 10 }, newNonce);
				for (const nonce of nonces) {
					const outcomes = await Promise.all([one, two].map((s) => submitAnswer(s.url, wave, nonce)));
					expect(outcomes.map((o) => o.kind)).toEqual(['stored', 'stored']);
				}
				const after = await withDb(store, (db) => storedAnswers(db, link.waveId));
				expect(after.answers - before.answers).toBe(nonces.length);
				expect(after.receipts - before.receipts).toBe(nonces.length);
				await expectSameFigures();
			},
			TIMEOUT
		);

		it(
			'signals uploaded on one and undone on the other',
			async () => {
				const hrOne = new Client(one.url);
				await hrOne.signIn(HR);
				const hrTwo = sameBrowser(hrOne, two);
				const signals = `/o/${link.organisationId}/signals`;
				const units = await withDb(store, (db) => leafUnitCodes(db, link.organisationId));
				// Monthly figures for the last full months, so the unit pages and attention list show them.
				const today = new Date();
				const months = [1, 2, 3].map((back) => {
					const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
					return d.toISOString().slice(0, 7);
				});
				const lines = [
					'Eenheidscode;Maand;Aantal medewerkers;VTE;Geplande dagen;Ziektedagen kort;Ziektedagen middellang;Ziektedagen lang;Ziekteperiodes;Vrijwillige vertrekkers'
				];
				for (const [i, unit] of units.entries())
					for (const month of months)
						lines.push(`${unit};${month};40;36,00;780,00;${10 + (i % 20)};8;0;6;${i % 3}`);
				const name = `twee-servers-${Date.now()}.csv`;
				const form = new FormData();
				form.append('from', '');
				form.append('to', '');
				form.append('file', new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' }), name);
				const before = await figuresOf(onOne, pages[1]!);

				let uploaded = await hrOne.post(`${signals}?/upload`, form);
				expect(uploaded.status, (await uploaded.clone().text()).slice(0, 500)).toBe(200);
				// The months replace the demo's figures: the page asks to confirm, with a token to send back first.
				const token = /name="confirm" value="([^"]+)"/.exec(await uploaded.clone().text())?.[1];
				if (token) {
					const confirmed = new FormData();
					confirmed.append('confirm', token);
					for (const [key, value] of form) confirmed.append(key, value);
					uploaded = await hrOne.post(`${signals}?/upload`, confirmed);
					expect(uploaded.status, (await uploaded.clone().text()).slice(0, 500)).toBe(200);
				}
				const upload = await withDb(store, (db) =>
					db
						.selectFrom('signal_upload')
						.select(['id', 'undone_at'])
						.where('organisation_id', '=', link.organisationId)
						.where('file_name', '=', name)
						.executeTakeFirstOrThrow()
				);
				expect(upload.undone_at).toBeNull();
				const withUpload = await figuresOf(onTwo, pages[1]!);
				expect(withUpload).not.toBe(before);
				await expectSameFigures();

				const undone = await hrTwo.post(`${signals}?/undo`, { upload: upload.id });
				expect(undone.status).toBe(200);
				const after = await withDb(store, (db) =>
					db
						.selectFrom('signal_upload')
						.select('undone_at')
						.where('id', '=', upload.id)
						.executeTakeFirstOrThrow()
				);
				expect(after.undone_at).not.toBeNull();
				expect(await figuresOf(onOne, pages[1]!)).toBe(before);
				await expectSameFigures();
			},
			TIMEOUT
		);

		it(
			'closing the same wave on both servers at once leaves one consistent closed wave',
			async () => {
				const before = await withDb(store, (db) => storedAnswers(db, link.waveId));
				const close = `/o/${link.organisationId}/waves/${link.waveId}?/close`;
				const confirmed = { confirmed: 'yes' };
				const answers = await Promise.all([onOne.post(close, confirmed), onTwo.post(close, confirmed)]);
				for (const answer of answers) expect(answer.status).toBe(200);

				const state = await withDb(store, async (db) => ({
					wave: await db
						.selectFrom('wave')
						.select(['closed', 'summarised_at'])
						.where('id', '=', link.waveId)
						.executeTakeFirstOrThrow(),
					sealed: Number(
						(
							await db
								.selectFrom('response_sealed')
								.select((eb) => eb.fn.countAll<number>().as('n'))
								.where('wave_id', '=', link.waveId)
								.executeTakeFirstOrThrow()
						).n
					),
					stored: await storedAnswers(db, link.waveId),
					summarised: Number(
						(
							await db
								.selectFrom('wave_unit_summary')
								.select((eb) => eb.fn.sum<number>('respondents').as('n'))
								.where('wave_id', '=', link.waveId)
								.executeTakeFirstOrThrow()
						).n
					),
					packs: await db
						.selectFrom('wave_summary_pack')
						.select('summarised_at')
						.where('wave_id', '=', link.waveId)
						.execute()
				}));
				expect(state.wave.closed).toBe(true);
				expect(state.wave.summarised_at).not.toBeNull();
				// Every answer mixed in once: none left sealed, none lost, none doubled.
				expect(state.sealed).toBe(0);
				expect(state.stored).toEqual(before);
				expect(state.summarised).toBe(before.answers);
				expect(state.packs).toHaveLength(1);
				expect(state.packs[0]!.summarised_at).toEqual(state.wave.summarised_at);

				// A closed wave takes no answers on either server.
				for (const server of [one, two]) {
					const outcome = await submitAnswer(server.url, wave, newNonce());
					expect(outcome.kind).toBe('answered');
				}
				await expectSameFigures();
			},
			TIMEOUT
		);
	});
} else {
	describe('a second server on the same PGlite data folder', () => {
		it(
			'refuses to start with a clear message, and the first keeps serving',
			async () => {
				const link = await withDb(store, findWaveLink);
				const one = await serve();
				await expect(startServer(entry, store.env, 120_000)).rejects.toThrow(
					/in use by another Knipperlicht process/
				);

				expect(one.process.exitCode).toBeNull();
				expect((await fetch(`${one.url}/login`)).status).toBe(200);
				const advisor = new Client(one.url);
				await advisor.signIn(ADVISOR);
				expect(await figuresOf(advisor, `/o/${link.organisationId}/results`)).toContain('<table');
				const wave = await answerForm(one.url, link);
				expect((await submitAnswer(one.url, wave, newNonce())).kind).toBe('stored');
				await one.stop();
				const stored = await withDb(store, (db) => storedAnswers(db, link.waveId));
				expect(stored.answers).toBeGreaterThan(0);
			},
			TIMEOUT
		);
	});
}
