import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;

/**
 * Requests leave here but are counted by the provider on arrival, a few to tens of milliseconds later
 * (a busy n8n event loop holds some back and then sends them together). Each window is therefore
 * stretched by a fixed guard: 5% of the rate, for a provider that never sees more than the limit.
 */
const GUARD_MS = 50;

interface Bucket {
	perSecond: number;
	windowMs: number;
	/** When the next request may start, on an even spacing. */
	nextStart: number;
	/** Start times of the last `perSecond` requests, a ring: no window holds more. */
	recent: number[];
	cursor: number;
	/** Admissions are handed out in arrival order. */
	queue: Promise<void>;
}

// Module scope on purpose: one bucket per credential, shared by every item and every run in the process.
const buckets = new Map<string, Bucket>();

function bucketFor(key: string, perSecond: number): Bucket {
	let bucket = buckets.get(key);
	if (!bucket || bucket.perSecond !== perSecond) {
		const size = Math.max(1, Math.floor(perSecond));
		bucket = {
			perSecond,
			windowMs: WINDOW_MS + GUARD_MS,
			nextStart: 0,
			recent: new Array<number>(size).fill(-Infinity),
			cursor: 0,
			queue: Promise.resolve(),
		};
		buckets.set(key, bucket);
	}
	return bucket;
}

async function admit(bucket: Bucket): Promise<void> {
	const interval = bucket.windowMs / bucket.perSecond;
	const now = Date.now();
	const wait = Math.max(bucket.nextStart - now, bucket.recent[bucket.cursor] + bucket.windowMs - now);
	if (wait > 0) await sleep(wait);
	const started = Date.now();
	bucket.recent[bucket.cursor] = started;
	bucket.cursor = (bucket.cursor + 1) % bucket.recent.length;
	// Catch up after a late timer (a busy event loop), but by a short burst only: a long one reaches the
	// provider bunched and trips its limit even when the window above allows it.
	bucket.nextStart = Math.max(bucket.nextStart + interval, started - 2 * GUARD_MS);
}

/** Waits until one more request may start under `perSecond` for this key. */
export async function pace(key: string, perSecond: number): Promise<void> {
	if (!(perSecond > 0)) return;
	const bucket = bucketFor(key, perSecond);
	const turn = bucket.queue.then(async () => await admit(bucket));
	bucket.queue = turn;
	await turn;
}
