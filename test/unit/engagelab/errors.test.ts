import { engageLabFailure, ERROR_CODES, readEngageLabError } from '../../../nodes/EngageLab/errors';
import { errorDescription, errorMessage } from '../../../nodes/shared/providerError';
import {
	ENGAGELAB_HOSTS,
	engageLabBaseUrl,
	normaliseBaseUrl,
} from '../../../nodes/EngageLab/hosts';

import { engageLabAnswerFacts, engageLabCodeFactId } from '../../fixtures/provider-docs/engagelab';

const answer = (statusCode: number, body: unknown) => ({ statusCode, body, headers: {} });
/** A documented answer as the node receives it (test/fixtures/provider-docs/engagelab.ts). */
const factAnswer = (id: string) => {
	const fact = engageLabAnswerFacts.find((candidate) => candidate.id === id)!;
	return answer(fact.answer!.httpStatus, fact.answer!.body);
};
/** The codes of EngageLab's tables: each has a fact in App Push's envelope. */
const TABLE_CODES = engageLabAnswerFacts
	.map((fact) => /^engagelab\.app\.code\.(\d+)$/.exec(fact.id)?.[1])
	.filter((code): code is string => code !== undefined)
	.map(Number);

describe('EngageLab errors', () => {
	it('reads both error shapes', () => {
		expect(readEngageLabError({ error: { code: 21003, message: 'bad' } })).toEqual({
			code: 21003,
			message: 'bad',
		});
		expect(readEngageLabError({ code: 21004, message: 'auth' })).toEqual({
			code: 21004,
			message: 'auth',
		});
		expect(readEngageLabError('oops')).toEqual({ code: undefined, message: undefined });
	});

	it('explains every code of the provider table', () => {
		expect(TABLE_CODES.length).toBeGreaterThan(30);
		for (const code of TABLE_CODES) {
			for (const web of [false, true]) {
				const documented = factAnswer(engageLabCodeFactId(code, web));
				expect(engageLabFailure(documented)).toMatchObject({
					provider: 'EngageLab',
					code,
					meaning: ERROR_CODES[code].meaning,
					providerMessage: readEngageLabError(documented.body).message,
				});
			}
		}
	});

	it('reads well after "EngageLab: ": no repeated name, no "..", status and action agree', () => {
		for (const [code, row] of Object.entries(ERROR_CODES)) {
			const failure = engageLabFailure(answer(400, { error: { code: Number(code) } }));
			expect(errorMessage(failure)).toBe(`EngageLab: ${row.meaning} (${code})`);
			expect(row.meaning).toMatch(/^(?!EngageLab)[A-Z].*[^.]$/);
			expect(row.action).toMatch(/^[A-Z].*\.$/);
			expect(errorDescription(failure)).not.toContain('..');
			// An action that says "sent again" belongs to a status that is retried, and only to it.
			expect(/sent again automatically/i.test(row.action)).toBe(row.retryable === true);
			if (row.status === 'rejected') expect(row.action).not.toMatch(/sent again automatically/i);
		}
	});

	it('retries what EngageLab did not take, and what it may have taken only thanks to the cid', () => {
		const code = (value: number) => factAnswer(engageLabCodeFactId(value, false));
		expect(engageLabFailure(code(23008))).toMatchObject({ status: 'rate_limited' });
		expect(engageLabFailure(code(23008)).meaning).toContain('rate limit');
		expect(engageLabFailure(code(21030))).toMatchObject({ status: 'unknown', retryable: true });
		expect(engageLabFailure(code(27000))).toMatchObject({
			status: 'unknown',
			retryable: true,
		});
		// Request-level codes name no id: no recipient of the request is called dead.
		for (const value of [20101, 21011])
			expect(engageLabFailure(code(value))).toMatchObject({ status: 'rejected' });
		expect(engageLabFailure(factAnswer('engagelab.gatewayError'))).toMatchObject({
			status: 'unknown',
			code: 502,
		});
	});
});

describe('EngageLab hosts', () => {
	it('picks the host by data centre and product, and tolerates a trailing /v4 on custom URLs', () => {
		expect(engageLabBaseUrl({ dataCenter: 'sgp', product: 'appPush' })).toBe(
			ENGAGELAB_HOSTS.sgp.app,
		);
		expect(engageLabBaseUrl({ dataCenter: 'hk', product: 'webPush' })).toBe(
			'https://webpushapi-hk.engagelab.com',
		);
		expect(engageLabBaseUrl({ dataCenter: 'usva', product: 'webPush' })).toBeUndefined();
		expect(normaliseBaseUrl(' https://proxy.example/engagelab/v4/ ')).toBe(
			'https://proxy.example/engagelab',
		);
	});
});
