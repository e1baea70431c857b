import { waveCloseConsequences } from '$lib/server/barometer/wave-close';
import { getWaveOverview, setWaveClosed } from '$lib/server/barometer/waves';
import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { done, formAction, readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	// A closed wave's participation releases it: shown when asked for, or once it was released anyway.
	wave: await getWaveOverview(getDb(), locals.actor, params.org, params.wave, todayInBelgium(), {
		participation: url.searchParams.has('participation') ? 'show' : 'ifReleased'
	}),
	origin: url.origin,
	today: todayInBelgium()
});

export const actions: Actions = {
	close: async ({ request, locals, params }) => {
		const form = await readForm(request);
		// The first post only says what closing will do; the confirmed one closes.
		if (form.confirmed !== 'yes') {
			const confirmClose = await waveCloseConsequences(
				getDb(),
				locals.actor,
				params.org,
				params.wave,
				todayInBelgium()
			);
			if (confirmClose) return { confirmClose };
		}
		return formAction(form, async () => {
			await setWaveClosed(getDb(), locals.actor, params.org, params.wave, true, form, todayInBelgium());
			return done('waves.closedDone');
		});
	},
	reopen: async ({ request, locals, params }) => {
		const form = await readForm(request);
		return formAction(form, async () => {
			await setWaveClosed(getDb(), locals.actor, params.org, params.wave, false, form, todayInBelgium());
			return done('waves.reopenedDone');
		});
	}
};
