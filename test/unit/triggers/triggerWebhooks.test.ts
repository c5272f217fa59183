/**
 * The triggers' webhook() in a small stand-in for n8n's webhook context (body, headers, query,
 * parameters, credentials and a response object that records what was sent). The real server path
 * is in test/e2e/triggers.e2e.test.ts.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { EngageLabTrigger } from '../../../nodes/EngageLabTrigger/EngageLabTrigger.node';
import { SberSmartPushTrigger } from '../../../nodes/SberSmartPushTrigger/SberSmartPushTrigger.node';
import {
	callbackIdHeader,
	engageLabCallbackBody,
	sberStatusBody,
} from '../../../dev/sandbox/callbacks';

interface Sent {
	status?: number;
	type?: string;
	headers?: Record<string, string>;
	body?: unknown;
	ended: boolean;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** `depth` objects nested in a row, built without recursion. */
function nested(depth: number): Record<string, unknown> {
	let value: Record<string, unknown> = { end: true };
	for (let level = 1; level < depth; level++) value = { a: value };
	return value;
}

let workflowCount = 0;

function context(request: {
	body: unknown;
	headers?: Record<string, string>;
	query?: IDataObject;
	parameters?: IDataObject;
	credentials?: IDataObject;
	workflow?: { id: string };
}): { ctx: IWebhookFunctions; sent: Sent; warnings: string[] } {
	const sent: Sent = { ended: false };
	const warnings: string[] = [];
	// A workflow of its own per call, so the once-a-minute refusal log starts afresh.
	const workflow = { id: `wf-${(workflowCount += 1)}` };
	const res = {
		status(code: number) {
			sent.status = code;
			return res;
		},
		type(type: string) {
			sent.type = type;
			return res;
		},
		setHeader(name: string, value: string) {
			sent.headers = { ...sent.headers, [name]: value };
			return res;
		},
		send(body: unknown) {
			sent.body = body;
			return res;
		},
		json(body: unknown) {
			sent.type = 'application/json';
			sent.body = body;
			return res;
		},
		end() {
			sent.ended = true;
			return res;
		},
	};
	const ctx = {
		getBodyData: () => request.body,
		getHeaderData: () => request.headers ?? {},
		getQueryData: () => request.query ?? {},
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback: unknown) =>
			request.parameters && name in request.parameters ? request.parameters[name] : fallback,
		getCredentials: async () => request.credentials ?? {},
		getNode: () => ({ name: 'Trigger', type: 'n8n-nodes-push-gateways.trigger' }),
		getWorkflow: () => request.workflow ?? workflow,
		logger: { warn: (message: string) => warnings.push(message) },
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	return { ctx, sent, warnings };
}

const credentials = { callbackSecret: 'callback-secret-1', username: '' };
const body = engageLabCallbackBody([
	{ message_id: 'm1', to: 'rid-1', message_status: 'delivered' },
	{ message_id: 'm1', to: 'rid-2', message_status: 'click' },
]);

describe('EngageLab Trigger webhook', () => {
	const node = new EngageLabTrigger();
	const signed = (secret = credentials.callbackSecret) => ({
		'x-callback-id': callbackIdHeader({ secret, username: 'u' }),
		...JSON_TYPE,
	});

	it('answers the echostr handshake to a JSON body with the raw value as text, nosniff, and starts nothing', async () => {
		const { ctx, sent } = context({
			body: { echostr: '12345678' },
			headers: JSON_TYPE,
			credentials,
		});
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(sent).toEqual({
			status: 200,
			type: 'text/plain',
			headers: { 'X-Content-Type-Options': 'nosniff' },
			body: '12345678',
			ended: true,
		});
	});

	it('does not echo a value that came in any other content type (an unsigned call: 401)', async () => {
		for (const type of ['text/html', 'application/x-www-form-urlencoded', undefined]) {
			const { ctx, sent } = context({
				body: { echostr: '<script>alert(1)</script>' },
				headers: type ? { 'content-type': type } : {},
				credentials,
			});
			expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
			expect(sent.status).toBe(401);
			expect(JSON.stringify(sent.body)).not.toContain('script');
		}
	});

	it('answers 401 to a forged callback, logs it, and starts nothing', async () => {
		const { ctx, sent, warnings } = context({ body, headers: signed('x'), credentials });
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
		expect(warnings).toEqual([
			'Trigger answered 401: X-CALLBACK-ID signature (1 call(s) refused since the last such line)',
		]);
		// The secret never appears in what is answered or logged.
		expect(JSON.stringify([sent, warnings])).not.toContain(credentials.callbackSecret);
	});

	it('logs a run of refused calls in one workflow once, not once per call', async () => {
		const workflow = { id: 'wf-flooded' };
		const warnings: string[] = [];
		for (let call = 0; call < 20; call++) {
			const refused = context({ body, headers: signed('x'), credentials, workflow });
			await node.webhook.call(refused.ctx);
			expect(refused.sent.status).toBe(401);
			warnings.push(...refused.warnings);
		}
		expect(warnings).toHaveLength(1);
	});

	it.each([[''], ['   ']])(
		'refuses every call when the Callback Secret is %j, even one signed with that key, and the URL check',
		async (secret) => {
			const emptyKey = { callbackSecret: secret, username: '' };
			const forged = context({ body, headers: signed(secret), credentials: emptyKey });
			expect(await node.webhook.call(forged.ctx)).toEqual({ noWebhookResponse: true });
			expect(forged.sent.status).toBe(401);
			expect(forged.warnings[0]).toContain("the credential's Callback Secret is empty");
			const check = context({ body: { echostr: '1' }, headers: JSON_TYPE, credentials: emptyKey });
			expect(await node.webhook.call(check.ctx)).toEqual({ noWebhookResponse: true });
			expect(check.sent.status).toBe(401);
		},
	);

	it('fails the credential test for an empty or blank secret', async () => {
		const test = node.methods.credentialTest.engageLabCallbackSecret;
		const result = async (callbackSecret: string) =>
			(await test.call({} as never, { id: '1', name: 'c', type: 't', data: { callbackSecret } }))
				.status;
		expect(await result('')).toBe('Error');
		expect(await result('  ')).toBe('Error');
		expect(await result('callback-secret-1')).toBe('OK');
	});

	it('starts the workflow with one item per row for a signed callback, filtered by kind, and says how many it took', async () => {
		const all = context({ body, headers: signed(), credentials });
		const started = await node.webhook.call(all.ctx);
		expect(started.workflowData?.[0].map((item) => item.json.status)).toEqual([
			'delivered',
			'clicked',
		]);
		expect(started.webhookResponse).toEqual({ received: 2, passed: 2 });
		expect(all.sent.status).toBeUndefined();
		const clicks = context({
			body,
			headers: signed(),
			credentials,
			parameters: { events: ['clicked'] },
		});
		const filtered = await node.webhook.call(clicks.ctx);
		expect(filtered.workflowData?.[0].map((item) => item.json.recipient)).toEqual(['rid-2']);
		expect(filtered.webhookResponse).toEqual({ received: 2, passed: 1 });
		const none = context({
			body,
			headers: signed(),
			credentials,
			parameters: { events: ['withdrawn'] },
		});
		expect(await node.webhook.call(none.ctx)).toEqual({
			webhookResponse: { received: 2, passed: 0 },
		});
	});

	it('answers a signed body nested deeper than the limit with a clean 400 and starts nothing', async () => {
		const deep = { total: 1, rows: [{ message_id: 'm', custom_args: nested(5000) }] };
		const { ctx, sent } = context({ body: deep, headers: signed(), credentials });
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(sent).toMatchObject({ status: 400, body: { code: 400 } });
		const fine = context({
			body: { total: 1, rows: [{ message_id: 'm', custom_args: nested(900) }] },
			headers: signed(),
			credentials,
		});
		expect((await node.webhook.call(fine.ctx)).workflowData?.[0]).toHaveLength(1);
	});

	it.each([
		[[1, 'two', null]],
		['a text body'],
		[{ rows: 5 }],
		[{ total: 2, rows: [null, 'x'] }],
		[{ rows: [{ status: { message_status: 'constructor' } }, { status: '__proto__' }] }],
		[{}],
	])(
		'takes a signed body that is not the documented envelope (%j) without failing',
		async (odd) => {
			const { ctx, sent } = context({ body: odd, headers: signed(), credentials });
			const started = await node.webhook.call(ctx);
			expect(sent.status).toBeUndefined();
			const items = started.workflowData?.[0] ?? [];
			expect(items.length).toBeGreaterThan(0);
			for (const { json } of items) {
				expect(typeof json.status).toBe('string');
				expect(json.dedupeKey).toMatch(/^engagelab:[0-9a-f]{40}$/);
			}
			const again = context({ body: odd, headers: signed(), credentials });
			expect(
				(await node.webhook.call(again.ctx)).workflowData?.[0].map((i) => i.json.dedupeKey),
			).toEqual(items.map((item) => item.json.dedupeKey));
		},
	);

	it('skips the check only when verification is switched off', async () => {
		const { ctx } = context({ body, parameters: { verifySignature: false } });
		expect((await node.webhook.call(ctx)).workflowData?.[0]).toHaveLength(2);
	});
});

describe('Sber SmartPush Trigger webhook', () => {
	const node = new SberSmartPushTrigger();
	const secret = 'a-long-url-secret-0123456789';
	const status = sberStatusBody({
		messageId: 3,
		devices: [{ deviceId: 'box-1', code: 0, description: 'Success' }],
	});

	it('starts the workflow when the URL carries the secret, and says how many statuses it took', async () => {
		const { ctx } = context({
			body: status,
			query: { secret },
			credentials: { urlSecret: secret },
		});
		const started = await node.webhook.call(ctx);
		expect(started.workflowData?.[0].map((item) => item.json.status)).toEqual(['sent']);
		expect(started.webhookResponse).toEqual({ received: 1 });
	});

	it.each([[{ secret: 'wrong' }], [{}], [{ secret: [secret] }]])(
		'answers 401 and starts nothing for the query %j',
		async (query) => {
			const { ctx, sent } = context({ body: status, query, credentials: { urlSecret: secret } });
			expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
			expect(sent.status).toBe(401);
		},
	);

	it.each([[''], ['    ']])(
		'refuses every call when the URL Secret is %j, even one that sends the same value',
		async (blank) => {
			const { ctx, sent, warnings } = context({
				body: status,
				query: { secret: blank },
				credentials: { urlSecret: blank },
			});
			expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
			expect(sent.status).toBe(401);
			expect(warnings[0]).toContain("the credential's URL Secret is empty");
		},
	);

	it('fails the credential test for an empty, blank or short secret', async () => {
		const test = node.methods.credentialTest.sberCallbackSecret;
		const result = async (urlSecret: string) =>
			(await test.call({} as never, { id: '1', name: 'c', type: 't', data: { urlSecret } })).status;
		expect(await result('')).toBe('Error');
		expect(await result(' '.repeat(20))).toBe('Error');
		expect(await result(secret)).toBe('OK');
	});

	it('answers a body nested deeper than the limit with a clean 400, and odd bodies without failing', async () => {
		const deep = context({
			body: { payload: nested(5000) },
			query: { secret },
			credentials: { urlSecret: secret },
		});
		expect(await node.webhook.call(deep.ctx)).toEqual({ noWebhookResponse: true });
		expect(deep.sent.status).toBe(400);
		for (const odd of [[], 'text', [[[{ payload: 1 }]]], { payload: { result: 'x' } }]) {
			const { ctx, sent } = context({
				body: odd,
				query: { secret },
				credentials: { urlSecret: secret },
			});
			const answer = await node.webhook.call(ctx);
			expect(sent.status).toBeUndefined();
			expect(answer.webhookResponse).toEqual({ received: answer.workflowData?.[0].length ?? 0 });
		}
	});
});
