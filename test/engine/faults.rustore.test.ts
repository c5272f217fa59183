import { startSandbox, type Sandbox } from '../sandbox';
import { runRuStore, sendTo } from './support/rustore';

/**
 * Nothing lost, nothing doubled: 1,000 pushes while the sandbox answers 10% each with 429 and
 * Retry-After, 503, a reset before reading, a reset after reading, an answer slower than the
 * timeout, and malformed JSON. Every item must end delivered exactly once, or reported with its
 * reason; the sandbox must never accept a push twice.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({
		seed: 42,
		faults: {
			rate429: 0.1,
			retryAfterSeconds: 1,
			rate503: 0.1,
			resetBeforeRead: 0.1,
			resetAfterRead: 0.1,
			slow: 0.1,
			slowMs: 3000,
			malformedJson: 0.1,
		},
	});
});
afterAll(async () => await sandbox.close());

it('1,000 RuStore pushes under faults: each delivered once or reported, none twice', async () => {
	const items = Array.from({ length: 1000 }, (_, index) => ({ token: `device-${index}` }));
	const run = await runRuStore(
		sandbox,
		sendTo('={{ $json.token }}', {
			delivery: { requestsPerSecond: 500, timeoutSeconds: 2, maxAttempts: 6 },
		}),
		{ items, onError: 'continueRegularOutput' },
	);
	expect(run.error).toBeUndefined();
	const results = run.outputs[0].map((item) => item.json as Record<string, unknown>);
	expect(results).toHaveLength(1000);

	const deliveredTimes = new Map<string, number>();
	for (const delivery of sandbox.deliveries)
		deliveredTimes.set(delivery.target, (deliveredTimes.get(delivery.target) ?? 0) + 1);
	expect(sandbox.duplicates()).toEqual([]);

	const byStatus: Record<string, number> = {};
	results.forEach((result, index) => {
		const token = `device-${index}`;
		expect(result.token).toBe(token);
		byStatus[result.status as string] = (byStatus[result.status as string] ?? 0) + 1;
		if (result.status === 'sent') expect(deliveredTimes.get(token)).toBe(1);
		else {
			// Reported, with the reason; a push that was never taken is not claimed as sent.
			expect(['unknown', 'rate_limited', 'unavailable']).toContain(result.status);
			expect(typeof result.reason).toBe('string');
			if (result.status === 'rate_limited' || result.status === 'unavailable')
				expect(deliveredTimes.get(token)).toBeUndefined();
		}
	});
	// Every fault kind was met, and retries rescued the rate-limited and unavailable answers.
	const faults = new Set(sandbox.requests.map((request) => request.fault).filter(Boolean));
	expect([...faults].sort()).toEqual([
		'malformedJson',
		'rate429',
		'rate503',
		'resetAfterRead',
		'resetBeforeRead',
		'slow',
	]);
	expect(sandbox.requests.length).toBeGreaterThan(1000);
	// Retries rescued pushes whose first answers were 429 or 503 (about 20% of items meet one).
	const retried = new Set(
		sandbox.requests
			.filter((request) => request.fault === 'rate429' || request.fault === 'rate503')
			.map((request) => (request.body as { message: { token: string } }).message.token),
	);
	const rescued = results.filter(
		(result) => retried.has(result.token as string) && result.status === 'sent',
	);
	expect(rescued.length).toBeGreaterThan(60);
	expect(byStatus.rate_limited ?? 0).toBe(0);
	expect(byStatus.unavailable ?? 0).toBe(0);
	process.stdout.write(
		`RuStore under faults: ${JSON.stringify(byStatus)}, ${sandbox.requests.length} requests, ${rescued.length} rescued by retries\n`,
	);
}, 120_000);
