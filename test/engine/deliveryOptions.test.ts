/** Delivery options whose effect only shows through n8n's engine: timeouts and the retry-wait budget. */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { runRuStore, sendTo } from './harness/providers/rustore';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0 });
});
afterEach(() => useWallTime());

describe("n8n's node Timeout and the Delivery timeout", () => {
	// RuStore answers after 1.5 s in both cases; only which timeout counts differs.
	beforeEach(() => sandbox.configure({ latencyMs: 1500 }));

	it("n8n's Timeout, when set, wins over a shorter Delivery timeout", async () => {
		const run = await runRuStore(sandbox, {
			...sendTo('device-1', { delivery: { timeoutSeconds: 1 } }),
			requestOptions: { timeout: 5000 },
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0][0].json.status).toBe('sent');
	});

	it("n8n's Timeout, when set, wins over a longer Delivery timeout", async () => {
		const run = await runRuStore(
			sandbox,
			{
				...sendTo('device-1', { delivery: { timeoutSeconds: 30 } }),
				requestOptions: { timeout: 500 },
			},
			{ onError: 'continueRegularOutput' },
		);
		// Timed out after sending: it may have been delivered, so it is not sent again.
		expect(run.outputs[0][0].json).toMatchObject({ status: 'unknown', attempts: 1 });
		expect(sandbox.requests).toHaveLength(1);
	});
});

describe('Max Retry Wait', () => {
	beforeEach(() => sandbox.configure({ faults: { rate429: 1, retryAfterSeconds: 2 } }));

	it('stops retrying when the next wait would pass the budget, and says how often it tried', async () => {
		const clock = useVirtualTime();
		const run = await runRuStore(
			sandbox,
			sendTo('device-1', { delivery: { maxAttempts: 10, maxRetryWaitSeconds: 5 } }),
			{ onError: 'continueRegularOutput' },
		);
		// Waits of 2 s each (Retry-After): 2 + 2 fit in 5 s, a third would not.
		expect(run.outputs[0][0].json).toMatchObject({ status: 'rate_limited', attempts: 3 });
		expect(sandbox.requests).toHaveLength(3);
		// Two 2 s waits (the pacer's own spacing adds a little); a third would make it 6 s or more.
		expect(clock.elapsed()).toBeGreaterThanOrEqual(4000);
		expect(clock.elapsed()).toBeLessThan(6000);
	});

	it('Max Attempts bounds the tries when the budget would allow more', async () => {
		useVirtualTime();
		const run = await runRuStore(
			sandbox,
			sendTo('device-1', { delivery: { maxAttempts: 2, maxRetryWaitSeconds: 120 } }),
			{ onError: 'continueRegularOutput' },
		);
		expect(run.outputs[0][0].json).toMatchObject({ status: 'rate_limited', attempts: 2 });
		expect(sandbox.requests).toHaveLength(2);
	});
});
