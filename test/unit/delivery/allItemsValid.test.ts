import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { allItemsValid } from '../../../nodes/shared/delivery/allItemsValid';
import { useVirtualTime, useWallTime, type VirtualClock } from '../../support/virtualTime';
import { singleContext } from '../../support/singleContext';

let clock: VirtualClock;
beforeEach(() => {
	clock = useVirtualTime();
});
afterEach(() => useWallTime());

/** Contexts for the items of one node run: they share the run's execute data, as in n8n. */
function runContexts(count: number, continueOnFail = false): IExecuteSingleFunctions[] {
	const executeData = { data: { main: [Array.from({ length: count }, () => ({ json: {} }))] } };
	return Array.from({ length: count }, (_, itemIndex) => {
		const context = singleContext({}, { itemIndex, continueOnFail });
		return Object.assign(context, { getExecuteData: () => executeData });
	});
}

const request: IHttpRequestOptions = { url: '/x' };
const buildFailingOn = (bad: number[]) =>
	allItemsValid(async function (this: IExecuteSingleFunctions, options) {
		if (bad.includes(this.getItemIndex()))
			throw new NodeOperationError(this.getNode(), `item ${this.getItemIndex()} broken`);
		return { ...options, body: { item: this.getItemIndex() } };
	});

describe('allItemsValid', () => {
	it('lets every item through once all are valid', async () => {
		const build = buildFailingOn([]);
		const built = await Promise.all(runContexts(3).map((context) => build.call(context, request)));
		expect(built.map((options) => options.body)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('stops every item when one is invalid, each saying which one', async () => {
		const build = buildFailingOn([2]);
		const results = await Promise.allSettled(
			runContexts(4).map((context) => build.call(context, request)),
		);
		expect(results.every((result) => result.status === 'rejected')).toBe(true);
		const reasons = results.map((result) => (result as PromiseRejectedResult).reason.message);
		expect(reasons[2]).toBe('item 2 broken');
		expect(reasons[0]).toBe('Nothing was sent: item 3 is invalid: item 2 broken');
	});

	it('with continue on fail, valid items go on and only invalid ones fail', async () => {
		const build = buildFailingOn([1]);
		const results = await Promise.allSettled(
			runContexts(3, true).map((context) => build.call(context, request)),
		);
		expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
	});

	it('gives up, sending nothing, when some items never arrive', async () => {
		const build = buildFailingOn([]);
		const [first] = runContexts(2);
		await expect(build.call(first, request)).rejects.toThrow(
			'Nothing was sent: some items could not be prepared',
		);
		// It waited five (virtual) seconds for the missing item, and not much longer.
		expect(clock.elapsed()).toBeGreaterThanOrEqual(5000);
		expect(clock.elapsed()).toBeLessThan(5500);
	});

	it("outwaits n8n's Batching pauses: the idle limit is twice the batch interval", async () => {
		const build = buildFailingOn([]);
		const contexts = runContexts(2).map((context) =>
			Object.assign(context, {
				getNodeParameter: (name: string, fallback: unknown) =>
					name === 'requestOptions.batching.batch.batchInterval' ? 4000 : fallback,
			}),
		);
		const first = build.call(contexts[0], request);
		// The second item starts after a pause longer than the default idle limit.
		await clock.sleep(6000);
		const second = build.call(contexts[1], request);
		await expect(Promise.all([first, second])).resolves.toHaveLength(2);
	});
});
