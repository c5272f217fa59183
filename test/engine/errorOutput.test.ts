/**
 * The error output tells the truth: a failed item carries this node's result, never the input item's
 * `status` or `success` (n8n merges a paired input item's json into an item it routes by json; see
 * nodes/shared/delivery/errorOutput.ts). Push → Recall → Recall again, the second recall refused.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { pushTo, runEngageLab } from './harness/providers/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});

const recall = { resource: 'message', operation: 'recall' };
const jsonOf = (items: Array<{ json: IDataObject }> | undefined) =>
	(items ?? []).map((item) => item.json);

async function push(registrationIds: string): Promise<IDataObject[]> {
	const run = await runEngageLab(sandbox, pushTo({ registrationIds }));
	expect(run.error).toBeUndefined();
	return jsonOf(run.outputs[0]);
}

describe('EngageLab Push → Recall → Recall again, On Error: Continue (using error output)', () => {
	it("the refused recall's error item holds its own result, not the input's status or success", async () => {
		const pushed = await push('rid-1');
		const recalled = await runEngageLab(sandbox, recall, {
			items: pushed,
			onError: 'continueErrorOutput',
		});
		expect(jsonOf(recalled.outputs[0])).toEqual([
			expect.objectContaining({ status: 'sent', success: true, recalled: true }),
		]);

		const again = await runEngageLab(sandbox, recall, {
			items: jsonOf(recalled.outputs[0]),
			onError: 'continueErrorOutput',
		});
		expect(again.error).toBeUndefined();
		expect(again.outputs[0]).toEqual([]);
		const [failed] = again.outputs[1];
		// The result sits under `details`, the message under `error`, and nothing else at the top:
		// the input item (status "sent", success true, recalled true) is not merged in.
		expect(Object.keys(failed.json).sort()).toEqual(['details', 'error']);
		expect(failed.json.error).toMatch(/cannot be recalled/);
		expect(failed.json.details).toMatchObject({
			status: 'rejected',
			success: false,
			msgId: pushed[0].msgId,
		});
		expect(failed.json.status).toBeUndefined();
		expect(failed.json.success).toBeUndefined();
		// Item linking still leads back to the input item.
		expect(failed.pairedItem).toBe(0);
	});

	it('each failed item links to its own input item; successes stay on the success output', async () => {
		const [first] = await push('rid-1');
		const [second] = await push('rid-2');
		const recalledFirst = await runEngageLab(sandbox, recall, { items: [first] });
		const input = [...jsonOf(recalledFirst.outputs[0]), second];

		const run = await runEngageLab(sandbox, recall, {
			items: input,
			onError: 'continueErrorOutput',
		});
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0])).toEqual([
			{ status: 'sent', success: true, msgId: second.msgId, recalled: true },
		]);
		expect(run.outputs[0][0].pairedItem).toEqual({ item: 1 });
		expect(run.outputs[1]).toHaveLength(1);
		expect(run.outputs[1][0].pairedItem).toBe(0);
		expect(run.outputs[1][0].json.details).toMatchObject({
			status: 'rejected',
			msgId: first.msgId,
		});
		expect(run.outputs[1][0].json.status).toBeUndefined();
	});
});
