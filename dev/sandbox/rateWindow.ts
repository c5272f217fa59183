/**
 * The time the sandbox reads (its rate windows and the times it records): the wall clock, unless a test
 * puts the sandbox on the virtual clock the nodes' delivery layer reads, or holds it still to count a
 * burst exactly.
 */
export const windowClock = { now: () => Date.now() };

/** Replaces the sandbox's clock (tests); without an argument, restores the wall clock. */
export function useWindowClock(now: () => number = () => Date.now()): void {
	windowClock.now = now;
}

/** Counts requests per key over a sliding one-second window, like a provider's rate cap. */
export class RateWindow {
	private readonly hits = new Map<string, number[]>();

	/** Records a request and tells whether it is within `perSecond`; refused requests are not counted. */
	admit(key: string, perSecond: number | undefined, now = windowClock.now()): boolean {
		if (!perSecond) return true;
		const recent = (this.hits.get(key) ?? []).filter((time) => time > now - 1000);
		const allowed = recent.length < perSecond;
		if (allowed) recent.push(now);
		this.hits.set(key, recent);
		return allowed;
	}

	reset(): void {
		this.hits.clear();
	}
}
