import {
	COLUMNS,
	firstDayOfMonth,
	formatDay,
	isoDay,
	isoMonth,
	lastDayOfMonth,
	monthOfDay,
	weekday,
	type LeaveReason
} from '../../src/lib/domain/signals';
import { createRandom, type Random } from '../random';
import {
	hashCode,
	INVOLUNTARY_RATE,
	LONG_SPELL_RATE,
	longSpellDays,
	longSpellFactor,
	SEASON,
	SHORT_SPELL_RATE,
	shortSpellFactor,
	shortSpellWorkdays,
	unitKind,
	unitStrain,
	voluntaryFactor,
	VOLUNTARY_RATE,
	ABSENCE_LAG_MONTHS,
	TURNOVER_LAG_MONTHS,
	type UnitKind
} from '../signals';
import { demoUnits } from '../structure';

/**
 * Sample files for trying the per-person import by hand on the demo: every absence spell of
 * Zorggroep Zonnedael's employees over 24 months, and the staffing file that goes with it, as a
 * Belgian payroll export saves them (UTF-8 with BOM, `;`, dd/mm/yyyy, decimal comma, CRLF, Dutch
 * template headers). Pseudonymous keys, the demo's unit codes and the barometer story of
 * seed/signals.ts, simulated person by person. Deterministic: `npx tsx seed/samples/generate.ts`
 * writes the same bytes every time, and seed/samples.test.ts checks that the committed files are
 * these bytes and that they import without a single problem.
 *
 * Every spell starts inside the period, so the period the import derives from the file is exactly
 * SAMPLE_PERIOD; a spell still running at its end has an empty end date (ongoing). A spell that
 * started before the period would stretch the derived period back to its start. The price: nobody
 * is already ill for years when the period opens, so medium and long absence start low and build
 * up (long absence, > 1 year, only appears in the second year), unlike the demo's monthly figures.
 */

export const SAMPLE_PERIOD = { from: '2024-11', to: '2026-10' } as const;
/** The story is told as seen from this day, the day the export was made. */
export const SAMPLE_EXPORTED_ON = '2026-11-03';
export const SAMPLE_FILE_NAMES = {
	spells: 'verzuimperiodes-voorbeeld.csv',
	staffing: 'personeel-voorbeeld.csv'
} as const;

interface Employee {
	key: string;
	unit: string;
	fte: number;
	hired: number;
	left: number | null;
	reason: LeaveReason | null;
	/** How much more often than average this person is ill. */
	proneness: number;
	/** Spells so far, [first, last] day (Infinity: still running). */
	busy: [number, number][];
}

interface Spell {
	key: string;
	unit: string;
	start: number;
	/** null: still running at the end of the period. */
	end: number | null;
	type: 'sickness' | 'work-accident' | 'maternity';
}

const FTE_CHOICES: Record<UnitKind, [fte: number, weight: number][]> = {
	care: [
		[1, 0.35],
		[0.8, 0.25],
		[0.75, 0.15],
		[0.5, 0.2],
		[0.6, 0.05]
	],
	manual: [
		[1, 0.4],
		[0.8, 0.2],
		[0.5, 0.4]
	],
	office: [
		[1, 0.65],
		[0.8, 0.25],
		[0.5, 0.1]
	],
	management: [
		[1, 0.9],
		[0.8, 0.1]
	]
};

function pickWeighted<T>(random: Random, choices: [T, number][]): T {
	let u = random.next() * choices.reduce((sum, [, w]) => sum + w, 0);
	for (const [value, weight] of choices) {
		u -= weight;
		if (u <= 0) return value;
	}
	return choices.at(-1)![0];
}

/** The next Monday for a Saturday or Sunday: sickness certificates start on a workday here. */
function toWorkday(day: number): number {
	const w = weekday(day);
	return w === 5 ? day + 2 : w === 6 ? day + 1 : day;
}

/** Last calendar day of a spell of `count` workdays starting on workday `start`. */
function afterWorkdays(start: number, count: number): number {
	let day = start;
	for (let n = 1; n < count;) {
		day++;
		if (weekday(day) < 5) n++;
	}
	return day;
}

function belgianDate(day: number): string {
	const [y, m, d] = formatDay(day).split('-');
	return `${d}/${m}/${y}`;
}

/** Whole numbers with the right long-run mean and little noise, as in seed/signals.ts. */
function quota(random: Random) {
	let carry = random.next();
	return (expected: number): number => {
		carry += expected * (0.85 + random.next() * 0.3);
		const n = Math.floor(carry);
		carry -= n;
		return n;
	};
}

/** An employee the spell can go to: weighted by proneness, free on those days, employed then. */
function assignSpell(
	random: Random,
	candidates: readonly Employee[],
	start: number,
	end: number
): Employee | null {
	const total = candidates.reduce((sum, e) => sum + e.proneness, 0);
	for (let attempt = 0; attempt < 20; attempt++) {
		let u = random.next() * total;
		let chosen = candidates[candidates.length - 1]!;
		for (const e of candidates) {
			u -= e.proneness;
			if (u <= 0) {
				chosen = e;
				break;
			}
		}
		if (start < chosen.hired || (chosen.left !== null && start > chosen.left)) continue;
		// At least one day back at work between two spells: touching spells are one spell.
		if (chosen.busy.some(([from, to]) => start <= to + 1 && end >= from - 1)) continue;
		return chosen;
	}
	return null;
}

export function generateSampleFiles(seed = 2026): {
	spells: string;
	staffing: string;
	employees: number;
	spellRows: number;
} {
	const from = isoMonth(SAMPLE_PERIOD.from);
	const to = isoMonth(SAMPLE_PERIOD.to);
	const periodStart = firstDayOfMonth(from);
	const periodEnd = lastDayOfMonth(to);
	const todayMonth = monthOfDay(isoDay(SAMPLE_EXPORTED_ON));
	const keys = new Set<string>();

	const employees: Employee[] = [];
	const spells: Spell[] = [];
	for (const unit of demoUnits()) {
		const random = createRandom(seed ^ hashCode(`sample:${unit.code}`));
		const kind = unitKind(unit.code);
		const hire = (hired: number): Employee => {
			let key: string;
			do key = random.int(0, 0xffffffff).toString(16).padStart(8, '0');
			while (
				// A key of digits only could pass for a number in a spreadsheet: keep a letter in it.
				!/[a-f]/.test(key) ||
				keys.has(key)
			);
			keys.add(key);
			const employee: Employee = {
				key,
				unit: unit.code,
				fte: pickWeighted(random, FTE_CHOICES[kind]),
				hired,
				left: null,
				reason: null,
				// Some people are hardly ever ill, some often (31% of Belgian employees had no sick day in a year).
				proneness: pickWeighted(random, [
					[0.45, 0.35],
					[1, 0.5],
					[1.75, 0.15]
				]),
				busy: []
			};
			employees.push(employee);
			return employee;
		};
		// The people in post at the start: tenures from weeks to decades.
		let active = Array.from({ length: unit.headcount }, () =>
			hire(periodStart - 1 - Math.min(38 * 365, Math.round(-Math.log(1 - random.next()) * 9 * 365)))
		);
		const hires: number[] = [];
		const leavers = { voluntary: quota(random), involuntary: quota(random), other: quota(random) };
		const started = {
			short: quota(random),
			long: quota(random),
			accident: quota(random),
			maternity: quota(random)
		};

		for (let month = from; month <= to; month++) {
			const monthFirst = firstDayOfMonth(month);
			const monthLast = lastDayOfMonth(month);
			// Hires due by the end of this month (one due earlier in a month already done starts now, dated as due).
			for (const day of hires.filter((d) => d <= monthLast)) active.push(hire(day));
			hires.splice(0, hires.length, ...hires.filter((d) => d > monthLast));
			const people = active.length;
			const turnoverStrain = unitStrain(unit.code, todayMonth - month + TURNOVER_LAG_MONTHS);
			const absenceStrain = unitStrain(unit.code, todayMonth - month + ABSENCE_LAG_MONTHS);
			// Whoever works here this month, including those who leave during it.
			const employed = [...active];

			const expectedLeavers: Record<LeaveReason, number> = {
				voluntary: (people * VOLUNTARY_RATE * voluntaryFactor(turnoverStrain)) / 12,
				involuntary: (people * INVOLUNTARY_RATE) / 12,
				other: (people * 0.015) / 12
			};
			for (const reason of ['voluntary', 'involuntary', 'other'] as const) {
				for (let n = leavers[reason](expectedLeavers[reason]); n > 0; n--) {
					const eligible = active.filter((e) => e.hired + 30 <= monthLast);
					if (eligible.length === 0) break;
					const leaver = random.pick(eligible);
					leaver.left = random.int(Math.max(monthFirst, leaver.hired + 30), monthLast);
					leaver.reason = reason;
					active = active.filter((e) => e !== leaver);
					// The post is filled again after a few weeks.
					hires.push(leaver.left + random.int(10, 60));
				}
			}

			const season = SEASON[month % 12]!;
			const counts = {
				short: started.short((people * SHORT_SPELL_RATE * season * shortSpellFactor(absenceStrain)) / 12),
				long: started.long((people * LONG_SPELL_RATE * longSpellFactor(absenceStrain)) / 12),
				accident: started.accident((people * 0.03) / 12),
				maternity: started.maternity((people * (kind === 'care' ? 0.012 : 0.005)) / 12)
			};
			for (const [kindOfSpell, count] of Object.entries(counts) as [keyof typeof counts, number][]) {
				for (let n = 0; n < count; n++) {
					const start = toWorkday(random.int(monthFirst, monthLast));
					if (start > periodEnd) continue;
					let end: number;
					if (kindOfSpell === 'short') end = afterWorkdays(start, shortSpellWorkdays(random));
					else if (kindOfSpell === 'long') end = start + longSpellDays(random) - 1;
					else if (kindOfSpell === 'accident') end = afterWorkdays(start, random.int(1, 15));
					else end = start + 15 * 7 - 1;
					const employee = assignSpell(random, employed, start, Math.min(end, periodEnd + 1));
					if (!employee) continue;
					if (employee.left !== null && end > employee.left) end = employee.left;
					const ongoing = end > periodEnd;
					employee.busy.push([start, ongoing ? Infinity : end]);
					spells.push({
						key: employee.key,
						unit: unit.code,
						start,
						end: ongoing ? null : end,
						type:
							kindOfSpell === 'accident'
								? 'work-accident'
								: kindOfSpell === 'maternity'
									? 'maternity'
									: 'sickness'
					});
				}
			}
		}
	}

	const byUnitKey = (a: { unit: string; key: string }, b: { unit: string; key: string }) =>
		a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	spells.sort((a, b) => byUnitKey(a, b) || a.start - b.start);
	// People who left before the period are not in the export; nor are hires after it.
	const staff = employees.filter((e) => e.hired <= periodEnd).sort(byUnitKey);

	const typeWord = { sickness: 'Ziekte', 'work-accident': 'Arbeidsongeval', maternity: 'Moederschapsrust' };
	const spellLines = spells.map((s) =>
		[s.key, s.unit, belgianDate(s.start), s.end === null ? '' : belgianDate(s.end), typeWord[s.type]].join(
			';'
		)
	);
	const reasonWord = (e: Employee) =>
		e.reason === 'voluntary'
			? 'Vrijwillig'
			: e.reason === 'involuntary'
				? 'Onvrijwillig'
				: e.reason === 'other'
					? // Retirement mostly; now and then a fixed-term contract that ends.
						hashCode(e.key) % 3 === 0
						? 'Einde contract'
						: 'Pensioen'
					: '';
	const staffLines = staff.map((e) =>
		[
			e.key,
			e.unit,
			String(e.fte).replace('.', ','),
			belgianDate(e.hired),
			e.left === null ? '' : belgianDate(e.left),
			reasonWord(e)
		].join(';')
	);
	const file = (format: 'spells' | 'staffing', lines: string[]) =>
		`\uFEFF${[COLUMNS[format].map((c) => c.headers.nl[0]!).join(';'), ...lines].join('\r\n')}\r\n`;
	return {
		spells: file('spells', spellLines),
		staffing: file('staffing', staffLines),
		employees: staff.length,
		spellRows: spells.length
	};
}
