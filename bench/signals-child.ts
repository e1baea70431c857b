// One import of the signals benchmark, in a process of its own so that its peak resident memory
// is the import's: `node --import tsx bench/signals-child.ts '<ChildInput as JSON>'`. Opens the
// database, streams the file through importSignals, checks what was stored and prints one line
// `RESULT <ChildResult as JSON>`. Started by bench/signals.bench.ts, which imports only its types.
import { createReadStream, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { matchHeader, SignalsAccumulator, type UnitMonthFigures } from '../src/lib/domain/signals';
import { openDatabase } from '../src/lib/server/db/connect';
import type { Database } from '../src/lib/server/db/schema';
import { openSignalsFile } from '../src/lib/server/signals/file-reader';
import { COLUMN_OF, FIGURE_NAMES } from '../src/lib/server/signals/queries';
import { importSignals, type ImportOutcome } from '../src/lib/server/signals/service';

export interface ChildInput {
	/** A postgres:// URL, or else a PGlite data folder. */
	url?: string;
	dataDir?: string;
	organisationId: string;
	userId: string;
	file: string;
	today: string;
}

export interface ChildResult {
	/** importSignals from the call to its outcome, the commit included. */
	ms: number;
	/** Time to the end of reading (parse, validate, collect), of checking and aggregating, of storing. */
	phases: { reading: number; checking: number; storing: number };
	outcome: ImportOutcome;
	/**
	 * The peak resident memory in MB (maxRssMb) so far: at the start, after opening the database,
	 * when reading ended, when aggregating ended, at the end.
	 */
	startRssMb: number;
	beforeRssMb: number;
	readRssMb: number;
	checkedRssMb: number;
	peakRssMb: number;
	/** What the upload left in force: unit-months, and the sickness spells counted in them. */
	signalMonths: number;
	spells: number;
	/** The stored rows compared, value by value, with the figures the domain computes from the file. */
	verified: Verified;
}

export interface Verified {
	/** Unit-months the domain computes from the file. */
	expected: number;
	/** Rows of the upload in signal_figure, and rows in force in signal_month. */
	figureRows: number;
	monthRows: number;
	/** Values that differ (a missing row counts each of its values), with the first few. */
	mismatches: number;
	examples: string[];
}

const RESULT_PREFIX = 'RESULT ';

/**
 * The unit-months the domain computes from the file, read as importSignals reads it, without
 * storing anything: the oracle the stored rows are compared with.
 */
async function expectedFigures(
	db: Kysely<Database>,
	input: ChildInput
): Promise<{ figures: UnitMonthFigures[]; unitCodes: Map<string, string> }> {
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code'])
		.where('organisation_id', '=', input.organisationId)
		.execute();
	const codes = new Map(units.map((u) => [u.code.trim().toLowerCase(), u.id]));
	const accumulator = new SignalsAccumulator({ knownUnitCodes: codes, today: input.today });
	const reader = await openSignalsFile(createReadStream(input.file));
	try {
		const match = matchHeader((await reader.readHeader()).cells);
		if (!match.ok) throw new Error(`The oracle could not read the header: ${JSON.stringify(match.problems)}`);
		accumulator.begin({ format: match.format, columns: match.columns });
		for await (const batch of reader)
			for (const record of batch.records) accumulator.add(record.line, record.cells);
	} finally {
		await reader.cancel();
	}
	const result = accumulator.finish();
	if (!result.ok) throw new Error(`The oracle found problems in the file: ${result.problemCount}`);
	return { figures: result.figures, unitCodes: codes };
}

/**
 * Compares what the import stored for the organisation (one upload, so the figures in force are
 * the upload's own, `people` counting only where the upload supplies another figure) with the
 * domain's figures, value by value: an import cannot look fast by storing less.
 */
async function verifyStored(db: Kysely<Database>, input: ChildInput): Promise<Verified> {
	const { figures } = await expectedFigures(db, input);
	const [stored, current] = await Promise.all(
		(['signal_figure', 'signal_month'] as const).map((table) =>
			db.selectFrom(table).selectAll().where('organisation_id', '=', input.organisationId).execute()
		)
	);
	const byKey = (rows: ReadonlyArray<Record<string, unknown>>) =>
		new Map(rows.map((r) => [`${r.unit_id as string} ${r.month as string}`, r]));
	const tables = { signal_figure: byKey(stored!), signal_month: byKey(current!) };
	let mismatches = 0;
	const examples: string[] = [];
	const differ = (what: string) => {
		mismatches++;
		if (examples.length < 5) examples.push(what);
	};
	const figureOf = Object.fromEntries(Object.entries(COLUMN_OF).map(([f, column]) => [column, f])) as Record<
		(typeof FIGURE_NAMES)[number],
		keyof typeof COLUMN_OF
	>;
	for (const expected of figures) {
		const key = `${expected.unitId} ${expected.month}-01`;
		const values = FIGURE_NAMES.map((name) => [name, expected[figureOf[name]] ?? null] as const);
		const supplies = values.some(([name, value]) => name !== 'people' && value !== null);
		for (const [table, rows] of Object.entries(tables)) {
			const row = rows.get(key);
			for (const [name, value] of values) {
				const want = table === 'signal_month' && name === 'people' && !supplies ? null : value;
				const got = row ? row[name] : undefined;
				if (!Object.is(got ?? null, want) || !row)
					differ(`${table} ${key} ${name}: ${got} instead of ${want}`);
			}
		}
	}
	return {
		expected: figures.length,
		figureRows: stored!.length,
		monthRows: current!.length,
		mismatches,
		examples
	};
}

/**
 * The peak resident memory of this process so far, in MB: VmHWM of /proc/self/status.
 * process.resourceUsage().maxRSS is no good in a child: Linux carries it over from the parent
 * through fork and exec, so a child of a big parent starts with the parent's RSS as its peak.
 */
function maxRssMb(): number {
	try {
		const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
		if (match) return Number(match[1]) / 1024;
	} catch {
		// Not Linux: maxRSS below.
	}
	return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
	const startRssMb = maxRssMb();
	const input = JSON.parse(process.argv[2] ?? '') as ChildInput;
	const handle = await openDatabase(input.url ? { url: input.url, poolSize: 2 } : { dataDir: input.dataDir });
	try {
		const actor = {
			userId: input.userId,
			memberships: [{ organisationId: input.organisationId, role: 'hr' as const, unitId: null }]
		};
		// Warm up the connection and the statements the import starts with (untimed).
		await sql`select 1`.execute(handle.db);
		const beforeRssMb = maxRssMb();

		const marks: Partial<Record<'checking' | 'storing', { at: number; rssMb: number }>> = {};
		const started = performance.now();
		const outcome = await importSignals(
			handle.db,
			actor,
			input.organisationId,
			[{ name: 'verzuim.csv', stream: createReadStream(input.file) }],
			{
				today: input.today,
				onProgress: (p) => {
					if (p.phase !== 'reading' && marks[p.phase] === undefined)
						marks[p.phase] = { at: performance.now(), rssMb: maxRssMb() };
				}
			}
		);
		const ended = performance.now();
		const peakRssMb = maxRssMb();

		const stored = await handle.db
			.selectFrom('signal_month')
			.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('spells').as('spells')])
			.where('organisation_id', '=', input.organisationId)
			.executeTakeFirstOrThrow();
		const verified = await verifyStored(handle.db, input);
		const checking = marks.checking?.at ?? ended;
		const storing = marks.storing?.at ?? ended;
		const result: ChildResult = {
			ms: ended - started,
			phases: { reading: checking - started, checking: storing - checking, storing: ended - storing },
			outcome,
			startRssMb,
			beforeRssMb,
			readRssMb: marks.checking?.rssMb ?? peakRssMb,
			checkedRssMb: marks.storing?.rssMb ?? peakRssMb,
			peakRssMb,
			signalMonths: Number(stored.n),
			spells: Number(stored.spells ?? 0),
			verified
		};
		console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
	} finally {
		await handle.close();
	}
}

main().then(
	() => process.exit(0),
	(e) => {
		console.error(e);
		process.exit(1);
	}
);
