import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	buildPublishBody,
	buildSendBody,
	buildSendManyBody,
	buildSubscribeBody,
	toDuration,
} from '../../../nodes/RuStorePush/hooks/buildRequests';
import { singleContext } from '../../support/singleContext';

const request: IHttpRequestOptions = { url: '', method: 'POST' };
const credentials = {
	projectId: 'proj 1',
	sendBaseUrl: 'https://send.example/',
	topicsBaseUrl: 'https://topics.example',
};
const context = (parameters: IDataObject) => singleContext(parameters, { credentials });

async function sendBody(parameters: IDataObject) {
	const built = await buildSendBody.call(context({ recipient: 'tok-1', ...parameters }), request);
	return built.body as IDataObject;
}

async function sendError(parameters: IDataObject): Promise<NodeOperationError> {
	try {
		await sendBody(parameters);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected the builder to refuse the message');
}

describe('Message → Send body from fields', () => {
	it('maps every field to RuStore names, data values as text, ttl in seconds', async () => {
		const body = await sendBody({
			notification: { title: 'Hi', body: 'There', image: 'https://img.example/a.png' },
			data: {
				pairs: [
					{ key: 'orderId', value: 42 },
					{ key: 'paid', value: true },
				],
			},
			androidOptions: { ttl: 3600 },
			androidNotification: {
				title: 'A',
				body: 'B',
				icon: 'ic_push',
				color: '#ff8800',
				image: 'https://img.example/b.png',
				channelId: 'orders',
				clickAction: 'app://orders/42',
				clickActionType: 1,
			},
		});
		expect(body).toEqual({
			message: {
				token: 'tok-1',
				data: { orderId: '42', paid: 'true' },
				notification: { title: 'Hi', body: 'There', image: 'https://img.example/a.png' },
				android: {
					ttl: '3600s',
					notification: {
						title: 'A',
						body: 'B',
						icon: 'ic_push',
						color: '#ff8800',
						image: 'https://img.example/b.png',
						channel_id: 'orders',
						click_action: 'app://orders/42',
						click_action_type: 1,
					},
				},
			},
		});
	});

	it('sends to the send host of the credential, with the project in the path', async () => {
		const built = await buildSendBody.call(
			context({ recipient: 't', notification: { title: 'x' } }),
			request,
		);
		expect(built.url).toBe('https://send.example/v1/projects/proj%201/messages:send');
	});

	it('sends data alone (RuStore: a non-empty data map is enough)', async () => {
		const body = await sendBody({ data: { pairs: [{ key: 'k', value: 'v' }] } });
		expect(body).toEqual({ message: { token: 'tok-1', data: { k: 'v' } } });
	});

	it('accepts an Android notification without a general one', async () => {
		const body = await sendBody({ androidNotification: { title: 'A' } });
		expect(body.message).toEqual({ token: 'tok-1', android: { notification: { title: 'A' } } });
	});

	it("refuses a message without payload, naming RuStore's rule", async () => {
		const error = await sendError({});
		expect(error.message).toBe(
			'Invalid RuStore message: message: RuStore needs a payload: at least one Data pair, or a Notification, or an Android Notification',
		);
	});

	it('names the field and the rule for a bad colour, ttl, image and click action type', async () => {
		expect((await sendError({ androidNotification: { color: 'orange' } })).message).toBe(
			'Invalid RuStore message: Android Notification → Color (message.android.notification.color): must be a colour written #rrggbb, for example #ff8800',
		);
		expect(
			(await sendError({ notification: { title: 'x' }, androidOptions: { ttl: '1h' } })).message,
		).toContain(
			'Android Options → Time to Live (message.android.ttl): must be a duration in seconds',
		);
		expect((await sendError({ notification: { image: 'ftp://x/y.png' } })).message).toContain(
			'Notification → Image URL (message.notification.image): must be an http(s) URL',
		);
		expect((await sendError({ androidNotification: { clickActionType: 2 } })).message).toContain(
			'Click Action Type (message.android.notification.click_action_type): must be 0 (intent action) or 1 (deep link)',
		);
	});

	it('lists every problem in the description', async () => {
		const error = await sendError({
			notification: { image: 'nope' },
			androidNotification: { color: 'red' },
		});
		expect(error.description).toContain('• Notification → Image URL');
		expect(error.description).toContain('• Android Notification → Color');
	});

	it('refuses an empty token', async () => {
		const error = await sendError({ recipient: '  ', notification: { title: 'x' } });
		expect(error.message).toBe(
			'Invalid RuStore message: Push Token (message.token): must not be empty',
		);
	});

	it('refuses a body over 4096 bytes, counting UTF-8 bytes', async () => {
		const error = await sendError({ notification: { body: 'Ж'.repeat(2100) } });
		expect(error.message).toMatch(
			/^Invalid RuStore message: the request is \d+ bytes, RuStore accepts at most 4096$/,
		);
		await expect(sendBody({ notification: { body: 'Ж'.repeat(1900) } })).resolves.toBeDefined();
	});
});

describe('Message → Send body from JSON', () => {
	it('takes the message object, or a whole body with "message", and sets the token field', async () => {
		const message = { notification: { title: 'J' }, data: { n: 5 }, android: { ttl: '2.5' } };
		const expected = {
			message: {
				token: 'tok-1',
				notification: { title: 'J' },
				data: { n: '5' },
				android: { ttl: '2.5s' },
			},
		};
		expect(await sendBody({ messageInput: 'json', messageJson: message })).toEqual(expected);
		expect(
			await sendBody({ messageInput: 'json', messageJson: JSON.stringify({ message }) }),
		).toEqual(expected);
	});

	it('refuses fields RuStore does not support', async () => {
		const error = await sendError({
			messageInput: 'json',
			messageJson: { notification: { title: 'x' }, apns: {} },
		});
		expect(error.message).toContain('unknown field: "apns"');
	});
});

describe('Topic → Publish body', () => {
	it('validates the topic and the message, without a token', async () => {
		const publish = context({ topic: 'news', notification: { title: 'T' } });
		const built = await buildPublishBody.call(publish, request);
		expect(built.body).toEqual({ message: { notification: { title: 'T' } } });
		expect(built.url).toBe('https://topics.example/v1/projects/proj%201/topics/news/publish');
	});

	it('names the topic rule', async () => {
		const publish = context({ topic: 'bad topic', notification: { title: 'T' } });
		await expect(buildPublishBody.call(publish, request)).rejects.toThrow(
			'Invalid RuStore topic: Topic (topic): may contain only letters, digits and - _ . ~ %',
		);
	});
});

describe('Topic → Subscribe / Unsubscribe body', () => {
	it('takes tokens from text or arrays', async () => {
		const fromText = await buildSubscribeBody.call(
			context({ topic: 't', recipients: 'a, b\nc' }),
			request,
		);
		expect(fromText.body).toEqual({ push_tokens: ['a', 'b', 'c'] });
		expect(fromText.url).toBe(
			'https://topics.example/v1/projects/proj%201/topics/t/batch_subscribe',
		);
		const fromArray = await buildSubscribeBody.call(
			context({ topic: 't', recipients: ['x', 'y'] }),
			request,
		);
		expect(fromArray.body).toEqual({ push_tokens: ['x', 'y'] });
	});

	it('refuses an empty list', async () => {
		await expect(
			buildSubscribeBody.call(context({ topic: 't', recipients: ' , ' }), request),
		).rejects.toThrow(
			'Invalid RuStore push tokens: Push Tokens (push_tokens): must contain at least one push token',
		);
	});
});

describe('toDuration', () => {
	it('converts seconds to RuStore durations and leaves durations alone', () => {
		expect(toDuration(60)).toBe('60s');
		expect(toDuration('3.5')).toBe('3.5s');
		expect(toDuration('3.5s')).toBe('3.5s');
		expect(toDuration(undefined)).toBeUndefined();
	});
});

describe('Message → Send to Many body', () => {
	it('keeps the token list for the delivery hook to split, and validates the message once', async () => {
		const built = await buildSendManyBody.call(
			context({ recipients: 'a\nb, c', notification: { title: 'T' } }),
			request,
		);
		expect(built.body).toEqual({
			message: { token: ['a', 'b', 'c'], notification: { title: 'T' } },
		});
		expect(built.url).toBe('https://send.example/v1/projects/proj%201/messages:send');
	});

	it('checks the size limit with the longest token', async () => {
		const long = 'x'.repeat(4060);
		await expect(
			buildSendManyBody.call(
				context({ recipients: ['short', long], notification: { title: 'T' } }),
				request,
			),
		).rejects.toThrow('4096');
	});
});
