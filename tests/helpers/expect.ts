import { expect } from 'vitest';
import { ValidationError } from '../../src/lib/domain/validation';

/** Expects the promise to reject with a ValidationError that has the given message key on `field`. */
export async function expectProblem(promise: Promise<unknown>, field: string, key: string) {
	await expect(promise).rejects.toBeInstanceOf(ValidationError);
	await expect(promise).rejects.toMatchObject({ problems: { [field]: { key } } });
}
