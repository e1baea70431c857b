import QRCode from 'qrcode';
import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { getWaveOverview } from './waves';

/**
 * The posters of a wave run with unit links: one per unit (or only `unitId`'s), each with its link
 * as text and as a QR code. A wave run with personal codes has none. Asks nothing about
 * participation, so printing posters never releases a wave.
 */
export async function wavePosters(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	waveId: string,
	today: string,
	origin: string,
	unitId?: string
) {
	const wave = await getWaveOverview(db, actor, organisationId, waveId, today, { participation: 'never' });
	const units = wave.units.filter((u) => u.linkToken && (unitId === undefined || u.id === unitId));
	const posters = await Promise.all(
		units.map(async (unit) => {
			const link = `${origin}/b/${unit.linkToken}`;
			return {
				unitId: unit.id,
				waveName: wave.name,
				closesOn: wave.closesOn,
				unitName: unit.name,
				link,
				qr: await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
				k: wave.k
			};
		})
	);
	return { waveId: wave.id, waveName: wave.name, entry: wave.entry, posters };
}
