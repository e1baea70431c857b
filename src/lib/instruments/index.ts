import { BAROMETER } from './barometer';
import type { Dimension, InstrumentDefinition, Item } from './types';

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
