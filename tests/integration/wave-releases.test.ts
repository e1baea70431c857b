import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAROMETER } from '../../src/lib/instruments';
import { attentionList } from '../../src/lib/server/analytics/attention';
import { heatmap, type Heatmap } from '../../src/lib/server/analytics/heatmap';
import { findReleases } from '../../src/lib/server/analytics/releases';
import { unitResults } from '../../src/lib/server/analytics/unit';
import { newSubmissionNonce, submitResponse } from '../../src/lib/server/barometer/participation';
import { createWave, getWaveOverview, setWaveClosed } from '../../src/lib/server/barometer/waves';
import { ValidationError } from '../../src/lib/domain/validation';
import { moveUnit, renameUnit } from '../../src/lib/server/units/service';
import { answerFields, waveFields, waveUnitRows } from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeMember, makeOrganisation, makeUnits, nextNumber } from '../helpers/factories';

/**
 * Participation, closed waves that stay closed, and the wave side of link waves (docs/anonymity.md,
 * "Participation", "Across waves" and "Link waves"), on the real services and database:
 * - a closed wave's participation on the wave page is the heatmap's n, unit for unit;
 * - the first showing of anything of a closed wave releases it, and a released wave cannot be
 *   reopened, so its figures never change, whatever is answered, moved or closed afterwards;
 * - a unit with more link answers than staff at close counts nowhere.
 */
const testDb = useTestDatabase();

const TODAY = '2026-03-10';
const CLOSES = '2026-03-31';

interface UnitSpec {
	/** Index of the parent among the units before it, or null for a top unit. */
	parent: number | null;
	headcount: number;
	answers: number;
}

/** A generated organisation: 2 to 7 units, small teams so that k matters. */
const organisations = fc
	.record({
		k: fc.integer({ min: 3, max: 5 }),
		units: fc.array(
			fc.record({
				parent: fc.option(fc.nat(), { nil: null }),
				headcount: fc.integer({ min: 1, max: 7 }),
				answers: fc.nat({ max: 7 })
			}),
			{ minLength: 2, maxLength: 7 }
		)
	})
	.map(({ k, units }) => ({
		k,
		units: units.map((u, i): UnitSpec => ({
			parent: u.parent === null || i === 0 ? null : u.parent % i,
			headcount: u.headcount,
			answers: Math.min(u.answers, u.headcount)
		}))
	}));

async function makeWorld(spec: { k: number; units: UnitSpec[] }) {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Releases ${n}`);
	await testDb.db
		.updateTable('organisation')
		.set({ min_group_size: spec.k })
		.where('id', '=', org.id)
		.execute();
	const codes = spec.units.map((_, i) => `U${i}`);
	const ids = await makeUnits(
		testDb.db,
		org.id,
		spec.units.map((u, i) => [codes[i]!, u.parent === null ? null : codes[u.parent]!, u.headcount])
	);
	const unitIds = codes.map((c) => ids[c]!);
	const member = (role: 'admin' | 'advisor') =>
		makeMember(testDb.db, { email: `${role}-${n}@example.test`, organisationId: org.id, role });
	const [admin, advisor] = [await member('admin'), await member('advisor')];
	const waveId = await createWave(
		testDb.db,
		advisor,
		org.id,
		waveFields({ includeModule: 'on', opensOn: '2026-03-01', closesOn: CLOSES }),
		unitIds,
		TODAY
	);
	const tokens = new Map((await waveUnitRows(testDb.db, waveId)).map((r) => [r.unit_id, r.link_token]));
	let answer = 0;
	const respond = async (unitId: string) => {
		// Answers differ from one person to the next, so that sums tell people apart.
		const fields = answerFields(BAROMETER, true);
		const shift = answer++ % 4;
		for (const name of Object.keys(fields))
			fields[name] = String(1 + ((Number(fields[name]) - 1 + shift) % 5));
		return submitResponse(
			testDb.db,
			{ via: 'link', token: tokens.get(unitId)! },
			{ ...fields, unitId, nonce: newSubmissionNonce() },
			TODAY
		);
	};
	for (const [i, u] of spec.units.entries()) for (let a = 0; a < u.answers; a++) await respond(unitIds[i]!);
	return { org, admin, advisor, waveId, unitIds, respond };
}

type World = Awaited<ReturnType<typeof makeWorld>>;

/** Everything the heatmap shows of each unit of the wave, and of the organisation. */
function figuresOf(map: Heatmap) {
	return Object.fromEntries(
		[map.organisation!, ...map.rows].map((r) => [r.unitId, { respondents: r.respondents, cells: r.cells }])
	);
}

const readHeatmap = (w: World) => heatmap(testDb.db, w.advisor, w.org.id, { waveId: w.waveId, today: TODAY });

describe('participation of a closed wave', () => {
	it('shows for every unit exactly what the heatmap shows (generated organisations)', async () => {
		await fc.assert(
			fc.asyncProperty(organisations, async (spec) => {
				const w = await makeWorld(spec);
				const open = await getWaveOverview(testDb.db, w.advisor, w.org.id, w.waveId, TODAY);
				expect(JSON.stringify(open)).not.toMatch(/"n":|"count"/);
				await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
				const overview = await getWaveOverview(testDb.db, w.advisor, w.org.id, w.waveId, TODAY);
				const map = await readHeatmap(w);
				const rows = new Map(map.rows.map((r) => [r.unitId, r]));
				for (const unit of overview.units) expect(unit.respondents).toEqual(rows.get(unit.id)!.respondents);
				expect(overview.organisation).toEqual(map.organisation!.respondents);
				// A hidden unit carries its reason only.
				for (const unit of overview.units)
					if (!unit.respondents!.shown)
						expect(Object.keys(unit.respondents!).sort()).toEqual(['reason', 'shown']);
			}),
			{ numRuns: 12, seed: 20261203 }
		);
	});
});

describe('a released wave is final', () => {
	it('records one release at the first showing, with the plan the heatmap used', async () => {
		const w = await makeWorld({
			k: 3,
			units: [
				{ parent: null, headcount: 2, answers: 2 },
				{ parent: 0, headcount: 5, answers: 4 },
				{ parent: 0, headcount: 5, answers: 1 }
			]
		});
		await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
		expect((await findReleases(testDb.db, w.org.id, 'wave', [w.waveId])).size).toBe(0);
		const map = await readHeatmap(w);
		const release = (await findReleases(testDb.db, w.org.id, 'wave', [w.waveId])).get(w.waveId)!;
		expect(release).toMatchObject({ kind: 'wave', k: 3, releasedOn: TODAY });
		const shown = [map.organisation!, ...map.rows].filter((r) => r.respondents.shown).map((r) => r.unitId);
		expect([...release.shown].sort()).toEqual(shown.sort());
		expect(Object.values(release.own).reduce((a, b) => a + b, 0)).toBe(7);
		await expectProblem(
			setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, false, {}, TODAY),
			'wave',
			'waves.reopenReleased'
		);
	});

	it.each([
		['the attention list', (w: World) => attentionList(testDb.db, w.advisor, w.org.id, { today: TODAY })],
		[
			'a unit page',
			(w: World) => unitResults(testDb.db, w.advisor, w.org.id, w.unitIds[0]!, { today: TODAY })
		],
		['the participation', (w: World) => getWaveOverview(testDb.db, w.advisor, w.org.id, w.waveId, TODAY)]
	])('is released by %s as well', async (_name, read) => {
		const w = await makeWorld({ k: 3, units: [{ parent: null, headcount: 6, answers: 4 }] });
		await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
		await read(w);
		expect((await findReleases(testDb.db, w.org.id, 'wave', [w.waveId])).has(w.waveId)).toBe(true);
		await expectProblem(
			setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, false, {}, TODAY),
			'wave',
			'waves.reopenReleased'
		);
	});

	it('is final once read after its closing date passed and it was summarised without anyone closing it', async () => {
		const w = await makeWorld({ k: 3, units: [{ parent: null, headcount: 6, answers: 4 }] });
		const later = '2026-04-02';
		await heatmap(testDb.db, w.advisor, w.org.id, { today: later });
		await expectProblem(
			setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, false, { closesOn: '2026-04-30' }, later),
			'wave',
			'waves.reopenReleased'
		);
	});

	it('keeps its figures when a team moves and the wave is closed again after it was read', async () => {
		const w = await makeWorld({
			k: 3,
			units: [
				{ parent: null, headcount: 0, answers: 0 },
				{ parent: 0, headcount: 4, answers: 4 },
				{ parent: null, headcount: 5, answers: 5 },
				{ parent: 2, headcount: 1, answers: 1 }
			]
		});
		await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
		const first = figuresOf(await readHeatmap(w));
		// The one-person team moves to the other department; closing again is no new close.
		await moveUnit(testDb.db, w.admin, w.org.id, w.unitIds[3]!, w.unitIds[0]!);
		await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
		expect(figuresOf(await readHeatmap(w))).toEqual(first);
	});

	it('can still be reopened when closed but not read', async () => {
		const w = await makeWorld({ k: 3, units: [{ parent: null, headcount: 6, answers: 4 }] });
		await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
		await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, false, {}, TODAY);
		const overview = await getWaveOverview(testDb.db, w.advisor, w.org.id, w.waveId, TODAY);
		expect(overview).toMatchObject({ status: 'open', released: false });
	});

	it('orders a first reader and a reopening: never a release of a wave that was reopened', async () => {
		for (let round = 0; round < 4; round++) {
			const w = await makeWorld({ k: 3, units: [{ parent: null, headcount: 6, answers: 4 }] });
			await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
			const [read, reopen] = await Promise.allSettled([
				readHeatmap(w),
				setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, false, {}, TODAY)
			]);
			const released = (await findReleases(testDb.db, w.org.id, 'wave', [w.waveId])).has(w.waveId);
			const wave = await testDb.db
				.selectFrom('wave')
				.select(['closed', 'summarised_at'])
				.where('id', '=', w.waveId)
				.executeTakeFirstOrThrow();
			if (reopen.status === 'fulfilled') {
				// The reader then either came first and found nothing released, or saw the wave reopened.
				expect(released).toBe(false);
				expect(wave.closed).toBe(false);
				if (read.status === 'fulfilled') expect(read.value.wave?.id ?? null).not.toBe(w.waveId);
			} else {
				expect(reopen.reason).toBeInstanceOf(ValidationError);
				expect(released).toBe(true);
				expect(wave.summarised_at).not.toBeNull();
			}
		}
	});

	/**
	 * Generated sequences of answers, closes, reads, reopenings and moves. The model knows only
	 * whether the wave is closed and whether it was read; the real run keeps the figures of the
	 * first read, and after every step a released wave must show exactly those figures again.
	 */
	it('never shows a released wave in another form (generated sequences)', async () => {
		interface Model {
			closed: boolean;
			released: boolean;
		}
		interface Real {
			w: World;
			first: ReturnType<typeof figuresOf> | null;
		}
		const legal = (e: unknown) => {
			if (!(e instanceof ValidationError) && (e as { status?: number }).status !== 404) throw e;
		};
		const checkFinal = async (model: Model, real: Real) => {
			if (!model.released) return;
			const map = await readHeatmap(real.w);
			expect(map.wave?.id).toBe(real.w.waveId);
			expect(figuresOf(map)).toEqual(real.first);
		};
		class Answer implements fc.AsyncCommand<Model, Real> {
			constructor(readonly unit: number) {}
			check = () => true;
			async run(model: Model, real: Real) {
				const unitId = real.w.unitIds[this.unit % real.w.unitIds.length]!;
				await real.w.respond(unitId).catch(legal);
				await checkFinal(model, real);
			}
			toString = () => `answer(${this.unit})`;
		}
		class Close implements fc.AsyncCommand<Model, Real> {
			check = () => true;
			async run(model: Model, real: Real) {
				await setWaveClosed(testDb.db, real.w.advisor, real.w.org.id, real.w.waveId, true, {}, TODAY);
				model.closed = true;
				await checkFinal(model, real);
			}
			toString = () => 'close';
		}
		class Reopen implements fc.AsyncCommand<Model, Real> {
			check = () => true;
			async run(model: Model, real: Real) {
				const reopening = setWaveClosed(
					testDb.db,
					real.w.advisor,
					real.w.org.id,
					real.w.waveId,
					false,
					{},
					TODAY
				);
				if (model.released) await expectProblem(reopening, 'wave', 'waves.reopenReleased');
				else {
					await reopening;
					model.closed = false;
				}
				await checkFinal(model, real);
			}
			toString = () => 'reopen';
		}
		class Read implements fc.AsyncCommand<Model, Real> {
			constructor(readonly what: 'heatmap' | 'participation' | 'unit') {}
			check = () => true;
			async run(model: Model, real: Real) {
				const { w } = real;
				if (this.what === 'participation')
					await getWaveOverview(testDb.db, w.advisor, w.org.id, w.waveId, TODAY);
				else if (this.what === 'unit')
					await unitResults(testDb.db, w.advisor, w.org.id, w.unitIds[0]!, { today: TODAY });
				else await heatmap(testDb.db, w.advisor, w.org.id, { today: TODAY });
				if (model.closed && !model.released) {
					model.released = true;
					real.first = figuresOf(await readHeatmap(w));
				}
				expect((await findReleases(testDb.db, w.org.id, 'wave', [w.waveId])).has(w.waveId)).toBe(
					model.released
				);
				await checkFinal(model, real);
			}
			toString = () => `read(${this.what})`;
		}
		class Move implements fc.AsyncCommand<Model, Real> {
			constructor(
				readonly unit: number,
				readonly parent: number | null
			) {}
			check = () => true;
			async run(model: Model, real: Real) {
				const ids = real.w.unitIds;
				const unitId = ids[this.unit % ids.length]!;
				const parentId = this.parent === null ? null : ids[this.parent % ids.length]!;
				await moveUnit(testDb.db, real.w.admin, real.w.org.id, unitId, parentId).catch(legal);
				await checkFinal(model, real);
			}
			toString = () => `move(${this.unit} → ${this.parent})`;
		}
		const commands = fc.commands(
			[
				fc.nat({ max: 6 }).map((u) => new Answer(u)),
				// Closes and reads twice as often: the interesting sequences close, read, then try again.
				fc.constant(new Close()),
				fc.constant(new Close()),
				fc.constant(new Reopen()),
				fc
					.constantFrom('heatmap' as const, 'participation' as const, 'unit' as const)
					.map((r) => new Read(r)),
				fc
					.constantFrom('heatmap' as const, 'participation' as const, 'unit' as const)
					.map((r) => new Read(r)),
				fc
					.tuple(fc.nat({ max: 6 }), fc.option(fc.nat({ max: 6 }), { nil: null }))
					.map(([u, p]) => new Move(u, p))
			],
			{ maxCommands: 12 }
		);
		await fc.assert(
			fc.asyncProperty(organisations, commands, async (spec, sequence) => {
				const w = await makeWorld(spec);
				await fc.asyncModelRun(
					() => ({ model: { closed: false, released: false }, real: { w, first: null } }),
					sequence
				);
			}),
			{ numRuns: 40, seed: 42 }
		);
	});
});

describe('a link wave at close', () => {
	it('leaves out a unit with more link answers than staff, and says why', async () => {
		const w = await makeWorld({
			k: 3,
			units: [
				{ parent: null, headcount: 0, answers: 0 },
				{ parent: 0, headcount: 5, answers: 5 },
				{ parent: 0, headcount: 6, answers: 6 }
			]
		});
		const [, padded, other] = w.unitIds;
		// Headcount lowered after the answers came: 5 answers, 3 people.
		await renameUnit(testDb.db, w.admin, w.org.id, padded!, { name: 'Unit U1', headcount: '3' });
		await setWaveClosed(testDb.db, w.advisor, w.org.id, w.waveId, true, {}, TODAY);
		const map = await readHeatmap(w);
		const row = map.rows.find((r) => r.unitId === padded)!;
		expect(row.overfull).toBe(true);
		expect(row.respondents.shown).toBe(false);
		// Its answers count nowhere: the organisation is the other unit alone.
		expect(map.organisation!.respondents).toMatchObject({ shown: true, n: 6 });
		expect(map.rows.find((r) => r.unitId === other)!.respondents).toMatchObject({ shown: true, n: 6 });
		const page = await unitResults(testDb.db, w.advisor, w.org.id, padded!, { today: TODAY });
		expect(page.history.waves[0]).toMatchObject({ overfull: true, respondents: { shown: false } });
	});
});
