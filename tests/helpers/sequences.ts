import { isHttpError } from '@sveltejs/kit';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { recoverableSmallGroup } from '../../src/lib/domain/disclosure-span';
import { ValidationError } from '../../src/lib/domain/validation';
import { cellList } from '../../src/lib/domain/cells';
import { BAROMETER } from '../../src/lib/instruments';
import type { Actor } from '../../src/lib/server/access';
import { heatmap } from '../../src/lib/server/analytics/heatmap';
import { unitResults } from '../../src/lib/server/analytics/unit';
import { newSubmissionNonce, openCode, submitResponse } from '../../src/lib/server/barometer/participation';
import {
	createWave,
	generateCodes,
	getWaveOverview,
	setWaveClosed
} from '../../src/lib/server/barometer/waves';
import type { Database } from '../../src/lib/server/db/schema';
import { saveOrganisationSettings } from '../../src/lib/server/organisations/service';
import { archiveUnit, moveUnit, renameUnit } from '../../src/lib/server/units/service';
import { answerFields, waveFields, waveUnitRows } from './barometer';
import { makeMember, makeOrganisation, makeUnits, nextNumber } from './factories';
import { newSignalsState, recordSignalPage, signalCommands, type SignalsState } from './sequences-signals';

/**
 * Sequences of actions against the real services, and the attacker who keeps every figure any read
 * ever returned. The ground truth of which people a figure covers is kept here, from what the test
 * itself did (who answered in which unit, the tree at each moment), never from the product's
 * planner: a figure's n must match the people of its unit's subtree in a tree the test has seen, or
 * the figure is reported as covering an unknown group.
 */

export const TODAY = '2026-03-15';
const CLOSES_ON = '2026-03-31';
const ROOT = 'organisation';

export type Db = Kysely<Database>;

export interface UnitState {
	id: string;
	code: string;
	parentId: string | null;
	headcount: number;
	archived: boolean;
}

interface Respondent {
	unitId: string;
	/** Submitted by the attacker through a unit link: its answers are known to it. */
	injected: boolean;
}

interface WaveState {
	id: string;
	entry: 'codes' | 'links';
	k: number;
	tokens: Map<string, string>;
	codes: string[];
	closed: boolean;
	/** The tree when the wave was last closed: whose subtrees its figures should cover. */
	closedTree: ReadonlyMap<string, string | null> | null;
	respondents: Respondent[];
	/** Sets of respondent indices the attacker has seen a figure of, by their sorted key. */
	figures: Map<string, number[]>;
	/** Link answers stored per unit, real and injected. */
	linkAnswers: Map<string, number>;
	/**
	 * Units left out of the figures at the last close: more link answers than their headcount then
	 * (docs/anonymity.md, "Link waves"), so that padding a unit past its headcount shows nothing.
	 */
	excluded: ReadonlySet<string>;
}

export interface World {
	db: Db;
	organisationId: string;
	admin: Actor;
	advisor: Actor;
	hr: Actor;
	k: number;
	units: UnitState[];
	/** Every tree the organisation has had, oldest first. */
	trees: ReadonlyMap<string, string | null>[];
	waves: WaveState[];
	signals: SignalsState;
	/** Problems found while running: a figure over a group the test cannot explain, a cap exceeded. */
	problems: string[];
	log: string[];
}

/** What fast-check's model sees: enough to pick indices; the state itself lives in the World. */
export interface Model {
	waves: number;
	units: number;
}

export interface OrganisationShape {
	k: number;
	/** Parent position of each unit (-1 for the first), and its headcount. */
	units: Array<{ parent: number; headcount: number }>;
	/** Waves opened at the start, each with how many of each unit's people answer (up to its headcount). */
	waves: Array<{ entry: 'codes' | 'links'; answers: number[] }>;
}

export const organisationShape: fc.Arbitrary<OrganisationShape> = fc
	.record({
		k: fc.integer({ min: 3, max: 6 }),
		size: fc.integer({ min: 3, max: 12 }),
		parents: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
		headcounts: fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9 })), {
			minLength: 12,
			maxLength: 12
		}),
		waves: fc.array(
			fc.record({
				entry: fc.constantFrom('codes' as const, 'links' as const),
				answers: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 })
			}),
			{ minLength: 1, maxLength: 2 }
		)
	})
	.map(({ k, size, parents, headcounts, waves }) => ({
		k,
		units: Array.from({ length: size }, (_, i) => ({
			parent: i === 0 ? -1 : parents[i]! % i,
			headcount: headcounts[i]!
		})),
		waves: waves.map((w) => ({ ...w, answers: w.answers.slice(0, size) }))
	}));

const treeOf = (units: readonly UnitState[]) => new Map(units.map((u) => [u.id, u.parentId]));

export async function makeWorld(db: Db, shape: OrganisationShape): Promise<World> {
	const n = nextNumber();
	const org = await makeOrganisation(db, `Sequences ${n}`);
	await db.updateTable('organisation').set({ min_group_size: shape.k }).where('id', '=', org.id).execute();
	const rows: Array<[string, string | null, number]> = shape.units.map((u, i) => [
		`U${i}`,
		u.parent < 0 ? null : `U${u.parent}`,
		u.headcount
	]);
	const ids = await makeUnits(db, org.id, rows);
	const member = (role: 'admin' | 'advisor' | 'hr') =>
		makeMember(db, { email: `${role}-seq-${n}@example.test`, organisationId: org.id, role });
	const units = rows.map(([code, parent, headcount]) => ({
		id: ids[code]!,
		code,
		parentId: parent ? ids[parent]! : null,
		headcount,
		archived: false
	}));
	return {
		db,
		organisationId: org.id,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		k: shape.k,
		units,
		trees: [treeOf(units)],
		waves: [],
		signals: newSignalsState(),
		problems: [],
		log: []
	};
}

/** Runs a product action; a refusal (ValidationError, 4xx) is a legal outcome and gives false. */
export async function attempt(world: World, action: () => Promise<unknown>): Promise<boolean> {
	try {
		await action();
		return true;
	} catch (e) {
		const refused =
			e instanceof ValidationError
				? Object.values(e.problems)
						.map((p) => p?.key)
						.join(', ')
				: isHttpError(e) && e.status >= 400 && e.status < 500
					? String(e.status)
					: null;
		if (refused === null) throw e;
		world.log.push(`  refused: ${refused}`);
		return false;
	}
}

// ---- The ground truth --------------------------------------------------------------------------

function subtreeOf(tree: ReadonlyMap<string, string | null>, unitId: string): Set<string> {
	const inside = new Set<string>();
	for (const id of tree.keys()) {
		const seen = new Set<string>();
		for (let at: string | null | undefined = id; at && !seen.has(at); at = tree.get(at)) {
			seen.add(at);
			if (at === unitId) {
				inside.add(id);
				break;
			}
		}
	}
	return inside;
}

/**
 * The respondents a figure of `unitId` with `n` people covers: the unit's subtree in the tree the
 * wave was closed on, else in any tree the organisation has had (newest first), or the unit's own
 * respondents for `own`. The first whose size is n; null when none is.
 */
function coveredBy(world: World, wave: WaveState, unitId: string, n: number, own = false): number[] | null {
	const all = wave.respondents.flatMap((r, i) => (wave.excluded.has(r.unitId) ? [] : [i]));
	if (unitId === ROOT) return all.length === n ? all : null;
	const trees = own ? [] : [...(wave.closedTree ? [wave.closedTree] : []), ...[...world.trees].reverse()];
	const candidates = own ? [new Set([unitId])] : trees.map((tree) => subtreeOf(tree, unitId));
	for (const units of candidates) {
		const set = all.filter((i) => units.has(wave.respondents[i]!.unitId));
		if (set.length === n) return set;
	}
	return null;
}

function record(
	world: World,
	wave: WaveState | undefined,
	unitId: string,
	n: number,
	what: string,
	own = false
) {
	if (!wave) {
		world.problems.push(`${what}: a figure of a wave the test did not make`);
		return;
	}
	const set = coveredBy(world, wave, unitId, n, own);
	if (!set) {
		const code = world.units.find((u) => u.id === unitId)?.code ?? unitId;
		world.problems.push(
			`${what}: n = ${n} for ${code} in wave ${world.waves.indexOf(wave)} covers no group the test knows`
		);
		return;
	}
	wave.figures.set(set.join(','), set);
}

/**
 * Every group of 1 to k-1 people that the figures seen so far isolate, per wave: the respondents
 * are the atoms (one person each), and the wave's own k applies. Answers the attacker injected are
 * counted as people it does not know (see the test's header for why).
 */
export function findings(world: World): string[] {
	const found = [...new Set(world.problems)];
	world.waves.forEach((wave, w) => {
		const counts = wave.respondents.map(() => 1);
		const group = recoverableSmallGroup(counts, [...wave.figures.values()], wave.k);
		if (group) {
			const units = group.map((i) => world.units.find((u) => u.id === wave.respondents[i]!.unitId)?.code);
			found.push(
				`wave ${w} (${wave.entry}, k = ${wave.k}): the figures seen isolate ${group.length} respondent(s) of ${units.join(', ')}`
			);
		}
	});
	return found;
}

// ---- Commands ----------------------------------------------------------------------------------

type Command = fc.AsyncCommand<Model, World, boolean>;

const pick = <T>(items: readonly T[], i: number): T | undefined =>
	items.length === 0 ? undefined : items[i % items.length];
const activeUnits = (world: World) => world.units.filter((u) => !u.archived);

abstract class Step implements Command {
	check = () => true;
	abstract describe(): string;
	abstract act(world: World): Promise<void>;
	async run(model: Model, world: World) {
		world.log.push(this.describe());
		await this.act(world);
		model.waves = world.waves.length;
		model.units = world.units.length;
	}
	toString() {
		return this.describe();
	}
}

export class CreateWave extends Step {
	constructor(readonly entry: 'codes' | 'links') {
		super();
	}
	describe() {
		return `create a ${this.entry} wave`;
	}
	async act(world: World) {
		const units = activeUnits(world).filter((u) => u.headcount > 0);
		if (units.length === 0) return;
		let id = '';
		const made = await attempt(world, async () => {
			id = await createWave(
				world.db,
				world.advisor,
				world.organisationId,
				waveFields({ name: `Wave ${world.waves.length}`, closesOn: CLOSES_ON, entry: this.entry }),
				units.map((u) => u.id),
				TODAY
			);
		});
		if (!made) return;
		const links = await waveUnitRows(world.db, id);
		const people = units.reduce((sum, u) => sum + u.headcount, 0);
		const codes =
			this.entry === 'codes'
				? await generateCodes(world.db, world.advisor, world.organisationId, id, String(people))
				: [];
		world.waves.push({
			id,
			entry: this.entry,
			k: world.k,
			tokens: new Map(links.map((l) => [l.unit_id, l.link_token])),
			codes,
			closed: false,
			closedTree: null,
			respondents: [],
			figures: new Map(),
			linkAnswers: new Map(),
			excluded: new Set()
		});
	}
}

const ANSWERS = answerFields(BAROMETER, false);

export class Answer extends Step {
	constructor(
		readonly via: 'code' | 'link',
		readonly wave: number,
		readonly unit: number,
		readonly injected: boolean
	) {
		super();
	}
	describe() {
		return `${this.injected ? 'inject' : 'answer'} by ${this.via}: wave ${this.wave}, unit ${this.unit}`;
	}
	async act(world: World) {
		const wave = pick(world.waves, this.wave);
		const unit = pick(
			world.units.filter((u) => wave?.tokens.has(u.id)),
			this.unit
		);
		if (!wave || !unit) return;
		const fields = { ...ANSWERS, unitId: unit.id, nonce: newSubmissionNonce() };
		if (this.via === 'code') {
			const code = wave.codes.pop();
			if (!code) return;
			const stored = await attempt(world, async () => {
				const { claim } = await openCode(world.db, code, TODAY);
				const result = await submitResponse(world.db, { via: 'code', claim }, fields, TODAY);
				if (!result.stored) throw new ValidationError({ form: { key: 'error.notFound' } });
			});
			if (stored) wave.respondents.push({ unitId: unit.id, injected: false });
			return;
		}
		let stored = false;
		await attempt(world, async () => {
			const result = await submitResponse(
				world.db,
				{ via: 'link', token: wave.tokens.get(unit.id)!, answeredWaves: new Set() },
				fields,
				TODAY
			);
			stored = result.stored;
		});
		if (!stored) return;
		wave.respondents.push({ unitId: unit.id, injected: this.injected });
		const count = (wave.linkAnswers.get(unit.id) ?? 0) + 1;
		wave.linkAnswers.set(unit.id, count);
		// The documented bound of link waves: no unit takes more link answers than its headcount.
		if (count > unit.headcount)
			world.problems.push(
				`wave ${this.wave}: unit ${unit.code} took link answer ${count} with a headcount of ${unit.headcount}`
			);
	}
}

export class SetClosed extends Step {
	constructor(
		readonly wave: number,
		readonly closed: boolean
	) {
		super();
	}
	describe() {
		return `${this.closed ? 'close' : 'reopen'} wave ${this.wave}`;
	}
	async act(world: World) {
		const wave = pick(world.waves, this.wave);
		if (!wave || wave.closed === this.closed) return;
		const done = await attempt(world, () =>
			setWaveClosed(
				world.db,
				world.advisor,
				world.organisationId,
				wave.id,
				this.closed,
				{ closesOn: CLOSES_ON },
				TODAY
			)
		);
		if (!done) return;
		wave.closed = this.closed;
		if (!this.closed) return;
		wave.closedTree = treeOf(world.units);
		wave.excluded = new Set(
			world.units.filter((u) => (wave.linkAnswers.get(u.id) ?? 0) > u.headcount).map((u) => u.id)
		);
	}
}

export class ReadHeatmap extends Step {
	constructor(readonly wave: number) {
		super();
	}
	describe() {
		return `read the heatmap of wave ${this.wave}`;
	}
	async act(world: World) {
		const wave = pick(world.waves, this.wave);
		if (!wave) return;
		await attempt(world, async () => {
			const map = await heatmap(world.db, world.advisor, world.organisationId, {
				waveId: wave.id,
				today: TODAY
			});
			const previous = world.waves.find((w) => w.id === map.previousWave?.id);
			for (const row of [...(map.organisation ? [map.organisation] : []), ...map.rows]) {
				if (row.respondents.shown) record(world, wave, row.unitId, row.respondents.n, 'heatmap');
				for (const cell of cellList(row.cells))
					if (cell.shown) record(world, wave, row.unitId, cell.n, 'heatmap cell');
				for (const cell of row.previous ? cellList(row.previous) : [])
					if (cell.shown) record(world, previous, row.unitId, cell.n, 'heatmap, previous wave');
			}
		});
	}
}

export class ReadUnitPage extends Step {
	constructor(readonly unit: number) {
		super();
	}
	describe() {
		return `read the page of unit ${this.unit}`;
	}
	async act(world: World) {
		const unit = pick(world.units, this.unit);
		if (!unit) return;
		await attempt(world, async () => {
			const page = await unitResults(world.db, world.advisor, world.organisationId, unit.id, {
				today: TODAY
			});
			for (const entry of page.history.waves) {
				const wave = world.waves.find((w) => w.id === entry.wave.id);
				if (entry.respondents.shown) record(world, wave, unit.id, entry.respondents.n, 'unit page');
				for (const cell of entry.cells)
					if (cell?.shown) record(world, wave, unit.id, cell.n, 'unit page cell');
				for (const cell of entry.organisation)
					if (cell?.shown) record(world, wave, ROOT, cell.n, 'unit page, organisation');
			}
			recordSignalPage(world, unit.id, page.signals.months);
		});
	}
}

export class ReadOverview extends Step {
	constructor(readonly wave: number) {
		super();
	}
	describe() {
		return `read the overview of wave ${this.wave}`;
	}
	async act(world: World) {
		const wave = pick(world.waves, this.wave);
		if (!wave) return;
		await attempt(world, async () => {
			const overview = await getWaveOverview(world.db, world.advisor, world.organisationId, wave.id, TODAY);
			const organisation = (overview as { organisation?: unknown }).organisation;
			if (isShown(organisation)) record(world, wave, ROOT, organisation.n, 'wave overview');
			for (const unit of overview.units) {
				// Any exact count of a unit's participation is a figure about its respondents: its own
				// respondents as a progress count, its subtree's through the wave's plan.
				const progress = (unit.progress ?? {}) as Record<string, unknown>;
				const count = progress.count ?? progress.n;
				if (typeof count === 'number') record(world, wave, unit.id, count, 'wave overview', true);
				const respondents = (unit as { respondents?: unknown }).respondents;
				if (isShown(respondents)) record(world, wave, unit.id, respondents.n, 'wave overview');
			}
		});
	}
}

const isShown = (figure: unknown): figure is { shown: true; n: number } =>
	typeof figure === 'object' && figure !== null && (figure as { shown?: unknown }).shown === true;

export class MoveUnit extends Step {
	constructor(
		readonly unit: number,
		readonly parent: number
	) {
		super();
	}
	describe() {
		return `move unit ${this.unit} under unit ${this.parent}`;
	}
	async act(world: World) {
		const unit = pick(world.units, this.unit);
		const parent = pick(world.units, this.parent);
		if (!unit || !parent || unit === parent) return;
		if (
			await attempt(world, () => moveUnit(world.db, world.admin, world.organisationId, unit.id, parent.id))
		) {
			unit.parentId = parent.id;
			world.trees.push(treeOf(world.units));
		}
	}
}

export class RenameUnit extends Step {
	constructor(
		readonly unit: number,
		readonly headcount: number
	) {
		super();
	}
	describe() {
		return `rename unit ${this.unit}, headcount ${this.headcount}`;
	}
	async act(world: World) {
		const unit = pick(world.units, this.unit);
		if (!unit) return;
		const input = { name: `Unit ${unit.code} ${nextNumber()}`, headcount: String(this.headcount) };
		if (await attempt(world, () => renameUnit(world.db, world.admin, world.organisationId, unit.id, input)))
			unit.headcount = this.headcount;
	}
}

export class ArchiveUnit extends Step {
	constructor(readonly unit: number) {
		super();
	}
	describe() {
		return `archive unit ${this.unit}`;
	}
	async act(world: World) {
		const unit = pick(world.units, this.unit);
		if (!unit || unit.archived) return;
		if (await attempt(world, () => archiveUnit(world.db, world.admin, world.organisationId, unit.id, TODAY)))
			unit.archived = true;
	}
}

export class ChangeK extends Step {
	constructor(readonly k: number) {
		super();
	}
	describe() {
		return `change k to ${this.k}`;
	}
	async act(world: World) {
		const input = {
			name: `Sequences ${nextNumber()}`,
			language: 'nl',
			minGroupSize: String(this.k),
			sensitiveMinGroupSize: '10'
		};
		if (
			await attempt(world, () => saveOrganisationSettings(world.db, world.admin, world.organisationId, input))
		)
			world.k = this.k;
	}
}

const index = fc.nat({ max: 50 });
/** Waves by a small index: most actions are about the first waves. */
const waveIndex = fc.nat({ max: 3 });
const times = <T>(n: number, arbitrary: T): T[] => Array.from({ length: n }, () => arbitrary);

/** Every action a sequence can take, weighted so that waves are answered, closed, read and reopened. */
export function commands(): fc.Arbitrary<Iterable<Command>> {
	const answer = fc
		.tuple(fc.constantFrom('code' as const, 'link' as const), waveIndex, index, fc.boolean())
		.map(([via, w, u, injected]) => new Answer(via, w, u, via === 'link' && injected));
	return fc.commands(
		[
			fc.constantFrom('codes' as const, 'links' as const).map((entry) => new CreateWave(entry)),
			...times(3, answer),
			...times(
				2,
				waveIndex.map((w) => new SetClosed(w, true))
			),
			...times(
				2,
				waveIndex.map((w) => new SetClosed(w, false))
			),
			...times(
				3,
				waveIndex.map((w) => new ReadHeatmap(w))
			),
			...times(
				2,
				index.map((u) => new ReadUnitPage(u))
			),
			waveIndex.map((w) => new ReadOverview(w)),
			...times(
				2,
				fc.tuple(index, index).map(([u, p]) => new MoveUnit(u, p))
			),
			fc.tuple(index, fc.integer({ min: 0, max: 9 })).map(([u, h]) => new RenameUnit(u, h)),
			index.map((u) => new ArchiveUnit(u)),
			fc.integer({ min: 3, max: 6 }).map((k) => new ChangeK(k)),
			...signalCommands()
		],
		{ maxCommands: 40, size: 'medium' }
	);
}

/** One generated organisation and sequence, run against the database; resolves to what was found. */
export async function runSequence(
	db: Db,
	shape: OrganisationShape,
	sequence: Iterable<Command>
): Promise<{ world: World; found: string[]; checkMs: number }> {
	const world = await makeWorld(db, shape);
	const model: Model = { waves: 0, units: world.units.length };
	const prologue: Command[] = [];
	shape.waves.forEach(({ entry, answers }) => {
		prologue.push(new CreateWave(entry));
		const w = prologue.filter((c) => c instanceof CreateWave).length - 1;
		answers.forEach((count, u) => {
			const people = Math.min(count, shape.units[u]!.headcount);
			const position = world.units.filter((x) => x.headcount > 0).indexOf(world.units[u]!);
			for (let p = 0; p < people && position >= 0; p++)
				prologue.push(new Answer(entry === 'codes' ? 'code' : 'link', w, position, false));
		});
	});
	await fc.asyncModelRun(() => ({ model, real: world }), [...prologue, ...sequence]);
	const started = performance.now();
	const found = findings(world);
	return { world, found, checkMs: performance.now() - started };
}
