import { pace } from '../../../nodes/shared/delivery/pacer';

/** Largest number of starts inside any window of `windowMs`. */
function busiestWindow(starts: number[], windowMs: number): number {
	let busiest = 0;
	for (let first = 0, last = 0; last < starts.length; last++) {
		while (starts[last] - starts[first] >= windowMs) first++;
		busiest = Math.max(busiest, last - first + 1);
	}
	return busiest;
}

describe('pace', () => {
	it('never lets more than the limit start within one second', async () => {
		const starts: number[] = [];
		const begin = Date.now();
		await Promise.all(
			Array.from({ length: 120 }, async () => {
				const done = await pace('unit:limit', 50);
				starts.push(Date.now());
				done();
			}),
		);
		const elapsed = Date.now() - begin;
		expect(
			busiestWindow(
				starts.sort((a, b) => a - b),
				1000,
			),
		).toBeLessThanOrEqual(50);
		// 120 starts at 50/s cannot fit in less than two full windows (throughput is the benchmark's job).
		expect(elapsed).toBeGreaterThanOrEqual(2000);
	});

	it('counts a request from its answer, so requests bunched on the way cannot exceed the limit', async () => {
		const first = await pace('unit:answer', 1);
		const firstStart = Date.now();
		setTimeout(first, 150);
		await pace('unit:answer', 1);
		// The provider may have seen the first request as late as its answer: one window after that.
		expect(Date.now() - firstStart).toBeGreaterThanOrEqual(1150 - 5);
	});

	it('takes an unanswered request to have arrived after a bound, so one slow answer does not stall the rest', async () => {
		await pace('unit:slow', 1);
		const firstStart = Date.now();
		await pace('unit:slow', 1);
		const waited = Date.now() - firstStart;
		// Taken to have arrived 500 ms after it left, then a full window.
		expect(waited).toBeGreaterThanOrEqual(1500 - 5);
		expect(waited).toBeLessThan(1850);
	});

	it('keeps separate budgets per key', async () => {
		const begin = Date.now();
		await Promise.all([pace('unit:a', 1), pace('unit:b', 1)]);
		// A shared budget of 1/s would hold the second start for a whole second.
		expect(Date.now() - begin).toBeLessThan(900);
	});

	it('does not wait without a limit', async () => {
		const begin = Date.now();
		await Promise.all(Array.from({ length: 1000 }, async () => await pace('unit:none', 0)));
		// Any pacing of 1000 starts would take seconds.
		expect(Date.now() - begin).toBeLessThan(900);
	});
});
