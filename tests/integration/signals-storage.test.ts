import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { COLUMNS, type ColumnId } from '../../src/lib/domain/signals';
import { parseNumber } from '../../src/lib/domain/signals/parse';
import type { Actor } from '../../src/lib/server/access';
import { signalFigureColumns, type SignalFigures } from '../../src/lib/server/db/schema';
import { COLUMN_OF, inKeyOrder } from '../../src/lib/server/signals/queries';
import {
	importSignals,
	undoUpload,
	type ImportOptions,
	type ImportOutcome
} from '../../src/lib/server/signals/service';
import { useTestDatabase } from '../helpers/db';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from '../helpers/factories';

/**
 * What an upload stores, checked against a plain reference: each upload's own figures exactly as
 * its file gives them (floats included), and the figures in force as their definition says —
 * field by field the value of the latest active upload that supplies it, `people` the largest of
 * the uploads that supply a figure in force — after every upload, replacement, refusal and undo.
 */
const testDb = useTestDatabase();
const TODAY = '2026-03-10';
const UNITS = ['A1', 'A2', 'B1', 'B2', 'B3'] as const;
const MONTHS = ['01', '02', '03', '04', '05', '06'];
const FIGURES = Object.keys(signalFigureColumns) as Array<keyof SignalFigures>;
const OTHER_THAN_PEOPLE = FIGURES.filter((f) => f !== 'people');
/** The monthly file's figure columns (all but people, which the import derives). */
const MONTHLY_FIGURES = COLUMNS.monthly
	.map((c) => c.id)
	.filter((id) => id !== 'unitCode' && id !== 'month') as Array<keyof typeof COLUMN_OF>;
const DECIMALS = new Set<string>(COLUMNS.monthly.filter((c) => c.type === 'decimal').map((c) => c.id));

type Row = Record<string, unknown> & { unit_id: string; month: string };
const keyOf = (r: { unit_id: string; month: string }) => `${r.unit_id} ${r.month}`;

async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Opslag ${n}`);
	const ids = await makeUnits(testDb.db, org.id, [
		['ROOT', null, 50],
		...UNITS.map((code): [string, string, number] => [code, 'ROOT', 9])
	]);
	return { org, ids, hr: await memberOf(testDb.db, n, org.id)('hr') };
}

function header(id: ColumnId): string {
	return COLUMNS.monthly.find((c) => c.id === id)!.headers.nl[0]!;
}

function send(actor: Actor, organisationId: string, bytes: Buffer, options: ImportOptions = {}) {
	return importSignals(
		testDb.db,
		actor,
		organisationId,
		[
			{
				name: 'maand.csv',
				stream: (async function* () {
					yield new Uint8Array(bytes);
				})()
			}
		],
		{ today: TODAY, ...options }
	);
}

async function stored(organisationId: string) {
	const [uploads, figures, months] = await Promise.all([
		testDb.db
			.selectFrom('signal_upload')
			.select(['id', 'seq', 'undone_at'])
			.where('organisation_id', '=', organisationId)
			.orderBy('seq')
			.execute(),
		testDb.db
			.selectFrom('signal_figure')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('upload_id')
			.orderBy('unit_id')
			.orderBy('month')
			.execute(),
		testDb.db
			.selectFrom('signal_month')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('unit_id')
			.orderBy('month')
			.execute()
	]);
	return { uploads, figures: figures as unknown as Row[], months: months as unknown as Row[] };
}

/** The figures in force by their definition, from the stored uploads and their figures. */
function reference({ uploads, figures }: Awaited<ReturnType<typeof stored>>): Row[] {
	const seqOf = new Map(uploads.filter((u) => u.undone_at === null).map((u) => [u.id, Number(u.seq)]));
	const byUnitMonth = new Map<string, Array<Row & { seq: number }>>();
	for (const f of figures) {
		const seq = seqOf.get(f.upload_id as string);
		if (seq === undefined) continue;
		const list = byUnitMonth.get(keyOf(f)) ?? [];
		list.push({ ...f, seq });
		byUnitMonth.set(keyOf(f), list);
	}
	const rows: Row[] = [];
	for (const list of byUnitMonth.values()) {
		list.sort((a, b) => b.seq - a.seq);
		const row: Row = {
			organisation_id: list[0]!.organisation_id,
			unit_id: list[0]!.unit_id,
			month: list[0]!.month
		};
		const supplying = new Set<number>();
		for (const figure of OTHER_THAN_PEOPLE) {
			const latest = list.find((f) => f[figure] !== null);
			row[figure] = latest ? latest[figure] : null;
			if (latest) supplying.add(latest.seq);
		}
		const people = list
			.filter((f) => supplying.has(f.seq) && f.people !== null)
			.map((f) => f.people as number);
		row.people = people.length ? Math.max(...people) : null;
		rows.push(row);
	}
	return rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

describe('what an upload stores', () => {
	it('matches a plain reference for random uploads with replacements, refusals and undos', async () => {
		let seed = 51205;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
		const whole = (n: number): [string, number] => [String(n), n];
		/** A decimal as the file writes it (comma), and the number the import reads from it. */
		const decimal = (max: number, min = 0): [string, number] => {
			const text = (min + random() * (max - min)).toFixed(pick([0, 1, 2, 3, 6])).replace('.', ',');
			return [text, parseNumber(text, false)];
		};

		let imported = 0;
		let replaced = 0;
		let refused = 0;
		let undone = 0;
		for (let run = 0; run < 3; run++) {
			const s = await setup();
			const uploads: Array<{ id: string; rows: Map<string, Partial<Record<string, number | null>>> }> = [];
			for (let step = 0; step < 10; step++) {
				const before = await stored(s.org.id);
				if (uploads.length > 0 && random() < 0.2) {
					const upload = pick(uploads);
					const done = await undoUpload(testDb.db, s.hr, s.org.id, upload.id).then(
						() => true,
						() => false
					);
					if (done) undone++;
					else expect(await stored(s.org.id)).toEqual(before);
				} else {
					const columns = MONTHLY_FIGURES.filter(() => random() < 0.5);
					if (columns.length === 0) columns.push('plannedDays');
					// Days of ended spells need ended spells on the same row.
					if (columns.includes('spellsEndedDays') && !columns.includes('spellsEnded'))
						columns.push('spellsEnded');
					// Within a file, sick days stay under planned days (the file is refused otherwise); a file of
					// planned days alone may still go under the sick days in force.
					const sickToo = columns.some((id) => id.startsWith('sickDays') || id === 'spellsEndedDays');
					/** The expected figures of each unit-month (by unit id and yyyy-mm-01), as the file gives them. */
					const expected = new Map<string, Partial<Record<string, number | null>>>();
					const lines = [['unitCode', 'month', ...columns].map((c) => header(c as ColumnId))];
					for (const unit of UNITS)
						for (const month of MONTHS) {
							if (random() < 0.4) continue;
							const values: Partial<Record<string, number | null>> = {};
							const cells = columns.map((id) => {
								// An empty cell supplies nothing; planned days are mostly ample, now and then not.
								if (id !== 'spellsEnded' && random() < 0.15) {
									values[COLUMN_OF[id]] = null;
									return '';
								}
								const [text, value] =
									id === 'plannedDays'
										? sickToo || random() < 0.7
											? decimal(2000, 200)
											: decimal(5)
										: DECIMALS.has(id)
											? decimal(id === 'fte' ? 15 : 60)
											: whole(id === 'headcount' ? int(20, 60) : int(id === 'spellsEnded' ? 1 : 0, 5));
								values[COLUMN_OF[id]] = value;
								return text;
							});
							expected.set(`${s.ids[unit]} 2025-${month}-01`, values);
							lines.push([unit, `${month}/2025`, ...cells]);
						}
					if (expected.size === 0) continue;
					const bytes = Buffer.from(lines.map((l) => l.join(';')).join('\r\n') + '\r\n', 'utf8');
					let outcome: ImportOutcome = await send(s.hr, s.org.id, bytes);
					if (outcome.status === 'confirm') {
						// Checked, nothing stored yet: the confirmation stores it.
						expect(await stored(s.org.id)).toEqual(before);
						outcome = await send(s.hr, s.org.id, bytes, { confirm: outcome.token });
						replaced++;
					}
					if (outcome.status === 'refused') {
						expect(outcome.abovePlannedCount ?? 0, JSON.stringify(outcome.problems)).toBeGreaterThan(0);
						expect(await stored(s.org.id)).toEqual(before);
						refused++;
					} else {
						expect(outcome.status).toBe('imported');
						if (outcome.status !== 'imported') continue;
						uploads.push({ id: outcome.uploadId, rows: expected });
						imported++;
					}
				}
				const now = await stored(s.org.id);
				// Each upload's own figures, exactly as its file gave them.
				for (const upload of uploads) {
					const own = now.figures.filter((f) => f.upload_id === upload.id);
					expect(own.map(keyOf).sort()).toEqual([...upload.rows.keys()].sort());
					for (const f of own) {
						const values = upload.rows.get(keyOf(f))!;
						for (const figure of OTHER_THAN_PEOPLE)
							expect(f[figure], `${keyOf(f)} ${figure}`).toBe(values[figure] ?? null);
					}
				}
				expect(now.months, `run ${run} step ${step}`).toEqual(reference(now));
			}
		}
		// The sequences reach every case.
		expect(imported).toBeGreaterThan(5);
		expect(replaced).toBeGreaterThan(2);
		expect(refused).toBeGreaterThan(0);
		expect(undone).toBeGreaterThan(0);
	}, 120_000);
});

describe('the order the figures are written in', () => {
	it('is the order of the keys of signal_figure and signal_month in the database', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						unitId: fc.uuid(),
						month: fc
							.date({
								min: new Date('2000-01-01T00:00:00Z'),
								max: new Date('2099-12-01T00:00:00Z'),
								noInvalidDate: true
							})
							.map((d) => `${d.toISOString().slice(0, 7)}-01`)
					}),
					{ minLength: 1, maxLength: 200 }
				),
				async (given) => {
					// The ids as the database gives them back (the import's unit ids come from it).
					const stored = await sql<{ n: number; unit_id: string; month: string }>`
						select n::int, unit_id::text, month::text
						from unnest(${given.map((g) => g.unitId)}::uuid[], ${given.map((g) => g.month)}::date[])
							with ordinality as t(unit_id, month, n)
					`.execute(testDb.db);
					const rows = stored.rows.map((r) => ({ n: r.n, unitId: r.unit_id, month: r.month }));
					const ours = inKeyOrder(rows, {
						unitId: (r) => r.unitId,
						month: (r) => r.month,
						value: () => null
					}).map((r) => `${r.unitId} ${r.month}`);
					const theirs = await sql<{ key: string }>`
						select unit_id::text || ' ' || month::text as key
						from unnest(${given.map((g) => g.unitId)}::uuid[], ${given.map((g) => g.month)}::date[]) as t(unit_id, month)
						order by unit_id, month
					`.execute(testDb.db);
					expect(ours).toEqual(theirs.rows.map((r) => r.key));
				}
			),
			{ numRuns: 40 }
		);
	});
});
