import { request as httpRequest } from 'node:http';

import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import { windowClock } from '../../../dev/sandbox/rateWindow';
import { ruStoreFact } from '../../fixtures/provider-docs/rustore';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({
		faults: {},
		latencyMs: 0,
		rustore: { ratePerSecond: undefined, retryAfterSeconds: undefined },
	});
});

const auth = { authorization: 'Bearer sandbox-service-token', 'content-type': 'application/json' };
const sendUrl = () => `${sandbox.baseUrls.rustoreSend}/v1/projects/sandbox-project/messages:send`;
const topicUrl = (topic: string, action: string) =>
	`${sandbox.baseUrls.rustoreTopics}/v1/projects/sandbox-project/topics/${topic}/${action}`;

async function post(url: string, body: unknown, headers: Record<string, string> = auth) {
	const response = await fetch(url, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: (() => {
			try {
				return JSON.parse(text);
			} catch {
				return undefined;
			}
		})(),
	};
}

const message = (token: string, extra: object = {}) => ({
	message: { token, notification: { title: 'Hi' }, ...extra },
});

const realWindowClock = windowClock.now;
afterEach(() => {
	windowClock.now = realWindowClock;
});

describe('RuStore send host', () => {
	it('accepts a valid push with 200 {} and records one delivery', async () => {
		const answer = await post(sendUrl(), message('device-1'));
		expect(answer).toMatchObject({ status: 200, json: {} });
		expect(sandbox.deliveries.map((delivery) => delivery.target)).toEqual(['device-1']);
	});

	it('answers the documented errors', async () => {
		expect(
			(await post(sendUrl(), message('d'), { ...auth, authorization: 'Bearer wrong' })).json,
		).toEqual({
			error: {
				code: 403,
				status: 'PERMISSION_DENIED',
				message: 'The caller does not have permission',
			},
		});
		expect((await post(sendUrl(), message('bad-push-token'))).json.error).toMatchObject({
			code: 400,
			status: 'INVALID_ARGUMENT',
		});
		expect((await post(sendUrl(), message('expired-1'))).json).toEqual({
			error: { code: 404, status: 'NOT_FOUND', message: 'Requested entity was not found.' },
		});
		expect((await post(sendUrl(), { message: { token: 'd' } })).json.error.message).toBe(
			'message must contain data, notification or android.notification',
		);
		expect(
			(await post(sendUrl(), { message: { token: 'd', data: { n: 1 } } })).json.error.message,
		).toBe('message.data values must be strings');
		expect((await post(sendUrl(), message('d', { apns: {} }))).status).toBe(400);
		expect((await post(sendUrl(), '{"message":')).status).toBe(400);
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('enforces 4096 bytes on the raw body', async () => {
		const fits = { message: { token: 'd', data: { k: 'x'.repeat(4000) } } };
		expect((await post(sendUrl(), fits)).status).toBe(200);
		const tooBig = { message: { token: 'd', data: { k: 'x'.repeat(4100) } } };
		expect((await post(sendUrl(), tooBig)).status).toBe(400);
	});

	it('validates without delivering when validate_only is set', async () => {
		expect((await post(sendUrl(), { validate_only: true, ...message('d') })).status).toBe(200);
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('caps the rate per service token over a sliding second, with Retry-After', async () => {
		sandbox.configure({ rustore: { ratePerSecond: 50, retryAfterSeconds: 2 } });
		// The burst counts as one instant, however busy the machine.
		windowClock.now = () => 1_000_000;
		const answers = await Promise.all(
			Array.from({ length: 120 }, (_, index) => post(sendUrl(), message(`d-${index}`))),
		);
		expect(answers.filter((answer) => answer.status === 200)).toHaveLength(50);
		const limited = answers.filter((answer) => answer.status === 429);
		expect(limited).toHaveLength(70);
		expect(limited[0].json.error.status).toBe('TOO_MANY_REQUESTS');
		expect(limited[0].headers.get('retry-after')).toBe('2');
	});

	it('answers 500 INTERNAL when told to', async () => {
		sandbox.rustore.failNext(1);
		expect((await post(sendUrl(), message('d'))).json.error.status).toBe('INTERNAL');
		expect((await post(sendUrl(), message('d'))).status).toBe(200);
	});
});

describe('RuStore topics host', () => {
	it('subscribes with per-token partial errors and keeps the membership', async () => {
		const answer = await post(topicUrl('news', 'batch_subscribe'), {
			push_tokens: ['a', 'invalid-b', 'c'],
		});
		expect(answer.json).toEqual({
			message: '1 error(s)',
			errors: [
				{
					push_token: 'invalid-b',
					error: {
						code: 400,
						status: 'INVALID_ARGUMENT',
						message: 'The registration token is not a valid FCM registration token',
					},
				},
			],
		});
		expect([...(sandbox.rustore.subscriptions.get('news') ?? [])]).toEqual(['a', 'c']);
		expect(
			(await post(topicUrl('news', 'batch_unsubscribe'), { push_tokens: ['a'] })).json,
		).toEqual(ruStoreFact('rustore.topics.subscribed').answer!.body);
		expect([...(sandbox.rustore.subscriptions.get('news') ?? [])]).toEqual(['c']);
	});

	it('answers the flat FORBIDDEN and BAD_REQUEST bodies', async () => {
		expect(
			(
				await post(
					topicUrl('news', 'publish'),
					{ message: { data: { a: 'b' } } },
					{ ...auth, authorization: 'Bearer x' },
				)
			).json,
		).toEqual({
			code: 1001,
			status: 'FORBIDDEN',
			message: 's2s token invalid',
		});
		expect((await post(topicUrl('news', 'publish'), '{"message": x')).json).toMatchObject({
			code: 2000,
			status: 'BAD_REQUEST',
		});
	});

	it('limits tokens per batch', async () => {
		sandbox.configure({ rustore: { maxTokensPerBatch: 2 } });
		expect(
			(await post(topicUrl('t', 'batch_subscribe'), { push_tokens: ['a', 'b', 'c'] })).status,
		).toBe(400);
		sandbox.configure({ rustore: { maxTokensPerBatch: 1000 } });
	});

	it('publishes and records the delivery to the topic', async () => {
		const answer = await post(topicUrl('hello', 'publish'), {
			message: { notification: { title: 'T' } },
		});
		expect(answer.json).toEqual({
			message: 'payload has been successfully published to topic hello',
		});
		expect(sandbox.deliveries).toMatchObject([{ kind: 'publish', target: 'hello' }]);
	});
});

describe('faults', () => {
	it('429 and 503 are answered without processing', async () => {
		sandbox.configure({ faults: { rate429: 0.5, rate503: 0.5, retryAfterSeconds: 1 } });
		const answers = await Promise.all(
			Array.from({ length: 10 }, (_, index) => post(sendUrl(), message(`d-${index}`))),
		);
		expect(answers.every((answer) => answer.status === 429 || answer.status === 503)).toBe(true);
		expect(answers.find((answer) => answer.status === 429)?.headers.get('retry-after')).toBe('1');
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('a reset before reading delivers nothing; a reset after reading delivers', async () => {
		sandbox.configure({ faults: { resetBeforeRead: 1 } });
		await expect(post(sendUrl(), message('d-1'))).rejects.toThrow();
		expect(sandbox.deliveries).toHaveLength(0);
		sandbox.configure({ faults: { resetAfterRead: 1 } });
		await expect(post(sendUrl(), message('d-2'))).rejects.toThrow();
		expect(sandbox.deliveries.map((delivery) => delivery.target)).toEqual(['d-2']);
	});

	it('a slow answer is processed, then answered late', async () => {
		sandbox.configure({ faults: { slow: 1, slowMs: 300 } });
		const started = Date.now();
		const answer = await post(sendUrl(), message('d'));
		expect(answer.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('malformed JSON answers are processed too', async () => {
		sandbox.configure({ faults: { malformedJson: 1 } });
		const answer = await post(sendUrl(), message('d'));
		expect(answer.status).toBe(200);
		expect(answer.json).toBeUndefined();
		expect(sandbox.deliveries).toHaveLength(1);
	});

	it('detects a push accepted twice', async () => {
		await post(sendUrl(), message('same'));
		await post(sendUrl(), message('same'));
		await post(sendUrl(), message('other'));
		expect(sandbox.duplicates().map((delivery) => delivery.target)).toEqual(['same']);
	});

	it('draws the same faults for the same seed', async () => {
		const pattern = async () => {
			sandbox.reset();
			sandbox.configure({ seed: 7, faults: { rate503: 0.5 } });
			for (let index = 0; index < 20; index++) await post(sendUrl(), message(`d-${index}`));
			return sandbox.requests.map((request) => request.status).join(',');
		};
		expect(await pattern()).toBe(await pattern());
	});
});

it('answers unknown paths with 404 and keeps connections closable', async () => {
	const status = await new Promise<number>((resolve, reject) => {
		const request = httpRequest(`${sandbox.url}/nowhere`, (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.on('error', reject);
		request.end();
	});
	expect(status).toBe(404);
});
