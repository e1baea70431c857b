import type { MessageKey } from '../../i18n';
import { RATE_INDICATORS, type RateFinding, type RateIndicatorId } from './rates';
import type { Finding } from './ranking';
import type { WarningMessage } from './shared';

/** The sentences of findings, as messages of the catalogue, and their rendering as text. */

const round = (value: number, decimals: number) => {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
};

/** One decimal, two below 1 (a month's frequency of 0.24 is not 0.2). */
function rateValue(indicator: RateIndicatorId, value: number): WarningMessage {
	const decimals = Math.abs(value) < 1 ? 2 : 1;
	return {
		key: `warning.value.${RATE_INDICATORS[indicator].unit}`,
		params: { value: round(value, decimals) }
	};
}

function persistenceMessage(f: RateFinding): WarningMessage {
	if (f.consecutive >= 2) return { key: 'warning.persistence.run', params: { count: f.consecutive } };
	if (f.consecutive === 1 && f.monthsAbove === 1) return { key: 'warning.persistence.latest', params: {} };
	return { key: 'warning.persistence.recent', params: { count: f.monthsAbove, window: f.window } };
}

/**
 * The sentence of a finding, e.g. "kort verzuim 5,9% over de laatste 4 maanden, organisatie
 * 3,4% (4 maanden op rij boven de band)" or "uitputting: 38% oranje of rood, was 21%". It names the indicator or dimension and
 * the numbers, never a person, and draws no conclusion about anyone's health.
 */
export function reasonMessage(f: Finding): WarningMessage {
	if (f.kind === 'rate') {
		const subject: WarningMessage = { key: `warning.indicator.${f.indicator}`, params: {} };
		const value = rateValue(f.indicator, f.value);
		const reference = rateValue(f.indicator, f.reference);
		const period: WarningMessage =
			f.months === 1
				? { key: 'warning.period.lastMonth', params: {} }
				: { key: 'warning.period.lastMonths', params: { count: f.months } };
		if (f.comparison === 'own-history')
			return {
				key: 'warning.reason.rateVsOwnHistory',
				params: { subject, value, period, baseline: reference },
				detail: persistenceMessage(f)
			};
		return {
			key: 'warning.reason.rateVsOrganisation',
			params: { subject, value, period, organisation: reference },
			detail: persistenceMessage(f)
		};
	}
	const subject = { dimension: f.dimension };
	const decimals = f.measure === 'share' ? 0 : 1;
	const value = round(f.value, decimals);
	const reference = round(f.reference, decimals);
	const repeated = f.consecutiveWaves >= 2;
	if (f.comparison === 'previous-wave') {
		const detail: WarningMessage | undefined = repeated
			? { key: 'warning.persistence.wavesWorse', params: { count: f.consecutiveWaves } }
			: undefined;
		return f.measure === 'share'
			? { key: 'warning.reason.shareVsPreviousWave', params: { subject, value, previous: reference }, detail }
			: { key: 'warning.reason.meanVsPreviousWave', params: { subject, value, previous: reference }, detail };
	}
	const detail: WarningMessage | undefined = repeated
		? { key: 'warning.persistence.wavesWorseThanOrganisation', params: { count: f.consecutiveWaves } }
		: undefined;
	return f.measure === 'share'
		? {
				key: 'warning.reason.shareVsOrganisation',
				params: { subject, value, organisation: reference },
				detail
			}
		: {
				key: 'warning.reason.meanVsOrganisation',
				params: { subject, value, organisation: reference },
				detail
			};
}

export interface MessageRenderer {
	/** The catalogue's translate for the reader's language (t, or translate bound to a locale). */
	t: (key: MessageKey, params?: Record<string, string | number>) => string;
	/** A number in the reader's language (formatNumber bound to the locale). */
	number: (value: number) => string;
	/** A dimension's name in the reader's language, from the wave's instrument definition. */
	dimensionName: (id: string) => string;
}

/** A message as text: nested messages first, numbers formatted, the detail in parentheses. */
export function renderMessage(message: WarningMessage, render: MessageRenderer): string {
	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries(message.params)) {
		params[name] =
			typeof value === 'number'
				? render.number(value)
				: 'key' in value
					? renderMessage(value, render)
					: render.dimensionName(value.dimension);
	}
	const text = render.t(message.key, params);
	return message.detail ? `${text} (${renderMessage(message.detail, render)})` : text;
}
