import { NodeApiError } from 'n8n-workflow';

import {
	failureOf,
	providerApiError,
	retryAfterMs,
	type ProviderFailure,
} from '../../../nodes/shared/providerError';
import { singleContext } from '../../support/singleContext';

const failure: ProviderFailure = {
	provider: 'RuStore',
	httpStatus: 404,
	code: 'NOT_FOUND',
	providerMessage: 'Requested entity was not found.',
	meaning: 'The push token is not registered or has expired',
	action: 'Remove this token.',
	status: 'invalid_token',
};

describe('providerApiError', () => {
	it('says what went wrong and what to do, with the HTTP code and item index', () => {
		const error = providerApiError(singleContext({}, { itemIndex: 3 }), failure, {
			error: { code: 404 },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'RuStore: The push token is not registered or has expired (NOT_FOUND)',
		);
		expect(error.description).toBe(
			'RuStore says: Requested entity was not found. Remove this token.',
		);
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(3);
		expect(failureOf(error)).toBe(failure);
	});

	it('leaves unclassified errors unclassified', () => {
		expect(failureOf(new Error('x'))).toBeUndefined();
		expect(failureOf(undefined)).toBeUndefined();
	});
});

describe('retryAfterMs', () => {
	it('reads seconds and HTTP dates', () => {
		expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000);
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 10:00:05 GMT' }, now)).toBe(5000);
		expect(retryAfterMs({})).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
	});
});
