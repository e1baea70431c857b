// One import of the signals benchmark, in a process of its own so that its peak resident memory
// is the import's: `node --import tsx bench/signals-child.ts '<ChildInput as JSON>'`. Opens the
// database, streams the file through importSignals, checks what was stored and prints one line
// `RESULT <ChildResult as JSON>`. Started by bench/signals.bench.ts, which imports only its types.
import { createReadStream, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db/connect';
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
}

const RESULT_PREFIX = 'RESULT ';

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
			spells: Number(stored.spells ?? 0)
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
