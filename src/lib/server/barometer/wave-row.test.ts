import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BAROMETER } from '../../instruments';
import { storedDefinition, waveRowToWave } from './wave-row';

/** A definition as the database gives it back: plain JSON, nothing shared with BAROMETER. */
const stored = () => JSON.parse(JSON.stringify(BAROMETER)) as unknown;

const withoutItems = () => ({ ...(stored() as object), items: [] });

describe('waveRowToWave', () => {
	it('gives the definition as the instrument it is, frozen, with the other columns as read', () => {
		const row = { id: randomUUID(), name: 'Spring', include_module: true, definition: stored() };
		const wave = waveRowToWave(row);
		expect(wave.definition).toEqual(BAROMETER);
		expect(Object.isFrozen(wave.definition)).toBe(true);
		expect(Object.isFrozen(wave.definition.items[0])).toBe(true);
		expect(wave).toMatchObject({ id: row.id, name: 'Spring', include_module: true });
	});

	it.each([
		['nothing', null],
		['a text', 'barometer'],
		['an empty object', {}],
		['a definition without items', withoutItems()]
	])('refuses %s as a stored definition, naming the wave', (_, definition) => {
		const id = randomUUID();
		expect(() => waveRowToWave({ id, definition })).toThrow(`wave ${id}`);
		expect(() => waveRowToWave({ definition })).toThrow('a wave');
	});

	it('checks a wave once: its definition does not change', () => {
		const id = randomUUID();
		const first = waveRowToWave({ id, definition: stored() }).definition;
		expect(waveRowToWave({ id, definition: stored() }).definition).toBe(first);
		// A row without its id cannot be recognised, and is checked each time.
		expect(() => waveRowToWave({ definition: withoutItems() })).toThrow('not a valid instrument');
	});
});

describe('storedDefinition', () => {
	it('names where a definition that is not an instrument was found', () => {
		expect(() => storedDefinition(withoutItems(), 'instrument own@2')).toThrow(
			'The stored definition of instrument own@2 is not a valid instrument: instrument.noItems at items'
		);
		expect(storedDefinition(stored(), 'instrument own@2')).toEqual(BAROMETER);
	});
});
