/** Failed-attempt counting with a fixed window, as a pure function of the previous state. */
export interface ThrottleRule {
	maxFailures: number;
	windowMs: number;
	blockMs: number;
}

export interface ThrottleState {
	failures: number;
	windowStartedAt: Date;
	blockedUntil: Date | null;
}

export function throttleState(previous: ThrottleState | null, rule: ThrottleRule, now: Date): ThrottleState {
	const windowOpen = previous !== null && now.getTime() - previous.windowStartedAt.getTime() < rule.windowMs;
	const failures = windowOpen ? previous.failures + 1 : 1;
	const windowStartedAt = windowOpen ? previous.windowStartedAt : now;
	const stillBlocked = previous?.blockedUntil && previous.blockedUntil > now ? previous.blockedUntil : null;
	const blockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.blockMs) : stillBlocked;
	return { failures, windowStartedAt, blockedUntil };
}
