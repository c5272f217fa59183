import { sleep } from 'n8n-workflow';

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

/** Call when the request's answer (or failure) is in. */
export type Done = () => void;

interface Slot {
	/** When the request had certainly reached the provider: its answer, or the bound above. */
	arrived: Promise<number>;
}

interface Bucket {
	perSecond: number;
	/** When the next request may start, on an even spacing. */
	nextStart: number;
	/** The last `perSecond` requests, a ring: request n waits for request n - perSecond to be a window old. */
	recent: Array<Slot | undefined>;
	cursor: number;
	/** Admissions are handed out in arrival order. */
	queue: Promise<void>;
}

// Module scope on purpose: one bucket per credential, shared by every item and every run of this n8n instance.
const buckets = new Map<string, Bucket>();

function bucketFor(key: string, perSecond: number): Bucket {
	let bucket = buckets.get(key);
	if (!bucket || bucket.perSecond !== perSecond) {
		const size = Math.max(1, Math.floor(perSecond));
		bucket = {
			perSecond,
			nextStart: 0,
			recent: new Array<Slot | undefined>(size),
			cursor: 0,
			queue: Promise.resolve(),
		};
		buckets.set(key, bucket);
	}
	return bucket;
}

function newSlot(started: number): { slot: Slot; done: Done } {
	let done: Done = () => {};
	const answered = new Promise<number>((resolve) => (done = () => resolve(Date.now())));
	// The time the bound's timer really fires, not started + bound: when a stall held the timer back, it
	// held the request's own sending back too.
	const bound = sleep(ARRIVAL_BOUND_MS).then(() =>
		Math.max(Date.now(), started + ARRIVAL_BOUND_MS),
	);
	return { slot: { arrived: Promise.race([answered, bound]) }, done };
}

async function admit(bucket: Bucket): Promise<Done> {
	const interval = WINDOW_MS / bucket.perSecond;
	const previous = bucket.recent[bucket.cursor];
	// The request perSecond places back must have arrived a full window ago: then no window at the
	// provider can hold more than perSecond, however the event loop bunched them on the way.
	const earliest = Math.max(bucket.nextStart, previous ? (await previous.arrived) + WINDOW_MS : 0);
	// A timer may fire a millisecond early by the clock: wait again until the time has really come.
	for (let wait = earliest - Date.now(); wait > 0; wait = earliest - Date.now()) await sleep(wait);
	const started = Date.now();
	const { slot, done } = newSlot(started);
	bucket.recent[bucket.cursor] = slot;
	bucket.cursor = (bucket.cursor + 1) % bucket.recent.length;
	bucket.nextStart = Math.max(bucket.nextStart + interval, started - CATCH_UP_MS);
	return done;
}

/**
 * Waits until one more request may start under `perSecond` for this key. The returned function must be
 * called once the request's answer or failure is in.
 */
export async function pace(key: string, perSecond: number): Promise<Done> {
	if (!(perSecond > 0)) return () => {};
	const bucket = bucketFor(key, perSecond);
	const turn = bucket.queue.then(async () => await admit(bucket));
	bucket.queue = turn.then(() => undefined);
	return await turn;
}
