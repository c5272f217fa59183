import { Pacer } from '../../../nodes/shared/delivery/pacer';
import { FakeClock } from '../../support/fakeClock';
import { runSharedLimit } from '../../support/sharedLimit';

/** Largest number of times inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let busiest = 0;
	for (let first = 0, last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		busiest = Math.max(busiest, last - first + 1);
	}
	return busiest;
}

/** Starts in the last second before the last one, per second: the rate the pacer measures. */
function sentInLastSecond(starts: number[]): number {
	const last = Math.max(...starts);
	return starts.filter((start) => start > last - 1000).length;
}

let clock: FakeClock;
let pacer: Pacer;

beforeEach(() => {
	clock = new FakeClock();
	pacer = new Pacer(clock);
});

/** `count` requests through the pacer, each answered `answerAfterMs` after it starts; their start times. */
async function requests(key: string, perSecond: number, count: number, answerAfterMs = 0) {
	const starts: number[] = [];
	await clock.run(
		Promise.all(
			Array.from({ length: count }, async () => {
				const done = await pacer.pace(key, perSecond);
				starts.push(clock.now());
				await clock.sleep(answerAfterMs);
				done();
			}),
		),
	);
	return starts;
}

describe('pace', () => {
	it('never lets more than the limit start within one second', async () => {
		const starts = await requests('limit', 50, 120);
		expect(busiestWindow(starts, 1000)).toBeLessThanOrEqual(50);
		// 120 starts at 50/s cannot fit in less than two full windows.
		expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(2000);
	});

	it('counts a request from its answer, so requests bunched on the way cannot exceed the limit', async () => {
		const first = await clock.run(pacer.pace('answer', 1));
		const firstStart = clock.now();
		await clock.advanceTo(150);
		first();
		await clock.run(pacer.pace('answer', 1));
		// The provider may have seen the first request as late as its answer: one window after that.
		expect(clock.now() - firstStart).toBe(1150);
	});

	it('takes an unanswered request to have arrived after a bound, so one slow answer does not stall the rest', async () => {
		await clock.run(pacer.pace('slow', 1));
		await clock.run(pacer.pace('slow', 1));
		// Taken to have arrived 500 ms after it left, then a full window.
		expect(clock.now()).toBe(1500);
	});

	it('keeps separate budgets per key', async () => {
		await clock.run(Promise.all([pacer.pace('a', 1), pacer.pace('b', 1)]));
		expect(clock.now()).toBe(0);
	});

	it('does not wait without a limit', async () => {
		await clock.run(
			Promise.all(Array.from({ length: 1000 }, async () => await pacer.pace('none', 0))),
		);
		expect(clock.now()).toBe(0);
	});
});

describe('adaptive rate', () => {
	it('cuts its rate to 80 % of what it sent in the last second when the provider throttles', async () => {
		const sent = await requests('cut', 100, 300, 10);
		expect(pacer.rate('cut')).toBe(100);
		const done = await clock.run(pacer.pace('cut', 100));
		sent.push(clock.now());
		done(true);
		expect(pacer.rate('cut')).toBeCloseTo(0.8 * sentInLastSecond(sent), 5);
		expect(pacer.rate('cut')).toBeLessThanOrEqual(80);
		// And paces slower from there: the first second after the cut holds what the curve allows, not 100.
		const cutAt = clock.now();
		const starts = await requests('cut', 100, 210, 10);
		const firstSecond = starts.filter((start) => start < cutAt + 1000).length;
		expect(firstSecond).toBeLessThanOrEqual(Math.ceil(0.9 * sentInLastSecond(sent)));
	});

	it('cuts once for a round of throttled answers, not once per answer', async () => {
		await requests('round', 100, 200, 10);
		// Ten requests in flight together, all throttled: they were sent at the old rate.
		const inFlight = await clock.run(
			Promise.all(Array.from({ length: 10 }, async () => await pacer.pace('round', 100))),
		);
		inFlight.forEach((done) => done(true));
		const once = pacer.rate('round') as number;
		expect(once).toBeLessThanOrEqual(80);
		expect(once).toBeGreaterThan(0.8 * 80);
		// A request sent after the cut and throttled too cuts again.
		const after = await clock.run(pacer.pace('round', 100));
		after(true);
		expect(pacer.rate('round')).toBeLessThanOrEqual(0.8 * once + 1e-9);
	});

	it('regrows on a cubic curve: back at the cut rate after K seconds, then up to the configured rate and no further', async () => {
		const sent = await requests('grow', 100, 200, 10);
		const done = await clock.run(pacer.pace('grow', 100));
		sent.push(clock.now());
		done(true);
		const cutAt = clock.now();
		const measured = sentInLastSecond(sent);
		const rateAtCut = pacer.rate('grow') as number;
		expect(rateAtCut).toBeCloseTo(0.8 * measured, 5);
		// K = cbrt(rate × (1 − 0.8) / 0.4) seconds for the rate at the cut.
		const k = Math.cbrt((measured * 0.2) / 0.4);
		await clock.advanceTo(cutAt + (k / 2) * 1000);
		const halfway = pacer.rate('grow') as number;
		expect(halfway).toBeGreaterThan(rateAtCut);
		expect(halfway).toBeLessThan(100);
		await clock.advanceTo(cutAt + k * 1000);
		expect(pacer.rate('grow')).toBeCloseTo(measured, 5);
		await clock.advanceTo(cutAt + 60_000);
		// The configured rate is the ceiling, however long the curve grows.
		expect(pacer.rate('grow')).toBe(100);
		const starts = await requests('grow', 100, 250, 10);
		expect(busiestWindow(starts, 1000)).toBeLessThanOrEqual(100);
	});

	it('probes once the provider stays quiet past the plateau: one second after K the rate doubles every second', async () => {
		// About 100/s, one request after another, under a ceiling of 500/s (floor 50/s).
		for (let n = 0; n < 150; n++) {
			const done = await clock.run(pacer.pace('probe', 500));
			await clock.run(clock.sleep(10));
			done(n === 149);
		}
		const cutAt = clock.now();
		const plateau = (pacer.rate('probe') as number) / 0.8;
		const k = Math.cbrt((plateau * 0.2) / 0.4);
		// Up to K + 1 s the cubic curve alone: barely above the plateau.
		await clock.advanceTo(cutAt + (k + 1) * 1000);
		expect(pacer.rate('probe')).toBeLessThan(plateau * 1.01);
		await clock.advanceTo(cutAt + (k + 2) * 1000);
		expect(pacer.rate('probe')).toBeCloseTo(2 * plateau, 5);
		await clock.advanceTo(cutAt + (k + 3) * 1000);
		expect(pacer.rate('probe')).toBeCloseTo(4 * plateau, 5);
		await clock.advanceTo(cutAt + (k + 5) * 1000);
		expect(pacer.rate('probe')).toBe(500);
	});

	it('never drops below a tenth of the configured rate, however often the provider throttles', async () => {
		for (let round = 0; round < 30; round++) {
			const done = await clock.run(pacer.pace('floor', 100));
			done(true);
		}
		expect(pacer.rate('floor')).toBe(10);
	});

	it('lets two processes sharing a provider limit settle on it: ≥ 85 % of the cap, ≤ 3 % refusals, nothing lost', async () => {
		const run = await runSharedLimit(clock, {
			senders: 2,
			perSender: 3000,
			ceiling: 300,
			cap: 300,
		});
		expect(run.delivered).toEqual([3000, 3000]);
		expect(6000 / run.seconds / 300).toBeGreaterThanOrEqual(0.85);
		expect(run.refusals / run.requests).toBeLessThanOrEqual(0.03);
		expect(busiestWindow(run.accepted, 1000)).toBeLessThanOrEqual(300);
	});

	it('gives the limit back to a campaign left alone: two of different sizes still average ≥ 85 % of the cap', async () => {
		const run = await runSharedLimit(clock, {
			senders: 2,
			perSender: [1500, 4500],
			ceiling: 300,
			cap: 300,
		});
		expect(run.delivered).toEqual([1500, 4500]);
		expect(run.finished[0]).toBeLessThan(run.finished[1]);
		expect(6000 / run.seconds / 300).toBeGreaterThanOrEqual(0.85);
		expect(run.refusals / run.requests).toBeLessThanOrEqual(0.03);
		expect(busiestWindow(run.accepted, 1000)).toBeLessThanOrEqual(300);
	});

	it('leaves a process alone at its configured rate when nobody else shares the limit', async () => {
		const run = await runSharedLimit(clock, {
			senders: 1,
			perSender: 3000,
			ceiling: 300,
			cap: 300,
		});
		expect(run.refusals).toBe(0);
		expect(run.seconds).toBeLessThan(10.5);
	});
});

describe('two rates on one credential', () => {
	it('holds the lower one while both are in use, and the higher one once the lower is done', async () => {
		const low: number[] = [];
		const high: number[] = [];
		const send = async (perSecond: number, into: number[]) => {
			const done = await pacer.pace('two', perSecond);
			into.push(clock.now());
			await clock.sleep(10);
			done();
		};
		// Two workflows' requests taking turns, one at 20/s and one at 200/s, on one credential.
		await clock.run(
			Promise.all(
				Array.from(
					{ length: 120 },
					async (_, n) => await (n % 2 ? send(200, high) : send(20, low)),
				),
			),
		);
		const lastLow = Math.max(...low);
		const whileBoth = [...low, ...high].filter((start) => start <= lastLow);
		// No window holds more than the lower rate, whichever workflow sent the requests.
		expect(busiestWindow(whileBoth, 1000)).toBeLessThanOrEqual(20);
		expect(lastLow).toBeGreaterThanOrEqual(5000);
		await clock.advanceTo(clock.now() + 2000);
		const after = await requests('two', 200, 400, 10);
		expect(Math.max(...after) - Math.min(...after)).toBeLessThan(2100);
		expect(busiestWindow(after, 1000)).toBeLessThanOrEqual(200);
	});
});
