import {
	sberAnswerFailure,
	sberFailure,
	serviceCodeOf,
	SERVICE_CODES,
} from '../../../nodes/SberSmartPush/errors';

const answer = (statusCode: number, body: unknown) => ({ statusCode, body, headers: {} });

describe('Sber service codes', () => {
	it("finds the code in errors[] (key or code), or in the payload's result or validation status", () => {
		expect(serviceCodeOf({ errors: [{ key: '1016', message: 'no template' }] })).toEqual({
			code: 1016,
			message: 'no template',
		});
		expect(serviceCodeOf({ errors: [{ code: 1000, message: 'schema' }] })).toEqual({
			code: 1000,
			message: 'schema',
		});
		expect(
			serviceCodeOf({ payload: { result: { status: { code: 1013, description: 'forbidden' } } } }),
		).toEqual({ code: 1013, message: 'forbidden' });
		expect(
			serviceCodeOf({
				payload: { validation: { results: [{ status: { code: 1004, descr: 'surface' } }] } },
			}),
		).toEqual({ code: 1004, message: 'surface' });
		expect(
			serviceCodeOf({
				code: 200,
				payload: { result: { status: { code: 0, description: 'Success' } } },
			}),
		).toBeUndefined();
		expect(serviceCodeOf({ errors: [{ key: 'RqUID', message: 'missing' }] })).toBeUndefined();
	});

	it('explains every documented code with what to do', () => {
		for (const code of [
			1000, 1001, 1002, 1003, 1004, 1005, 1006, 1008, 1009, 1012, 1013, 1014, 1015, 1016, 1017,
			1018,
		]) {
			const failure = sberFailure(answer(400, { errors: [{ key: String(code), message: 'x' }] }));
			expect(failure).toMatchObject({
				provider: 'Sber SmartPush',
				code,
				meaning: SERVICE_CODES[code].meaning,
			});
			expect(failure.action.length).toBeGreaterThan(10);
		}
	});

	it('treats 1014 and 1018 as rate limits; only 1014 is retried at once', () => {
		expect(sberFailure(answer(400, { errors: [{ key: '1014' }] }))).toMatchObject({
			status: 'rate_limited',
		});
		expect(sberFailure(answer(400, { errors: [{ key: '1014' }] })).retryable).toBeUndefined();
		expect(sberFailure(answer(400, { errors: [{ key: '1018' }] }))).toMatchObject({
			status: 'rate_limited',
			retryable: false,
		});
		expect(sberFailure(answer(400, { errors: [{ key: '1014' }] })).meaning).toContain('limit');
		expect(sberFailure(answer(400, { errors: [{ key: '1018' }] })).meaning).toContain('limit');
	});

	it('falls back to the HTTP status: 401 is the credential, 5xx may have been delivered', () => {
		expect(sberFailure(answer(401, {}))).toMatchObject({ status: 'rejected', code: 401 });
		expect(sberFailure(answer(401, {})).action).toContain('client ID and secret');
		expect(sberFailure(answer(502, 'Bad gateway'))).toMatchObject({ status: 'unknown', code: 502 });
		expect(sberFailure(answer(418, {}))).toMatchObject({
			status: 'rejected',
			meaning: 'The request was refused (HTTP 418)',
		});
	});

	it('reads a thrown answer with its Retry-After', () => {
		const failure = sberAnswerFailure({
			statusCode: 429,
			body: { message: 'slow down' },
			headers: { 'retry-after': '3' },
		});
		expect(failure).toMatchObject({
			status: 'rate_limited',
			retryAfterMs: 3000,
			providerMessage: 'slow down',
		});
	});
});
