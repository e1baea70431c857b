import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
	BinaryCopyWriter,
	copyOut,
	parseBinaryCopy,
	transactionWithCopy,
	uuidLiterals
} from '../../src/lib/server/db/bulk';
import { useTestDatabase } from '../helpers/db';

/**
 * COPY in binary format, as the signals import stores its figures: whatever the writer is given
 * comes back from the database as it was (uuids, dates, doubles to the last bit, whole numbers,
 * nulls), over as many chunks as the rows take; what does not fit its column type is refused
 * before anything is sent. And COPY out in binary format, as the analytics read a wave's summary
 * pack: every field arrives as the bytes PostgreSQL keeps, the same values an ordinary query gives.
 */
const testDb = useTestDatabase();

interface Row {
	id: string;
	day: string;
	ratio: number | null;
	count: number | null;
}

function* chunks(rows: readonly Row[]): Generator<Uint8Array<ArrayBuffer>> {
	const writer = new BinaryCopyWriter();
	for (const row of rows) {
		writer.row(4);
		writer.uuid(row.id);
		writer.date(row.day);
		writer.float8(row.ratio);
		writer.int4(row.count);
		const chunk = writer.take();
		if (chunk) yield chunk;
	}
	yield writer.end();
}

class Discard extends Error {}

/** COPYs the rows into a temporary table and reads them back, in a transaction rolled back after. */
async function roundTrip(rows: readonly Row[]) {
	return transactionWithCopy(testDb.db, async (trx, copy) => {
		expect(copy).not.toBeNull();
		await sql`create temporary table copied (n serial, id uuid, day date, ratio float8, count int4) on commit drop`.execute(
			trx
		);
		await copy!('copied (id, day, ratio, count)', chunks(rows));
		// float8send: the exact bits, without the text form's rounding.
		const back = await sql<{ id: string; day: string; ratio: string | null; count: number | null }>`
			select id::text, day::text, encode(float8send(ratio), 'hex') as ratio, count from copied order by n
		`.execute(trx);
		throw new Discard(JSON.stringify(back.rows));
	}).catch((e: unknown) => {
		if (!(e instanceof Discard)) throw e;
		return JSON.parse(e.message) as Array<{
			id: string;
			day: string;
			ratio: string | null;
			count: number | null;
		}>;
	});
}

const bitsOf = (value: number) => {
	const view = new DataView(new ArrayBuffer(8));
	view.setFloat64(0, value);
	return Buffer.from(view.buffer).toString('hex');
};

const row = fc.record({
	id: fc.uuid(),
	day: fc
		.date({
			min: new Date('1900-01-01T00:00:00Z'),
			max: new Date('2199-12-31T00:00:00Z'),
			noInvalidDate: true
		})
		.map((d) => d.toISOString().slice(0, 10)),
	ratio: fc.option(fc.double({ noNaN: true }), { nil: null }),
	count: fc.option(fc.integer({ min: -0x80000000, max: 0x7fffffff }), { nil: null })
});

describe('COPY in binary format', () => {
	it('gives back every value as written, over several chunks', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 3000, size: 'max' }), async (rows) => {
				const back = await roundTrip(rows);
				expect(back).toEqual(
					rows.map((r) => ({
						id: r.id.toLowerCase(),
						day: r.day,
						ratio: r.ratio === null ? null : bitsOf(r.ratio),
						count: r.count
					}))
				);
			}),
			{ numRuns: 8 }
		);
	});

	it('refuses a value its column type cannot hold, before sending anything', () => {
		const writer = new BinaryCopyWriter();
		writer.row(1);
		expect(() => writer.int4(2.5)).toThrow(/whole number/);
		expect(() => writer.int4(2 ** 31)).toThrow(/whole number/);
		expect(() => writer.uuid('not-a-uuid')).toThrow(/uuid/);
		expect(() => writer.uuid('0000000g-0000-4000-8000-000000000000')).toThrow(/uuid/);
		expect(() => writer.date('2025-02-30')).toThrow(/date/);
		expect(() => writer.date('2025-02-3x')).toThrow(/date/);
		expect(() => writer.date('2025-1-1')).toThrow(/date/);
	});
});

/** The bytes of one whole COPY stream of `rows` as BinaryCopyWriter writes it. */
const streamOf = (rows: readonly Row[]) => Buffer.concat([...chunks(rows)]);

describe('COPY out in binary format', () => {
	it('reads every field of every row as written, nulls as null', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 3000 }), (rows) => {
				const parsed = parseBinaryCopy(streamOf(rows));
				expect(parsed).toHaveLength(rows.length);
				parsed.forEach((fields, i) => {
					const r = rows[i]!;
					expect(fields).toHaveLength(4);
					expect(fields[0]!.toString('hex')).toBe(r.id.replaceAll('-', '').toLowerCase());
					expect(fields[1]!.length).toBe(4);
					expect(fields[2]?.toString('hex') ?? null).toBe(r.ratio === null ? null : bitsOf(r.ratio));
					expect(fields[3]?.readInt32BE(0) ?? null).toBe(r.count);
				});
			}),
			{ numRuns: 30 }
		);
	});

	it('refuses a stream cut short anywhere, or with bytes after its end', () => {
		fc.assert(
			fc.property(
				fc.array(row, { minLength: 1, maxLength: 20 }),
				fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
				(rows, at) => {
					const whole = streamOf(rows);
					const cut = Math.floor(at * whole.length);
					expect(() => parseBinaryCopy(whole.subarray(0, cut))).toThrow(/COPY/);
					expect(() => parseBinaryCopy(Buffer.concat([whole, Buffer.from([0])]))).toThrow(/COPY/);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('gives the bytes an ordinary query gives, for values large and small, on PostgreSQL', async () => {
		const db = testDb.db;
		if (testDb.handle.engine === 'pglite') {
			// pg-copy-streams cannot read PGlite's in-process connection: the caller reads otherwise.
			expect(await copyOut(db, 'select 1')).toBeNull();
			return;
		}
		await sql`create table copied_out (n int primary key, data bytea, note text)`.execute(db);
		try {
			await fc.assert(
				fc.asyncProperty(
					fc.array(
						fc.record({
							data: fc.option(fc.uint8Array({ maxLength: 200_000, size: 'max' }), { nil: null }),
							note: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: null })
						}),
						{ maxLength: 12 }
					),
					async (values) => {
						await sql`truncate copied_out`.execute(db);
						for (const [n, v] of values.entries())
							await sql`insert into copied_out values (${n}, ${v.data === null ? null : Buffer.from(v.data)}, ${v.note})`.execute(
								db
							);
						const copied = await copyOut(db, 'select n, data, note from copied_out order by n');
						expect(copied).not.toBeNull();
						expect(
							copied!.map(([n, data, note]) => ({
								n: n!.readInt32BE(0),
								data: data?.toString('hex') ?? null,
								note: note?.toString('utf8') ?? null
							}))
						).toEqual(
							values.map((v, n) => ({
								n,
								data: v.data === null ? null : Buffer.from(v.data).toString('hex'),
								note: v.note
							}))
						);
					}
				),
				{ numRuns: 10 }
			);
		} finally {
			await sql`drop table copied_out`.execute(db);
		}
	});

	it('fails the read when its connection is cut, and the pool goes on', async () => {
		const db = testDb.db;
		if (testDb.handle.engine === 'pglite') return expect(await copyOut(db, 'select 1')).toBeNull();
		const marker = `cut_${Date.now()}`;
		const reading = copyOut(
			db,
			`select g, '${marker}', repeat('x', 1000) from generate_series(1, 5000000) g`
		);
		// The backend running the COPY is terminated while it sends (as a restart would).
		let terminated = 0;
		for (let tries = 0; tries < 100 && terminated === 0; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			const result = await sql<{ n: number }>`
				select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
				where query like ${`copy (select g, '${marker}'%`} and pid <> pg_backend_pid()
			`.execute(db);
			terminated = result.rows[0]!.n;
		}
		expect(terminated).toBe(1);
		await expect(reading).rejects.toThrow();
		expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
		expect(await copyOut(db, 'select 7')).toEqual([[Buffer.from([0, 0, 0, 7])]]);
	});
});

describe('uuidLiterals', () => {
	const id = '0b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d';
	it.each([
		{ ids: [id], expected: `'${id}'` },
		{ ids: [id, id.toUpperCase()], expected: `'${id}', '${id.toUpperCase()}'` },
		{ ids: [], expected: '' },
		{ ids: [`${id}'; drop table unit; --`], expected: null },
		{ ids: [id, "x' or '1'='1"], expected: null },
		{ ids: [` ${id}`], expected: null },
		{ ids: [`${id}\n`], expected: null }
	])('writes $ids as $expected', ({ ids, expected }) => {
		expect(uuidLiterals(ids)).toBe(expected);
	});

	it('writes only what is a uuid, each quoted once', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.uuid(), fc.string())), (ids) => {
				const literals = uuidLiterals(ids);
				const allUuids = ids.every((i) => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(i));
				expect(literals === null).toBe(!allUuids);
				if (literals !== null) expect(literals).toBe(ids.map((i) => `'${i}'`).join(', '));
			})
		);
	});
});
