import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seed/demo';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import {
	ANY_FORM_IS_VALID,
	FOREIGN_ORIGIN,
	FORM_TYPES,
	FILE_PREVIEW,
	NDJSON_UPLOAD,
	ROLES,
	UPLOAD_LIMIT_MB,
	caseArbitrary,
	type FuzzCase,
	type RealIds,
	type Target,
	type Who
} from './fuzz-requests';
import { databaseNameFrom, onServer, uniqueName, withDatabase } from './postgres';
import { rawRequest, type Answer } from './raw-http';
import { concretePath, readsRequest } from './route-tree';
import { startServer, type RunningServer } from './server';

export { fuzzTargets } from './fuzz-requests';

/**
 * Requests no honest browser sends, for every endpoint of the route tree, and what the server
 * must do with them. Shared by tests/e2e/fuzz.test.ts and bench/fuzz.bench.ts.
 *
 * The oracle, per request:
 * - an answer, unless the client stopped sending its body half-way; never a 5xx; and the process
 *   still answers GET /healthz afterwards;
 * - a POST whose Origin is foreign and whose content type is a form's is refused with 403 (CSRF),
 *   with 431 when its URL is over Node's header limit, or sent on to its canonical path (307/308);
 * - a POST is answered with a 4xx: the generated bodies are never a valid command (broken,
 *   oversized, wrong type, or fields with nonsense values, sent to unknown ids where an id is all a
 *   command needs). Allowed besides: the sign-in redirect (303 to /login) for a visitor without a
 *   session on a route that needs one; a same-site 303 from the action whose every form is valid
 *   (ANY_FORM_IS_VALID) and from handlers that never read the request (signing out); and
 *   SvelteKit's 307/308 from a non-canonical path to its canonical form;
 * - a GET is a 200, a same-site 3xx or a 4xx;
 * - the signals upload endpoint answers 200 with newline-delimited JSON whose last line is
 *   `{"problems":…}` or `{"error":4xx}` (or a refused outcome), or a 4xx;
 * - the file preview answers 200 with a preview (`ok` and the header) or why the file cannot be
 *   read (`ok: false` and a problem key), or a 4xx;
 * - an HTML answer is the app's page (`<html lang="nl|fr|en"`, no untranslated `error.*` key in
 *   the visible text) and carries the security headers;
 * and at the end the database holds exactly what it held before (fingerprint()).
 */

// ---------------------------------------------------------------------------------------------
// Sending and judging

export interface Sessions {
	/** The Cookie header of each signed-in role. */
	cookies: Record<Exclude<Who, 'anonymous'>, string>;
}

export function urlOf(target: Target, c: FuzzCase, baseUrl: string): string {
	const path = concretePath(target.endpoint.routeId, c.params);
	const query = [target.actionQuery.slice(1), c.query].filter((q) => q !== '').join('&');
	return `${baseUrl}${path}${query ? `?${query}` : ''}`;
}

/** The case as a curl command line, to reproduce a finding by hand. */
export function describeCase(target: Target, c: FuzzCase, baseUrl: string): string {
	const body = c.body
		? ` --data-binary @body.bin  # ${c.body.label}, ${c.body.bytes.length} bytes` +
			`, first bytes ${JSON.stringify(new TextDecoder().decode(c.body.bytes.slice(0, 160)))}`
		: '';
	const type = c.body?.contentType != null ? ` -H 'content-type: ${c.body.contentType}'` : '';
	const origin = c.body ? ` -H 'origin: ${c.foreignOrigin ? FOREIGN_ORIGIN : baseUrl}'` : '';
	const path = urlOf(target, c, baseUrl);
	return `${target.key} as ${c.who}: curl -X ${target.method} '${path.length > 300 ? `${path.slice(0, 300)}…` : path}'${type}${origin}${body}`;
}

/**
 * Sends a case on a connection of its own (raw-http.ts): a client that gets no answer at all, the
 * connection reset before one arrived, is a finding.
 */
export function send(target: Target, c: FuzzCase, baseUrl: string, sessions: Sessions): Promise<Answer> {
	const headers: Record<string, string> = { accept: 'text/html' };
	if (c.who !== 'anonymous') headers.cookie = sessions.cookies[c.who];
	if (c.body) {
		headers.origin = c.foreignOrigin ? FOREIGN_ORIGIN : baseUrl;
		if (c.body.contentType !== null) headers['content-type'] = c.body.contentType;
	}
	if (target.method === 'POST') headers['content-length'] = String(c.body?.bytes.length ?? 0);
	return rawRequest({
		baseUrl,
		method: target.method,
		target: urlOf(target, c, ''),
		headers,
		body: c.body?.bytes,
		cutAt: c.body?.cutAt,
		// A server may wait for the rest of a cut-off body; the client gives up as a browser would.
		timeoutMs: c.body?.cutAt === undefined ? 60_000 : 10_000
	});
}

/** Whether a browser following `location` stays on the site (it drops tabs and line breaks, reads `\` as `/`). */
function isSameSite(location: string | null): boolean {
	if (!location) return false;
	const site = 'http://site.example';
	try {
		return new URL(location, site).origin === site;
	} catch {
		return false;
	}
}

function formType(contentType: string | null): boolean {
	return FORM_TYPES.has((contentType ?? '').split(';', 1)[0]!.trim().toLowerCase());
}

/** What is wrong with an answer; empty when the oracle holds. */
export function judge(target: Target, c: FuzzCase, answer: Answer): string[] {
	const problems: string[] = [];
	const { status, headers } = answer;
	const location = headers.get('location');
	const is4xx = status >= 400 && status < 500;
	if (status >= 500) problems.push(`status ${status}`);
	else if (c.body && c.foreignOrigin && formType(c.body.contentType)) {
		// 431: Node refuses a URL over its header limit before anything else looks at the request.
		// 307/308: a non-canonical path is sent to its canonical form first, where the post is refused.
		const canonical = (status === 307 || status === 308) && isSameSite(location);
		if (status !== 403 && status !== 431 && !canonical)
			problems.push(`a cross-site form post answered ${status}, not 403`);
	} else if (target.method === 'GET') {
		if (!(status === 200 || is4xx || (status >= 300 && status < 400 && isSameSite(location))))
			problems.push(`GET answered ${status}${location ? ` to ${location}` : ''}`);
	} else if (target.key === NDJSON_UPLOAD && status === 200) {
		const lines = answer.text.split('\n').filter((l) => l !== '');
		const last = lines.length ? (JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>) : {};
		const ok =
			'problems' in last ||
			(typeof last.error === 'number' && last.error >= 400 && last.error < 500) ||
			(typeof last.outcome === 'object' && (last.outcome as { status?: string }).status === 'refused');
		if (!ok) problems.push(`the upload's last line is ${lines[lines.length - 1] ?? '(none)'}`);
	} else if (target.key === FILE_PREVIEW && status === 200) {
		// A preview, or why the file cannot be read; nothing is stored (the fingerprint checks that).
		const body = JSON.parse(answer.text) as { ok?: unknown; header?: unknown; problem?: { key?: unknown } };
		const ok =
			(body.ok === true && Array.isArray(body.header)) ||
			(body.ok === false && typeof body.problem?.key === 'string');
		if (!ok) problems.push(`the preview answered ${answer.text.slice(0, 200)}`);
	} else if (!is4xx) {
		const signInRedirect = c.who === 'anonymous' && typeof target.rule !== 'object' && location === '/login';
		const anyForm = ANY_FORM_IS_VALID.has(target.key) && status === 303 && isSameSite(location);
		const bodyIgnored = !readsRequest(target.endpoint) && status === 303 && isSameSite(location);
		// 307/308: SvelteKit sends a non-canonical path (`/x/..`, a trailing slash) to its canonical form.
		const canonical = (status === 307 || status === 308) && isSameSite(location);
		if (!(canonical || (status === 303 && (signInRedirect || anyForm || bodyIgnored))))
			problems.push(`POST answered ${status}${location ? ` to ${location}` : ''}`);
	}
	if ((headers.get('content-type') ?? '').startsWith('text/html')) {
		if (headers.get('x-content-type-options') !== 'nosniff')
			problems.push('HTML without x-content-type-options');
		if (headers.get('x-frame-options') !== 'DENY') problems.push('HTML without x-frame-options: DENY');
		if (!/<html lang="(nl|fr|en)"/.test(answer.text)) problems.push("HTML that is not the app's page");
		const visible = answer.text.replace(/<script[\s\S]*?<\/script>/g, '');
		const key = /\berror\.[a-z][A-Za-z]+\b/.exec(visible);
		if (key) problems.push(`HTML shows the untranslated key ${key[0]}`);
	}
	return problems;
}

/** Whether the server still answers its liveness check. */
export async function alive(baseUrl: string): Promise<boolean> {
	try {
		const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(20_000) });
		await response.arrayBuffer();
		return response.status === 200;
	} catch {
		return false;
	}
}

// ---------------------------------------------------------------------------------------------
// The server and its database

export interface FuzzServer {
	readonly server: RunningServer;
	readonly url: string;
	sessions: Sessions;
	ids: RealIds;
	/** Starts the server again (after a crash, or after a stop for a fingerprint). */
	restart(): Promise<void>;
	stop(): Promise<void>;
	/** Row counts and an md5 of each table's rows; the server must be stopped (PGlite is one process). */
	fingerprint(): Promise<Record<string, string>>;
	/** Stops the server and drops its database. */
	dispose(): Promise<void>;
}

/** Inside node_modules, so it is never committed. */
const FUZZ_BUILD_DIR = 'node_modules/.cache/knipperlicht-fuzz-build';

/** Tables whose rows change with any request: sessions (sliding expiry) and the sign-in throttle. */
const VOLATILE_TABLE = /session|throttle/;

async function tableFingerprint(handle: DatabaseHandle): Promise<Record<string, string>> {
	const tables = await sql<{ name: string; key: string | null }>`
		select c.relname as name,
			(select string_agg(quote_ident(a.attname), ', ' order by k.n)
			 from pg_index i, unnest(i.indkey) with ordinality as k(attnum, n)
			 join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
			 where i.indrelid = c.oid and i.indisprimary) as key
		from pg_class c join pg_namespace s on s.oid = c.relnamespace
		where s.nspname = 'public' and c.relkind = 'r'
		order by c.relname`.execute(handle.db);
	const print: Record<string, string> = {};
	for (const { name, key } of tables.rows) {
		if (VOLATILE_TABLE.test(name)) continue;
		const t = sql.id(name);
		const order = sql.raw(key ?? 't::text');
		const row = await sql<{ n: number; md5: string }>`
			select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as md5
			from ${t} as t`.execute(handle.db);
		print[name] = `${row.rows[0]!.n} rows, md5 ${row.rows[0]!.md5}`;
	}
	return print;
}

const ACCOUNT_OF: Record<Exclude<Who, 'anonymous'>, string> = Object.fromEntries(
	ROLES.map((role) => [
		role,
		DEMO_ACCOUNTS.find((a) => a.role === role && a.organisation === 'zonnedael')!.email
	])
) as Record<Exclude<Who, 'anonymous'>, string>;

async function signIn(baseUrl: string, email: string): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
		headers: { origin: baseUrl, accept: 'text/html' },
		redirect: 'manual'
	});
	if (response.status !== 303)
		throw new Error(
			`Sign-in of ${email} answered ${response.status}: ${(await response.text()).slice(0, 2000)}`
		);
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.join('; ');
}

/** The real ids of the seeded care group, read from the pages its admin sees. */
async function readIds(baseUrl: string, adminCookie: string): Promise<RealIds> {
	const get = async (path: string) =>
		fetch(`${baseUrl}${path}`, { headers: { cookie: adminCookie }, redirect: 'manual' });
	const home = (await get('/')).headers.get('location') ?? '';
	const org = /\/o\/([0-9a-f-]{36})/.exec(home)?.[1];
	if (!org) throw new Error(`No organisation in ${home}`);
	const waves = await (await get(`/o/${org}/waves`)).text();
	const waveIds = [...waves.matchAll(/\/waves\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
	for (const wave of waveIds) {
		const page = await (await get(`/o/${org}/waves/${wave}`)).text();
		const token = /href="\/b\/([a-z2-7]{26})"/.exec(page)?.[1];
		const unit = /\/poster\/([0-9a-f-]{36})"/.exec(page)?.[1];
		if (token && unit) return { org, wave, unit, token, format: 'monthly' };
	}
	throw new Error('No seeded wave with unit links');
}

/** A measure for a unit, made as the advisor makes one, so the measure pages have a real id of a known unit. */
async function createMeasure(
	baseUrl: string,
	advisorCookie: string,
	org: string,
	unit: string
): Promise<string> {
	const response = await fetch(`${baseUrl}/o/${org}/measures/new`, {
		method: 'POST',
		body: new URLSearchParams([
			['unitId', unit],
			['target', 'workload'],
			['title', 'Fuzz measure'],
			['domain', 'work-organisation'],
			['preventionLevel', 'primary'],
			['applicationLevel', 'group'],
			['dueOn', '2031-06-30']
		]),
		headers: { cookie: advisorCookie, origin: baseUrl, accept: 'text/html' },
		redirect: 'manual'
	});
	const id = /\/measures\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')?.[1];
	if (!id) throw new Error(`Creating a measure answered ${response.status}`);
	return id;
}

/** An own catalogue entry, made as the advisor makes one, so the catalogue entry pages have a real id. */
async function createCatalogueEntry(baseUrl: string, advisorCookie: string, org: string): Promise<string> {
	const response = await fetch(`${baseUrl}/o/${org}/measures/catalogue/new`, {
		method: 'POST',
		body: new URLSearchParams([
			['title', 'Fuzz entry'],
			['how', 'Plan the work together.'],
			['watchOut', 'Keep it about the work.'],
			['target', 'workload'],
			['domain', 'work-organisation'],
			['level', 'primary'],
			['application', 'group']
		]),
		headers: { cookie: advisorCookie, origin: baseUrl, accept: 'text/html' },
		redirect: 'manual'
	});
	const id = /\/catalogue\/([0-9a-f-]{36})\?/.exec(response.headers.get('location') ?? '')?.[1];
	if (!id) throw new Error(`Creating a catalogue entry answered ${response.status}`);
	return id;
}

/** A plan of the demo, read from the plans page the advisor sees. */
async function readPlan(baseUrl: string, advisorCookie: string, org: string): Promise<string> {
	const page = await (
		await fetch(`${baseUrl}/o/${org}/plans`, { headers: { cookie: advisorCookie } })
	).text();
	const id = /\/plans\/([0-9a-f-]{36})"/.exec(page)?.[1];
	if (!id) throw new Error('No plan in the demo');
	return id;
}

/**
 * A built server on a database of its own (a PGlite folder, or a new database on the server of
 * `postgres`, by default DATABASE_URL's), seeded with the demo, with HR files limited to
 * UPLOAD_LIMIT_MB. The demo accounts are signed in before the first fingerprint, so their sessions
 * carry over restarts.
 */
export async function startFuzzServer(
	postgres: string | null = process.env.DATABASE_URL || null
): Promise<FuzzServer> {
	// A build of its own: other test runs rebuild .test-build while this server still serves from it.
	// KNIPPERLICHT_FUZZ_SERVER fuzzes another build instead (the server.js of an older checkout).
	const entry = process.env.KNIPPERLICHT_FUZZ_SERVER || buildIfStale(FUZZ_BUILD_DIR, { quiet: true });
	const dir = mkdtempSync(join(tmpdir(), 'kl-fuzz-'));
	const name = postgres ? uniqueName(`${databaseNameFrom(postgres)}_fuzz`) : '';
	if (postgres) await onServer(postgres, `create database "${name}"`);
	const dbUrl = postgres ? withDatabase(postgres, name) : '';
	const env = {
		DATABASE_URL: dbUrl,
		KNIPPERLICHT_DATA_DIR: dir,
		KNIPPERLICHT_MAX_UPLOAD_MB: String(UPLOAD_LIMIT_MB)
	};
	let server = await startServer(entry, env, 180_000);
	const cookies = {} as Sessions['cookies'];
	for (const role of ROLES) cookies[role] = await signIn(server.url, ACCOUNT_OF[role]);
	const ids = await readIds(server.url, cookies.admin);
	ids.measure = await createMeasure(server.url, cookies.advisor, ids.org!, ids.unit!);
	ids.entry = await createCatalogueEntry(server.url, cookies.advisor, ids.org!);
	ids.plan = await readPlan(server.url, cookies.advisor, ids.org!);
	const fuzz: FuzzServer = {
		get server() {
			return server;
		},
		get url() {
			return server.url;
		},
		sessions: { cookies },
		ids,
		async restart() {
			await server.stop();
			server = await startServer(entry, env, 180_000);
		},
		stop: () => server.stop(),
		async fingerprint() {
			const handle = await openDatabase(postgres ? { url: dbUrl, poolSize: 1 } : { dataDir: dir });
			try {
				return await tableFingerprint(handle);
			} finally {
				await handle.close();
			}
		},
		async dispose() {
			await server.stop();
			if (postgres) await onServer(postgres, `drop database if exists "${name}" with (force)`);
			rmSync(dir, { recursive: true, force: true });
		}
	};
	return fuzz;
}

/**
 * One GET of every GET endpoint with the real ids, as a role that may: whatever a first reading
 * writes (releases of closed waves) is written before the first fingerprint.
 */
export async function warmUp(targets: Target[], fuzz: FuzzServer): Promise<void> {
	for (const target of targets) {
		if (target.method !== 'GET') continue;
		const c: FuzzCase = {
			who: target.who[0]!,
			params: fuzz.ids,
			query: '',
			body: null,
			foreignOrigin: false
		};
		await send(target, c, fuzz.url, fuzz.sessions);
	}
}

/** A seed per target, so each endpoint gets other cases while the run stays reproducible. */
export function seedFor(target: Target, seed: number): number {
	let hash = seed | 0;
	for (const ch of target.key) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
	return hash;
}

/** The fast-check property of one target: each case judged, then the liveness check. */
export function property(target: Target, fuzz: FuzzServer, onCase?: () => void) {
	return fc.asyncProperty(caseArbitrary(target, fuzz.ids), async (c) => {
		onCase?.();
		const problems: string[] = [];
		try {
			problems.push(...judge(target, c, await send(target, c, fuzz.url, fuzz.sessions)));
		} catch (e) {
			// A client that stopped sending need not be answered; every other one must be.
			if (c.body?.cutAt === undefined) problems.push((e as Error).message);
		}
		if (!(await alive(fuzz.url))) problems.push('GET /healthz no longer answers');
		if (problems.length) throw new Error(`${problems.join('; ')}\n  ${describeCase(target, c, fuzz.url)}`);
	});
}
