import {
	CREDENTIAL_PROBE_RECIPIENT,
	RuStorePushApi,
} from '../../credentials/RuStorePushApi.credentials';
import { RuStorePush } from '../../nodes/RuStorePush/RuStorePush.node';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { testCredential } from './harness';
import { ruStoreCredentials, runRuStore, sendTo, SERVICE_TOKEN } from './harness/providers/rustore';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	useVirtualTime();
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, rustore: { ratePerSecond: undefined } });
});
afterEach(() => useWallTime());

const json = (run: { outputs: Array<Array<{ json: unknown }>> }, output = 0) =>
	run.outputs[output]?.map((item) => item.json) ?? [];

describe("RuStore Push through n8n's engine: Message → Send", () => {
	it('sends to one token with the service token, and says so', async () => {
		const run = await runRuStore(
			sandbox,
			sendTo('device-1', {
				androidNotification: { color: '#ff8800', clickActionType: 1, clickAction: 'app://x' },
			}),
		);
		expect(run.error).toBeUndefined();
		expect(json(run)).toEqual([{ status: 'sent', success: true, token: 'device-1' }]);

		const [request] = sandbox.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/rustore/v1/projects/sandbox-project/messages:send');
		expect(request.headers.authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
		expect(request.body).toEqual({
			message: {
				token: 'device-1',
				notification: { title: 'Order shipped', body: 'Your order #42 is on its way' },
				android: {
					notification: { color: '#ff8800', click_action: 'app://x', click_action_type: 1 },
				},
			},
		});
		expect(sandbox.deliveries).toHaveLength(1);
	});

	it('sends one push per item, in order, each paired with its input item', async () => {
		const items = [{ token: 'a' }, { token: 'b' }, { token: 'c' }];
		const run = await runRuStore(sandbox, sendTo('={{ $json.token }}'), { items });
		expect(run.outputs[0].map((item) => [item.json.token, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 1 }],
			['c', { item: 2 }],
		]);
		expect(sandbox.deliveries.map((delivery) => delivery.target).sort()).toEqual(['a', 'b', 'c']);
	});

	it("fails the node on a dead token with RuStore's meaning and what to do", async () => {
		const run = await runRuStore(sandbox, sendTo('expired-1'));
		expect(run.error?.message).toBe(
			'RuStore: The push token is not registered or has expired (NOT_FOUND)',
		);
		expect(run.error?.description).toContain('Remove this token');
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('sends a malformed token to the error output as invalid_token, with continue on fail', async () => {
		const items = [{ token: 'good-1' }, { token: 'invalid-1' }];
		const run = await runRuStore(sandbox, sendTo('={{ $json.token }}'), {
			items,
			onError: 'continueErrorOutput',
		});
		expect(json(run, 0)).toEqual([{ status: 'sent', success: true, token: 'good-1' }]);
		const [failed] = run.outputs[1];
		// n8n's error output: the error message and our result under `details`; the input item is
		// linked (pairedItem), not merged in (nodes/shared/delivery/errorOutput.ts).
		expect(Object.keys(failed.json).sort()).toEqual(['details', 'error']);
		expect(failed.json).toMatchObject({
			error: 'RuStore: The push token is malformed (INVALID_ARGUMENT)',
			details: {
				status: 'invalid_token',
				success: false,
				token: 'invalid-1',
				providerCode: 'INVALID_ARGUMENT',
				httpStatus: 400,
			},
		});
		expect(failed.pairedItem).toBe(1);
	});

	it('validates every item before sending any: one invalid item stops the run, nothing is sent', async () => {
		const items = [{ color: '#ffffff' }, { color: '#000000' }, { color: 'blue' }];
		const run = await runRuStore(
			sandbox,
			sendTo('device', { androidNotification: { color: '={{ $json.color }}' } }),
			{ items },
		);
		expect(run.error?.message).toBe(
			'Nothing was sent: item 3 is invalid: Invalid RuStore message: Android Notification → Color (message.android.notification.color): must be a colour written #rrggbb, for example #ff8800',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('with continue on fail, sends the valid items and reports the invalid one', async () => {
		const items = [{ title: 'ok' }, { title: '' }, { title: 'ok too' }];
		const run = await runRuStore(
			sandbox,
			{
				resource: 'message',
				operation: 'send',
				recipient: 'device',
				notification: { title: '={{ $json.title }}' },
			},
			{ items, onError: 'continueErrorOutput' },
		);
		expect(run.outputs[0]).toHaveLength(2);
		expect(run.outputs[1]).toHaveLength(1);
		expect(run.outputs[1][0].json.error).toContain('RuStore needs a payload');
		expect(sandbox.deliveries).toHaveLength(2);
	});

	it('says to check the credential when RuStore refuses the service token, without showing it', async () => {
		const run = await runRuStore(sandbox, sendTo('device'), {
			credentialOverrides: { serviceToken: 'wrong-token-value' },
		});
		expect(run.error?.message).toBe('RuStore: The service token was refused (PERMISSION_DENIED)');
		expect(run.error?.description).toContain('Check the Service Token and Project ID');
		expect(JSON.stringify(run.error)).not.toContain('wrong-token-value');
		expect(JSON.stringify(run.runData)).not.toContain('wrong-token-value');
	});

	it('reports an internal error as delivery unknown and does not send it again', async () => {
		sandbox.rustore.failNext(1);
		const run = await runRuStore(sandbox, sendTo('device'), { onError: 'continueRegularOutput' });
		expect(json(run)[0]).toMatchObject({
			status: 'unknown',
			success: false,
			providerCode: 'INTERNAL',
		});
		expect(sandbox.requests).toHaveLength(1);
	});

	it('stays within the rate limit: paced requests, retried 429s, every push delivered once', async () => {
		sandbox.configure({ rustore: { ratePerSecond: 5 } });
		const items = Array.from({ length: 12 }, (_, index) => ({ token: `device-${index}` }));
		const run = await runRuStore(
			sandbox,
			sendTo('={{ $json.token }}', { delivery: { requestsPerSecond: 5 } }),
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(json(run).every((item) => (item as { status: string }).status === 'sent')).toBe(true);
		expect(sandbox.deliveries).toHaveLength(12);
		expect(sandbox.duplicates()).toHaveLength(0);
		expect(sandbox.requests.filter((request) => request.status === 429)).toHaveLength(0);
	});

	it('retries TOO_MANY_REQUESTS until the push gets through', async () => {
		sandbox.configure({ rustore: { ratePerSecond: 2, retryAfterSeconds: 1 } });
		const items = Array.from({ length: 5 }, (_, index) => ({ token: `device-${index}` }));
		const run = await runRuStore(
			sandbox,
			sendTo('={{ $json.token }}', { delivery: { requestsPerSecond: 50 } }),
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests.some((request) => request.status === 429)).toBe(true);
		expect(sandbox.deliveries).toHaveLength(5);
		expect(sandbox.duplicates()).toHaveLength(0);
	});
});

describe("RuStore Push through n8n's engine: Topic operations", () => {
	it('publishes to a topic', async () => {
		const run = await runRuStore(sandbox, {
			resource: 'topic',
			operation: 'publish',
			topic: 'news',
			messageInput: 'json',
			messageJson: '{"data": {"article": "17"}}',
		});
		expect(json(run)).toEqual([
			{
				status: 'sent',
				success: true,
				topic: 'news',
				providerMessage: 'payload has been successfully published to topic news',
			},
		]);
		expect(sandbox.requests[0].path).toBe(
			'/rustore-topics/v1/projects/sandbox-project/topics/news/publish',
		);
		expect(sandbox.requests[0].body).toEqual({ message: { data: { article: '17' } } });
	});

	it('subscribes tokens in batches, one result per token in input order, duplicates sent once', async () => {
		const run = await runRuStore(sandbox, {
			resource: 'topic',
			operation: 'subscribe',
			topic: 'news',
			recipients: 'a, invalid-b\nc, a, expired-d\ne',
			options: { batchSize: 2 },
		});
		expect(run.error).toBeUndefined();
		expect(
			json(run).map((item) => {
				const { token, status, duplicatesRemoved } = item as Record<string, unknown>;
				return [token, status, duplicatesRemoved];
			}),
		).toEqual([
			['a', 'subscribed', 1],
			['invalid-b', 'invalid_token', undefined],
			['c', 'subscribed', undefined],
			['expired-d', 'invalid_token', undefined],
			['e', 'subscribed', undefined],
		]);
		expect(
			sandbox.requests.map((request) => (request.body as { push_tokens: string[] }).push_tokens),
		).toEqual([['a', 'invalid-b'], ['c', 'expired-d'], ['e']]);
		expect([...(sandbox.rustore.subscriptions.get('news') ?? [])].sort()).toEqual(['a', 'c', 'e']);
	});

	it('routes per-token failures to the error output with continue on fail', async () => {
		const run = await runRuStore(
			sandbox,
			{
				resource: 'topic',
				operation: 'subscribe',
				topic: 'news',
				recipients: ['ok-1', 'invalid-2'],
			},
			{ onError: 'continueErrorOutput' },
		);
		expect(json(run, 0)).toEqual([
			{ status: 'subscribed', success: true, topic: 'news', token: 'ok-1' },
		]);
		expect(run.outputs[1][0].json.details).toMatchObject({
			status: 'invalid_token',
			token: 'invalid-2',
			providerMessage: 'The registration token is not a valid FCM registration token',
		});
	});

	it('unsubscribes tokens', async () => {
		await runRuStore(sandbox, {
			resource: 'topic',
			operation: 'subscribe',
			topic: 'sale',
			recipients: 'x, y',
		});
		const run = await runRuStore(sandbox, {
			resource: 'topic',
			operation: 'unsubscribe',
			topic: 'sale',
			recipients: 'x',
		});
		expect(json(run)).toEqual([
			{ status: 'unsubscribed', success: true, topic: 'sale', token: 'x' },
		]);
		expect([...(sandbox.rustore.subscriptions.get('sale') ?? [])]).toEqual(['y']);
	});

	it('gives every token its own failed result when the whole call is refused, with continue on fail', async () => {
		const run = await runRuStore(
			sandbox,
			{ resource: 'topic', operation: 'unsubscribe', topic: 'news', recipients: 'p, q' },
			{ onError: 'continueErrorOutput', credentialOverrides: { serviceToken: 'wrong' } },
		);
		expect(run.outputs[0]).toEqual([]);
		const details = run.outputs[1].map((item) => item.json.details as Record<string, unknown>);
		expect(details.map((result) => [result.token, result.status, result.providerCode])).toEqual([
			['p', 'rejected', 'FORBIDDEN'],
			['q', 'rejected', 'FORBIDDEN'],
		]);
	});

	it('refuses a topic name RuStore cannot take before sending anything', async () => {
		const run = await runRuStore(sandbox, {
			resource: 'topic',
			operation: 'subscribe',
			topic: 'sale/today',
			recipients: 'x',
		});
		expect(run.error?.message).toContain(
			'Invalid RuStore topic: Topic (topic): may contain only letters, digits and - _ . ~ %',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('RuStore credential test (as n8n runs it)', () => {
	const test = async (overrides = {}) =>
		await testCredential(
			new RuStorePushApi(),
			new RuStorePush(),
			ruStoreCredentials(sandbox, overrides).data,
		);
	const refused = {
		status: 'Error',
		message: 'RuStore refused the Service Token or the Project ID',
	};

	it('passes with the right token and project: one unsubscribe of a token no device has, nothing delivered or subscribed', async () => {
		await expect(test()).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/rustore-topics/v1/projects/sandbox-project/topics/n8n-credential-check/batch_unsubscribe',
			body: { push_tokens: [CREDENTIAL_PROBE_RECIPIENT] },
		});
		expect(sandbox.deliveries).toHaveLength(0);
		expect([...sandbox.rustore.subscriptions.values()].every((members) => members.size === 0)).toBe(
			true,
		);
	});

	it('passes when RuStore complains only about the probe token (the credential is right)', async () => {
		sandbox.rustore.deadTokens.add(CREDENTIAL_PROBE_RECIPIENT);
		await expect(test()).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('fails for a wrong token or project refused for the whole request (403)', async () => {
		await expect(test({ serviceToken: 'nope' })).resolves.toEqual(refused);
		await expect(test({ projectId: 'other' })).resolves.toEqual(refused);
	});

	it('fails for a wrong token refused per token inside a 200, as the topics page shows', async () => {
		sandbox.configure({ rustore: { serviceTokenRefusal: 'perToken' } });
		try {
			await expect(test({ serviceToken: 'nope' })).resolves.toEqual(refused);
			expect(sandbox.requests[0].status).toBe(200);
		} finally {
			sandbox.configure({ rustore: { serviceTokenRefusal: 'status' } });
		}
	});

	it('fails for a host that does not answer as RuStore', async () => {
		const result = await test({ topicsBaseUrl: `${sandbox.url}/nowhere` });
		expect(result.status).toBe('Error');
	});
});
