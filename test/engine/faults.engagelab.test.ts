import { startSandbox, type Sandbox } from '../sandbox';
import { pushTo, runEngageLab } from './support/engagelab';

/**
 * Nothing lost, nothing doubled, for EngageLab: 1,000 pushes under the six faults at 10% each. Every
 * push carries an idempotency key (cid), which EngageLab honours, so even the answers that may hide an
 * accepted push (resets after reading, timeouts, malformed answers) are retried safely.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({
		seed: 11,
		faults: {
			providers: ['engagelab'],
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

it('1,000 EngageLab pushes under faults: each delivered exactly once or reported, none twice', async () => {
	const items = Array.from({ length: 1000 }, (_, index) => ({ rid: `rid-${index}` }));
	const run = await runEngageLab(
		sandbox,
		pushTo(
			{ registrationIds: '={{ $json.rid }}' },
			{ delivery: { timeoutSeconds: 2, maxAttempts: 8 } },
		),
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
		const rid = `rid-${index}`;
		expect(result.recipient).toBe(rid);
		byStatus[result.status as string] = (byStatus[result.status as string] ?? 0) + 1;
		if (result.status === 'sent') expect(delivered.get(rid)).toBe(1);
		else expect(typeof result.reason).toBe('string');
		expect(delivered.get(rid) ?? 0).toBeLessThanOrEqual(1);
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
	// With the cid, retries reach almost every push: far fewer unknowns than without one.
	expect(byStatus.sent).toBeGreaterThan(980);
	process.stdout.write(
		`EngageLab under faults: ${JSON.stringify(byStatus)}, ${sandbox.requests.length} requests\n`,
	);
}, 180_000);
