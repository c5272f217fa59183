import { sleep } from 'n8n-workflow';

/** Paces below the limit so that network jitter cannot push the provider's own count over it. */
const HEADROOM = 0.98;
const WINDOW_MS = 1000;

interface Bucket {
	perSecond: number;
	/** When the next request may start, on an even spacing. */
	nextStart: number;
	/** Start times of the last `perSecond` requests, a ring: no window of one second holds more. */
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
		bucket = { perSecond, nextStart: 0, recent: new Array<number>(Math.ceil(perSecond)).fill(-Infinity), cursor: 0, queue: Promise.resolve() };
		buckets.set(key, bucket);
	}
	return bucket;
}

async function admit(bucket: Bucket): Promise<void> {
	const interval = 1000 / (bucket.perSecond * HEADROOM);
	const now = Date.now();
	const wait = Math.max(bucket.nextStart - now, bucket.recent[bucket.cursor] + WINDOW_MS - now);
	if (wait > 0) await sleep(wait);
	const started = Date.now();
	bucket.recent[bucket.cursor] = started;
	bucket.cursor = (bucket.cursor + 1) % bucket.recent.length;
	// Catch up after a late timer, but never faster than the window allows (checked above).
	bucket.nextStart = Math.max(bucket.nextStart + interval, started - WINDOW_MS / 2);
}

/** Waits until one more request may start under `perSecond` for this key. */
export async function pace(key: string, perSecond: number): Promise<void> {
	if (!(perSecond > 0)) return;
	const bucket = bucketFor(key, perSecond);
	const turn = bucket.queue.then(async () => await admit(bucket));
	bucket.queue = turn;
	await turn;
}
