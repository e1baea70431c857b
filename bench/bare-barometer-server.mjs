// The baseline of bench/barometer.bench.ts: a bare node:http handler that takes the barometer's form
// post (urlencoded, parsed with URLSearchParams), checks it, and stores it with one INSERT into a
// bare table with the columns of `response`, then answers 200 with a small HTML page. No framework,
// no rendering, no lookups. With DATABASE_URL it uses a pg.Pool of 10, else PGlite in BARE_PGLITE_DIR.
//
// Environment: PORT, HOST, BARE_TABLE, BARE_ITEMS (JSON: item id -> dimension id), BARE_ORGANISATION,
// BARE_WAVE, BARE_UNIT (ids written into every row), DATABASE_URL or BARE_PGLITE_DIR.
import { createServer } from 'node:http';

const table = process.env.BARE_TABLE ?? 'bench_response_bare';
if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a plain table name: ${table}`);
/** @type {Record<string, string>} */
const items = JSON.parse(process.env.BARE_ITEMS ?? '{}');
const organisationId = process.env.BARE_ORGANISATION;
const waveId = process.env.BARE_WAVE;
const unitId = process.env.BARE_UNIT;

const CREATE = `create table if not exists ${table} (
	organisation_id uuid not null, wave_id uuid not null, id uuid not null default gen_random_uuid(),
	unit_id uuid not null, submitted_on date not null, instrument_version integer not null,
	answers jsonb not null, scores jsonb not null
)`;
const INSERT = `insert into ${table}
	(organisation_id, wave_id, unit_id, submitted_on, instrument_version, answers, scores)
	values ($1, $2, $3, $4, $5, $6, $7)`;

/** @type {(text: string, params: unknown[]) => Promise<unknown>} */
let query;
if (process.env.DATABASE_URL) {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
	query = (text, params) => pool.query(text, params);
} else {
	const { PGlite } = await import('@electric-sql/pglite');
	const pglite = await PGlite.create(process.env.BARE_PGLITE_DIR);
	query = (text, params) => pglite.query(text, params);
}
await query(CREATE, []);

/** @param {import('node:http').IncomingMessage} req */
async function bodyOf(req) {
	/** @type {Buffer[]} */
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

const PAGE =
	'<!doctype html><html lang="nl"><title>Bedankt</title><p>Bedankt, je antwoorden zijn bewaard.</p>';

/** @param {URLSearchParams} form @returns {{ answers: Record<string, number>, scores: Record<string, number> } | null} */
function check(form) {
	if (!/^[a-z2-7]{26}$/.test(form.get('nonce') ?? '')) return null;
	if (form.get('unitId') !== unitId) return null;
	/** @type {Record<string, number>} */
	const answers = {};
	/** @type {Record<string, number[]>} */
	const byDimension = {};
	for (const [itemId, dimension] of Object.entries(items)) {
		const value = Number(form.get(`q_${itemId}`));
		if (!Number.isInteger(value) || value < 1 || value > 5) return null;
		answers[itemId] = value;
		(byDimension[dimension] ??= []).push(value);
	}
	/** @type {Record<string, number>} */
	const scores = {};
	for (const [dimension, values] of Object.entries(byDimension))
		scores[dimension] = ((values.reduce((a, b) => a + b, 0) / values.length - 1) / 4) * 100;
	return { answers, scores };
}

const server = createServer(async (req, res) => {
	try {
		if (req.method !== 'POST') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
			return;
		}
		const checked = check(new URLSearchParams(await bodyOf(req)));
		if (!checked) {
			res.writeHead(400, { 'content-type': 'text/plain' }).end('bad form');
			return;
		}
		await query(INSERT, [
			organisationId,
			waveId,
			unitId,
			new Date().toISOString().slice(0, 10),
			1,
			JSON.stringify(checked.answers),
			JSON.stringify(checked.scores)
		]);
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
	} catch (e) {
		console.error(e);
		res.writeHead(500, { 'content-type': 'text/plain' }).end('error');
	}
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
