import type { IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { failureOf } from '../../../nodes/shared/providerError';
import { readRuStoreAnswer, subscribePlan } from '../../../nodes/RuStorePush/hooks/readResponses';
import { singleContext } from '../../support/singleContext';

const answer = (
	statusCode: number,
	body: unknown,
	headers: Record<string, string> = {},
): IN8nHttpFullResponse => ({
	statusCode,
	body: body as IN8nHttpFullResponse['body'],
	headers,
	statusMessage: '',
});

async function readError(response: IN8nHttpFullResponse): Promise<NodeApiError> {
	try {
		await readRuStoreAnswer.call(singleContext({}), [{ json: {} }], response);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeApiError);
		return error as NodeApiError;
	}
	throw new Error('expected an error');
}

describe('readRuStoreAnswer', () => {
	it('passes 200 answers on, even with an unreadable body', async () => {
		const items = [{ json: { a: 1 } }];
		await expect(readRuStoreAnswer.call(singleContext({}), items, answer(200, {}))).resolves.toBe(
			items,
		);
		await expect(
			readRuStoreAnswer.call(singleContext({}), items, answer(200, '{"trunc')),
		).resolves.toEqual([{ json: {} }]);
	});

	it('NOT_FOUND: dead token, remove it', async () => {
		const error = await readError(
			answer(404, {
				error: { code: 404, status: 'NOT_FOUND', message: 'Requested entity was not found.' },
			}),
		);
		expect(error.message).toBe(
			'RuStore: The push token is not registered or has expired (NOT_FOUND)',
		);
		expect(error.description).toContain('Remove this token');
		expect(error.httpCode).toBe('404');
		expect(failureOf(error)?.status).toBe('invalid_token');
	});

	it("INVALID_ARGUMENT about the token counts as a dead token; otherwise shows RuStore's message", async () => {
		const token = await readError(
			answer(400, {
				error: {
					code: 400,
					status: 'INVALID_ARGUMENT',
					message: 'The registration token is not a valid FCM registration token',
				},
			}),
		);
		expect(failureOf(token)?.status).toBe('invalid_token');
		const payload = await readError(
			answer(400, {
				error: { code: 400, status: 'INVALID_ARGUMENT', message: 'message.data: bad' },
			}),
		);
		expect(failureOf(payload)?.status).toBe('rejected');
		expect(payload.description).toContain('RuStore says: message.data: bad.');
	});

	it("a 404 without RuStore's error body names no token: rejected, not invalid_token", async () => {
		const error = await readError(answer(404, '<html>Not Found</html>'));
		expect(failureOf(error)?.status).toBe('rejected');
		expect(error.description).toContain('base URL');
	});

	it('PERMISSION_DENIED and the topics host FORBIDDEN: check the credential', async () => {
		const send = await readError(
			answer(403, { error: { code: 403, status: 'PERMISSION_DENIED', message: 'denied' } }),
		);
		const topics = await readError(
			answer(403, { code: 1001, status: 'FORBIDDEN', message: 's2s token invalid' }),
		);
		for (const error of [send, topics]) {
			expect(error.message).toMatch(/^RuStore: The service token was refused/);
			expect(error.description).toContain('Check the Service Token and Project ID');
		}
	});

	it('TOO_MANY_REQUESTS: a rate limit, with Retry-After kept for the delivery hook', async () => {
		const error = await readError(
			answer(
				429,
				{ error: { code: 429, status: 'TOO_MANY_REQUESTS', message: 'slow down' } },
				{ 'retry-after': '3' },
			),
		);
		expect(error.message).toContain('rate limit');
		expect(failureOf(error)).toMatchObject({ status: 'rate_limited', retryAfterMs: 3000 });
	});

	it('INTERNAL and other 5xx: delivery unknown; 503: not sent', async () => {
		const internal = await readError(
			answer(500, { error: { code: 500, status: 'INTERNAL', message: 'boom' } }),
		);
		expect(failureOf(internal)?.status).toBe('unknown');
		const gateway = await readError(answer(502, '<html>bad gateway</html>'));
		expect(failureOf(gateway)?.status).toBe('unknown');
		const unavailable = await readError(answer(503, ''));
		expect(failureOf(unavailable)?.status).toBe('unavailable');
	});

	// That no secret reaches an error is tested where a request really carried one: test/engine/secrets.test.ts.
});

describe('subscribe plan', () => {
	const outcomesOf = (errors: unknown[], tokens: string[]) =>
		subscribePlan.accepted(
			singleContext({ topic: 'news' }),
			{ message: `${errors.length} error(s)`, errors },
			tokens,
		);

	it("reads each token's error by its own status: a refused service token is not a dead push token", () => {
		const outcomes = outcomesOf(
			[
				{
					push_token: 'b',
					error: { code: 1001, status: 'FORBIDDEN', message: 's2s token invalid' },
				},
			],
			['a', 'b'],
		);
		expect(outcomes.map((o) => [o.json.token, o.status])).toEqual([
			['a', 'subscribed'],
			['b', 'rejected'],
		]);
		expect(outcomes[1].failure).toMatchObject({
			code: 'FORBIDDEN 1001',
			providerMessage: 's2s token invalid',
			meaning: 'The service token was refused',
		});
		expect(outcomes[1].failure?.action).toContain('Check the Service Token and Project ID');
	});

	it.each([
		[
			{ code: 404, status: 'NOT_FOUND', message: 'Requested entity was not found.' },
			'invalid_token',
		],
		[
			{ code: 404, status: 'UNREGISTERED', message: 'Requested entity was not found.' },
			'invalid_token',
		],
		[
			{
				code: 400,
				status: 'INVALID_ARGUMENT',
				message: 'The registration token is not a valid FCM registration token',
			},
			'invalid_token',
		],
		[{ code: 400, status: 'INVALID_ARGUMENT', message: 'topic name too long' }, 'rejected'],
		[{ code: 429, status: 'TOO_MANY_REQUESTS', message: 'slow down' }, 'rate_limited'],
		[{ code: 500, status: 'INTERNAL', message: 'boom' }, 'unknown'],
		[{ code: 7, status: 'SOMETHING_NEW', message: '?' }, 'rejected'],
	])('a per-token %j is %s', (error, status) => {
		const [outcome] = outcomesOf([{ push_token: 't', error }], ['t']);
		expect(outcome.status).toBe(status);
		if (status === 'invalid_token') expect(outcome.failure?.action).toContain('Remove this token');
		else expect(outcome.failure?.action).not.toContain('Remove this token');
	});
});
