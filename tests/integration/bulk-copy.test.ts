import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BinaryCopyWriter, transactionWithCopy } from '../../src/lib/server/db/bulk';
import { useTestDatabase } from '../helpers/db';

/**
 * COPY in binary format, as the signals import stores its figures: whatever the writer is given
 * comes back from the database as it was (uuids, dates, doubles to the last bit, whole numbers,
 * nulls), over as many chunks as the rows take; what does not fit its column type is refused
 * before anything is sent.
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
