import { sleep } from 'n8n-workflow';

/** Where the delivery layer reads the time and waits: the real clock, or a test's fake one. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

/** The pacer, the validate-all gate and the retry waits all use this one. */
export const clock: Clock = { ...realClock };

/** Replaces the clock (tests); without an argument, restores the real one. */
export function useClock(replacement: Clock = realClock): void {
	clock.now = replacement.now;
	clock.sleep = replacement.sleep;
}
