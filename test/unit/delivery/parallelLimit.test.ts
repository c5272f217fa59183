import { takeSlot } from '../../../nodes/shared/delivery/parallelLimit';

describe('parallel request limit', () => {
	it('never lets more than the limit run at once, and serves waiters in order', async () => {
		let running = 0;
		let peak = 0;
		const order: number[] = [];
		const task = async (n: number) => {
			const release = await takeSlot('limit-test', 3);
			running += 1;
			peak = Math.max(peak, running);
			order.push(n);
			await new Promise((resolve) => setImmediate(resolve));
			running -= 1;
			release();
		};
		await Promise.all(Array.from({ length: 20 }, (_, n) => task(n)));
		expect(peak).toBe(3);
		expect(order).toEqual(Array.from({ length: 20 }, (_, n) => n));
	});

	it('ignores a second release of the same slot', async () => {
		const first = await takeSlot('double-release', 1);
		first();
		first();
		const second = await takeSlot('double-release', 1);
		let thirdTaken = false;
		const third = takeSlot('double-release', 1).then((release) => {
			thirdTaken = true;
			return release;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(thirdTaken).toBe(false);
		second();
		(await third)();
		expect(thirdTaken).toBe(true);
	});
});
