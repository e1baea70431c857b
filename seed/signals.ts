import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
	COLUMNS,
	firstDayOfMonth,
	formatMonth,
	isoDay,
	lastDayOfMonth,
	monthOfDay,
	splitSpellDays,
	workdays,
	type FigureId
} from '../src/lib/domain/signals';
import type { Database, SignalFigures } from '../src/lib/server/db/schema';
import {
	COLUMN_OF,
	insertFigures,
	insertUpload,
	refreshCurrentFigures,
	type FigureRow
} from '../src/lib/server/signals/queries';
import { createRandom, type Random } from './random';

/**
 * Demo collective signals for Zorggroep Zonnedael: 24 months of figures per unit, ending with the
 * last complete month before `today`, told in the same story as the barometer waves (waves.ts):
 * the teams whose barometer worsens see short absence rise about three months later and voluntary
 * turnover about five months later; the improving team improves; the rest stays at plausible
 * Belgian levels (DOMAIN.md, "Collective signals").
 *
 * The figures come from a small model per unit and month, not from simulated people: short spells
 * (up to a month) and their workdays, spells longer than a month followed day by day (so medium
 * and long absence, new incapacity > 4 weeks and incapacity > 1 year come from the same cases, with
 * the domain's day-position rule), leavers, accidents and requests. Expected counts are turned into
 * whole numbers with a jittered remainder rather than Poisson draws, so a trend shows in a team of
 * 40 instead of drowning in noise. Org-wide over a year: short absence about 3.2% of planned days,
 * short + medium about 6.3%, long about 3.6%, about 1.7 spells per employee, voluntary outflow
 * about 11%. Deterministic: the same units, today and seed give the same figures.
 */

// ---------------------------------------------------------------------------------------------
// The story.

/**
 * Latent strain per team, the barometer profiles of waves.ts (`base` at the first of its four
 * waves, `trend` per wave): the worsening teams (WORSENING_UNITS) and the improving one
 * (IMPROVING_UNITS) by their trend, the others by their level. seed/signals.test.ts checks that the
 * two lists and this table agree.
 */
const STRAIN: Record<string, { base: number; trend?: number }> = {
	'AZ-SPO': { base: 0.3, trend: 0.45 },
	'LIN-EIK': { base: 0.2, trend: 0.45 },
	'THZ-GEZ': { base: 0.1, trend: 0.45 },
	'PC-OPN': { base: 0.9, trend: -0.3 },
	'LIN-NAC': { base: 0.5 },
	'BEK-NAC': { base: 0.45 },
	'AZ-IZ': { base: 0.4 },
	'PC-JEU': { base: 0.4 },
	'AZ-OK': { base: 0.3 },
	'AZ-GER': { base: 0.3 },
	'PC-LAN': { base: 0.3 },
	'THZ-PLA': { base: 0.3 },
	'AZ-CHI': { base: 0.25 },
	'AZ-INW': { base: 0.25 },
	'THZ-NRD': { base: 0.2 },
	'THZ-ZUI': { base: 0.2 },
	'AZ-PED': { base: 0.15 },
	'AZ-MAT': { base: 0 },
	'LIN-KEU': { base: 0 },
	'BEK-ONH': { base: 0 },
	'OND-ICT': { base: -0.2 }
};

/** Absence follows the barometer after about a quarter, resignations after about five months. */
export const ABSENCE_LAG_MONTHS = 3;
export const TURNOVER_LAG_MONTHS = 5;

/**
 * The strain of a unit `monthsAgo` months before today's month. The waves open 18, 12, 6 and 0
 * months before today (waves.ts demoWaveDates); strain moves linearly between them and stays at the
 * first wave's level before it.
 */
export function unitStrain(code: string, monthsAgo: number): number {
	const profile = STRAIN[code] ?? {
		// As waves.ts: support services a little below the healthy middle, management levels (no
		// dash in their code) a little above it.
		base: code.startsWith('OND-') ? -0.15 : code.includes('-') ? -0.05 : 0.1
	};
	const waves = Math.min(3, Math.max(0, (18 - monthsAgo) / 6));
	return profile.base + (profile.trend ?? 0) * waves;
}

/** Trend per wave of a unit (0 for a stable one): lets tests check the story against waves.ts. */
export function strainTrend(code: string): number {
	return STRAIN[code]?.trend ?? 0;
}

/** More short sickness in winter, less in the summer holidays; averages 1 over a year. */
export const SEASON = [1.2, 1.15, 1.05, 0.95, 0.9, 0.85, 0.8, 0.8, 0.95, 1.05, 1.1, 1.2] as const;

export type UnitKind = 'care' | 'manual' | 'office' | 'management';

/** Care teams, manual work (kitchen, cleaning, technical, logistics), offices, management levels. */
export function unitKind(code: string): UnitKind {
	if (!code.includes('-')) return 'management';
	if (/^(LIN-KEU|BEK-ONH|OND-TEC|OND-LOG)$/.test(code)) return 'manual';
	if (/^(OND-|AZ-SOC|AZ-OMB|THZ-PLA|BEK-PAS)/.test(code)) return 'office';
	return 'care';
}

/** Average FTE per employee: care works part-time a lot, management hardly. */
const FTE_SHARE: Record<UnitKind, [number, number]> = {
	care: [0.72, 0.82],
	manual: [0.74, 0.86],
	office: [0.84, 0.93],
	management: [0.92, 0.98]
};

/** Work accidents per FTE per year. */
const ACCIDENT_RATE: Record<UnitKind, number> = { care: 0.04, manual: 0.06, office: 0.01, management: 0.01 };

/** Short sickness spells (up to a month) per employee per year at strain 0. */
export const SHORT_SPELL_RATE = 1.38;
/** Sickness spells longer than a month per employee per year at strain 0. */
export const LONG_SPELL_RATE = 0.076;
/** Voluntary and involuntary leavers per employee per year at strain 0. */
export const VOLUNTARY_RATE = 0.09;
export const INVOLUNTARY_RATE = 0.02;

export const shortSpellFactor = (strain: number) => 1 + 0.6 * Math.max(-0.5, strain);
export const longSpellFactor = (strain: number) => 1 + 0.6 * Math.max(0, strain);
export const voluntaryFactor = (strain: number) => Math.max(0.5, 1 + 0.9 * strain);
/** Formal requests for psychosocial intervention follow unwanted behaviour, which comes with high strain. */
export const psychosocialFactor = (strain: number) => 1 + 6 * Math.max(0, strain - 0.3);

/** Workdays of a short spell: mostly one to three days, now and then two to four weeks. */
export function shortSpellWorkdays(random: Random): number {
	const u = random.next();
	if (u < 0.26) return 1;
	if (u < 0.47) return 2;
	if (u < 0.62) return 3;
	if (u < 0.77) return random.int(4, 5);
	if (u < 0.93) return random.int(6, 10);
	return random.int(11, 20);
}

/** The mean of shortSpellWorkdays. */
export const SHORT_SPELL_MEAN_WORKDAYS = 4.17;

/** Calendar days of a spell longer than a month: most end within four months, one in eight lasts years. */
export function longSpellDays(random: Random): number {
	const u = random.next();
	if (u < 0.65) return random.int(31, 120);
	if (u < 0.87) return random.int(121, 365);
	return 366 + Math.round(-Math.log(1 - random.next()) * 1150);
}

/** FNV-1a, so each unit has its own random stream whatever the order or number of units. */
export function hashCode(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

function poisson(random: Random, mean: number): number {
	const limit = Math.exp(-mean);
	let n = 0;
	for (let p = random.next(); p > limit; p *= random.next()) n++;
	return n;
}

/** Whole numbers with the right long-run mean and little noise: a remainder carried from month to month. */
function quota(random: Random) {
	let carry = random.next();
	return (expected: number): number => {
		carry += expected * (0.85 + random.next() * 0.3);
		const n = Math.floor(carry);
		carry -= n;
		return n;
	};
}

const round1 = (value: number) => Math.round(value * 10) / 10;

// ---------------------------------------------------------------------------------------------
// The figures.

export interface DemoSignalsUnit {
	id: string;
	code: string;
	headcount: number | null;
}

export interface DemoSignalsOptions {
	/** yyyy-mm-dd */
	today: string;
	seed?: number;
	/** Months of figures; 24 by default. */
	months?: number;
}

export type DemoUnitMonth = { unitId: string; code: string; /** yyyy-mm */ month: string } & Record<
	FigureId,
	number
>;

export interface DemoSignals {
	/** yyyy-mm, oldest first; the last is the month before today's. */
	months: string[];
	/** Every unit with a headcount, every month, all figures; by month, then unit code. */
	figures: DemoUnitMonth[];
}

/** Months simulated before the first one shown, so that spells of years are under way at its start. */
const WARM_UP_MONTHS = 120;

interface LongSpell {
	start: number;
	/** Last day, included. */
	end: number;
}

function simulateUnit(
	unit: DemoSignalsUnit,
	todayMonth: number,
	first: number,
	last: number,
	seed: number
): DemoUnitMonth[] {
	const headcount = unit.headcount ?? 0;
	if (headcount <= 0) return [];
	const random = createRandom(seed ^ hashCode(unit.code));
	const kind = unitKind(unit.code);
	const [lowShare, highShare] = FTE_SHARE[kind];
	const share = lowShare + random.next() * (highShare - lowShare);

	// Month-end headcount: a small walk around today's headcount, ending on it.
	const window = last - first + 1;
	const offsets = new Array<number>(window).fill(0);
	const maxDeviation = headcount >= 12 ? Math.max(1, Math.round(headcount * 0.04)) : 0;
	for (let i = window - 2; i >= 0; i--) {
		const step = random.next();
		const next = offsets[i + 1]! + (step < 0.2 ? -1 : step > 0.8 ? 1 : 0);
		offsets[i] = Math.max(-maxDeviation, Math.min(maxDeviation, next));
	}

	const shortSpells = quota(random);
	const longSpells = quota(random);
	const voluntary = quota(random);
	const involuntary = quota(random);
	const psychosocial = quota(random);
	const spellsPerMonth: number[] = [];
	let running: LongSpell[] = [];
	const split = new Float64Array(3);
	const out: DemoUnitMonth[] = [];

	for (let month = first - WARM_UP_MONTHS; month <= last; month++) {
		const monthsAgo = todayMonth - month;
		const absenceStrain = unitStrain(unit.code, monthsAgo + ABSENCE_LAG_MONTHS);
		const turnoverStrain = unitStrain(unit.code, monthsAgo + TURNOVER_LAG_MONTHS);
		const shown = month >= first;
		const people = shown ? headcount + offsets[month - first]! : headcount;
		const monthFirst = firstDayOfMonth(month);
		const monthLast = lastDayOfMonth(month);
		running = running.filter((s) => s.end >= monthFirst);

		// Spells longer than a month: at most one at a time per employee.
		let newLong = longSpells((people * LONG_SPELL_RATE * longSpellFactor(absenceStrain)) / 12);
		newLong = Math.min(newLong, Math.max(0, people - running.length));
		for (let i = 0; i < newLong; i++) {
			const start = monthFirst + random.int(0, monthLast - monthFirst);
			running.push({ start, end: start + longSpellDays(random) - 1 });
		}
		const short = shortSpells(
			(people * SHORT_SPELL_RATE * SEASON[month % 12]! * shortSpellFactor(absenceStrain)) / 12
		);
		spellsPerMonth.push(short + newLong);
		if (!shown) continue;

		const planned = workdays(monthFirst, monthLast);
		const fte = round1(people * (share + (random.next() - 0.5) * 0.01));
		const plannedDays = round1(fte * planned);

		// Their workdays: the mean of shortSpellWorkdays, give or take a fifth.
		const shortEndedDays = Math.round(short * SHORT_SPELL_MEAN_WORKDAYS * (0.8 + random.next() * 0.4));
		let shortDays = shortEndedDays * share;
		let mediumDays = 0;
		let longDays = 0;
		let newIncapacity4w = 0;
		let ongoingIncapacity1y = 0;
		let ended = short;
		let endedDays = shortEndedDays;
		let adaptation = poisson(random, (people * 0.008) / 12);
		for (const spell of running) {
			if (spell.start > monthLast) continue;
			splitSpellDays(spell.start, Math.max(spell.start, monthFirst), Math.min(spell.end, monthLast), split);
			shortDays += split[0]! * share;
			mediumDays += split[1]! * share;
			longDays += split[2]! * share;
			const day29 = spell.start + 28;
			if (day29 >= monthFirst && day29 <= monthLast && day29 <= spell.end) newIncapacity4w++;
			if (monthLast >= spell.start + 365 && monthLast <= spell.end) ongoingIncapacity1y++;
			if (spell.end <= monthLast) {
				ended++;
				endedDays += workdays(spell.start, spell.end);
				// Coming back after months: some ask for adapted work.
				if (spell.end - spell.start > 120 && random.next() < 0.4) adaptation++;
			}
		}
		// Sick days never exceed planned days (rounding, a tiny team all ill): short absence gives way first.
		longDays = Math.min(round1(longDays), plannedDays);
		mediumDays = Math.min(round1(mediumDays), round1(plannedDays - longDays));
		shortDays = Math.max(0, Math.min(round1(shortDays), round1(plannedDays - mediumDays - longDays)));

		const spellsLastYear = spellsPerMonth.slice(-12).reduce((sum, n) => sum + n, 0);
		const frequentShare = Math.min(0.5, (0.1 * spellsLastYear) / people);
		const frequentAbsentees = Math.max(
			0,
			Math.min(people, Math.round(people * frequentShare + random.next() - 0.5))
		);
		const leaversVoluntary = voluntary((people * VOLUNTARY_RATE * voluntaryFactor(turnoverStrain)) / 12);
		const leaversInvoluntary = Math.min(
			people - leaversVoluntary,
			involuntary((people * INVOLUNTARY_RATE) / 12)
		);
		const psychosocialRequests = psychosocial((people * 0.003 * psychosocialFactor(absenceStrain)) / 12);

		out.push({
			unitId: unit.id,
			code: unit.code,
			month: formatMonth(month),
			headcount: people,
			fte,
			plannedDays,
			sickDaysShort: shortDays,
			sickDaysMedium: mediumDays,
			sickDaysLong: longDays,
			spells: short + newLong,
			frequentAbsentees,
			leaversVoluntary,
			leaversInvoluntary,
			newIncapacity4w,
			ongoingIncapacity1y: Math.min(people, ongoingIncapacity1y),
			workAccidents: poisson(random, (fte * ACCIDENT_RATE[kind]) / 12),
			jobAdaptationRequests: adaptation,
			psychosocialRequests,
			spellsEnded: ended,
			spellsEndedDays: endedDays,
			// As a monthly file gives it: the month-end staff and those who left in the month.
			people: people + leaversVoluntary + leaversInvoluntary
		});
	}
	return out;
}

/** The month (`year * 12 + month - 1`) before the month of `today`. */
export function lastCompleteMonth(today: string): number {
	return monthOfDay(isoDay(today)) - 1;
}

/** Pure and deterministic: the demo figures of `units` for the months before `today`. */
export function generateDemoSignals(
	units: readonly DemoSignalsUnit[],
	options: DemoSignalsOptions
): DemoSignals {
	const seed = options.seed ?? 2026;
	const count = options.months ?? 24;
	const last = lastCompleteMonth(options.today);
	const first = last - count + 1;
	const todayMonth = last + 1;
	const perUnit = [...units]
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
		.map((u) => simulateUnit(u, todayMonth, first, last, seed));
	const months = Array.from({ length: count }, (_, i) => formatMonth(first + i));
	const figures = months.flatMap((_, i) => perUnit.flatMap((rows) => (rows[i] ? [rows[i]] : [])));
	return { months, figures };
}

// ---------------------------------------------------------------------------------------------
// As HR would upload them.

/** `12,5` for 12.5: a Belgian spreadsheet's decimal comma. */
const decimalComma = (value: number) => String(value).replace('.', ',');

/**
 * The figures as a monthly file the way HR's spreadsheet saves it: UTF-8 with BOM, `;`, decimal
 * comma, months as mm/yyyy, every column of the format with its Dutch template header.
 */
export function monthlyCsv(figures: readonly DemoUnitMonth[]): string {
	const columns = COLUMNS.monthly;
	const lines = [columns.map((c) => c.headers.nl[0]!).join(';')];
	for (const row of figures) {
		const cells = columns.map((c) => {
			if (c.id === 'unitCode') return row.code;
			if (c.id === 'month') return `${row.month.slice(5, 7)}/${row.month.slice(0, 4)}`;
			return decimalComma(row[c.id as FigureId]);
		});
		lines.push(cells.join(';'));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The database column of each figure. */
export const FIGURE_COLUMN = COLUMN_OF;

export function figureRow(figures: DemoUnitMonth): FigureRow {
	const row = { unitId: figures.unitId, month: `${figures.month}-01` } as FigureRow;
	for (const [id, column] of Object.entries(FIGURE_COLUMN) as [FigureId, keyof SignalFigures][])
		row[column] = figures[id];
	return row;
}

/**
 * Stores the demo signals of an organisation as two monthly uploads by its HR user (the first
 * year, then the second), as if HR had uploaded a year's figures twice: one history entry each,
 * both undoable. The first is dated a week after its last month; the second keeps the time of
 * seeding. Hashes and sizes are those of the files monthlyCsv writes.
 */
export async function seedDemoSignals(
	db: Kysely<Database> | Transaction<Database>,
	organisationId: string,
	options: DemoSignalsOptions
): Promise<{ uploadIds: string[]; unitMonths: number }> {
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code', 'headcount'])
		.where('organisation_id', '=', organisationId)
		.where('valid_to', 'is', null)
		.execute();
	const hr = await db
		.selectFrom('membership')
		.innerJoin('app_user', 'app_user.id', 'membership.user_id')
		.select('app_user.id')
		.where('membership.organisation_id', '=', organisationId)
		.where('membership.role', '=', 'hr')
		.orderBy('app_user.email')
		.executeTakeFirst();
	const { months, figures } = generateDemoSignals(units, options);
	const half = Math.ceil(months.length / 2);
	const parts = [months.slice(0, half), months.slice(half)].filter((p) => p.length > 0);

	const uploadIds: string[] = [];
	for (const [index, part] of parts.entries()) {
		const from = part[0]!;
		const to = part.at(-1)!;
		const rows = figures.filter((f) => f.month >= from && f.month <= to);
		const bytes = Buffer.from(monthlyCsv(rows), 'utf8');
		// As importSignals hashes a one-file upload, so that uploading this very file changes nothing.
		const contentHash = createHash('sha256').update('\u0000file 1\u0000').update(bytes).digest('hex');
		const upload = await insertUpload(db, {
			organisationId,
			format: 'monthly',
			fileName: `maandcijfers-${from}-tot-${to}.csv`,
			contentHash,
			byteSize: bytes.length,
			rowCount: rows.length,
			periodFrom: `${from}-01`,
			periodTo: `${to}-01`,
			unitCount: new Set(rows.map((r) => r.unitId)).size,
			uploadedBy: hr?.id ?? null
		});
		await insertFigures(db, organisationId, upload.id, rows.map(figureRow));
		await refreshCurrentFigures(db, organisationId, upload.id);
		if (index < parts.length - 1) {
			const uploadedOn = formatMonth(monthOfDay(isoDay(`${to}-01`)) + 1);
			await db
				.updateTable('signal_upload')
				.set({ uploaded_at: `${uploadedOn}-08T09:30:00+01:00` })
				.where('organisation_id', '=', organisationId)
				.where('id', '=', upload.id)
				.execute();
		}
		uploadIds.push(upload.id);
	}
	return { uploadIds, unitMonths: figures.length };
}
