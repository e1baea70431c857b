import type { Localised } from '$lib/instruments/types';
import { isMessageKey, type Locale } from '$lib/i18n';
import { t } from '$lib/i18n/t.svelte';

/** The name of a target: a dimension or work factor of the barometer, or a signal indicator. */
export function targetLabel(
	id: string,
	dimensions: readonly { id: string; name: Localised }[],
	locale: Locale
): string {
	const dimension = dimensions.find((d) => d.id === id);
	if (dimension) return dimension.name[locale];
	const key = `indicator.${id}`;
	return isMessageKey(key) ? t(key) : id;
}

/** A measure's targets, named, in one line. */
export function targetsLabel(
	targets: { dimensions: readonly string[]; signals: readonly string[] },
	dimensions: readonly { id: string; name: Localised }[],
	locale: Locale
): string {
	return [...targets.dimensions, ...targets.signals]
		.map((id) => targetLabel(id, dimensions, locale))
		.join(', ');
}
