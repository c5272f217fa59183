import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

import { useClock, type Clock } from '../../nodes/shared/delivery/clock';
import { useWindowClock } from '../../dev/sandbox/rateWindow';

export interface VirtualClock extends Clock {
	/** Milliseconds on this clock since it was made. */
	elapsed(): number;
}

const HTTP_REQUEST_START = 'http.client.request.start';

export interface VirtualTimeOptions {
	/**
	 * Whether the clock holds while an HTTP request is out (default): the sandbox then counts each request
	 * at the time the pacer let it go, as rate-cap tests need. Without, idle waits are skipped whatever is
	 * out, for runs whose answers hang on the wall (a provider slower than n8n's timeout) and that check
	 * no rate cap.
	 */
	holdWhileRequestsOut?: boolean;
}

/**
 * Wall time with the idle waits cut out, for code that also waits on real I/O (an engine run against
 * the sandbox). While an HTTP request is out, time runs as on the wall; once none is and the event
 * loop has gone round twice with nothing new, the earliest sleeper wakes at once and the clock jumps
 * to its time. So a run paced at 2/s takes milliseconds, yet everything reading this clock (the pacer,
 * the retry waits, the sandbox's rate windows) sees the same seconds pass: nothing happened in the
 * skipped stretch that a wall-clock run would have seen. A sleeper still wakes on its real timer when
 * requests stay out that long (a provider slower than the timeout).
 */
export function virtualClock(options: VirtualTimeOptions = {}): VirtualClock & { stop(): void } {
	const hold = options.holdWhileRequestsOut ?? true;
	const start = Date.now();
	let skipped = 0;
	let inFlight = 0;
	/** Bumped on every request start and end: a skip needs two quiet turns of the event loop. */
	let activity = 0;
	let checking = false;
	const sleepers = new Set<{ at: number; wake: () => void }>();
	const now = () => Date.now() + skipped;

	const skipWhenIdle = () => {
		if (checking || sleepers.size === 0) return;
		checking = true;
		const seen = activity;
		setImmediate(() =>
			setImmediate(() => {
				checking = false;
				if ((hold && inFlight > 0) || sleepers.size === 0) return;
				if (activity !== seen) return skipWhenIdle();
				const next = [...sleepers].reduce((first, sleeper) =>
					sleeper.at < first.at ? sleeper : first,
				);
				skipped += Math.max(0, next.at - now());
				next.wake();
			}),
		);
	};

	const onRequest = (message: unknown) => {
		const { request } = message as { request: ClientRequest };
		inFlight += 1;
		activity += 1;
		request.once('close', () => {
			inFlight -= 1;
			activity += 1;
			skipWhenIdle();
		});
	};
	subscribe(HTTP_REQUEST_START, onRequest);

	return {
		now,
		elapsed: () => now() - start,
		sleep: async (ms) =>
			await new Promise<void>((resolve) => {
				const sleeper = {
					at: now() + Math.max(0, ms),
					wake: () => {
						if (!sleepers.delete(sleeper)) return;
						clearTimeout(timer);
						resolve();
						skipWhenIdle();
					},
				};
				const timer = setTimeout(sleeper.wake, Math.max(0, ms));
				sleepers.add(sleeper);
				skipWhenIdle();
			}),
		stop: () => unsubscribe(HTTP_REQUEST_START, onRequest),
	};
}

let installed: ReturnType<typeof virtualClock> | undefined;

/**
 * Puts the delivery layer (pacer, retry waits, validate-all gate) and the sandbox's rate windows on
 * one virtual clock, until `useWallTime`. Call it in a `beforeEach` and `useWallTime` in an `afterEach`.
 */
export function useVirtualTime(options: VirtualTimeOptions = {}): VirtualClock {
	useWallTime();
	installed = virtualClock(options);
	useClock(installed);
	useWindowClock(installed.now);
	return installed;
}

/** Back to the wall clock for the delivery layer and the sandbox, and to the real `Date`. */
export function useWallTime(): void {
	installed?.stop();
	installed = undefined;
	useClock();
	useWindowClock();
	jest.useRealTimers();
}

/** Every timer jest could fake: they stay real, only `Date` moves. */
const REAL_TIMERS = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

/**
 * Moves `Date` ahead by `ms` at once, then on with the wall: for the code that reads `Date` itself
 * (access-token lifetimes, in the credentials and the sandbox alike), the wait is cut out as the
 * virtual clock cuts the delivery layer's. Undo with `useWallTime`.
 */
export function skipDate(ms: number): void {
	jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], advanceTimers: true, now: Date.now() + ms });
}
