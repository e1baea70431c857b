import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { isEmpty, seedDemo } from '../../seed/demo';
import { openDatabase, type DatabaseHandle, type OpenOptions } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import { databaseNameFrom, onServer, uniqueName, withDatabase } from './postgres';
import { freePort, type RunningServer } from './server';

/**
 * Databases, respondents and failures for the tests that crash servers, cut their database or
 * run two servers on one database. Each case gets its own copy of one seeded template, so it may
 * kill its server without touching anyone else's.
 */
type Db = Kysely<Database>;

/** PostgreSQL when DATABASE_URL is set, else PGlite. */
export const POSTGRES_URL = process.env.DATABASE_URL || null;
export const ENGINE: 'postgres' | 'pglite' = POSTGRES_URL ? 'postgres' : 'pglite';
export const ADVISOR = 'preventie@zonnedael.demo';
export const HR = 'hr@zonnedael.demo';

/** One secret for the seeding here and every server: it seals open waves' answers. */
export const SECRET = randomBytes(32).toString('hex');
process.env.KNIPPERLICHT_SECRET = SECRET;

/** A database of its own: the environment a server needs for it, and how to open it here. */
export interface Store {
	env: NodeJS.ProcessEnv;
	options: OpenOptions;
	/** The PostgreSQL database name (null on PGlite). */
	name: string | null;
	remove(): Promise<void>;
}

export interface Template {
	copy(): Promise<Store>;
	remove(): Promise<void>;
}

/**
 * Migrates and seeds the demo once, with every unit's headcount lifted (a unit link takes at most
 * its unit's headcount of answers, and the loads send many through one link). Copies are a file
 * copy of the PGlite folder or `create database … template …` on PostgreSQL.
 */
export async function seededTemplate(): Promise<Template> {
	const prepare = async (options: OpenOptions) => {
		const handle = await openDatabase({ ...options, poolSize: 1 });
		try {
			await migrateToLatest(handle.db);
			if (await isEmpty(handle.db)) await seedDemo(handle.db);
			await handle.db.updateTable('unit').set({ headcount: 1_000_000 }).execute();
		} finally {
			await handle.close();
		}
	};
	if (POSTGRES_URL) {
		const template = uniqueName(`${databaseNameFrom(POSTGRES_URL)}_faults_template`);
		await onServer(POSTGRES_URL, `create database "${template}"`);
		await prepare({ url: withDatabase(POSTGRES_URL, template) });
		return {
			async copy() {
				const name = uniqueName(`${databaseNameFrom(POSTGRES_URL)}_faults`);
				await onServer(POSTGRES_URL, `create database "${name}" template "${template}"`);
				const url = withDatabase(POSTGRES_URL, name);
				return {
					env: { DATABASE_URL: url, KNIPPERLICHT_SECRET: SECRET, KNIPPERLICHT_DEMO: 'off' },
					options: { url },
					name,
					remove: () => onServer(POSTGRES_URL, `drop database if exists "${name}" with (force)`)
				};
			},
			remove: () => onServer(POSTGRES_URL, `drop database if exists "${template}" with (force)`)
		};
	}
	const template = mkdtempSync(join(tmpdir(), 'kl-faults-template-'));
	await prepare({ dataDir: template });
	return {
		async copy() {
			const dir = mkdtempSync(join(tmpdir(), 'kl-faults-'));
			cpSync(template, dir, { recursive: true });
			return {
				env: {
					DATABASE_URL: '',
					KNIPPERLICHT_DATA_DIR: dir,
					KNIPPERLICHT_SECRET: SECRET,
					KNIPPERLICHT_DEMO: 'off'
				},
				options: { dataDir: dir },
				name: null,
				remove: async () => rmSync(dir, { recursive: true, force: true })
			};
		},
		remove: async () => rmSync(template, { recursive: true, force: true })
	};
}

/** Runs `fn` on a connection of its own (on PGlite only while no server has the folder). */
export async function withDb<T>(store: Store, fn: (db: Db) => Promise<T>): Promise<T> {
	const handle: DatabaseHandle = await openDatabase({ ...store.options, poolSize: 1 });
	try {
		return await fn(handle.db);
	} finally {
		await handle.close();
	}
}

/** Whether the server's process is still running (neither exited nor killed). */
export function isRunning(server: RunningServer): boolean {
	return server.process.exitCode === null && server.process.signalCode === null;
}

/** Kills the server with `signal` and waits until its process is gone. */
export async function killServer(server: RunningServer, signal: NodeJS.Signals): Promise<void> {
	if (!isRunning(server)) return;
	const gone = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
	server.process.kill(signal);
	const timer = setTimeout(() => server.process.kill('SIGKILL'), 15_000);
	await gone;
	clearTimeout(timer);
}

// ---- respondents ---------------------------------------------------------------------------------

export interface WaveLink {
	organisationId: string;
	waveId: string;
	token: string;
	unitId: string;
}

export interface OpenWave extends WaveLink {
	/** The answer form without its nonce: the unit and an answer to every question it asks. */
	form: string;
}

/** The demo's open wave with unit links, and its first unit's link (read before a server has the data). */
export async function findWaveLink(db: Db): Promise<WaveLink> {
	const row = await db
		.selectFrom('wave as w')
		.innerJoin('wave_unit as wu', (j) =>
			j.onRef('wu.organisation_id', '=', 'w.organisation_id').onRef('wu.wave_id', '=', 'w.id')
		)
		.select(['w.organisation_id', 'w.id', 'wu.link_token', 'wu.unit_id'])
		.where('w.closed', '=', false)
		.where('w.entry', '=', 'links')
		.where('w.closes_on', '>=', sql<string>`current_date`)
		.where('w.opens_on', '<=', sql<string>`current_date`)
		.orderBy('w.created_at')
		.orderBy('wu.unit_id')
		.executeTakeFirstOrThrow();
	return { organisationId: row.organisation_id, waveId: row.id, token: row.link_token, unitId: row.unit_id };
}

/** The answer form the link asks for, filled in: every question it shows gets an answer. */
export async function answerForm(baseUrl: string, link: WaveLink): Promise<OpenWave> {
	const html = await (await fetch(`${baseUrl}/b/${link.token}`)).text();
	const names = [...new Set([...html.matchAll(/\bname="(q_[^"]+)"/g)].map((m) => m[1]!))];
	if (names.length === 0) throw new Error(`/b/${link.token} asks no questions:\n${html.slice(0, 500)}`);
	const fields = new URLSearchParams({ unitId: link.unitId });
	names.forEach((name, i) => fields.set(name, String((i % 5) + 1)));
	return { ...link, form: fields.toString() };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A fresh submission nonce, the shape the questionnaire's hidden field has. */
export function newNonce(): string {
	return [...randomBytes(26)].map((b) => BASE32[b & 31]).join('');
}

export type SubmitOutcome =
	{ kind: 'stored' } | { kind: 'answered'; status: number; html: string } | { kind: 'lost' };

/**
 * Posts one answer form as a phone without JavaScript does. 'stored' means the personal result
 * came back: the submission is acknowledged.
 */
export async function submitAnswer(baseUrl: string, wave: OpenWave, nonce: string): Promise<SubmitOutcome> {
	try {
		const response = await fetch(`${baseUrl}/b/${wave.token}`, {
			method: 'POST',
			body: `nonce=${nonce}&${wave.form}`,
			headers: {
				origin: baseUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			redirect: 'manual',
			signal: AbortSignal.timeout(30_000)
		});
		const html = await response.text();
		if (response.status === 200 && html.includes('id="result-title"')) return { kind: 'stored' };
		return { kind: 'answered', status: response.status, html };
	} catch {
		return { kind: 'lost' };
	}
}

/** Answers of a wave as stored: sealed while it takes answers, mixed once it closed; and receipts. */
export async function storedAnswers(db: Db, waveId: string): Promise<{ answers: number; receipts: number }> {
	const count = async (table: 'response' | 'response_sealed' | 'submission_receipt') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('wave_id', '=', waveId)
					.executeTakeFirstOrThrow()
			).n
		);
	const [mixed, sealed, receipts] = await Promise.all([
		count('response'),
		count('response_sealed'),
		count('submission_receipt')
	]);
	return { answers: mixed + sealed, receipts };
}

// ---- answers under failure -----------------------------------------------------------------------

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * What is wrong with an answer given while the database failed, or null: it must be the normal
 * answer, or the app's own error page (500 or 503, HTML in a language, with an error id and the
 * security headers).
 */
export function faultAnswerProblem(
	status: number,
	headers: Headers,
	body: string,
	normal: number[]
): string | null {
	if (normal.includes(status)) return null;
	if (status !== 500 && status !== 503) return `status ${status}: ${body.slice(0, 200)}`;
	const missing = [];
	if (headers.get('x-content-type-options') !== 'nosniff') missing.push('x-content-type-options');
	if (!/^(deny|sameorigin)$/i.test(headers.get('x-frame-options') ?? '')) missing.push('x-frame-options');
	if (!(headers.get('content-type') ?? '').startsWith('text/html')) missing.push('text/html');
	if (!/<html lang="(nl|fr|en)"/.test(body)) missing.push('<html lang=…>');
	if (!UUID.test(body)) missing.push('an error id');
	return missing.length ? `${status} without ${missing.join(', ')}: ${body.slice(0, 200)}` : null;
}

// ---- signal files ----------------------------------------------------------------------------------

const SPELLS_HEADER = 'Medewerkerssleutel;Eenheidscode;Begindatum;Einddatum;Soort afwezigheid';

/**
 * A valid spells file of `keys` pseudonymous employees with four short spells each in `year`
 * (never overlapping per key), spread over `units`, as Belgian Excel saves it. Returns its path.
 */
export function writeSpellsFile(
	dir: string,
	name: string,
	keys: number,
	units: readonly string[],
	year: number
): string {
	const two = (n: number) => String(n).padStart(2, '0');
	const lines = [`\uFEFF${SPELLS_HEADER}`];
	for (let k = 0; k < keys; k++) {
		const key = `f${k.toString(36).padStart(6, '0')}`;
		const unit = units[k % units.length]!;
		for (let j = 0; j < 4; j++) {
			const month = two(j * 3 + (k % 3) + 1);
			const start = 1 + (k % 20);
			const end = start + ((k + j) % 7);
			lines.push(`${key};${unit};${two(start)}/${month}/${year};${two(end)}/${month}/${year};ziekte`);
		}
	}
	const path = join(dir, name);
	writeFileSync(path, `${lines.join('\r\n')}\r\n`);
	return path;
}

/** Codes of the organisation's units that have no units below them. */
export async function leafUnitCodes(db: Db, organisationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('unit as u')
		.select('u.code')
		.where('u.organisation_id', '=', organisationId)
		.where('u.valid_to', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('unit as c')
						.select('c.id')
						.where('c.organisation_id', '=', organisationId)
						.whereRef('c.parent_id', '=', 'u.id')
						.where('c.valid_to', 'is', null)
				)
			)
		)
		.orderBy('u.code')
		.execute();
	return rows.map((r) => r.code);
}

// ---- a proxy that can refuse connections --------------------------------------------------------

/**
 * A TCP proxy in front of PostgreSQL. `refuse()` stops listening and cuts every connection, as a
 * database that restarts or a network that drops does; `accept()` listens again on the same port.
 */
export class TcpProxy {
	private server: Server | null = null;
	private readonly sockets = new Set<Socket>();
	private constructor(
		readonly port: number,
		private readonly target: { host: string; port: number }
	) {}

	static async start(target: { host: string; port: number }): Promise<TcpProxy> {
		const proxy = new TcpProxy(await freePort(), target);
		await proxy.accept();
		return proxy;
	}

	/** The same database URL, through this proxy. */
	through(url: string): string {
		const u = new URL(url);
		u.hostname = '127.0.0.1';
		u.port = String(this.port);
		return u.toString();
	}

	accept(): Promise<void> {
		const server = createServer((client) => {
			const upstream = connect(this.target.port, this.target.host);
			for (const socket of [client, upstream]) {
				this.sockets.add(socket);
				socket.once('close', () => this.sockets.delete(socket));
				socket.on('error', () => {
					client.destroy();
					upstream.destroy();
				});
			}
			client.pipe(upstream);
			upstream.pipe(client);
		});
		this.server = server;
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.port, '127.0.0.1', () => resolve());
		});
	}

	/** Stops accepting and cuts every open connection; resolves once nothing listens. */
	refuse(): Promise<void> {
		const server = this.server;
		this.server = null;
		for (const socket of this.sockets) socket.destroy();
		return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
	}

	close(): Promise<void> {
		return this.refuse();
	}
}
