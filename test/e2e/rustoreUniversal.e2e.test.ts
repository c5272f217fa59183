/**
 * RuStore Universal Push in a real n8n 2.41.1 against the sandbox: universal sends and topic sends
 * with RuStore, FCM and HMS configured and with RuStore alone (CLI runs, as in the other e2e tests),
 * and the credential test through n8n's own REST endpoint on a running server (the CLI has no
 * credential-test command), for a good credential, a bad FCM key and a bad HMS secret.
 */
import { createServer } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { prepareLocalN8n, sandboxCredentials } from '../../dev/n8n/localN8n';
import { OWNER, serverEnv, startN8nServer, type N8nServer } from '../../dev/n8n/n8nServer';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { startE2E, workflow, type CredentialFixture, type E2E } from './harness';

let sandbox: Sandbox;
let n8n: E2E;

const TYPE = 'ruStoreUniversalPush';

function credential(id: string, withOthers: boolean): CredentialFixture {
	const universal = sandbox.rustoreUniversal;
	return {
		id,
		name: `RuStore Universal ${id}`,
		type: 'ruStoreUniversalApi',
		data: {
			projectId: universal.options.projectId,
			serviceToken: universal.options.serviceToken,
			universalBaseUrl: sandbox.baseUrls.rustoreUniversal,
			useFcm: withOthers,
			useHms: withOthers,
			...(withOthers
				? {
						fcmServiceAccountPrivateKey: universal.serviceAccountKey,
						googleTokenUrl: `${sandbox.baseUrls.googleToken}/token`,
						hmsProjectId: universal.options.hmsProjectId,
						hmsAppId: universal.options.hmsAppId,
						hmsClientSecret: universal.options.hmsClientSecret,
						huaweiTokenUrl: `${sandbox.baseUrls.huaweiToken}/oauth2/v3/token`,
					}
				: {}),
		},
	};
}

const message = {
	notification: { title: 'Order shipped', body: 'Your order #42 is on its way' },
	data: { pairs: [{ key: 'orderId', value: '42' }] },
	androidOptions: { ttl: '3600' },
};

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	const all = credential('rsuAll', true);
	const alone = credential('rsuAlone', false);
	await n8n.importCredentials([all, alone]);
	await n8n.importWorkflows([
		workflow('rsuSendAll', {
			type: TYPE,
			parameters: {
				resource: 'universal',
				operation: 'send',
				rustoreTokens: 'rs-device-1, expired-rs-old',
				fcmTokens: '={{ ["fcm-device-1"] }}',
				hmsTokens: 'hms-device-1',
				...message,
			},
			credential: all,
		}),
		workflow('rsuSendAlone', {
			type: TYPE,
			parameters: {
				resource: 'universal',
				operation: 'send',
				rustoreTokens: 'rs-device-2',
				...message,
			},
			credential: alone,
		}),
		workflow('rsuTopicAll', {
			type: TYPE,
			parameters: { resource: 'universal', operation: 'sendToTopic', topic: 'news', ...message },
			credential: all,
		}),
		workflow('rsuTopicAlone', {
			type: TYPE,
			parameters: {
				resource: 'universal',
				operation: 'sendToTopic',
				topic: 'news',
				notification: { title: 'Breaking', body: 'News' },
			},
			credential: alone,
		}),
	]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

const targets = () => sandbox.deliveries.map((delivery) => delivery.target).sort();
const universalRequests = () =>
	sandbox.requests.filter((request) => request.path.startsWith('/rustore-universal'));

describe('RuStore Universal Push in a real n8n', () => {
	it('sends to RuStore, FCM and HMS tokens in one request; an answer that is not OK leaves every token unknown, with the raw answer', async () => {
		const result = await n8n.execute('rsuSendAll');
		expect(result.error).toBeUndefined();
		expect(result.ok).toBe(true);
		// RuStore documents no wording for a provider's refusal: no token is called dead from one.
		const providerAnswer = expect.objectContaining({ status: 'PROVIDER_ERROR' });
		expect(result.outputs()[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ status: 'unknown', provider: 'rustore', token: 'rs-device-1' }),
			expect.objectContaining({
				status: 'unknown',
				provider: 'rustore',
				token: 'expired-rs-old',
				providerMessage: 'rustore: invalid tokens [expired-rs]',
				providerAnswer,
			}),
			expect.objectContaining({ status: 'unknown', provider: 'fcm', token: 'fcm-device-1' }),
			expect.objectContaining({ status: 'unknown', provider: 'hms', token: 'hms-device-1' }),
		]);
		expect(universalRequests()).toHaveLength(1);
		expect(universalRequests()[0].headers.authorization).toBeUndefined();
		expect(targets()).toEqual(['fcm:fcm-device-1', 'hms:hms-device-1', 'rustore:rs-device-1']);
		// One token fetch per provider, and no token or secret in what n8n kept of the run.
		expect(sandbox.requests.filter((r) => r.path.startsWith('/google-oauth'))).toHaveLength(1);
		expect(sandbox.requests.filter((r) => r.path.startsWith('/huawei-oauth'))).toHaveLength(1);
		const kept = JSON.stringify(result.run);
		for (const secret of [
			sandbox.rustoreUniversal.options.serviceToken,
			sandbox.rustoreUniversal.options.hmsClientSecret,
			...sandbox.rustoreUniversal.issued.fcm,
			...sandbox.rustoreUniversal.issued.hms,
		])
			expect(kept).not.toContain(secret);
	}, 120_000);

	it('sends with RuStore alone, without any token fetch', async () => {
		const result = await n8n.execute('rsuSendAlone');
		expect(result.ok).toBe(true);
		expect(result.outputs()[0].map((item) => item.json)).toEqual([
			{ status: 'sent', success: true, provider: 'rustore', token: 'rs-device-2' },
		]);
		expect(sandbox.requests).toHaveLength(1);
		expect(targets()).toEqual(['rustore:rs-device-2']);
	}, 120_000);

	it('sends to a topic on RuStore, FCM and HMS', async () => {
		const result = await n8n.execute('rsuTopicAll');
		expect(result.ok).toBe(true);
		expect(result.outputs()[0].map((item) => item.json)).toEqual([
			{ status: 'sent', success: true, topic: 'news' },
		]);
		expect(universalRequests()[0].path).toBe('/rustore-universal/v1/send/topic');
		expect(targets()).toEqual(['fcm:topic:news', 'hms:topic:news', 'rustore:topic:news']);
	}, 120_000);

	it('sends to a topic with RuStore alone', async () => {
		const result = await n8n.execute('rsuTopicAlone');
		expect(result.ok).toBe(true);
		expect(targets()).toEqual(['rustore:topic:news']);
	}, 120_000);
});

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe("RuStore Universal credential test through n8n's REST API", () => {
	let server: N8nServer;
	let cookie = '';
	const BROWSER_ID = 'e2e-rustore-universal';

	beforeAll(async () => {
		const port = await freePort();
		const local = await prepareLocalN8n('rustore-universal-e2e', sandbox, serverEnv(port));
		server = await startN8nServer(local, port, 'ignore');
		const login = await fetch(`${server.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		expect(login.ok).toBe(true);
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	}, 600_000);

	afterAll(async () => await server?.stop());

	/** The editor's "Test" button: the stored sandbox credential, with some fields changed. */
	async function test(changes: IDataObject): Promise<{ status: string; message: string }> {
		const stored = sandboxCredentials(sandbox).find(
			(candidate) => candidate.type === 'ruStoreUniversalApi',
		) as { id: string; name: string; type: string; data: IDataObject };
		const response = await fetch(`${server.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie, 'browser-id': BROWSER_ID },
			body: JSON.stringify({ credentials: { ...stored, data: { ...stored.data, ...changes } } }),
		});
		expect(response.ok).toBe(true);
		return ((await response.json()) as { data: { status: string; message: string } }).data;
	}

	it('passes with RuStore, FCM and HMS configured, sending nothing', async () => {
		expect(await test({})).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('fails on a bad FCM key with Google’s reason', async () => {
		const result = await test({
			fcmServiceAccountPrivateKey: sandbox.rustoreUniversal.foreignServiceAccountKey,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'FCM: Google refused the Service Account Key (HTTP 400: invalid_grant / Invalid JWT Signature.)',
		);
	});

	it('fails on a bad HMS secret with Huawei’s reason, not showing the secret', async () => {
		const result = await test({ hmsClientSecret: 'not-the-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'HMS: Huawei refused the App ID or the Client Secret (HTTP 400: 1101 / 20158 / invalid client_secret)',
		);
		expect(result.message).not.toContain('not-the-secret');
	});
});
