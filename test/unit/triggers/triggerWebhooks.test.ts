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
	body?: unknown;
	ended: boolean;
}

function context(request: {
	body: unknown;
	headers?: Record<string, string>;
	query?: IDataObject;
	parameters?: IDataObject;
	credentials?: IDataObject;
}): { ctx: IWebhookFunctions; sent: Sent; warnings: string[] } {
	const sent: Sent = { ended: false };
	const warnings: string[] = [];
	const res = {
		status(code: number) {
			sent.status = code;
			return res;
		},
		type(type: string) {
			sent.type = type;
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

	it('answers the echostr handshake with the raw value as text, and starts nothing', async () => {
		const { ctx, sent } = context({ body: { echostr: '12345678' }, credentials });
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(sent).toEqual({ status: 200, type: 'text/plain', body: '12345678', ended: true });
	});

	it('answers 401 to a forged callback and starts nothing', async () => {
		const header = callbackIdHeader({ secret: 'x', username: 'u', forgeWith: 'guess' });
		const { ctx, sent, warnings } = context({
			body,
			headers: { 'x-callback-id': header },
			credentials,
		});
		expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
		expect(warnings).toEqual([
			'EngageLab Trigger answered 401 to a callback: X-CALLBACK-ID signature',
		]);
		// The secret never appears in what is answered or logged.
		expect(JSON.stringify([sent, warnings])).not.toContain(credentials.callbackSecret);
	});

	it('starts the workflow with one item per row for a signed callback, filtered by kind', async () => {
		const header = callbackIdHeader({ secret: credentials.callbackSecret, username: 'u' });
		const all = context({ body, headers: { 'x-callback-id': header }, credentials });
		const started = await node.webhook.call(all.ctx);
		expect(started.workflowData?.[0].map((item) => item.json.status)).toEqual([
			'delivered',
			'clicked',
		]);
		expect(all.sent.status).toBeUndefined();
		const clicks = context({
			body,
			headers: { 'x-callback-id': header },
			credentials,
			parameters: { events: ['clicked'] },
		});
		expect(
			(await node.webhook.call(clicks.ctx)).workflowData?.[0].map((item) => item.json.recipient),
		).toEqual(['rid-2']);
		const none = context({
			body,
			headers: { 'x-callback-id': header },
			credentials,
			parameters: { events: ['withdrawn'] },
		});
		expect(await node.webhook.call(none.ctx)).toEqual({
			webhookResponse: { message: 'No event passed the filter' },
		});
	});

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

	it('starts the workflow when the URL carries the secret', async () => {
		const { ctx } = context({
			body: status,
			query: { secret },
			credentials: { urlSecret: secret },
		});
		const started = await node.webhook.call(ctx);
		expect(started.workflowData?.[0].map((item) => item.json.status)).toEqual(['sent']);
	});

	it.each([[{ secret: 'wrong' }], [{}], [{ secret: [secret] }]])(
		'answers 401 and starts nothing for the query %j',
		async (query) => {
			const { ctx, sent } = context({ body: status, query, credentials: { urlSecret: secret } });
			expect(await node.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
			expect(sent.status).toBe(401);
		},
	);
});
