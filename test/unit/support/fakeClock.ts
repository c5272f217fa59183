import type { Clock } from '../../../nodes/shared/delivery/clock';

export interface FakeClock extends Clock {
	/** Virtual milliseconds since the clock was made. */
	elapsed(): number;
}

/**
 * Virtual time that runs itself: sleepers wait on the virtual clock, and once the real event loop
 * has nothing else to do (setImmediate), the earliest sleeper wakes and the clock jumps to its time.
 * Tests of waits then take microseconds, in the same order as real time would give them.
 */
export function fakeClock(start = 1_700_000_000_000): FakeClock {
	let now = start;
	const sleepers: Array<{ at: number; wake: () => void }> = [];
	const advance = () => {
		sleepers.sort((a, b) => a.at - b.at);
		const next = sleepers.shift();
		if (!next) return;
		now = Math.max(now, next.at);
		next.wake();
	};
	return {
		now: () => now,
		elapsed: () => now - start,
		sleep: async (ms) =>
			await new Promise<void>((wake) => {
				sleepers.push({ at: now + Math.max(0, ms), wake });
				setImmediate(advance);
			}),
	};
}
