// The spells file of the signals import benchmark: one row per absence spell of a pseudonymous
// employee, for the teams of the large synthetic organisation (seed/large.ts), written the way a
// Belgian payroll export writes it (Dutch headers, `;`, dd/mm/yyyy, an empty end date for a spell
// that is still running). Deterministic: the same arguments give the same bytes.
import { closeSync, openSync, writeSync } from 'node:fs';
import {
	civilDate,
	COLUMNS,
	dayNumber,
	firstDayOfMonth,
	formatMonth,
	lastDayOfMonth,
	monthOfDay
} from '../src/lib/domain/signals';
import { createRandom } from '../seed/random';
import { largeUnits } from '../seed/structure';

export interface SpellsFileOptions {
	/** The upload day (`yyyy-mm-dd`): the spells cover the 36 months up to the month before it. */
	today: string;
	/** Employees; each is in one team for all their spells, teams filled by their headcount. */
	keys?: number;
	/** Spells per employee, all of them in the 36 months and none overlapping another of the key. */
	spellsPerKey?: number;
	seed?: number;
}

export interface SpellsFile {
	path: string;
	rows: number;
	bytes: number;
	keys: number;
	/** Teams with at least one row: the units the import gives figures. */
	units: number;
	/** The months the spells cover (`yyyy-mm`), first and last. */
	period: { from: string; to: string };
	/** Rows of type sickness (each starts in the period, so each counts once in `spells`). */
	sicknessSpells: number;
	/** Rows without end date. */
	ongoing: number;
}

export const MONTHS = 36;
const HEADER = COLUMNS.spells.map((c) => c.headers.nl[0]!).join(';');
const CHUNK_CHARS = 1 << 20;

/** The team codes of the large organisation, each as often as its headcount. */
function teamOfEachEmployee(keys: number): string[] {
	const teams = largeUnits({ employees: keys }).filter((u) => u.headcount > 0);
	const out: string[] = [];
	for (const team of teams) for (let i = 0; i < team.headcount; i++) out.push(team.code);
	if (out.length !== keys) throw new Error(`The teams hold ${out.length} employees, not ${keys}`);
	return out;
}

/** Spell lengths in days: mostly short, some of weeks, a few of months to more than a year. */
function spellLength(r: number, random: ReturnType<typeof createRandom>): number {
	if (r < 0.7) return random.int(1, 3);
	if (r < 0.9) return random.int(4, 14);
	if (r < 0.97) return random.int(15, 60);
	return random.int(61, 420);
}

export function writeSpellsFile(path: string, options: SpellsFileOptions): SpellsFile {
	const keys = options.keys ?? 50_000;
	const perKey = options.spellsPerKey ?? 20;
	const random = createRandom(options.seed ?? 2026);
	const [y, m] = options.today.split('-').map(Number) as [number, number];
	const lastMonth = monthOfDay(dayNumber(y, m, 1)) - 1;
	const firstMonth = lastMonth - MONTHS + 1;
	const windowStart = firstDayOfMonth(firstMonth);
	const windowDays = lastDayOfMonth(lastMonth) - windowStart + 1;
	// dd/mm/yyyy of every day of the window, by offset.
	const dates = Array.from({ length: windowDays }, (_, i) => {
		const [yy, mm, dd] = civilDate(windowStart + i);
		return `${dd < 10 ? '0' : ''}${dd}/${mm < 10 ? '0' : ''}${mm}/${yy}`;
	});
	const teams = teamOfEachEmployee(keys);

	const fd = openSync(path, 'w');
	let bytes = 0;
	// A byte order mark and CRLF, as Excel saves a 'CSV UTF-8' file.
	let chunk = `\uFEFF${HEADER}\r\n`;
	const flush = () => {
		bytes += writeSync(fd, chunk);
		chunk = '';
	};
	let rows = 0;
	let sicknessSpells = 0;
	let ongoing = 0;
	let firstStart = windowDays;
	let lastEnd = -1;
	// Fewer spells a key lie further apart, so that any number of them spans the 36 months.
	const maxGap = Math.round((90 * 20) / perKey);
	const lengths = new Int32Array(perKey);
	const gaps = new Int32Array(perKey);
	try {
		for (let k = 0; k < keys; k++) {
			// A pseudonym: 8 hex digits, unique because multiplying by an odd number is a bijection.
			const key = (Math.imul(k + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
			const unit = teams[k]!;
			let total = 0;
			for (let s = 0; s < perKey; s++) {
				lengths[s] = spellLength(random.next(), random);
				// Days before the spell: from the window start for the first, after the previous end otherwise.
				gaps[s] = s === 0 ? random.int(0, 60) : random.int(1, maxGap);
				total += lengths[s]! + gaps[s]!;
			}
			// Squeeze the spells of a key that would not fit into the window: positions are scaled, and
			// each spell keeps at least one day and starts after the previous one's end.
			const scale = total > windowDays - perKey ? (windowDays - perKey) / total : 1;
			let day = 0;
			let at = 0;
			for (let s = 0; s < perKey; s++) {
				at += gaps[s]!;
				const start = Math.max(day, Math.floor(at * scale));
				at += lengths[s]!;
				const end = Math.max(start, Math.floor(at * scale) - 1);
				day = end + 1;
				const r = random.next();
				const type = r < 0.9 ? 'ziekte' : r < 0.94 ? 'arbeidsongeval' : 'ander';
				// The last spell of one key in fifty is still running.
				const open = s === perKey - 1 && k % 50 === 7;
				chunk += `${key};${unit};${dates[start]};${open ? '' : dates[end]};${type}\r\n`;
				if (type === 'ziekte') sicknessSpells++;
				if (open) ongoing++;
				if (start < firstStart) firstStart = start;
				// The import takes a running spell's start as its last date when it sets the period.
				if ((open ? start : end) > lastEnd) lastEnd = open ? start : end;
				rows++;
			}
			if (day > windowDays) throw new Error(`The spells of key ${k} end after the window`);
			if (chunk.length >= CHUNK_CHARS) flush();
		}
		flush();
	} finally {
		closeSync(fd);
	}
	return {
		path,
		rows,
		bytes,
		keys,
		units: new Set(teams).size,
		period: {
			from: formatMonth(monthOfDay(windowStart + firstStart)),
			to: formatMonth(monthOfDay(windowStart + lastEnd))
		},
		sicknessSpells,
		ongoing
	};
}
