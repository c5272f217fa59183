/** The time the rate windows read; a self-test holds it still to count a burst exactly. */
export const windowClock = { now: () => Date.now() };

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
