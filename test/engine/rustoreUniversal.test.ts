import { RuStoreUniversalApi } from '../../credentials/RuStoreUniversalApi.credentials';
import { RuStoreUniversalPush } from '../../nodes/RuStoreUniversalPush/RuStoreUniversalPush.node';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { skipDate, useWallTime } from '../support/virtualTime';
import { universalFact } from '../fixtures/provider-docs/rustoreUniversal';
import { testCredential } from './harness';
import {
	runUniversal,
	tokenRequests,
	universalCredentialData,
	universalSend,
} from './harness/providers/rustoreUniversal';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
afterEach(() => useWallTime());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, rustoreUniversal: { tokenLifetimeSeconds: 3599 } });
});

const json = (run: { outputs: Array<Array<{ json: unknown }>> }, output = 0) =>
	run.outputs[output]?.map((item) => item.json) ?? [];

describe("RuStore Universal Push through n8n's engine: Universal → Send", () => {
	it('sends one request to RuStore, FCM and HMS tokens, with each provider’s credentials in the body', async () => {
		const run = await runUniversal(
			sandbox,
			universalSend({
				rustore: 'rs-device-1, rs-device-2',
				fcm: ['fcm-device-1'],
				hms: 'hms-device-1',
			}),
		);
		expect(run.error).toBeUndefined();
		expect(json(run)).toEqual([
			{ status: 'sent', success: true, provider: 'rustore', token: 'rs-device-1' },
			{ status: 'sent', success: true, provider: 'rustore', token: 'rs-device-2' },
			{ status: 'sent', success: true, provider: 'fcm', token: 'fcm-device-1' },
			{ status: 'sent', success: true, provider: 'hms', token: 'hms-device-1' },
		]);
		const sends = sandbox.requests.filter((request) =>
			request.path.startsWith('/rustore-universal'),
		);
		expect(sends).toHaveLength(1);
		expect(sends[0].path).toBe('/rustore-universal/v1/send');
		expect(sends[0].headers.authorization).toBeUndefined();
		const body = sends[0].body as Record<string, any>;
		expect(body.providers.rustore).toEqual({
			project_id: 'sandbox-project',
			auth_token: 'sandbox-service-token',
		});
		expect(body.providers.fcm.project_id).toBe('sandbox-firebase');
		expect(sandbox.rustoreUniversal.issued.fcm).toContain(body.providers.fcm.auth_token);
		expect(body.providers.hms.project_id).toBe('sandbox-hms-project');
		expect(sandbox.rustoreUniversal.issued.hms).toContain(body.providers.hms.auth_token);
		expect(body.tokens).toEqual({
			rustore: ['rs-device-1', 'rs-device-2'],
			fcm: ['fcm-device-1'],
			hms: ['hms-device-1'],
		});
		expect(body.message).toEqual({
			notification: { title: 'Order shipped', body: 'Your order #42 is on its way' },
			android: { ttl: '3600s' },
		});
		expect(sandbox.deliveries.map((delivery) => delivery.target)).toEqual([
			'rustore:rs-device-1',
			'rustore:rs-device-2',
			'fcm:fcm-device-1',
			'hms:hms-device-1',
		]);
	});

	it('with RuStore alone: no token fetch, only the rustore block', async () => {
		const run = await runUniversal(sandbox, universalSend({ rustore: 'rs-alone-1' }), {
			setup: { fcm: false, hms: false },
		});
		expect(json(run)).toEqual([
			{ status: 'sent', success: true, provider: 'rustore', token: 'rs-alone-1' },
		]);
		expect(sandbox.requests).toHaveLength(1);
		expect(Object.keys((sandbox.requests[0].body as Record<string, any>).providers)).toEqual([
			'rustore',
		]);
	});

	it('fetches each access token once for all items and runs, and again once it expires', async () => {
		const setup = { client: 'refresh' };
		sandbox.configure({ rustoreUniversal: { tokenLifetimeSeconds: 4 } });
		const items = [{ t: 'a1' }, { t: 'b1' }, { t: 'c1' }];
		const parameters = universalSend({
			rustore: '={{ "rs-" + $json.t }}',
			fcm: '={{ "fcm-" + $json.t }}',
			hms: '={{ "hms-" + $json.t }}',
		});
		const first = await runUniversal(sandbox, parameters, { items, setup });
		expect(first.error).toBeUndefined();
		const second = await runUniversal(sandbox, parameters, { items, setup });
		expect(second.error).toBeUndefined();
		expect([tokenRequests(sandbox, 'google'), tokenRequests(sandbox, 'huawei')]).toEqual([1, 1]);

		// The credential stops using a token halfway through a lifetime this short (a minute early
		// for real ones): two seconds on, the next run fetches one new token per provider.
		skipDate(2100);
		const third = await runUniversal(sandbox, parameters, { items, setup });
		expect(third.error).toBeUndefined();
		expect([tokenRequests(sandbox, 'google'), tokenRequests(sandbox, 'huawei')]).toEqual([2, 2]);
		expect(sandbox.deliveries).toHaveLength(27);
		// The tokens are never stored with the credential.
		expect(third.credentialData.accessTokens ?? '').toBe('');
	});

	it('never calls a token dead from an answer RuStore does not document: every token of it is unknown, with the raw answer', async () => {
		const run = await runUniversal(
			sandbox,
			universalSend({ rustore: 'rs-good-1, expired-rs-1', fcm: 'fcm-good-1' }, {}),
			{ setup: { hms: false } },
		);
		expect(run.error).toBeUndefined();
		const results = json(run) as Array<Record<string, unknown>>;
		const byToken = Object.fromEntries(results.map((item) => [item.token, item]));
		// The undocumented wording the sandbox answers with (its fact), the sandbox's text in errors.
		const providerAnswer = {
			...(universalFact('universal.send.providerError.community').answer!.body as object),
			errors: ['rustore: invalid tokens [expired-rs]'],
		};
		expect(byToken['expired-rs-1']).toMatchObject({
			status: 'unknown',
			provider: 'rustore',
			providerMessage: 'rustore: invalid tokens [expired-rs]',
			providerAnswer,
		});
		// Its provider's good token and the other provider's token: the answer did not say OK.
		expect(byToken['rs-good-1']).toMatchObject({ status: 'unknown', providerAnswer });
		expect(byToken['fcm-good-1']).toMatchObject({
			status: 'unknown',
			provider: 'fcm',
			reason: "RuStore's answer did not say OK; the push may or may not have been delivered",
		});
		expect(results.map((item) => item.status)).not.toContain('invalid_token');
		expect(sandbox.deliveries.map((delivery) => delivery.target).sort()).toEqual([
			'fcm:fcm-good-1',
			'rustore:rs-good-1',
		]);
	});

	it('refuses a notification without a body before sending, as RuStore’s examples page does', async () => {
		const run = await runUniversal(
			sandbox,
			universalSend({ rustore: 'rs-1' }, { notification: { title: 'Only a title' } }),
			{ setup: { fcm: false, hms: false } },
		);
		expect(run.error?.message).toBe(
			"Invalid RuStore universal push: Notification → Body (message.notification.body): is required: RuStore's universal API refuses a notification without a body",
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('validates every item before sending any: HMS tokens need the android block', async () => {
		const run = await runUniversal(
			sandbox,
			universalSend({ rustore: 'r-1', hms: '={{ $json.hms }}' }, { androidOptions: {} }),
			{ items: [{ hms: '' }, { hms: 'hms-1' }] },
		);
		expect(run.error?.message).toBe(
			'Nothing was sent: item 2 is invalid: Invalid RuStore universal push: Android Notification / Android Options (message.android): HMS needs the android block: set an Android Notification field or Android Options → Time to Live',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses tokens for a provider the credential does not send to, before sending', async () => {
		const run = await runUniversal(sandbox, universalSend({ rustore: 'r-1', fcm: 'f-1' }), {
			setup: { fcm: false, hms: false },
		});
		expect(run.error?.message).toContain(
			'FCM Tokens are given, but the credential does not send to FCM devices',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('needs tokens for at least one provider', async () => {
		const run = await runUniversal(sandbox, universalSend({}));
		expect(run.error?.message).toContain('give push tokens for at least one provider');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a wrong RuStore service token: the answer is not OK, so every token is unknown (the FCM one was delivered)', async () => {
		const run = await runUniversal(sandbox, universalSend({ rustore: 'rs-1', fcm: 'fcm-1' }), {
			setup: { hms: false, overrides: { serviceToken: 'not-the-token' } },
		});
		const results = json(run) as Array<Record<string, unknown>>;
		expect(results[0]).toMatchObject({
			status: 'unknown',
			provider: 'rustore',
			token: 'rs-1',
			reason:
				"RuStore's answer names an error of RuStore; the push may or may not have been delivered",
		});
		expect(JSON.stringify(results)).not.toContain('not-the-token');
		expect(results[1]).toMatchObject({ status: 'unknown', provider: 'fcm' });
		expect(sandbox.deliveries.map((delivery) => delivery.target)).toEqual(['fcm:fcm-1']);
	});

	it('takes the credentials out of an answer that quotes them', async () => {
		sandbox.configure({ rustoreUniversal: { echoAuthToken: true } });
		try {
			const run = await runUniversal(sandbox, universalSend({ rustore: 'rs-1' }), {
				setup: { fcm: false, hms: false, overrides: { serviceToken: 'wrong-service-token' } },
			});
			const [result] = json(run) as Array<Record<string, unknown>>;
			expect(result.providerMessage).toBe(
				'rustore: unauthorized: invalid project_id or auth_token (auth_token [credential])',
			);
			expect(JSON.stringify(run.runData)).not.toContain('wrong-service-token');
		} finally {
			sandbox.configure({ rustoreUniversal: { echoAuthToken: false } });
		}
	});

	it("reports RuStore's VALIDATION_ERROR as rejected with its errors, the Status/status casing read", async () => {
		const run = await runUniversal(
			sandbox,
			universalSend({ rustore: 'rs-1' }, { data: { pairs: [{ key: 'k', value: 'v' }] } }),
			{
				setup: { fcm: false, hms: false, overrides: { projectId: '' } },
			},
		);
		expect(run.error?.message).toBe(
			'RuStore Universal: The request was rejected as invalid and nothing was sent (VALIDATION_ERROR)',
		);
		expect(run.error?.description).toContain('providers.rustore: project_id is a required field');
	});

	it('does not send again a request that may have been taken (500)', async () => {
		sandbox.rustoreUniversal.failNext(1);
		const run = await runUniversal(sandbox, universalSend({ rustore: 'rs-1' }), {
			setup: { fcm: false, hms: false },
		});
		expect(run.error?.message).toContain('RuStore Universal: Internal error (HTTP 500)');
		expect(sandbox.requests).toHaveLength(1);
	});

	it('retries a request the API did not take (503), then sends it once', async () => {
		// The first attempt meets the 503; the retry goes through.
		sandbox.configure({ faults: { rate503: 1, limit: 1, providers: ['rustoreUniversal'] } });
		const run = await runUniversal(sandbox, universalSend({ rustore: 'rs-1' }), {
			setup: { fcm: false, hms: false },
		});
		expect(json(run)).toEqual([
			{ status: 'sent', success: true, provider: 'rustore', token: 'rs-1' },
		]);
		expect(sandbox.deliveries).toHaveLength(1);
	});

	it('a refused FCM key fails the run before anything is sent, with Google’s reason', async () => {
		const run = await runUniversal(sandbox, universalSend({ fcm: 'fcm-1' }), {
			setup: {
				hms: false,
				client: 'foreign',
				overrides: {
					fcmServiceAccountPrivateKey: sandbox.rustoreUniversal.foreignServiceAccountKey,
				},
			},
		});
		expect(run.error?.message).toBe(
			'FCM: Google refused the Service Account Key (HTTP 400: invalid_grant / Invalid JWT Signature.): check that the key is current and belongs to the Firebase project',
		);
		expect(
			sandbox.requests.filter((request) => request.path.startsWith('/rustore-universal')),
		).toHaveLength(0);
	});
});

describe("RuStore Universal Push through n8n's engine: Universal → Send to Topic", () => {
	it('sends to a topic on every provider the credential configures', async () => {
		const run = await runUniversal(sandbox, {
			resource: 'universal',
			operation: 'sendToTopic',
			topic: 'news',
			notification: { title: 'Breaking', body: 'News' },
			androidNotification: { channelId: 'news' },
		});
		expect(run.error).toBeUndefined();
		expect(json(run)).toEqual([{ status: 'sent', success: true, topic: 'news' }]);
		const [request] = sandbox.requests.filter((r) => r.path.startsWith('/rustore-universal'));
		expect(request.path).toBe('/rustore-universal/v1/send/topic');
		expect(Object.keys((request.body as Record<string, any>).providers).sort()).toEqual([
			'fcm',
			'hms',
			'rustore',
		]);
		expect(sandbox.deliveries.map((delivery) => delivery.target).sort()).toEqual([
			'fcm:topic:news',
			'hms:topic:news',
			'rustore:topic:news',
		]);
	});

	it('with RuStore alone, needs no android block', async () => {
		const run = await runUniversal(
			sandbox,
			{
				resource: 'universal',
				operation: 'sendToTopic',
				topic: 'news',
				notification: { title: 'Hi', body: 'There' },
			},
			{ setup: { fcm: false, hms: false } },
		);
		expect(json(run)).toEqual([{ status: 'sent', success: true, topic: 'news' }]);
		expect(sandbox.deliveries.map((delivery) => delivery.target)).toEqual(['rustore:topic:news']);
	});

	it('names the provider the answer names, unknown, with the raw answer', async () => {
		const run = await runUniversal(
			sandbox,
			{
				resource: 'universal',
				operation: 'sendToTopic',
				topic: 'news',
				notification: { title: 'Hi', body: 'There' },
			},
			{ setup: { fcm: false, hms: false, overrides: { serviceToken: 'wrong' } } },
		);
		expect(json(run)).toEqual([
			expect.objectContaining({
				status: 'unknown',
				provider: 'rustore',
				topic: 'news',
				providerAnswer: expect.objectContaining({
					status: (
						universalFact('universal.send.providerError.community').answer!.body as {
							status: string;
						}
					).status,
				}),
			}),
		]);
	});
});

describe('RuStore Universal credential test', () => {
	const test = async (overrides = {}, setup = {}) =>
		await testCredential(
			new RuStoreUniversalApi(),
			new RuStoreUniversalPush(),
			universalCredentialData(sandbox, { ...setup, overrides }),
		);

	it('passes with every provider configured, after fetching the FCM and HMS tokens', async () => {
		expect(await test({}, { client: 'cred-test' })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect([tokenRequests(sandbox, 'google'), tokenRequests(sandbox, 'huawei')]).toEqual([1, 1]);
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('passes with RuStore alone', async () => {
		expect((await test({}, { fcm: false, hms: false })).status).toBe('OK');
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('fails on a bad FCM key with Google’s reason', async () => {
		const result = await test(
			{ fcmServiceAccountPrivateKey: sandbox.rustoreUniversal.foreignServiceAccountKey },
			{ hms: false, client: 'bad-key' },
		);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('FCM: Google refused the Service Account Key');
		expect(result.message).toContain('Invalid JWT Signature');
	});

	it('fails on a key that is not a key file', async () => {
		const result = await test(
			{ fcmServiceAccountPrivateKey: '{"project_id": "x"}' },
			{ hms: false },
		);
		expect(result).toEqual({
			status: 'Error',
			message: 'FCM: the Service Account Key lacks client_email, private_key',
		});
	});

	it('fails on a bad HMS secret with Huawei’s reason, never showing the secret', async () => {
		const result = await test(
			{ hmsClientSecret: 'wrong-secret' },
			{ fcm: false, client: 'bad-secret' },
		);
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'HMS: Huawei refused the App ID or the Client Secret (HTTP 400: 1101 / 20158 / invalid client_secret): check them in AppGallery Connect → your project → Project settings',
		);
	});

	it('fails when the base URL does not lead to the universal API', async () => {
		const result = await test(
			{ universalBaseUrl: `${sandbox.url}/nowhere` },
			{ fcm: false, hms: false },
		);
		expect(result).toEqual({
			status: 'Error',
			message: 'The Universal Base URL does not lead to the universal push API',
		});
	});
});
