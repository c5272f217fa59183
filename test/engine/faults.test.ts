/**
 * Nothing lost, nothing doubled: per provider, 1,000 pushes while the sandbox answers 10% each with
 * 429 and Retry-After, 503, a reset before reading, a reset after reading, an answer slower than the
 * timeout, and malformed JSON. Every item must end delivered exactly once, or reported with its
 * reason; a push reported as not sent was never taken; the sandbox never accepts a push twice.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import type { EngineRun } from './harness';
import { pushTo, runEngageLab } from './harness/providers/engagelab';
import { runRuStore, sendTo } from './harness/providers/rustore';
import { liteTo, runSber } from './harness/providers/sber';

type Result = Record<string, unknown>;

interface Case {
	provider: string;
	seed: number;
	run: typeof runRuStore;
	parameters: INodeParameters;
	/** The recipient of item `index` and the output field naming it. */
	recipient: (index: number) => string;
	recipientField: string;
	/** Why this case still runs on the wall clock, if it does. */
	wallClock?: string;
	/** What only this provider promises. */
	also(results: Result[], byStatus: Record<string, number>, sandbox: Sandbox): void;
}

const ALL_FAULTS = [
	'malformedJson',
	'rate429',
	'rate503',
	'resetAfterRead',
	'resetBeforeRead',
	'slow',
];
const NOT_SENT = ['rate_limited', 'unavailable'];

const cases: Case[] = [
	{
		provider: 'RuStore',
		seed: 42,
		run: runRuStore,
		parameters: sendTo('={{ $json.recipient }}', {
			delivery: { requestsPerSecond: 500, timeoutSeconds: 2, maxAttempts: 6 },
		}),
		recipient: (index) => `device-${index}`,
		recipientField: 'token',
		also(results, byStatus, sandbox) {
			// RuStore does not de-duplicate: what may have been taken is unknown, never re-sent; with six
			// attempts every refused push got through.
			for (const status of NOT_SENT) expect(byStatus[status] ?? 0).toBe(0);
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
		},
	},
	{
		provider: 'Sber SmartPush',
		seed: 7,
		run: runSber,
		parameters: liteTo('={{ $json.recipient }}', {
			delivery: { requestsPerSecond: 500, timeoutSeconds: 2, maxAttempts: 6 },
		}),
		recipient: (index) => `sub-${index}`,
		recipientField: 'clientId',
		also(_results, byStatus, sandbox) {
			expect(byStatus.sent).toBeGreaterThan(550);
			// One token for the whole run, faults or not.
			expect(sandbox.sber.tokenRequests).toBe(1);
		},
	},
	{
		provider: 'EngageLab',
		seed: 11,
		run: runEngageLab,
		parameters: pushTo(
			{ registrationIds: '={{ $json.recipient }}' },
			{ delivery: { timeoutSeconds: 2, maxAttempts: 8 } },
		),
		recipient: (index) => `rid-${index}`,
		recipientField: 'recipient',
		// This seed meets 503, 503, slow (taken, answer lost), 429, 429, reset, 429 for rid-666: after an
		// attempt that may have been taken, refused retries leave the push unknown, never "not sent".
		also(_results, byStatus) {
			// Every push carries an idempotency key (cid) that EngageLab honours, so even answers that may
			// hide an accepted push are retried safely: far fewer unknowns than without one.
			expect(byStatus.sent).toBeGreaterThan(980);
		},
	},
];

describe.each(cases)('$provider under faults', (c) => {
	let sandbox: Sandbox;
	// The retries' back-off and Retry-After waits and the pacing run on virtual time, which moves on while
	// slow answers hang (they time out on the wall, as n8n's request timeout does): no rate cap is checked.
	beforeEach(() => {
		if (!c.wallClock) useVirtualTime({ holdWhileRequestsOut: false });
	});
	afterEach(() => useWallTime());
	// On virtual time nothing waits but n8n's own work on 1,000 items (6–8 s at a load of 3).
	const timeoutMs = c.wallClock ? 180_000 : 60_000;
	beforeAll(async () => {
		sandbox = await startSandbox({
			seed: c.seed,
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

	it(
		'1,000 pushes: each delivered exactly once or reported, none twice',
		async () => {
			const items = Array.from({ length: 1000 }, (_, index) => ({ recipient: c.recipient(index) }));
			const run: EngineRun = await c.run(sandbox, c.parameters, {
				items,
				onError: 'continueRegularOutput',
			});
			expect(run.error).toBeUndefined();
			const results = run.outputs[0].map((item) => item.json as Result);
			expect(results).toHaveLength(1000);
			expect(sandbox.duplicates()).toEqual([]);

			const delivered = new Map<string, number>();
			for (const delivery of sandbox.deliveries)
				delivered.set(delivery.target, (delivered.get(delivery.target) ?? 0) + 1);
			const byStatus: Record<string, number> = {};
			results.forEach((result, index) => {
				const recipient = c.recipient(index);
				expect(result[c.recipientField]).toBe(recipient);
				const status = result.status as string;
				byStatus[status] = (byStatus[status] ?? 0) + 1;
				if (status === 'sent') expect(delivered.get(recipient)).toBe(1);
				else {
					expect(['unknown', ...NOT_SENT]).toContain(status);
					expect(typeof result.reason).toBe('string');
					if (NOT_SENT.includes(status)) expect(delivered.get(recipient)).toBeUndefined();
				}
			});
			// Every fault kind was met.
			const faults = new Set(sandbox.requests.map((request) => request.fault).filter(Boolean));
			expect([...faults].sort()).toEqual(ALL_FAULTS);
			expect(sandbox.requests.length).toBeGreaterThan(1000);
			c.also(results, byStatus, sandbox);
			process.stdout.write(
				`${c.provider} under faults: ${JSON.stringify(byStatus)}, ${sandbox.requests.length} requests\n`,
			);
		},
		timeoutMs,
	);
});
