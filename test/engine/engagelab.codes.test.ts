/**
 * One run per EngageLab code that EngageLab's own tables list (test/fixtures/provider-docs: doc 004's
 * table and EngageLab's error tables), through n8n's engine against the sandbox answering that code
 * with the table's HTTP status: the status each recipient gets is the fixture's, not the node's own
 * table's. A code answers for the whole request and names no id, so no registration id of the
 * request is ever reported `invalid_token`; in a group push the code of one app gives that app's item
 * the code's status and leaves the other apps sent.
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { engageLabAnswerExamples } from '../fixtures/provider-docs/engagelab';
import { groupPush, pushTo, runEngageLab } from './harness/providers/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});

/** Each documented code once: its HTTP status and the status the fixture expects. */
const documented = new Map<number, { httpStatus: number; status: string }>();
for (const example of engageLabAnswerExamples) {
	const code = example.expected?.code;
	if (code === undefined) continue;
	if (!documented.has(code))
		documented.set(code, {
			httpStatus: example.answer!.httpStatus,
			status: example.expected!.status,
		});
}
const codes = [...documented.keys()];

// One attempt: the retried codes would otherwise wait for their back-off in every run.
const once = { delivery: { maxAttempts: 1 } };

describe('EngageLab codes on a push to registration ids', () => {
	it.each(codes)(
		'%i: each recipient gets the status of the code, none invalid_token',
		async (code) => {
			sandbox.engagelab.answerWith = { code };
			const run = await runEngageLab(sandbox, pushTo({ registrationIds: 'rid-1, rid-2' }, once), {
				onError: 'continueRegularOutput',
			});
			const expected = documented.get(code)!.status;
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
			['app-key-2', documented.get(code)!.status],
			['app-key-3', 'sent'],
		]);
		expect(sandbox.requests).toHaveLength(1);
	});
});
