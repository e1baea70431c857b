import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BAROMETER, itemsOf } from '../../src/lib/instruments';
import { insertAuditEntry } from '../../src/lib/server/audit/queries';
import { generateSessionToken, createSession } from '../../src/lib/server/auth/session';
import {
	claimHash,
	newSubmissionNonce,
	openCode,
	submitResponse,
	type Entry
} from '../../src/lib/server/barometer/participation';
import { createWave, generateCodes, setWaveClosed } from '../../src/lib/server/barometer/waves';
import type { Database } from '../../src/lib/server/db/schema';
import { everythingStored, waveFields, waveUnitRows } from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { makeMember, makeOrganisation, makeUnits, nextNumber } from '../helpers/factories';

/**
 * The database read as an attacker would (docs/anonymity.md, "At rest"): someone who holds the
 * code list with the names it was mailed to, sees the sessions and the audit log, and reads every
 * table with its system columns (xmin, xmax, ctid) after the wave closed. Named people answer with
 * their code, others through a link, between sign-ins and audited actions; the test knows who
 * submitted what and when, and proves that nothing in the database ties any of it to a response.
 */
const testDb = useTestDatabase();
type Db = Kysely<Database>;
const TODAY = '2026-03-10';
const ITEMS = itemsOf(BAROMETER, false);

/** An answer set that tells its respondent apart: the test recognises each response by it. */
function answersFor(index: number): Record<string, string> {
	return Object.fromEntries(
		ITEMS.map((item, i) => [`q_${item.id}`, String(1 + (Math.floor(index / 5 ** (i % 4)) % 5))])
	);
}

function fingerprint(answers: Record<string, number>): string {
	return ITEMS.map((item) => answers[item.id]).join('');
}

/** Every row of every table in the public schema with its system columns. */
async function systemColumns(db: Db) {
	const { rows: tables } = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
	const result: Array<{ table: string; xmin: string; xmax: string; row: Record<string, unknown> }> = [];
	for (const { table_name } of tables) {
		const { rows } = await sql<{ _xmin: string; _xmax: string }>`
			select xmin::text as _xmin, xmax::text as _xmax, t.* from ${sql.table(table_name)} t`.execute(db);
		for (const { _xmin, _xmax, ...row } of rows)
			result.push({ table: table_name, xmin: _xmin, xmax: _xmax, row });
	}
	return result;
}

async function sealedXmins(db: Db, waveId: string): Promise<Set<string>> {
	const { rows } = await sql<{ x: string }>`
		select xmin::text as x from response_sealed where wave_id = ${waveId}`.execute(db);
	return new Set(rows.map((r) => r.x));
}

/** Spearman's rank correlation of a permutation with the identity. */
function rankCorrelation(order: number[]): number {
	const n = order.length;
	const ranks = [...order].map((v) => [...order].sort((a, b) => a - b).indexOf(v));
	const d2 = ranks.reduce((sum, r, i) => sum + (r - i) ** 2, 0);
	return 1 - (6 * d2) / (n * (n * n - 1));
}

/**
 * One wave answered by `people` named code holders and `linkAnswers` link answers, interleaved
 * with sign-ins and audited actions. Returns what the attacker knows from outside the database
 * (who answered what, in which order) and what it saw while the wave was open (the transaction
 * ids of code openings and submissions).
 */
async function mixedRun(people: number, linkAnswers: number) {
	const db = testDb.db;
	const n = nextNumber();
	const org = await makeOrganisation(db, `Rust ${n}`);
	const units = (await makeUnits(db, org.id, [
		['ROOT', null, 2],
		['A', 'ROOT', 40],
		['B', 'ROOT', 40]
	])) as Record<'ROOT' | 'A' | 'B', string>;
	const advisor = await makeMember(db, {
		email: `rust-${n}@example.test`,
		organisationId: org.id,
		role: 'advisor'
	});
	const waveId = await createWave(
		db,
		advisor,
		org.id,
		waveFields({ entry: 'links' }),
		[units.A, units.B],
		TODAY
	);
	const token = (await waveUnitRows(db, waveId))[0]!.link_token;
	const codes = await generateCodes(db, advisor, org.id, waveId, String(people));
	const names = codes.map((code, i) => ({ name: `Person ${i + 1}`, code }));

	const submissionOrder: string[] = [];
	const submissionXids = new Set<string>();
	const openingXids = new Set<string>();
	const claims: string[] = [];
	let seen = await sealedXmins(db, waveId);
	const submit = async (entry: Entry, index: number) => {
		const fields: Record<string, string> = {
			...answersFor(index),
			unitId: index % 2 ? units.A : units.B,
			nonce: newSubmissionNonce()
		};
		const result = await submitResponse(db, entry, fields, TODAY);
		expect(result.stored).toBe(true);
		submissionOrder.push(
			fingerprint(Object.fromEntries(ITEMS.map((item) => [item.id, Number(fields[`q_${item.id}`])])))
		);
		const now = await sealedXmins(db, waveId);
		for (const x of now) if (!seen.has(x)) submissionXids.add(x);
		seen = now;
	};
	// Each step: maybe a sign-in, maybe an audited action, then an answer.
	let index = 0;
	const steps = [
		...names.map((p) => ({ kind: 'code' as const, person: p })),
		...Array.from({ length: linkAnswers }, () => ({ kind: 'link' as const }))
	];
	for (const [i, step] of steps.entries()) {
		if (i % 2 === 0) await createSession(db, generateSessionToken(), advisor.userId);
		if (i % 3 === 0)
			await insertAuditEntry(db, {
				organisationId: org.id,
				actorUserId: advisor.userId,
				action: 'unit.update',
				objectType: 'unit',
				objectId: units.A
			});
		if (step.kind === 'code') {
			const { claim } = await openCode(db, step.person.code, TODAY);
			claims.push(claim);
			const { rows } = await sql<{ x: string }>`
				select xmin::text as x from response_claim where claim_hash = ${claimHash(claim)}`.execute(db);
			openingXids.add(rows[0]!.x);
			await submit({ via: 'code', claim }, index++);
		} else {
			await submit({ via: 'link', token }, index++);
		}
	}
	return { org, advisor, waveId, names, claims, submissionOrder, submissionXids, openingXids };
}

describe('at rest', () => {
	it('holds no readable answer while the wave is open: only sealed rows with unit and channel', async () => {
		const run = await mixedRun(4, 4);
		const dump = await everythingStored(testDb.db);
		const answerPattern = new RegExp(`"(${ITEMS.map((i) => i.id).join('|')})":\\s*\\d`);
		for (const [table, text] of Object.entries(dump)) expect(text, table).not.toMatch(answerPattern);
		const { rows } = await sql<{ n: number }>`
			select count(*)::int as n from response where wave_id = ${run.waveId}`.execute(testDb.db);
		expect(rows[0]!.n).toBe(0);
		const sealed = await testDb.db
			.selectFrom('response_sealed')
			.selectAll()
			.where('wave_id', '=', run.waveId)
			.execute();
		expect(sealed).toHaveLength(8);
	});

	it('links no response to a code, a person, a session, an audit row or a time once the wave closed', async () => {
		const db = testDb.db;
		const run = await mixedRun(6, 6);
		await setWaveClosed(db, run.advisor, run.org.id, run.waveId, true, {}, TODAY);
		const rows = await systemColumns(db);
		const responses = rows.filter((r) => r.table === 'response' && r.row.wave_id === run.waveId);
		expect(responses).toHaveLength(12);

		// 1. Every response carries one and the same transaction id: the closing one.
		const closing = new Set(responses.map((r) => r.xmin));
		expect(closing.size).toBe(1);
		const [closingXid] = [...closing];
		// What else the closing transaction wrote: the wave and what belongs to the whole wave.
		const sameXid = rows.filter((r) => r.xmin === closingXid && r.table !== 'response');
		for (const r of sameXid) {
			expect([
				'wave',
				'wave_unit',
				'submission_receipt',
				'wave_unit_summary',
				'wave_summary_pack',
				'audit_log',
				'analytics_input_version',
				'disclosure_release'
			]).toContain(r.table);
			if (r.table === 'audit_log') expect(r.row.action).toBe('wave.close');
		}
		expect(
			sameXid.some((r) => ['user_session', 'wave_code', 'response_claim', 'login_throttle'].includes(r.table))
		).toBe(false);

		// 2. No live row anywhere keeps the transaction id of a submission or of a code's opening.
		expect(run.submissionXids.size).toBe(12);
		for (const r of rows) {
			expect(run.submissionXids.has(r.xmin), `${r.table} xmin`).toBe(false);
			expect(run.submissionXids.has(r.xmax), `${r.table} xmax`).toBe(false);
			expect(run.openingXids.has(r.xmin), `${r.table} xmin`).toBe(false);
		}

		// 3. Nothing stored holds a code, its hash, a claim or a person's name; response ids appear nowhere else.
		const dump = JSON.stringify(await everythingStored(db));
		for (const { code, name } of run.names) {
			expect(dump).not.toContain(code);
			expect(dump).not.toContain(name);
		}
		for (const claim of run.claims) {
			expect(dump).not.toContain(claim);
			expect(dump).not.toContain(claimHash(claim));
		}
		const elsewhere = JSON.stringify(rows.filter((r) => r.table !== 'response').map((r) => r.row));
		for (const r of responses) {
			expect(r.row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(elsewhere).not.toContain(r.row.id as string);
		}

		// 4. No column of response, its sealed form, receipts, claims or codes holds a time or comes from a sequence.
		const { rows: columns } = await sql<{
			table_name: string;
			column_name: string;
			data_type: string;
			column_default: string | null;
		}>`
			select table_name, column_name, data_type, column_default from information_schema.columns
			where table_schema = 'public' and table_name in
				('response', 'response_sealed', 'submission_receipt', 'response_claim', 'wave_code', 'wave_unit')`.execute(
			db
		);
		for (const c of columns) {
			expect(c.data_type, `${c.table_name}.${c.column_name}`).not.toMatch(/time|date|interval/);
			expect(c.column_default ?? '', `${c.table_name}.${c.column_name}`).not.toMatch(/nextval|now|current_/);
		}
		const { rows: owned } = await sql<{ n: number }>`
			select count(*)::int as n from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
			join pg_class t on t.oid = d.refobjid
			where t.relname in ('response', 'response_sealed', 'submission_receipt', 'response_claim')`.execute(db);
		expect(owned[0]!.n).toBe(0);
	});

	it('stores the responses of a closed wave in an order unrelated to the order they came in', async () => {
		const db = testDb.db;
		const correlations: number[] = [];
		const orders: number[][] = [];
		for (let round = 0; round < 3; round++) {
			const run = await mixedRun(8, 8);
			await setWaveClosed(db, run.advisor, run.org.id, run.waveId, true, {}, TODAY);
			const { rows } = await sql<{ answers: Record<string, number> }>`
				select answers from response where wave_id = ${run.waveId} order by ctid`.execute(db);
			const physical = rows.map((r) => run.submissionOrder.indexOf(fingerprint(r.answers)));
			expect([...physical].sort((a, b) => a - b)).toEqual(run.submissionOrder.map((_, i) => i));
			orders.push(physical);
			correlations.push(rankCorrelation(physical));
		}
		// Insertion order would give 1 every time. A random order has a mean near 0 with a standard
		// deviation of about 0.15 over three waves of 16: 0.6 is four of them away.
		const mean = correlations.reduce((a, b) => a + b, 0) / correlations.length;
		expect(Math.abs(mean)).toBeLessThan(0.6);
		expect(orders.some((o) => o.some((v, i) => v !== i))).toBe(true);
	});
});
