import { clock as deliveryClock, type Clock } from './clock';

const WINDOW_MS = 1000;

/**
 * A request counts at the provider when it arrives, which a busy n8n event loop can hold back after
 * the pacer let it go, and then send together with later ones. It has certainly arrived once its answer
 * is back; a request still unanswered after this long is taken to have arrived at this point (a slow
 * provider answers late, but was reached early).
 */
const ARRIVAL_BOUND_MS = 500;

/** After a late timer the pacer catches up this much at most: a longer burst would arrive bunched. */
const CATCH_UP_MS = 100;

/**
 * Adaptive rate, as the AWS SDKs' adaptive retry mode: a throttling answer cuts the rate to BETA of what
 * was sent, then it regrows on a CUBIC curve, back to the rate at the cut after K seconds and on up to
 * the configured rate. Independent senders on one account (other n8n workers or instances, the
 * customer's own backend) so converge on the provider's limit without sharing any state.
 * BETA is 0.8, not the SDKs' 0.7: a shallower cut keeps two to three workers 2–4 points nearer the
 * limit over a campaign, for a few more refusals, which the retries absorb (test/support/sharedLimit.ts,
 * averaged over seeds and start offsets; then `npm run bench:queue`).
 */
const BETA = 0.8;
const CUBIC_SCALE = 0.4;
/**
 * Past the curve's plateau, this long without a throttling answer means the limit has room again (the
 * other sender finished): from there the rate doubles every PROBE_DOUBLING_S instead of creeping up the
 * cubic, so a campaign left alone is back at its configured rate in seconds, not tens of them.
 */
const PROBE_AFTER_S = 1;
const PROBE_DOUBLING_S = 1;
const MIN_RATE = 0.5;
/**
 * Nor below this share of the configured rate: up to ten processes on one credential still settle on
 * the provider's limit, while a provider that throttles at random (not by rate) cannot stall a campaign.
 */
const MIN_SHARE = 0.1;

/** A configured rate keeps holding this long after its last request, so that the lower of two holds between items. */
const RATE_LINGER_MS = WINDOW_MS;

/** Call when the request's answer (or failure) is in; `throttled` when the provider said to slow down. */
export type Done = (throttled?: boolean) => void;

interface Slot {
	started: number;
	/** When the request had certainly reached the provider: its answer, or the bound above. */
	arrived: Promise<number>;
}

interface Cut {
	at: number;
	/** The rate being sent at when the provider throttled. */
	rateAtCut: number;
	/** Seconds until the curve is back at `rateAtCut`. */
	k: number;
}

interface Bucket {
	/** The rates requested with this credential: requests in flight, and when the last one ended. */
	configured: Map<number, { active: number; lastSeen: number }>;
	lastConfigured: number;
	cut?: Cut;
	/** Admissions so far; the last cut applies to answers of requests admitted after `cutAfter`. */
	admitted: number;
	cutAfter: number;
	/** When the last request was scheduled to start, on an even spacing. */
	scheduled: number;
	/** When the current stretch of sending began (the measured rate needs a full window). */
	busySince: number;
	lastStart: number;
	/** The last requests, a ring: request n waits for request n - rate to be a window old. */
	recent: Array<Slot | undefined>;
	/** Admissions are handed out in arrival order. */
	queue: Promise<void>;
}

function newBucket(): Bucket {
	return {
		configured: new Map(),
		lastConfigured: Infinity,
		admitted: 0,
		cutAfter: 0,
		scheduled: -Infinity,
		busySince: -Infinity,
		lastStart: -Infinity,
		recent: [],
		queue: Promise.resolve(),
	};
}

/** The lowest rate requested with this credential by a request in flight or just finished. */
function ceiling(bucket: Bucket, now: number): number {
	let lowest = Infinity;
	for (const [rate, use] of bucket.configured) {
		if (use.active > 0 || now - use.lastSeen < RATE_LINGER_MS) lowest = Math.min(lowest, rate);
		else bucket.configured.delete(rate);
	}
	// Between runs, the last rate in use still holds for the curve.
	if (lowest < Infinity) bucket.lastConfigured = lowest;
	return bucket.lastConfigured;
}

function lowest(limit: number): number {
	return Math.max(MIN_RATE, limit * MIN_SHARE);
}

function currentRate(bucket: Bucket, now: number): number {
	const limit = ceiling(bucket, now);
	const cut = bucket.cut;
	if (!cut) return limit;
	const seconds = (now - cut.at) / 1000;
	const probing = seconds - cut.k - PROBE_AFTER_S;
	const regrown = Math.max(
		CUBIC_SCALE * (seconds - cut.k) ** 3 + cut.rateAtCut,
		probing > 0 ? cut.rateAtCut * 2 ** (probing / PROBE_DOUBLING_S) : 0,
	);
	if (regrown >= limit) bucket.cut = undefined;
	return Math.min(limit, Math.max(lowest(limit), regrown));
}

/** The slot admitted `back` admissions ago, if the ring still holds it. */
function slotBack(bucket: Bucket, back: number): Slot | undefined {
	if (back > bucket.admitted || back > bucket.recent.length) return undefined;
	return bucket.recent[(bucket.admitted - back) % bucket.recent.length];
}

/** A ring long enough to look `size` requests back, keeping the ones it holds. */
function ensureRing(bucket: Bucket, size: number): void {
	const old = bucket.recent;
	if (old.length >= size) return;
	const ring = new Array<Slot | undefined>(size);
	for (let n = Math.max(0, bucket.admitted - old.length); n < bucket.admitted; n++)
		ring[n % size] = old[n % old.length];
	bucket.recent = ring;
}

/** Requests started in the last window, per second; undefined while sending for less than a window. */
function measuredRate(bucket: Bucket, now: number): number | undefined {
	if (now - bucket.busySince < WINDOW_MS) return undefined;
	let count = 0;
	for (let back = 1; ; back++) {
		const slot = slotBack(bucket, back);
		if (!slot || slot.started <= now - WINDOW_MS) break;
		count++;
	}
	return (count * 1000) / WINDOW_MS;
}

/**
 * Paces requests per key (one credential): at most the configured rate in any window at the provider,
 * less after the provider throttled. State is per process, on purpose: n8n gives a node no shared
 * store, and the adaptive rate makes separate processes settle on the provider's limit instead.
 */
export class Pacer {
	private readonly buckets = new Map<string, Bucket>();

	constructor(private readonly clock: Clock = deliveryClock) {}

	/**
	 * Waits until one more request may start under `perSecond` for this key. The returned function must be
	 * called once the request's answer or failure is in.
	 */
	async pace(key: string, perSecond: number): Promise<Done> {
		if (!(perSecond > 0)) return () => {};
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = newBucket();
			this.buckets.set(key, bucket);
		}
		const held = bucket;
		const use = held.configured.get(perSecond) ?? { active: 0, lastSeen: 0 };
		use.active += 1;
		held.configured.set(perSecond, use);
		const turn = held.queue.then(async () => await this.admit(held));
		held.queue = turn.then(() => undefined);
		const answered = await turn;
		let finished = false;
		return (throttled = false) => {
			if (finished) return;
			finished = true;
			use.active -= 1;
			use.lastSeen = this.clock.now();
			answered(throttled);
		};
	}

	/** The rate this key is paced at now (the configured one unless the provider throttled lately). */
	rate(key: string): number | undefined {
		const bucket = this.buckets.get(key);
		return bucket ? currentRate(bucket, this.clock.now()) : undefined;
	}

	private earliest(bucket: Bucket, rate: number, previous: number | undefined): number {
		const spaced = bucket.scheduled + WINDOW_MS / rate;
		return Math.max(spaced, previous === undefined ? -Infinity : previous + WINDOW_MS);
	}

	private async admit(bucket: Bucket): Promise<(throttled: boolean) => void> {
		// The rate may be cut while this request waits: then it waits on, at the new rate.
		for (;;) {
			const rate = currentRate(bucket, this.clock.now());
			const back = Math.max(1, Math.floor(rate));
			ensureRing(bucket, back);
			// The request `rate` places back must have arrived a full window ago: then no window at the
			// provider can hold more than the rate, however the event loop bunched them on the way.
			const previous = slotBack(bucket, back);
			const earliest = this.earliest(bucket, rate, previous && (await previous.arrived));
			const wait = earliest - this.clock.now();
			// A timer may fire a millisecond early by the clock: the loop waits again until the time has come.
			if (wait <= 0) break;
			await this.clock.sleep(wait);
		}
		const started = this.clock.now();
		const rate = currentRate(bucket, started);
		if (started - bucket.lastStart > WINDOW_MS) bucket.busySince = started;
		bucket.lastStart = started;
		bucket.scheduled = Math.max(bucket.scheduled + WINDOW_MS / rate, started - CATCH_UP_MS);
		const sequence = bucket.admitted + 1;
		let answer: (throttled: boolean) => void = () => {};
		const answered = new Promise<number>(
			(resolve) =>
				(answer = (throttled) => {
					const now = this.clock.now();
					if (throttled && sequence > bucket.cutAfter) this.cut(bucket, now);
					resolve(now);
				}),
		);
		// The time the bound's timer really fires, not started + bound: when a stall held the timer back, it
		// held the request's own sending back too.
		const bound = this.clock
			.sleep(ARRIVAL_BOUND_MS)
			.then(() => Math.max(this.clock.now(), started + ARRIVAL_BOUND_MS));
		const slot: Slot = { started, arrived: Promise.race([answered, bound]) };
		bucket.recent[bucket.admitted % bucket.recent.length] = slot;
		bucket.admitted = sequence;
		return answer;
	}

	/** Once per round of requests: the answers of requests sent before a cut say nothing of the new rate. */
	private cut(bucket: Bucket, now: number): void {
		const sending = currentRate(bucket, now);
		const measured = measuredRate(bucket, now);
		const rateAtCut = Math.max(
			lowest(ceiling(bucket, now)),
			Math.min(sending, measured ?? sending),
		);
		bucket.cut = {
			at: now,
			rateAtCut,
			k: Math.cbrt((rateAtCut * (1 - BETA)) / CUBIC_SCALE),
		};
		bucket.cutAfter = bucket.admitted;
	}
}

// Module scope on purpose: one bucket per credential, shared by every item and every run of this n8n process.
const shared = new Pacer();

/**
 * Waits until one more request may start under `perSecond` for this key. The returned function must be
 * called once the request's answer or failure is in, with `true` when the provider throttled it.
 */
export async function pace(key: string, perSecond: number): Promise<Done> {
	return await shared.pace(key, perSecond);
}
