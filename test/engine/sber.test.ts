import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { SberSmartPushApi } from '../../credentials/SberSmartPushApi.credentials';
import { SberSmartPush } from '../../nodes/SberSmartPush/SberSmartPush.node';
import { testCredential } from './harness';
import {
	extendedTo,
	liteTo,
	runSber,
	sberCredentials,
	SBER_PROJECT,
} from './harness/providers/sber';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	useVirtualTime();
	sandbox.reset();
	sandbox.configure({
		faults: {},
		latencyMs: 0,
		sber: { ratePerSecond: undefined, extendedBody: 'either', tokenTtlMs: 30 * 60_000 },
	});
});
afterEach(() => useWallTime());

const json = (run: { outputs: Array<Array<{ json: unknown }>> }, output = 0) =>
	run.outputs[output]?.map((item) => item.json) ?? [];
const sends = () => sandbox.requests.filter((request) => request.path.includes('/smartpush/'));

describe("Sber SmartPush through n8n's engine: Send (Lite)", () => {
	it("fetches a token, sends the template with an RqUID, and returns Sber's ids", async () => {
		const run = await runSber(
			sandbox,
			liteTo('sub-1', { options: { callbackUrl: 'https://example.com/status' } }),
		);
		expect(run.error).toBeUndefined();
		const [result] = json(run) as Array<Record<string, unknown>>;
		expect(result).toMatchObject({
			status: 'sent',
			success: true,
			clientId: 'sub-1',
			surface: 'COMPANION',
		});
		// The page folds the basic answer's payload: no result is claimed for it.
		expect(result.result).toBeUndefined();
		expect(typeof result.responseId).toBe('string');

		const [tokenRequest, send] = sandbox.requests;
		expect(tokenRequest.path).toBe('/sber/api/v2/oauth');
		expect(tokenRequest.rawBody).toBe('scope=SMART_PUSH');
		expect(send.path).toBe('/sber/api/v2/smartpush/apprequest-lite');
		expect(send.headers.authorization).toMatch(/^Bearer sber-token-/);
		expect(send.headers.rquid).toMatch(/^[0-9a-f-]{36}$/);
		expect(result.requestId).toBe(send.headers.rquid);
		expect(send.headers.callbackurl).toBe('https://example.com/status');
		expect(send.body).toEqual({
			projectId: SBER_PROJECT,
			clientId: 'sub-1',
			surface: 'COMPANION',
			templateContent: {
				id: 'tpl-order',
				headerValues: { name: 'Anna' },
				bodyValues: { order: '42', date: 'today' },
			},
		});
		// The token is kept: n8n persists it into the credential.
		expect(String(run.credentialData.accessToken)).toMatch(/^sber-token-/);
	});

	it('accepts the authorization key instead of client id and secret', async () => {
		const authKey = Buffer.from('sandbox-client:sandbox-secret').toString('base64');
		const run = await runSber(sandbox, liteTo('sub-1'), {
			credentialOverrides: { authMode: 'authKey', authKey, clientId: '', clientSecret: '' },
		});
		expect(run.error).toBeUndefined();
		expect(sandbox.deliveries).toHaveLength(1);
	});

	// Nothing waits (virtual time): the timeout covers n8n's own work on this many items.
	it('makes exactly one token request for 1,000 items started together', async () => {
		const items = Array.from({ length: 1000 }, (_, n) => ({ sub: `sub-${n}` }));
		const run = await runSber(
			sandbox,
			liteTo('={{ $json.sub }}', { delivery: { requestsPerSecond: 10_000 } }),
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.sber.tokenRequests).toBe(1);
		expect(sandbox.deliveries).toHaveLength(1000);
	}, 60_000);

	// Nothing waits (virtual time): the timeout covers n8n's own work on this many items.
	it('refreshes an expired token once in the middle of a run, and sends every push once', async () => {
		const items = Array.from({ length: 300 }, (_, n) => ({ sub: `sub-${n}` }));
		sandbox.configure({ latencyMs: 5 });
		let expired = false;
		const expireMidway = setInterval(() => {
			if (!expired && sandbox.deliveries.length >= 100) {
				expired = true;
				sandbox.sber.expireTokens();
			}
		}, 1);
		const run = await runSber(
			sandbox,
			liteTo('={{ $json.sub }}', { delivery: { requestsPerSecond: 2_000 } }),
			{ items },
		);
		clearInterval(expireMidway);
		expect(run.error).toBeUndefined();
		expect(expired).toBe(true);
		expect(sandbox.sber.tokenRequests).toBe(2);
		expect(sandbox.deliveries).toHaveLength(300);
		expect(sandbox.duplicates()).toHaveLength(0);
	}, 60_000);

	// Nothing waits (virtual time): the timeout covers n8n's own work on this many items.
	it('refreshes once per expiry however many requests were in flight, with a short-lived token', async () => {
		// 20 s: shorter than the minute the credential used to keep in hand, which made every refused
		// request fetch a token of its own.
		sandbox.configure({ latencyMs: 20, sber: { tokenTtlMs: 20_000 } });
		const items = Array.from({ length: 600 }, (_, n) => ({ sub: `sub-${n}` }));
		let expiries = 0;
		const expire = setInterval(() => {
			if (expiries === 0 && sandbox.deliveries.length >= 100) {
				expiries += 1;
				sandbox.sber.expireTokens();
			}
		}, 1);
		const run = await runSber(
			sandbox,
			liteTo('={{ $json.sub }}', { delivery: { requestsPerSecond: 2_000, maxParallel: 1_000 } }),
			{ items },
		);
		clearInterval(expire);
		expect(run.error).toBeUndefined();
		expect(expiries).toBe(1);
		// Hundreds of requests met the expiry at once (no parallel limit to speak of, so some are refused
		// after the refresh is done)…
		expect(sends().filter((request) => request.status === 401).length).toBeGreaterThan(2);
		// …and the expiry cost one token request (the first is the run's own), also for the requests
		// refused after the new token had come.
		expect(sandbox.sber.tokenRequests).toBe(2);
		expect(sandbox.deliveries).toHaveLength(600);
		expect(sandbox.duplicates()).toHaveLength(0);
	}, 60_000);

	it.each([
		[
			'JSON text from an expression',
			{
				headerValues: '={{ JSON.stringify({ name: $json.name }) }}',
				bodyValues: '={{ JSON.stringify({ order: $json.order, date: "today" }) }}',
			},
			1.1,
		],
		[
			'an object from an expression',
			{
				headerValues: '={{ { name: $json.name } }}',
				bodyValues: '={{ { order: $json.order, date: "today" } }}',
			},
			1.1,
		],
		[
			// What Send (Lite) of 0.1.0 saved: a node of version 1 reads them as rows.
			'name/value rows of a version 1 node (0.1.0)',
			{
				headerValues: { pairs: [{ key: 'name', value: '={{ $json.name }}' }] },
				bodyValues: {
					pairs: [
						{ key: 'order', value: '={{ $json.order }}' },
						{ key: 'date', value: 'today' },
					],
				},
			},
			1,
		],
	])('takes the variables as %s, each value a string', async (_case, variables, typeVersion) => {
		const run = await runSber(sandbox, liteTo('sub-1', variables), {
			items: [{ name: 'Boris', order: 43 }],
			typeVersion,
		});
		expect(run.error).toBeUndefined();
		expect((sandbox.deliveries[0].body as { templateContent: unknown }).templateContent).toEqual({
			id: 'tpl-order',
			headerValues: { name: 'Boris' },
			bodyValues: { order: '43', date: 'today' },
		});
	});

	it.each([
		['text that is not JSON', { headerValues: '{name: Anna}' }, 'Header Variables (JSON)'],
		['a JSON array', { bodyValues: '["Anna"]' }, 'Body Variables (JSON)'],
	])('refuses %s in a variables field, naming it, before sending', async (_case, extra, label) => {
		const run = await runSber(sandbox, liteTo('sub-1', extra));
		expect(run.error?.message).toBe(
			`Invalid Sber SmartPush request: ${label} must be a JSON object like {"name": "value"}`,
		);
		expect(sends()).toHaveLength(0);
	});

	it('names the field when a variable is over the limits', async () => {
		const run = await runSber(
			sandbox,
			liteTo('sub-1', { headerValues: '{"a": "1", "b": "2", "c": "3", "d": "4"}' }),
		);
		expect(run.error?.message).toContain(
			"Header Variables (JSON) (templateContent.headerValues): at most 3 variables (Sber's header limit)",
		);
		expect(sends()).toHaveLength(0);
	});

	it('explains a missing template (1016) and sends nothing else', async () => {
		const run = await runSber(sandbox, liteTo('sub-1', { templateId: 'tpl-unknown' }));
		expect(run.error?.message).toBe(
			'Sber SmartPush: The template does not exist in this project (1016)',
		);
		expect(run.error?.description).toContain('SmartMarket Studio');
	});

	it('explains template variables that do not match (1017) on the error output with continue on fail', async () => {
		const run = await runSber(sandbox, liteTo('sub-1', { bodyValues: '{"order": "42"}' }), {
			onError: 'continueErrorOutput',
		});
		const [failed] = run.outputs[1];
		expect(failed.json).toMatchObject({
			error: 'Sber SmartPush: The template variables do not match the template (1017)',
			details: { status: 'rejected', providerCode: 1017, httpStatus: 400 },
		});
	});

	it("reports a wrong client secret as the credential's problem, without the secret", async () => {
		const run = await runSber(sandbox, liteTo('sub-1'), {
			credentialOverrides: { clientSecret: 'wrong-secret' },
		});
		expect(run.error).toBeDefined();
		expect(JSON.stringify(run.error)).not.toContain('wrong-secret');
		expect(sends()).toHaveLength(0);
	});

	it('retries the sending limit (1014) and delivers', async () => {
		sandbox.configure({ sber: { ratePerSecond: 5 } });
		const items = Array.from({ length: 12 }, (_, n) => ({ sub: `sub-${n}` }));
		const run = await runSber(
			sandbox,
			liteTo('={{ $json.sub }}', { delivery: { requestsPerSecond: 50 } }),
			{ items },
		);
		expect(run.error).toBeUndefined();
		expect(sandbox.requests.some((request) => request.status === 400)).toBe(true);
		expect(sandbox.deliveries).toHaveLength(12);
		expect(sandbox.duplicates()).toHaveLength(0);
	});

	it('does not re-send after a 500: the push is reported as unknown', async () => {
		sandbox.sber.failNext(1);
		const run = await runSber(sandbox, liteTo('sub-1'), { onError: 'continueRegularOutput' });
		expect(json(run)).toMatchObject([{ status: 'unknown', success: false, httpStatus: 500 }]);
		// A 401 for a token from an earlier test is n8n's refresh, not a send; the 500 is not retried.
		expect(
			sends()
				.filter((request) => request.status !== 401)
				.map((request) => request.status),
		).toEqual([500]);
	});
});

describe("Sber SmartPush through n8n's engine: Send (Extended)", () => {
	it("sends the extended payload with default channels, a generated int32 message id and the time frame in each destination's template content", async () => {
		const timeFrame = {
			startTime: '09:00:00',
			finishTime: '21:00:00',
			timeZone: 'GMT+03:00',
			startDate: '2026-12-01',
		};
		const run = await runSber(sandbox, extendedTo('sub-9', { timeFrame }));
		expect(run.error).toBeUndefined();
		const send = sends()[0];
		const body = send.body as Record<string, unknown>;
		expect(body).toMatchObject({ protocolVersion: 'V1', messageName: 'SEND_PUSH' });
		expect(
			Number.isInteger(body.messageId) &&
				(body.messageId as number) > 0 &&
				(body.messageId as number) <= 2_147_483_647,
		).toBe(true);
		expect(body.payload).toEqual({
			sender: { projectId: SBER_PROJECT },
			recipient: { clientId: { idType: 'SUB', id: 'sub-9' } },
			deliveryConfig: {
				deliveryMode: 'BROADCAST',
				destinations: [
					{
						surface: 'COMPANION',
						channel: 'COMPANION_B2C',
						priority: 0,
						templateContent: {
							id: 'tpl-order',
							headerValues: { name: 'Anna' },
							bodyValues: { order: '42', date: 'today' },
							mobileAppParameters: {
								deeplinkAndroid: 'salut://shop/orders/42',
								buttonText: 'Open',
							},
							timeFrame,
						},
					},
					{
						surface: 'SBERBOX',
						channel: 'B2C',
						priority: 0,
						templateContent: {
							id: 'tpl-plain',
							deviceParameters: { deepLink: 'box://orders/42' },
							timeFrame,
						},
					},
				],
			},
		});
		expect(json(run)).toMatchObject([
			{ status: 'sent', clientId: 'sub-9', messageId: body.messageId },
		]);
	});

	it('gives every request its own message id and RqUID', async () => {
		const items = Array.from({ length: 20 }, (_, n) => ({ sub: `sub-${n}` }));
		await runSber(sandbox, extendedTo('={{ $json.sub }}'), { items });
		const bodies = sends().map((request) => (request.body as { messageId: number }).messageId);
		expect(new Set(bodies).size).toBe(20);
		expect(new Set(sends().map((request) => request.headers.rquid)).size).toBe(20);
	});

	it('wraps the body in requestPayload when asked, for hosts that want it', async () => {
		sandbox.configure({ sber: { extendedBody: 'wrapped' } });
		const run = await runSber(
			sandbox,
			extendedTo('sub-1', { messageOptions: { wrapInRequestPayload: true, messageId: 77 } }),
		);
		expect(run.error).toBeUndefined();
		expect(sends()[0].body).toMatchObject({ requestPayload: { messageId: 77 } });
	});

	it('takes the whole payload as JSON', async () => {
		const payload = {
			sender: { projectId: SBER_PROJECT },
			recipient: { clientId: { idType: 'SUB', id: 'sub-json' } },
			deliveryConfig: {
				deliveryMode: 'SEQUENTIAL',
				destinations: [
					{ surface: 'TV', channel: 'B2C', priority: 1, templateContent: { id: 'tpl-plain' } },
				],
			},
		};
		const run = await runSber(sandbox, {
			resource: 'push',
			operation: 'sendExtended',
			payloadInput: 'json',
			payloadJson: JSON.stringify(payload),
		});
		expect(run.error).toBeUndefined();
		expect((sends()[0].body as { payload: unknown }).payload).toEqual(payload);
	});

	it("takes the SDK's JSON shape: no priority, the time frame in the destination, lower-case mode", async () => {
		const payload = {
			sender: { projectId: SBER_PROJECT },
			recipient: { clientId: { idType: 'SUB', id: 'sub-sdk' } },
			deliveryConfig: {
				deliveryMode: 'broadcast',
				destinations: [
					{
						channel: 'COMPANION_B2C',
						surface: 'COMPANION',
						templateContent: {
							id: 'tpl-plain',
							timeFrame: {
								startTime: '13:30:00',
								finishTime: '15:00:00',
								timeZone: 'GMT+03:00',
								startDate: '2026-06-04',
								endDate: '2026-06-05',
							},
						},
					},
				],
			},
		};
		const run = await runSber(sandbox, {
			resource: 'push',
			operation: 'sendExtended',
			payloadInput: 'json',
			payloadJson: JSON.stringify(payload),
		});
		expect(run.error).toBeUndefined();
		expect((sends()[0].body as { payload: unknown }).payload).toEqual(payload);
		expect(sandbox.deliveries).toHaveLength(1);
	});

	it('refuses a time frame in deliveryConfig (where older versions of this node put it), naming the right place', async () => {
		const run = await runSber(sandbox, {
			resource: 'push',
			operation: 'sendExtended',
			payloadInput: 'json',
			payloadJson: JSON.stringify({
				sender: { projectId: SBER_PROJECT },
				recipient: { clientId: { idType: 'SUB', id: 'sub-old' } },
				deliveryConfig: {
					deliveryMode: 'BROADCAST',
					destinations: [{ surface: 'TV', channel: 'B2C', templateContent: { id: 'tpl-plain' } }],
					timeFrame: {
						startTime: '09:00:00',
						finishTime: '21:00:00',
						timeZone: 'GMT+03:00',
						startDate: '2026-12-01',
					},
				},
			}),
		});
		expect(run.error?.message).toContain(
			"Time Frame (payload.deliveryConfig.timeFrame): is not a Sber field: put the time frame in each destination's templateContent.timeFrame",
		);
		expect(sends()).toHaveLength(0);
	});

	it.each([
		[
			'mobile parameters on a device surface (1009)',
			{
				destinations: {
					destination: [
						{ surface: 'SBERBOX', templateId: 'tpl-plain', parameters: 'mobile', buttonText: 'Go' },
					],
				},
			},
			'mobile app parameters are for the COMPANION surface only (Sber code 1009)',
		],
		[
			'both device filters (1015)',
			{
				destinations: {
					destination: [
						{
							surface: 'TIME',
							templateId: 'tpl-plain',
							parameters: 'device',
							serialNumber: 'SN1',
							productFilter: 'SBERBOX',
						},
					],
				},
			},
			'not both (Sber code 1015)',
		],
		[
			'a button text over 30 characters',
			{
				destinations: {
					destination: [
						{
							surface: 'COMPANION',
							templateId: 'tpl-plain',
							parameters: 'mobile',
							buttonText: 'x'.repeat(31),
						},
					],
				},
			},
			'Destination → Button Text',
		],
		[
			'a time written without seconds',
			{
				timeFrame: {
					startTime: '09:00',
					finishTime: '21:00:00',
					timeZone: 'GMT+03:00',
					startDate: '2026-12-01',
				},
			},
			'Time Frame → Start Time (payload.deliveryConfig.destinations.0.templateContent.timeFrame.startTime): must be a time written HH:mm:ss',
		],
		[
			'a finish before the start on one day',
			{
				timeFrame: {
					startTime: '21:00:00',
					finishTime: '09:00:00',
					timeZone: 'GMT+03:00',
					startDate: '2026-12-01',
				},
			},
			'Sber code 1001',
		],
		[
			'a message id beyond int32',
			{ messageOptions: { messageId: 3_000_000_000 } },
			'Message ID (messageId): must be at most 2147483647',
		],
		[
			'header variables that are not JSON',
			{
				destinations: {
					destination: [
						{ surface: 'COMPANION', templateId: 'tpl-order', headerValues: '{name: Anna}' },
					],
				},
			},
			'Invalid Sber SmartPush request: Destination → Header Variables (JSON) must be a JSON object like {"name": "value"}',
		],
		['no destination', { destinations: {} }, 'must contain at least one destination'],
	])('refuses %s before sending anything', async (_case, extra, message) => {
		const run = await runSber(sandbox, extendedTo('sub-1', extra));
		expect(run.error?.message).toContain(message);
		expect(sends()).toHaveLength(0);
	});
});

describe('Sber SmartPush credential', () => {
	// Its own host: tokens are cached per token URL and client, so this proves a real fetch.
	let fresh: Sandbox;
	beforeAll(async () => {
		fresh = await startSandbox();
	});
	afterAll(async () => await fresh.close());

	it("passes n8n's credential test by fetching a token", async () => {
		const result = await testCredential(
			new SberSmartPushApi(),
			new SberSmartPush(),
			sberCredentials(fresh).data,
		);
		expect(result.status).toBe('OK');
		expect(fresh.sber.tokenRequests).toBe(1);
	});

	it("fails n8n's credential test with a wrong secret", async () => {
		const result = await testCredential(
			new SberSmartPushApi(),
			new SberSmartPush(),
			sberCredentials(fresh, { clientSecret: 'nope' }).data,
		);
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('nope');
	});
});
