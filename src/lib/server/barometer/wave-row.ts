import { validateInstrument } from '../../instruments/schema';
import type { InstrumentDefinition } from '../../instruments/types';

/**
 * Wave and instrument rows at the query boundary. The database types a stored definition as
 * `unknown` (it is JSON); the readers get it here as the instrument it is, checked with the same
 * validation an organisation's own instrument passes before it is stored, or an error.
 */

/** A row as read, with its definition as an instrument. */
export type WithDefinition<Row extends { definition: unknown }> = Omit<Row, 'definition'> & {
	definition: InstrumentDefinition;
};

/** A stored definition (of a wave or an instrument) as the instrument it is; throws when it is not one. */
export function storedDefinition(stored: unknown, source: string): InstrumentDefinition {
	const result = validateInstrument(stored);
	if (result.ok) return deepFreeze(result.value);
	const [first] = result.problems;
	throw new Error(
		`The stored definition of ${source} is not a valid instrument: ${first?.key} at ${first?.path}`
	);
}

/**
 * A wave keeps the definition it was created with (createWave writes it, nothing changes it), so
 * a wave's definition is checked once per process and then served from here, frozen.
 */
const checkedByWave = new Map<string, InstrumentDefinition>();
const CHECKED_WAVES = 1000;

/**
 * A wave row (every column, or those a query selects) with its definition as an instrument. A
 * row with its id is checked once per wave (see above); a row without one each time.
 */
export function waveRowToWave<Row extends { definition: unknown; id?: string }>(
	row: Row
): WithDefinition<Row> {
	const id = row.id;
	let definition = id === undefined ? undefined : checkedByWave.get(id);
	if (!definition) {
		definition = storedDefinition(row.definition, id === undefined ? 'a wave' : `wave ${id}`);
		if (id !== undefined) {
			if (checkedByWave.size >= CHECKED_WAVES) checkedByWave.delete(checkedByWave.keys().next().value!);
			checkedByWave.set(id, definition);
		}
	}
	return { ...row, definition };
}

/** Freezes a checked definition: one object serves every request for its wave. */
function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
