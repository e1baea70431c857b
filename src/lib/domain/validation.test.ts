import { describe, expect, it } from 'vitest';
import { isUuid } from './validation';

describe('isUuid', () => {
	it.each([
		['0a94954d-4859-47a8-8a7b-cbf4b8ca74f4', true],
		['0A94954D-4859-47A8-8A7B-CBF4B8CA74F4', true],
		['0a94954d485947a88a7bcbf4b8ca74f4', false],
		['0a94954d-4859-47a8-8a7b-cbf4b8ca74f', false],
		['0a94954d-4859-47a8-8a7b-cbf4b8ca74f4 ', false],
		['0a94954d-4859-47a8-8a7b-cbf4b8ca74g4', false],
		["1' or '1'='1", false],
		['', false]
	])('%j → %s', (value, expected) => {
		expect(isUuid(value)).toBe(expected);
	});
});
