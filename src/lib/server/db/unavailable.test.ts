import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
	it.each([
		['a terminated backend', pgError('57P01', 'terminating connection due to administrator command')],
		['a crashed server', pgError('57P02')],
		['a server starting up', pgError('57P03', 'the database system is starting up')],
		['too many connections', pgError('53300')],
		['a connection exception class', pgError('08006')],
		['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
		['a reset connection', pgError('ECONNRESET')],
		['a dropped socket', new Error('Connection terminated unexpectedly')],
		['a pool timeout', new Error('timeout exceeded when trying to connect')],
		['a broken client', new Error('Client has encountered a connection error and is not queryable')],
		['a wrapped cause', new Error('query failed', { cause: pgError('57P01') })]
	])('%s is the database out of reach', (_, error) => {
		expect(isDatabaseUnavailable(error)).toBe(true);
	});

	it.each([
		['a unique violation', pgError('23505')],
		['a syntax error', pgError('42601')],
		['a numeric overflow', pgError('22003')],
		['a plain error', new Error('boom')],
		['not an error', 'Connection terminated'],
		['nothing', null]
	])('%s is not', (_, error) => {
		expect(isDatabaseUnavailable(error)).toBe(false);
	});
});
