import {
	notOkFailure,
	readUniversalAnswer,
	UNIVERSAL_READINGS,
	universalAnswerFailure,
	universalReading,
	withoutSecrets,
} from '../../../nodes/RuStoreUniversalPush/errors';
import { universalFacts } from '../../fixtures/provider-docs/rustoreUniversal';

const answer = (statusCode: number, body: unknown) => ({ statusCode, body, headers: {} });

/** The status the node gives a fact's answer: the request's failure, or a token's outcome. */
function statusOf(httpStatus: number, body: unknown) {
	const failure = universalAnswerFailure(answer(httpStatus, body));
	if (failure) return failure.status;
	const read = readUniversalAnswer(body);
	return read.status?.toUpperCase() === 'OK' ? 'sent' : notOkFailure('rustore', read).status;
}

const captured = universalFacts.filter((fact) => fact.answer);

describe('reading the universal answer, from the facts of RuStore’s pages', () => {
	it('reads Status on success and status on errors, as the pages write them', () => {
		expect(readUniversalAnswer({ Status: 'OK' })).toEqual({ status: 'OK', errors: [] });
		expect(
			readUniversalAnswer({ status: 'VALIDATION_ERROR', code: 400, errors: ['providers.fcm: x'] }),
		).toEqual({ status: 'VALIDATION_ERROR', code: 400, errors: ['providers.fcm: x'] });
	});

	it.each(captured.map((fact) => [fact.id, fact] as const))(
		'%s: read as its fact says',
		(_id, fact) => {
			const { httpStatus, body } = fact.answer!;
			expect(universalReading(httpStatus, body)).toBe(fact.expected.reading);
			expect(statusOf(httpStatus, body)).toBe(fact.expected.status);
		},
	);

	it('has no branch that no fact reaches', () => {
		const reached = new Set(
			captured.map((fact) => universalReading(fact.answer!.httpStatus, fact.answer!.body)),
		);
		expect([...reached].sort()).toEqual([...UNIVERSAL_READINGS].sort());
	});

	it('never calls a token dead: no documented answer names one', () => {
		const statuses = captured.map((fact) => statusOf(fact.answer!.httpStatus, fact.answer!.body));
		expect(statuses).not.toContain('invalid_token');
		// The wording community clients parse, with a full token named: still unknown.
		const community = {
			status: 'PROVIDER_ERROR',
			code: 400,
			errors: ['rustore: invalid tokens [abcd1234]'],
		};
		expect(statusOf(400, community)).toBe('unknown');
		expect(notOkFailure('rustore', readUniversalAnswer(community))).toMatchObject({
			status: 'unknown',
			providerMessage: 'rustore: invalid tokens [abcd1234]',
		});
	});

	it('gives a provider the errors that name it, or all of them', () => {
		const read = readUniversalAnswer({ status: 'X', errors: ['fcm: refused', 'something else'] });
		expect(notOkFailure('fcm', read).providerMessage).toBe('fcm: refused');
		expect(notOkFailure('hms', read).providerMessage).toBe('fcm: refused; something else');
	});
});

describe('secrets in an answer', () => {
	it('are replaced in the errors’ text before anyone reads it', () => {
		const body = { status: 'PROVIDER_ERROR', errors: ['rustore: bad auth_token s3cr3t-token', 7] };
		withoutSecrets(body, ['s3cr3t-token', undefined, '']);
		expect(body.errors).toEqual(['rustore: bad auth_token [credential]', 7]);
	});
});
