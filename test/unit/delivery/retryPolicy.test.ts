import { NodeApiError } from 'n8n-workflow';

import { backoffMs, judge } from '../../../nodes/shared/delivery/retryPolicy';
import { providerApiError, type ProviderFailure } from '../../../nodes/shared/providerError';
import { singleContext } from '../../support/singleContext';

const node = singleContext({}).getNode();
const failure = (
	status: ProviderFailure['status'],
	extra: Partial<ProviderFailure> = {},
): ProviderFailure => ({
	provider: 'P',
	httpStatus: 429,
	meaning: 'm',
	action: 'a',
	status,
	...extra,
});
const classified = (status: ProviderFailure['status']) =>
	providerApiError(singleContext({}), failure(status), {});
const transport = (code: string) => {
	const cause = Object.assign(new Error(code), { code, isAxiosError: true });
	return new NodeApiError(node, cause as never);
};

describe('judge', () => {
	it('retries what the provider did not take: rate limits and unavailability', () => {
		expect(judge(classified('rate_limited'), false, 'RuStore').kind).toBe('retry');
		expect(judge(classified('unavailable'), false, 'RuStore').kind).toBe('retry');
	});

	it('retries a maybe-accepted push only when the provider de-duplicates it', () => {
		expect(judge(classified('unknown'), false, 'RuStore').kind).toBe('final');
		expect(judge(classified('unknown'), true, 'RuStore').kind).toBe('retry');
	});

	it('never retries rejections or dead tokens', () => {
		expect(judge(classified('rejected'), true, 'RuStore').kind).toBe('final');
		expect(judge(classified('invalid_token'), true, 'RuStore').kind).toBe('final');
	});

	it("retries connection failures that happened before sending, naming the provider's host", () => {
		const verdict = judge(transport('ECONNREFUSED'), false, 'RuStore');
		expect(verdict).toMatchObject({
			kind: 'retry',
			failure: { provider: 'RuStore', status: 'unavailable', code: 'ECONNREFUSED' },
		});
		expect(verdict.failure.meaning).toBe(
			"RuStore's host could not be reached and the push was not sent",
		);
	});

	it('reports resets and timeouts after sending as unknown unless idempotent', () => {
		for (const code of ['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT']) {
			expect(judge(transport(code), false, 'RuStore')).toMatchObject({
				kind: 'final',
				failure: { provider: 'RuStore', status: 'unknown', code },
			});
			expect(judge(transport(code), true, 'RuStore').kind).toBe('retry');
		}
	});
});

describe('backoffMs', () => {
	it('grows exponentially with jitter between half and all of the step', () => {
		expect(backoffMs(1, failure('rate_limited'), () => 0)).toBe(250);
		expect(backoffMs(1, failure('rate_limited'), () => 1)).toBe(500);
		expect(backoffMs(4, failure('rate_limited'), () => 1)).toBe(4000);
		expect(backoffMs(20, failure('rate_limited'), () => 1)).toBe(30000);
	});

	it('honours Retry-After', () => {
		expect(backoffMs(1, failure('rate_limited', { retryAfterMs: 7000 }), () => 0)).toBe(7000);
	});
});
