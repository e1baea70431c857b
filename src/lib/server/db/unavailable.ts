/**
 * Whether an error means the database could not be reached or dropped the connection (a restart,
 * a failover, a terminated backend, refused or timed-out connections), as opposed to a fault in
 * the request or the code. Such a request is answered "briefly unavailable" (503) and the next
 * one tries again on a fresh connection.
 */
const SQLSTATE_UNAVAILABLE = new Set([
	'57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now: starting up or in recovery
	'53300', // too_many_connections
	'25006' // read_only_sql_transaction: a replica promoted late during a failover
]);

const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);

const CONNECTION_MESSAGES = [
	'Connection terminated',
	'timeout exceeded when trying to connect',
	'Client has encountered a connection error and is not queryable',
	'Client was closed and is not queryable',
	'Cannot use a pool after calling end on the pool'
];

export function isDatabaseUnavailable(error: unknown): boolean {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
		const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof code === 'string') {
			if (SQLSTATE_UNAVAILABLE.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return true;
		}
		if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
		e = cause;
	}
	return false;
}
