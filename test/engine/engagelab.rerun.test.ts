/**
 * The same execution run twice (as a queue worker runs a job again after a crash or a lost lock): the
 * cid of every push is derived from the execution, workflow, node, item and part, so EngageLab (and the
 * sandbox, which de-duplicates cids per AppKey as doc 004 says) delivers each push once. A group push,
 * for which no document says a cid works, is never sent again after an answer that may hide it.
 */
import { randomUUID } from 'node:crypto';

import { KEY_ORIGIN } from '../../nodes/EngageLab/hooks/idempotencyKey';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { useVirtualTime, useWallTime } from '../support/virtualTime';
import { groupPush, pushTo, runEngageLab } from './harness/providers/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	useVirtualTime();
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});
afterEach(() => useWallTime());

type Body = { body: { options: { cid: string } } };
const cids = () => sandbox.requests.map((request) => (request.body as Body).body.options.cid);

/** One execution of one workflow: the ids a second run of the same execution keeps. */
const execution = () => ({
	executionId: String(Math.floor(Math.random() * 1e6)),
	workflowId: randomUUID().slice(0, 16),
	nodeId: randomUUID(),
});

describe('EngageLab: an execution run twice sends nothing twice', () => {
	it('two items, one split into 3 parts: the second run repeats every cid and nothing is delivered again', async () => {
		const ids = Array.from({ length: 2500 }, (_, n) => `rid-${n}`);
		const items = [{ rids: ids }, { rids: ['rid-a', 'rid-b'] }];
		const parameters = pushTo({ registrationIds: '={{ $json.rids }}' });
		const same = execution();

		const first = await runEngageLab(sandbox, parameters, { items, ...same });
		expect(first.error).toBeUndefined();
		const firstCids = cids();
		expect(firstCids).toHaveLength(4);
		// Every push has its own key: items and parts differ.
		expect(new Set(firstCids).size).toBe(4);
		for (const cid of firstCids) expect(cid).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
		expect(sandbox.deliveries).toHaveLength(2502);

		sandbox.requests.length = 0;
		const second = await runEngageLab(sandbox, parameters, { items, ...same });
		expect(second.error).toBeUndefined();
		expect(cids().sort()).toEqual([...firstCids].sort());
		expect(sandbox.deliveries).toHaveLength(2502);
		expect(sandbox.duplicates()).toHaveLength(0);
		// EngageLab answers a repeated cid with the first push's message id.
		const msgIds = (run: typeof first) => run.outputs[0].map((item) => item.json.msgId);
		expect(msgIds(second)).toEqual(msgIds(first));
	});

	it('another execution of the same workflow gets other keys, and its pushes are delivered', async () => {
		const parameters = pushTo({ registrationIds: 'rid-1' });
		const same = execution();
		await runEngageLab(sandbox, parameters, same);
		await runEngageLab(sandbox, parameters, { ...same, executionId: `${same.executionId}1` });
		expect(new Set(cids()).size).toBe(2);
		expect(sandbox.deliveries).toHaveLength(2);
	});

	it('another node of the same execution gets other keys', async () => {
		const parameters = pushTo({ registrationIds: 'rid-1' });
		const same = execution();
		await runEngageLab(sandbox, parameters, same);
		await runEngageLab(sandbox, parameters, { ...same, nodeId: randomUUID() });
		expect(new Set(cids()).size).toBe(2);
		expect(sandbox.deliveries).toHaveLength(2);
	});

	it('a cid the user gives is kept, with the part number when a list is split', async () => {
		const ids = Array.from({ length: 1500 }, (_, n) => `rid-${n}`);
		await runEngageLab(
			sandbox,
			pushTo({ registrationIds: '={{ $json.rids }}' }, { options: { cid: 'campaign-42' } }),
			{ items: [{ rids: ids }] },
		);
		expect(cids()).toEqual(['campaign-42-p1', 'campaign-42-p2']);
	});
});

describe("EngageLab: n8n's retry of an execution", () => {
	it("reuses the original execution's keys, kept in its custom data, so a retry sends nothing twice", async () => {
		const parameters = pushTo({ registrationIds: 'rid-1' });
		const original = execution();
		const first = await runEngageLab(sandbox, parameters, original);
		const customData = first.run.data.resultData.metadata ?? {};
		expect(customData).toEqual({ [KEY_ORIGIN]: original.executionId });

		// n8n runs a retry as a new execution (new id, mode "retry") from the original's saved data.
		const retry = await runEngageLab(sandbox, parameters, {
			...original,
			executionId: `${original.executionId}-retry`,
			retryOf: { customData },
		});
		expect(retry.outputs[0][0].json.status).toBe('sent');
		expect(new Set(cids()).size).toBe(1);
		expect(sandbox.deliveries).toHaveLength(1);
		// A retry of the retry still finds the original.
		expect(retry.run.data.resultData.metadata).toEqual(customData);
	});

	it('outside a retry a carried value is ignored: a new execution sends its own push', async () => {
		const parameters = pushTo({ registrationIds: 'rid-1' });
		const original = execution();
		await runEngageLab(sandbox, parameters, original);
		await runEngageLab(sandbox, parameters, {
			...original,
			executionId: `${original.executionId}0`,
		});
		expect(new Set(cids()).size).toBe(2);
		expect(sandbox.deliveries).toHaveLength(2);
	});
});

describe('EngageLab group push: no document says EngageLab de-duplicates it', () => {
	it('an answer lost after EngageLab read the push is unknown, and the push is not sent again', async () => {
		sandbox.configure({ faults: { resetAfterRead: 1, providers: ['engagelab'] } });
		const run = await runEngageLab(sandbox, groupPush(), { onError: 'continueRegularOutput' });
		expect(sandbox.requests).toHaveLength(1);
		expect(run.outputs[0].map((item) => item.json.status)).toEqual(['unknown']);
		expect(run.outputs[0][0].json.action).toContain('before sending it again');
	});

	it('a 5xx is unknown and not sent again', async () => {
		sandbox.engagelab.answerWith = { code: 21030 };
		const run = await runEngageLab(sandbox, groupPush(), { onError: 'continueRegularOutput' });
		expect(sandbox.requests).toHaveLength(1);
		expect(run.outputs[0][0].json).toMatchObject({ status: 'unknown', providerCode: 21030 });
		expect(run.outputs[0][0].json.action).toContain('does not document');
	});

	it('a push to one app after the same answer is sent again with its cid', async () => {
		sandbox.engagelab.answerWith = { code: 21030, times: 1 };
		const run = await runEngageLab(sandbox, pushTo({ registrationIds: 'rid-1' }), {
			onError: 'continueRegularOutput',
		});
		expect(sandbox.requests).toHaveLength(2);
		expect(new Set(cids()).size).toBe(1);
		expect(run.outputs[0][0].json.status).toBe('sent');
	});
});
