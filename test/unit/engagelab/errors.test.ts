import { engageLabFailure, ERROR_CODES, readEngageLabError } from '../../../nodes/EngageLab/errors';
import { errorDescription, errorMessage } from '../../../nodes/shared/providerError';
import {
	ENGAGELAB_HOSTS,
	engageLabBaseUrl,
	normaliseBaseUrl,
} from '../../../nodes/EngageLab/hosts';

const answer = (statusCode: number, body: unknown) => ({ statusCode, body, headers: {} });

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
		const table = [
			20101, 21001, 21002, 21003, 21004, 21005, 21008, 21009, 21011, 21015, 21016, 21030, 21038,
			21050, 21051, 21052, 21053, 21054, 21055, 21056, 21057, 21058, 21059, 21306, 23006, 23008,
			23009, 27000, 27001, 27002, 27008, 27009,
		];
		for (const code of table) {
			const failure = engageLabFailure(answer(400, { error: { code, message: 'x' } }));
			expect(failure).toMatchObject({
				provider: 'EngageLab',
				code,
				meaning: ERROR_CODES[code].meaning,
				providerMessage: 'x',
			});
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
		expect(engageLabFailure(answer(400, { error: { code: 23008 } }))).toMatchObject({
			status: 'rate_limited',
		});
		expect(engageLabFailure(answer(400, { error: { code: 23008 } })).meaning).toContain(
			'rate limit',
		);
		expect(engageLabFailure(answer(503, { error: { code: 21030 } }))).toMatchObject({
			status: 'unknown',
			retryable: true,
		});
		expect(engageLabFailure(answer(500, { error: { code: 27000 } }))).toMatchObject({
			status: 'unknown',
			retryable: true,
		});
		// Request-level codes name no id: no recipient of the request is called dead.
		for (const code of [20101, 21011])
			expect(engageLabFailure(answer(400, { error: { code } }))).toMatchObject({
				status: 'rejected',
			});
		expect(engageLabFailure(answer(502, 'Bad gateway'))).toMatchObject({
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
