import { BAROMETER } from './barometer';
import type { Dimension, InstrumentDefinition, Item, Localised } from './types';

export { BAROMETER } from './barometer';
export { INSTRUMENT_PROBLEM_KEYS, validateInstrument } from './schema';
export type * from './types';
export { RISK_DOMAINS } from './types';

/** The instruments that ship with the product; organisations may load their own besides. */
export const BUILT_IN_INSTRUMENTS: readonly InstrumentDefinition[] = Object.freeze([BAROMETER]);

/** The built-in instrument with this key and version, or null. */
export function findBuiltIn(key: string, version: number): InstrumentDefinition | null {
	return BUILT_IN_INSTRUMENTS.find((d) => d.key === key && d.version === version) ?? null;
}

/** The items a respondent sees, in display order: the instrument's own, then the module's. */
export function itemsOf(definition: InstrumentDefinition, includeModule: boolean): Item[] {
	return includeModule && definition.module
		? [...definition.items, ...definition.module.items]
		: [...definition.items];
}

/** The dimensions to report, in display order: the instrument's own, then the module's. */
export function dimensionsOf(definition: InstrumentDefinition, includeModule: boolean): Dimension[] {
	return includeModule && definition.module
		? [...definition.dimensions, ...definition.module.dimensions]
		: [...definition.dimensions];
}

/**
 * A dimension's label for narrow columns: its own short name, else that of the same dimension in
 * a built-in instrument of the same key (waves keep the definition they started with, which may
 * predate short names), else its full name.
 */
export function shortNameOf(definition: Pick<InstrumentDefinition, 'key'>, dimension: Dimension): Localised {
	if (dimension.shortName) return dimension.shortName;
	for (const builtIn of BUILT_IN_INSTRUMENTS) {
		if (builtIn.key !== definition.key) continue;
		const same = dimensionsOf(builtIn, true).find((d) => d.id === dimension.id);
		if (same?.shortName) return same.shortName;
	}
	return dimension.name;
}
