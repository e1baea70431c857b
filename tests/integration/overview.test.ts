import { beforeAll, describe, expect, it } from 'vitest';
import { attentionList } from '../../src/lib/server/analytics/attention';
import { heatmap } from '../../src/lib/server/analytics/heatmap';
import { organisationOverview } from '../../src/lib/server/analytics/overview';
import { setWaveClosed } from '../../src/lib/server/barometer/waves';
import { analyticsOrganisation, answers } from '../helpers/analytics';
import { useTestDatabase } from '../helpers/db';

/**
 * The overview is assembled from the services every other page uses: its figures are theirs,
 * within the same scope (a manager's own subtree), and who may not see analytics gets nothing.
 */
const testDb = useTestDatabase();
const TODAY = '2026-03-10';

const setup = () =>
	analyticsOrganisation(testDb.db, 'Overview', TODAY, (code, p) =>
		answers(code === 'B2' ? 5 - (p % 2) : 1 + (p % 3), p % 2)
	);

describe('the organisation overview', () => {
	let s: Awaited<ReturnType<typeof setup>>;
	beforeAll(async () => {
		s = await setup();
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
	});

	it('shows an advisor the organisation: the heatmap’s participation and the attention list’s top units', async () => {
		const [overview, map, attention] = await Promise.all([
			organisationOverview(testDb.db, s.advisor, s.org.id, { today: TODAY }),
			heatmap(testDb.db, s.advisor, s.org.id, { today: TODAY }),
			attentionList(testDb.db, s.advisor, s.org.id, { today: TODAY })
		]);
		expect(overview.scope).toEqual({ kind: 'organisation' });
		expect(overview.wave).toMatchObject({ name: map.wave!.name, k: map.wave!.k });
		expect(overview.participation).toEqual(map.organisation!.respondents);
		expect(overview.attention.items.map((i) => [i.unitId, i.score, i.reason])).toEqual(
			attention.items.slice(0, 5).map((i) => [i.unitId, i.score, i.reasons[0]!.message])
		);
		expect(overview.attention.items.length).toBeGreaterThan(0);
		// One wave only: nothing to compare the themes with.
		expect(overview.previousWave).toBeNull();
		expect(overview.themes).toEqual({ worsened: [], improved: [] });
		expect(overview.measures).toMatchObject({ total: 0 });
		expect(overview.plans).toEqual([]);
	});

	it('shows a manager their own unit, the attention list within it, and no plans', async () => {
		const [overview, map, attention] = await Promise.all([
			organisationOverview(testDb.db, s.manager, s.org.id, { today: TODAY }),
			heatmap(testDb.db, s.manager, s.org.id, { today: TODAY }),
			attentionList(testDb.db, s.manager, s.org.id, { today: TODAY })
		]);
		expect(overview.scope).toMatchObject({ kind: 'unit', unitId: s.ids.A });
		expect(overview.participation).toEqual(map.rows.find((r) => r.unitId === s.ids.A)!.respondents);
		expect(overview.participation).not.toEqual(map.organisation!.respondents);
		const inScope = new Set(map.rows.map((r) => r.unitId));
		for (const item of overview.attention.items) expect(inScope.has(item.unitId)).toBe(true);
		expect(overview.attention.items.map((i) => i.unitId)).toEqual(
			attention.items.slice(0, 5).map((i) => i.unitId)
		);
		expect(overview.plans).toBeNull();
		expect(overview.measures).not.toBeNull();
	});

	it('shows HR the plans too, and refuses an admin and an advisor of another organisation', async () => {
		const overview = await organisationOverview(testDb.db, s.hr, s.org.id, { today: TODAY });
		expect(overview.plans).toEqual([]);
		await expect(organisationOverview(testDb.db, s.admin, s.org.id, { today: TODAY })).rejects.toMatchObject({
			status: 403
		});
		await expect(
			organisationOverview(testDb.db, s.otherAdvisor, s.org.id, { today: TODAY })
		).rejects.toMatchObject({ status: 404 });
	});

	it('has no signals before any are uploaded', async () => {
		const overview = await organisationOverview(testDb.db, s.advisor, s.org.id, { today: TODAY });
		expect(overview.signals).toBeNull();
	});
});
