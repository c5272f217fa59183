import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { sberDocExamples } from '../fixtures/provider-docs/sber';
import { liteTo, runSber } from './harness/providers/sber';

/**
 * One engine run per documented Sber answer (HTTP codes and service codes), through n8n's engine:
 * the sandbox replays the answer for one sub, and the results say which item got which status.
 * `invalid_token` only for 1012, where Sber names the sub as malformed.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, sber: { ratePerSecond: undefined } });
});

const DOC_SUB = 'doc-sub';
const refusals = sberDocExamples.filter(
	(example) => example.answer && example.expected?.status !== 'sent',
);

describe.each(refusals)('$name ($source)', (example) => {
	const { status, code } = example.expected!;
	// The provider refusing the project or the credential: the other items stop before they leave.
	const refusesCredential = code === 1013 || code === 401;

	it(`Send (Lite): that item is ${status}, the next one ${refusesCredential ? 'stopped with it' : 'sent'}`, async () => {
		sandbox.sber.scriptedAnswers.set(DOC_SUB, {
			status: example.answer!.httpStatus,
			body: example.answer!.body,
		});
		const run = await runSber(
			sandbox,
			// One attempt: a replayed limit would only be replayed again.
			liteTo('={{ $json.sub }}', { delivery: { maxAttempts: 1 } }),
			{ items: [{ sub: DOC_SUB }, { sub: 'ok-1' }], onError: 'continueRegularOutput' },
		);
		const results = run.outputs[0].map((item) => item.json as IDataObject);
		expect(results.map((result) => [result.clientId, result.status, result.providerCode])).toEqual([
			[DOC_SUB, status, code],
			['ok-1', ...(refusesCredential ? [status, code] : ['sent', undefined])],
		]);
		expect(String(results[0].action).startsWith('Remove this')).toBe(status === 'invalid_token');
	});
});
