import fc from 'fast-check';
import { recoverableSmallGroup } from '../../src/lib/domain/disclosure-span';
import type { SignalMonth } from '../../src/lib/server/analytics/unit';
import { importSignals, mapUnitCodes, undoUpload } from '../../src/lib/server/signals/service';
import { attempt, TODAY, type Model, type World } from './sequences';
import { monthlyFile, uploadOf } from './signals-upload';

/**
 * The signals side of the sequences: monthly figure files uploaded, corrected (the same months
 * again with other values) and undone, HR codes mapped to units, and every health figure a unit
 * page showed. A month's people are the atoms: each unit's people in that month, counted as the
 * test uploaded them (month-end headcount plus those who left during the month). Which unit-months
 * a shown figure covers is found from its n and value: the people of now and the absence rate of
 * the unit's subtree in a tree the test has seen, computed from the figures in force, must be the
 * ones shown (a figure that several groups fit is left out: the attacker cannot place it). At
 * every read that shows something of a month, everything shown of it so far is checked on the
 * month's people as they are then: a correction changes values inside a released plan, which
 * must still isolate nobody.
 */

export const SIGNAL_MONTHS = ['2025-12', '2026-01', '2026-02'] as const;

interface MonthRow {
	headcount: number;
	leavers: number;
	planned: number;
	sick: number;
}

interface Upload {
	id: string;
	rows: Map<string, MonthRow>;
	undone: boolean;
}

export interface SignalsState {
	uploads: Upload[];
	/** HR codes mapped to units: files then name the unit by that code. */
	aliases: Map<string, string>;
	/** Per month: the sets of unit ids a shown health figure covered, by their key. */
	figures: Map<string, Map<string, string[]>>;
	/** Per month: k when a figure of it was first shown. */
	k: Map<string, number>;
}

export const newSignalsState = (): SignalsState => ({
	uploads: [],
	aliases: new Map(),
	figures: new Map(),
	k: new Map()
});

const key = (unitId: string, month: string) => `${unitId}|${month}`;

function inForce(state: SignalsState): Map<string, MonthRow> {
	const current = new Map<string, MonthRow>();
	for (const upload of state.uploads)
		if (!upload.undone) for (const [k, row] of upload.rows) current.set(k, row);
	return current;
}

/** A unit's people in a month: a generated share of its headcount, now and then one who left. */
export interface UploadPlan {
	months: number;
	first: number;
	values: Array<{ headcount: number; leavers: number; sick: number }>;
}

export class UploadSignals implements fc.AsyncCommand<Model, World, boolean> {
	constructor(readonly plan: UploadPlan) {}
	check = () => true;
	toString() {
		return `upload signals for ${this.plan.months} month(s) from ${SIGNAL_MONTHS[this.plan.first % SIGNAL_MONTHS.length]}`;
	}
	async run(_model: Model, world: World) {
		world.log.push(this.toString());
		const state = world.signals;
		const months = SIGNAL_MONTHS.slice(this.plan.first % SIGNAL_MONTHS.length).slice(0, this.plan.months);
		const units = world.units.filter((u) => !u.archived);
		const codeOf = (unitId: string, code: string) =>
			[...state.aliases].find(([, id]) => id === unitId)?.[0] ?? code;
		const rows = new Map<string, MonthRow>();
		const lines: string[][] = [];
		let v = 0;
		for (const month of months) {
			for (const unit of units) {
				const value = this.plan.values[v++ % this.plan.values.length]!;
				const row = {
					headcount: value.headcount,
					leavers: value.leavers,
					planned: value.headcount * 20,
					sick: value.sick
				};
				rows.set(key(unit.id, month), row);
				lines.push([
					codeOf(unit.id, unit.code),
					month,
					String(row.headcount),
					String(row.headcount),
					String(row.planned),
					String(row.sick),
					'0',
					'0',
					String(row.sick > 0 ? 1 : 0),
					String(row.leavers)
				]);
			}
		}
		let uploadId: string | null = null;
		await attempt(world, async () => {
			const outcome = await importSignals(
				world.db,
				world.hr,
				world.organisationId,
				[uploadOf('maandcijfers.csv', monthlyFile(lines))],
				// A correction replaces figures in force: confirmed as the user would.
				{ today: TODAY, confirmed: true }
			);
			if (outcome.status === 'imported') uploadId = outcome.uploadId;
			else world.log.push(`  not imported: ${outcome.status}`);
		});
		if (uploadId) state.uploads.push({ id: uploadId, rows, undone: false });
	}
}

export class UndoUpload implements fc.AsyncCommand<Model, World, boolean> {
	constructor(readonly upload: number) {}
	check = () => true;
	toString() {
		return `undo upload ${this.upload}`;
	}
	async run(_model: Model, world: World) {
		world.log.push(this.toString());
		const live = world.signals.uploads.filter((u) => !u.undone);
		const upload = live[this.upload % Math.max(1, live.length)];
		if (!upload) return;
		if (await attempt(world, () => undoUpload(world.db, world.hr, world.organisationId, upload.id)))
			upload.undone = true;
	}
}

export class MapCode implements fc.AsyncCommand<Model, World, boolean> {
	constructor(readonly unit: number) {}
	check = () => true;
	toString() {
		return `map an HR code to unit ${this.unit}`;
	}
	async run(_model: Model, world: World) {
		world.log.push(this.toString());
		const unit = world.units[this.unit % world.units.length];
		if (!unit) return;
		const code = `HR-${unit.code}`;
		if (
			await attempt(world, () => mapUnitCodes(world.db, world.hr, world.organisationId, { [code]: unit.id }))
		)
			world.signals.aliases.set(code, unit.id);
	}
}

export function signalCommands(): fc.Arbitrary<fc.AsyncCommand<Model, World, boolean>>[] {
	const upload = fc
		.record({
			months: fc.integer({ min: 1, max: 3 }),
			first: fc.nat({ max: 2 }),
			values: fc.array(
				fc.record({
					headcount: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9 })),
					leavers: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(1)),
					sick: fc.integer({ min: 0, max: 60 })
				}),
				{ minLength: 1, maxLength: 36 }
			)
		})
		.map((plan) => new UploadSignals(plan));
	return [
		upload,
		upload,
		fc.nat({ max: 5 }).map((i) => new UndoUpload(i)),
		fc.nat({ max: 50 }).map((i) => new MapCode(i))
	];
}

// ---- What a unit page showed ---------------------------------------------------------------------

function subtree(tree: ReadonlyMap<string, string | null>, unitId: string | null): string[] {
	return [...tree.keys()].filter((id) => {
		if (unitId === null) return true;
		const seen = new Set<string>();
		for (let at: string | null | undefined = id; at && !seen.has(at); at = tree.get(at)) {
			seen.add(at);
			if (at === unitId) return true;
		}
		return false;
	});
}

/**
 * Records the health figures a unit page showed. Each is matched to the unit-months it covers by
 * its absence rate; a shown rate that no subtree of a tree the test has seen gives is a problem.
 */
export function recordSignalPage(world: World, unitId: string, months: readonly SignalMonth[]) {
	const state = world.signals;
	const current = inForce(state);
	const trees = [...world.trees].reverse();
	for (const month of months) {
		let shown = false;
		for (const [who, figures] of [
			[unitId, month.unit],
			[null, month.organisation]
		] as const) {
			const figure = figures.absenceRate;
			if (!figure.shown) continue;
			// The subtrees whose people of now are its n and whose absence rate is its value. When
			// several different groups fit both, the attacker cannot tell which it is about.
			const people = (id: string) => {
				const row = current.get(key(id, month.month))!;
				return row.headcount + row.leavers;
			};
			const fitting = new Map(
				trees
					.map((tree) => subtree(tree, who).filter((id) => current.has(key(id, month.month))))
					.filter((ids) => {
						const rows = ids.map((id) => current.get(key(id, month.month))!);
						const planned = rows.reduce((s, r) => s + r.planned, 0);
						const sick = rows.reduce((s, r) => s + r.sick, 0);
						return (
							planned > 0 &&
							ids.reduce((s, id) => s + people(id), 0) === figure.n &&
							Math.abs((sick / planned) * 100 - figure.value) < 1e-9
						);
					})
					.map((ids) => [[...ids].sort().join(','), ids])
			);
			if (fitting.size === 0) {
				world.problems.push(
					`unit page: the absence rate ${figure.value} (n = ${figure.n}) of ${month.month} fits no subtree the test knows`
				);
				continue;
			}
			if (fitting.size > 1) continue;
			const match = [...fitting.values()][0]!;
			const sets = state.figures.get(month.month) ?? new Map<string, string[]>();
			state.figures.set(month.month, sets);
			const sorted = [...match].sort();
			sets.set(sorted.join(','), sorted);
			if (!state.k.has(month.month)) state.k.set(month.month, world.k);
			shown = true;
		}
		// When the month shows anything, everything shown of it so far, on its people of now: a
		// correction changes values inside a released plan, which must still isolate nobody.
		if (!shown) continue;
		const found = smallGroup(world, month.month, (id) => {
			const row = current.get(key(id, month.month));
			return row ? row.headcount + row.leavers : 0;
		});
		if (found) world.problems.push(found);
	}
}

function smallGroup(world: World, month: string, people: (unitId: string) => number): string | null {
	const sets = world.signals.figures.get(month);
	if (!sets) return null;
	const atoms = [...new Set([...sets.values()].flat())];
	const position = new Map(atoms.map((id, i) => [id, i]));
	const counts = atoms.map(people);
	const k = world.signals.k.get(month)!;
	const group = recoverableSmallGroup(
		counts,
		[...sets.values()].map((ids) => ids.map((id) => position.get(id)!)),
		k
	);
	if (!group) return null;
	const codes = group.map((i) => world.units.find((u) => u.id === atoms[i])?.code);
	const total = group.reduce((s, i) => s + counts[i]!, 0);
	return `signals ${month} (k = ${k}): the figures seen isolate ${total} people of ${codes.join(', ')}`;
}
