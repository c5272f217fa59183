/**
 * One run per EngageLab code of the node's table, through n8n's engine against the sandbox answering
 * that code: the status each recipient gets. A code answers for the whole request and names no id, so
 * no registration id of the request is ever reported `invalid_token`; in a group push the code of one
 * app gives that app's item the code's status and leaves the other apps sent.
 */
import { ERROR_CODES } from '../../nodes/EngageLab/errors';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { groupPush, pushTo, runEngageLab } from './support/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});

/** HTTP status per code: doc 004's table, else EngageLab's App Push error table (engagelab-skills). */
const HTTP_STATUS: Record<number, number> = {
	21001: 405,
	21004: 401,
	21030: 503,
	21038: 401,
	21059: 401,
	21306: 401,
	27000: 500,
	27001: 401,
	27008: 401,
	27009: 401,
};

const codes = Object.keys(ERROR_CODES).map(Number);
// One attempt: the retried codes would otherwise wait for their back-off in every run.
const once = { delivery: { maxAttempts: 1 } };

describe('EngageLab codes on a push to registration ids', () => {
	it.each(codes)(
		'%i: each recipient gets the status of the code, none invalid_token',
		async (code) => {
			sandbox.engagelab.answerWith = { status: HTTP_STATUS[code] ?? 400, code };
			const run = await runEngageLab(sandbox, pushTo({ registrationIds: 'rid-1, rid-2' }, once), {
				onError: 'continueRegularOutput',
			});
			const expected = ERROR_CODES[code].status;
			expect(run.outputs[0].map((item) => [item.json.recipient, item.json.status])).toEqual([
				['rid-1', expected],
				['rid-2', expected],
			]);
			expect(expected).not.toBe('invalid_token');
			expect(run.outputs[0][0].json).toMatchObject({ providerCode: code });
			expect(sandbox.deliveries).toHaveLength(0);
		},
	);
});

describe('EngageLab codes for one app of a group push', () => {
	it.each(codes)('%i: that app gets the status of the code, the others are sent', async (code) => {
		sandbox.engagelab.groupAppCodes.set('app-key-2', code);
		const run = await runEngageLab(sandbox, groupPush(once), {
			onError: 'continueRegularOutput',
		});
		expect(run.outputs[0].map((item) => [item.json.appKey, item.json.status])).toEqual([
			['app-key-1', 'sent'],
			['app-key-2', ERROR_CODES[code].status],
			['app-key-3', 'sent'],
		]);
		expect(sandbox.requests).toHaveLength(1);
	});
});
