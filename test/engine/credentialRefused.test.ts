import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import type { EngineRun } from './harness';
import { pushTo, runEngageLab } from './harness/providers/engagelab';
import { runRuStore, sendTo } from './harness/providers/rustore';
import { liteTo, runSber } from './harness/providers/sber';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const ITEMS = Array.from({ length: 20 }, (_, index) => ({ recipient: `device-${index}` }));

interface Case {
	provider: string;
	parameters: INodeParameters;
	credentialOverrides: IDataObject;
	run: typeof runRuStore;
	/** The requests a refused credential may cost: those of the first push only. */
	requests(): number;
	expectedRequests: number;
	message: string;
}

const cases: Case[] = [
	{
		provider: 'RuStore',
		parameters: sendTo('={{ $json.recipient }}'),
		credentialOverrides: { serviceToken: 'wrong-token' },
		run: runRuStore,
		requests: () => sandbox.requests.length,
		expectedRequests: 1,
		message: 'RuStore: The service token was refused (PERMISSION_DENIED)',
	},
	{
		provider: 'EngageLab',
		parameters: pushTo({ registrationIds: '={{ $json.recipient }}' }),
		credentialOverrides: { masterSecret: 'wrong-secret' },
		run: runEngageLab,
		requests: () => sandbox.requests.length,
		expectedRequests: 1,
		message: 'EngageLab: The credentials were refused (21004)',
	},
	{
		provider: 'Sber SmartPush',
		parameters: liteTo('={{ $json.recipient }}'),
		credentialOverrides: { clientSecret: 'wrong-secret' },
		run: runSber,
		// The token request is refused, and n8n asks once more as a refresh after that 401; no push leaves.
		expectedRequests: 2,
		requests: () =>
			sandbox.sber.tokenRequests +
			sandbox.requests.filter((r) => r.path.includes('/smartpush/')).length,
		message: 'Sber SmartPush: The access token was refused, even after fetching a new one (401)',
	},
];

describe.each(cases)('$provider: a refused credential is refused once per run', (c) => {
	it('fails the node after one request, not one per item', async () => {
		const run: EngineRun = await c.run(sandbox, c.parameters, {
			items: ITEMS,
			credentialOverrides: c.credentialOverrides,
		});
		expect(run.error?.message).toBe(c.message);
		expect(c.requests()).toBe(c.expectedRequests);
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('with continue on fail, every item reports the refusal and only the first was sent', async () => {
		const run = await c.run(sandbox, c.parameters, {
			items: ITEMS,
			credentialOverrides: c.credentialOverrides,
			onError: 'continueErrorOutput',
		});
		expect(run.outputs[0] ?? []).toHaveLength(0);
		const failed = run.outputs[1].map((item) => item.json);
		expect(failed).toHaveLength(ITEMS.length);
		for (const item of failed) {
			expect(item.error).toBe(c.message);
			expect(item.details).toMatchObject({ status: 'rejected', success: false });
		}
		// One item tried; the others stopped before sending.
		const attempts = failed.map((item) => (item.details as IDataObject).attempts).sort();
		expect(attempts.filter((n) => n === 0)).toHaveLength(ITEMS.length - 1);
		expect(c.requests()).toBe(c.expectedRequests);
	});
});

describe('a good credential', () => {
	it('sends every item once the first answer is in', async () => {
		const run = await runRuStore(sandbox, sendTo('={{ $json.recipient }}'), { items: ITEMS });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toHaveLength(ITEMS.length);
		expect(sandbox.deliveries).toHaveLength(ITEMS.length);
	});
});

describe('RuStore topics: a service token refused per token inside a 200', () => {
	beforeEach(() => sandbox.configure({ rustore: { serviceTokenRefusal: 'perToken' } }));
	afterEach(() => sandbox.configure({ rustore: { serviceTokenRefusal: 'status' } }));

	const subscribe = {
		resource: 'topic',
		operation: 'subscribe',
		topic: 'news',
		recipients: '={{ $json.tokens }}',
		options: { batchSize: 2 },
	};
	const items = Array.from({ length: 5 }, (_, index) => ({
		tokens: [`t-${index}-a`, `t-${index}-b`, `t-${index}-c`],
	}));

	it('is the credential refused, as a 403 is: one request, the node fails, no token is called dead', async () => {
		const run = await runRuStore(sandbox, subscribe, {
			items,
			credentialOverrides: { serviceToken: 'wrong-token' },
		});
		expect(run.error?.message).toMatch(/^RuStore: .*service token/i);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('with continue on fail, every token is rejected for the credential, none invalid_token', async () => {
		const run = await runRuStore(sandbox, subscribe, {
			items,
			credentialOverrides: { serviceToken: 'wrong-token' },
			onError: 'continueRegularOutput',
		});
		const results = run.outputs[0].map((item) => item.json);
		expect(results).toHaveLength(15);
		expect(new Set(results.map((result) => result.status))).toEqual(new Set(['rejected']));
		expect(sandbox.requests).toHaveLength(1);
	});
});
