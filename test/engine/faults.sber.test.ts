import { startSandbox, type Sandbox } from '../sandbox';
import { liteTo, runSber } from './support/sber';

/**
 * Nothing lost, nothing doubled, for Sber: 1,000 lite sends while the sandbox answers 10% each with
 * 429 and Retry-After, 503, a reset before reading, a reset after reading, an answer slower than the
 * timeout, and malformed JSON. Sber does not de-duplicate, so anything that may have been taken is
 * reported as unknown, never re-sent.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({
		seed: 7,
		faults: {
			providers: ['sber'],
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

it('1,000 Sber pushes under faults: each delivered once or reported, none twice', async () => {
	const items = Array.from({ length: 1000 }, (_, index) => ({ sub: `sub-${index}` }));
	const run = await runSber(
		sandbox,
		liteTo('={{ $json.sub }}', {
			delivery: { requestsPerSecond: 500, timeoutSeconds: 2, maxAttempts: 6 },
		}),
		{
			items,
			onError: 'continueRegularOutput',
		},
	);
	expect(run.error).toBeUndefined();
	const results = run.outputs[0].map((item) => item.json as Record<string, unknown>);
	expect(results).toHaveLength(1000);
	expect(sandbox.duplicates()).toEqual([]);

	const delivered = new Map<string, number>();
	for (const delivery of sandbox.deliveries)
		delivered.set(delivery.target, (delivered.get(delivery.target) ?? 0) + 1);
	const byStatus: Record<string, number> = {};
	results.forEach((result, index) => {
		expect(result.clientId).toBe(`sub-${index}`);
		byStatus[result.status as string] = (byStatus[result.status as string] ?? 0) + 1;
		if (result.status === 'sent') expect(delivered.get(`sub-${index}`)).toBe(1);
		else {
			// Reported with the reason; a push still refused after every attempt was never taken.
			expect(['unknown', 'rate_limited', 'unavailable']).toContain(result.status);
			expect(typeof result.reason).toBe('string');
			if (result.status === 'rate_limited' || result.status === 'unavailable')
				expect(delivered.get(`sub-${index}`)).toBeUndefined();
		}
	});
	const faults = new Set(sandbox.requests.map((request) => request.fault).filter(Boolean));
	expect([...faults].sort()).toEqual([
		'malformedJson',
		'rate429',
		'rate503',
		'resetAfterRead',
		'resetBeforeRead',
		'slow',
	]);
	expect(byStatus.sent).toBeGreaterThan(550);
	// One token for the whole run, faults or not.
	expect(sandbox.sber.tokenRequests).toBe(1);
	process.stdout.write(
		`Sber under faults: ${JSON.stringify(byStatus)}, ${sandbox.requests.length} requests\n`,
	);
}, 120_000);
