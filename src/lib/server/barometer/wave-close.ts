import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { isUuid } from '../../domain/validation';
import { responseProgress, waveStatus, type ResponseProgress } from '../../domain/waves';
import { authorize, type Actor } from '../access';
import type { Database } from '../db/schema';
import { countResponsesByUnit, findWave, findWaveUnits } from './queries';

export interface WaveCloseConsequences {
	name: string;
	/** The organisation's participation as the wave page shows it while it runs: a band at most. */
	progress: ResponseProgress;
	k: number;
	sensitiveK: number;
	/** The planned closing date when closing moves it to today; null when it stays. */
	plannedClosesOn: string | null;
	today: string;
}

/**
 * What closing a wave will do, for the page that asks to confirm it: nothing is changed. The
 * participation is the organisation's band, never a count: during an open wave no count below k
 * may show (docs/anonymity.md, "Participation").
 */
export async function waveCloseConsequences(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	waveId: string,
	today: string
): Promise<WaveCloseConsequences | null> {
	authorize(actor, 'wave.edit', { organisationId });
	if (!isUuid(waveId)) error(404, 'error.notFound');
	const wave = await findWave(db, organisationId, waveId);
	if (!wave) error(404, 'error.notFound');
	const status = waveStatus({ opensOn: wave.opens_on, closesOn: wave.closes_on, closed: wave.closed }, today);
	// A closed wave has nothing to confirm: the action then answers as it always did.
	if (status === 'closed') return null;
	const [units, counts] = await Promise.all([
		findWaveUnits(db, organisationId, waveId),
		countResponsesByUnit(db, organisationId, waveId)
	]);
	const answers = [...counts.values()].reduce((a, b) => a + b, 0);
	const headcount = units.reduce((sum, u) => sum + (u.headcount ?? 0), 0);
	return {
		name: wave.name,
		progress: responseProgress(answers, headcount || null, wave.min_group_size),
		k: wave.min_group_size,
		sensitiveK: wave.sensitive_min_group_size,
		plannedClosesOn: today < wave.closes_on ? wave.closes_on : null,
		today
	};
}
