import {
	providerErrors,
	readUniversalAnswer,
	tokenResults,
	tokensNamedBy,
	universalAnswerFailure,
	withoutSecrets,
} from '../../../nodes/RuStoreUniversalPush/errors';

const answer = (statusCode: number, body: unknown) => ({ statusCode, body, headers: {} });

describe('reading the universal answer', () => {
	it('reads Status on success and status on errors, as the page writes them', () => {
		expect(readUniversalAnswer({ Status: 'OK' })).toEqual({ status: 'OK', errors: [] });
		expect(
			readUniversalAnswer({ status: 'VALIDATION_ERROR', code: 400, errors: ['providers.fcm: x'] }),
		).toEqual({ status: 'VALIDATION_ERROR', code: 400, errors: ['providers.fcm: x'] });
	});

	it('passes success and per-provider errors on; the rest fails the request', () => {
		expect(universalAnswerFailure(answer(200, { Status: 'OK' }))).toBeUndefined();
		expect(
			universalAnswerFailure(
				answer(400, {
					status: 'PROVIDER_ERROR',
					code: 400,
					errors: ['rustore: invalid tokens [abcd]'],
				}),
			),
		).toBeUndefined();
		expect(
			universalAnswerFailure(
				answer(400, {
					status: 'VALIDATION_ERROR',
					code: 400,
					errors: ['providers.fcm: project_id is a required field', 'tokens: required'],
				}),
			),
		).toMatchObject({
			provider: 'RuStore Universal',
			code: 'VALIDATION_ERROR',
			status: 'rejected',
			providerMessage: 'providers.fcm: project_id is a required field; tokens: required',
		});
	});

	it('maps statuses that say nothing was taken, and those that may hide a delivery', () => {
		expect(universalAnswerFailure(answer(429, { errors: ['slow down'] }))?.status).toBe(
			'rate_limited',
		);
		expect(universalAnswerFailure(answer(503, {}))?.status).toBe('unavailable');
		expect(universalAnswerFailure(answer(500, { errors: ['rustore: boom'] }))?.status).toBe(
			'unknown',
		);
		expect(universalAnswerFailure(answer(403, {}))).toMatchObject({
			status: 'rejected',
			refusesCredential: true,
		});
		expect(universalAnswerFailure(answer(200, { status: 'ERROR' }))?.status).toBe('unknown');
	});
});

describe('matching the prefixes the answer names to the sent tokens', () => {
	const sent = ['abcdef123', 'abcxyz999', 'zzzz0001'];

	it('names a token only when its prefix starts exactly one sent token', () => {
		expect(tokensNamedBy('invalid tokens [abcdef, zzzz]', sent)).toEqual(['abcdef123', 'zzzz0001']);
		expect(tokensNamedBy('invalid tokens [abc]', sent)).toEqual([]);
		expect(tokensNamedBy('invalid tokens: token-aa…', ['token-aa1', 'token-aa2'])).toEqual([]);
		expect(tokensNamedBy('invalid tokens: abcd…, zzzz0...', sent)).toEqual([
			'abcdef123',
			'zzzz0001',
		]);
	});

	it('reads prefixes only after a phrase that calls tokens dead', () => {
		expect(tokensNamedBy('unauthorized: abcdef', sent)).toEqual([]);
		expect(tokensNamedBy('unregistered token abcxyz', sent)).toEqual(['abcxyz999']);
	});

	it('gives each token its status: sent, invalid_token, or its provider’s', () => {
		const errors = providerErrors([
			'rustore: invalid tokens [abcdef]',
			'fcm: unauthorized (401): Request had invalid authentication credentials',
			'something else',
		]);
		expect([...errors.keys()]).toEqual(['rustore', 'fcm']);
		const rustore = tokenResults('rustore', sent, errors);
		expect(rustore.get('abcdef123')?.status).toBe('invalid_token');
		expect(rustore.get('abcxyz999')?.status).toBe('unknown');
		expect(tokenResults('fcm', ['f1'], errors).get('f1')?.failure).toMatchObject({
			status: 'rejected',
			meaning: 'FCM refused the credentials sent for it; its part was not sent',
			providerMessage: 'fcm: unauthorized (401): Request had invalid authentication credentials',
		});
		expect(tokenResults('hms', ['h1'], errors).get('h1')).toEqual({ status: 'sent' });
	});
});

describe('secrets in an answer', () => {
	it('are replaced in the errors’ text before anyone reads it', () => {
		const body = { status: 'PROVIDER_ERROR', errors: ['rustore: bad auth_token s3cr3t-token', 7] };
		withoutSecrets(body, ['s3cr3t-token', undefined, '']);
		expect(body.errors).toEqual(['rustore: bad auth_token [credential]', 7]);
	});
});
