import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { errorDetails, startE2E, workflow, type CredentialFixture, type E2E } from './harness';

let sandbox: Sandbox;
let n8n: E2E;

const credential = (id: string, serviceToken: string): CredentialFixture => ({
	id,
	name: `RuStore ${id}`,
	type: 'ruStorePushApi',
	data: {
		projectId: 'sandbox-project',
		serviceToken,
		sendBaseUrl: sandbox.baseUrls.rustoreSend,
		topicsBaseUrl: sandbox.baseUrls.rustoreTopics,
	},
});

const send = (recipient: string) => ({
	resource: 'message',
	operation: 'send',
	recipient,
	notification: { title: 'Order shipped', body: 'Your order #42 is on its way' },
	data: { pairs: [{ key: 'orderId', value: '42' }] },
});

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	const good = credential('rsGood', 'sandbox-service-token');
	const bad = credential('rsBad', 'not-the-token');
	await n8n.importCredentials([good, bad]);
	await n8n.importWorkflows([
		workflow('rsSend', { type: 'ruStorePush', parameters: send('device-1'), credential: good }),
		workflow('rsSendDead', {
			type: 'ruStorePush',
			parameters: send('expired-9'),
			credential: good,
		}),
		workflow('rsSendBadCred', {
			type: 'ruStorePush',
			parameters: send('device-1'),
			credential: bad,
		}),
		workflow(
			'rsSendMany',
			{
				type: 'ruStorePush',
				parameters: {
					...send('={{ $json.token }}'),
					androidNotification: { color: '={{ $json.color }}' },
				},
				credential: good,
			},
			[
				{ token: 'm-1', color: '#112233' },
				{ token: 'm-2', color: 'green' },
				{ token: 'm-3', color: '#445566' },
			],
		),
		workflow('rsPublish', {
			type: 'ruStorePush',
			parameters: {
				resource: 'topic',
				operation: 'publish',
				topic: 'news',
				notification: { title: 'Breaking' },
			},
			credential: good,
		}),
		workflow('rsSubscribe', {
			type: 'ruStorePush',
			parameters: {
				resource: 'topic',
				operation: 'subscribe',
				topic: 'news',
				recipients: 's-1, invalid-2\ns-3, s-1',
				options: { batchSize: 2 },
			},
			credential: good,
			onError: 'continueErrorOutput',
		}),
		workflow('rsUnsubscribe', {
			type: 'ruStorePush',
			parameters: {
				resource: 'topic',
				operation: 'unsubscribe',
				topic: 'news',
				recipients: '={{ ["s-3"] }}',
			},
			credential: good,
		}),
	]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

describe('RuStore Push in a real n8n', () => {
	it('sends a push and says so', async () => {
		const result = await n8n.execute('rsSend');
		expect(result.ok).toBe(true);
		expect(result.outputs()[0].map((item) => item.json)).toEqual([
			{ status: 'sent', success: true, token: 'device-1' },
		]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].headers.authorization).toBe('Bearer sandbox-service-token');
		expect(sandbox.deliveries[0].body).toEqual({
			token: 'device-1',
			data: { orderId: '42' },
			notification: { title: 'Order shipped', body: 'Your order #42 is on its way' },
		});
	}, 120_000);

	it("fails with RuStore's meaning on a dead token", async () => {
		const result = await n8n.execute('rsSendDead');
		expect(result.ok).toBe(false);
		expect(result.error?.message).toBe(
			'RuStore: The push token is not registered or has expired (NOT_FOUND)',
		);
		expect(result.error?.description).toContain('Remove this token');
		expect(sandbox.deliveries).toHaveLength(0);
	}, 120_000);

	it('explains a refused service token without revealing it', async () => {
		const result = await n8n.execute('rsSendBadCred');
		expect(result.error?.message).toBe(
			'RuStore: The service token was refused (PERMISSION_DENIED)',
		);
		expect(result.stdout + result.stderr).not.toContain('not-the-token');
	}, 120_000);

	it('sends nothing when one item of the run is invalid', async () => {
		const result = await n8n.execute('rsSendMany');
		expect(result.ok).toBe(false);
		expect(result.error?.message).toContain('item 2 is invalid');
		expect(result.error?.message).toContain('Android Notification → Color');
		expect(sandbox.requests).toHaveLength(0);
	}, 120_000);

	it('publishes to a topic', async () => {
		const result = await n8n.execute('rsPublish');
		expect(result.outputs()[0][0].json).toMatchObject({ status: 'sent', topic: 'news' });
		expect(sandbox.deliveries).toMatchObject([{ kind: 'publish', target: 'news' }]);
	}, 120_000);

	it('subscribes tokens in batches with one result per token, failures on the error output', async () => {
		const result = await n8n.execute('rsSubscribe');
		expect(result.ok).toBe(true);
		const [ok, failed] = result.outputs();
		expect(
			ok.map((item) => [item.json.token, item.json.status, item.json.duplicatesRemoved]),
		).toEqual([
			['s-1', 'subscribed', 1],
			['s-3', 'subscribed', undefined],
		]);
		expect(failed.map(errorDetails)).toMatchObject([
			{ token: 'invalid-2', status: 'invalid_token' },
		]);
		expect(sandbox.requests).toHaveLength(2);
		expect([...(sandbox.rustore.subscriptions.get('news') ?? [])].sort()).toEqual(['s-1', 's-3']);
	}, 120_000);

	it('unsubscribes tokens given as an array expression', async () => {
		sandbox.rustore.subscriptions.set('news', new Set(['s-1', 's-3']));
		const result = await n8n.execute('rsUnsubscribe');
		expect(result.outputs()[0].map((item) => item.json)).toEqual([
			{ status: 'unsubscribed', success: true, topic: 'news', token: 's-3' },
		]);
		expect([...(sandbox.rustore.subscriptions.get('news') ?? [])]).toEqual(['s-1']);
	}, 120_000);
});
