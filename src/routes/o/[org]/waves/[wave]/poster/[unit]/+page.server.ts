import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { getWaveOverview } from '$lib/server/barometer/waves';
import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** A printable A4 poster for one unit: the link as text and as a QR code. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const wave = await getWaveOverview(getDb(), locals.actor, params.org, params.wave, todayInBelgium(), {
		participation: 'never'
	});
	const unit = wave.units.find((u) => u.id === params.unit);
	// A wave run with personal codes has no links to print.
	if (!unit || !unit.linkToken) error(404, 'error.notFound');
	const link = `${url.origin}/b/${unit.linkToken}`;
	const qr = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return {
		poster: { waveName: wave.name, closesOn: wave.closesOn, unitName: unit.name, link, qr, k: wave.k }
	};
};
