/**
 * The n8n internals the delivery layer stands on (ARCHITECTURE.md), each pinned by a test that fails
 * when n8n changes it. Credential preAuthentication and the one refresh after a 401 are pinned in
 * harness.test.ts ("engine harness: preAuthentication like n8n").
 */
import { NodeOperationError, type INode, type INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { FixtureBearerApi } from './fixtures/FixtureBearerApi.credentials';
import { startFixtureServer, type FixtureServer } from './fixtures/fixture-server';
import { observed, PinnedInternals, resetObserved } from './fixtures/PinnedInternals.node';
import { runNode, type RunNodeOptions } from './harness';
import { runRuStore, sendTo } from './harness/providers/rustore';

let server: FixtureServer;
let sandbox: Sandbox;

beforeAll(async () => {
	server = await startFixtureServer();
	sandbox = await startSandbox();
});
afterAll(async () => {
	await server.close();
	await sandbox.close();
});
beforeEach(() => {
	server.reset();
	sandbox.reset();
	resetObserved();
});

const messages = (...texts: string[]) => texts.map((message) => ({ message }));
const run = (options: Partial<RunNodeOptions>) =>
	runNode({
		nodeType: new PinnedInternals(),
		parameters: { operation: 'send', message: '={{ $json.message }}' },
		credentials: { type: new FixtureBearerApi(), data: { baseUrl: server.baseUrl, apiKey: 'k' } },
		...options,
	});

describe('n8n internals the delivery layer stands on', () => {
	it("starts every item's preSend before any request is sent (routing-node.ts: the item loop only creates the request promises)", async () => {
		const items = messages('a', 'b', 'c', 'd');
		let sentWhenAllArrived = -1;
		let release = () => {};
		observed.barrier = new Promise<void>((resolve) => (release = resolve));
		const arrived = new Set<number>();
		observed.arrive = (index) => {
			arrived.add(index);
			if (arrived.size === items.length) {
				sentWhenAllArrived = server.sent().length;
				release();
			}
		};
		// Were items started one after another, the first preSend would wait for ever: bound it.
		const timeout = setTimeout(release, 3000);
		const result = await run({ items });
		clearTimeout(timeout);
		expect(result.error).toBeUndefined();
		expect(arrived.size).toBe(items.length);
		expect(sentWhenAllArrived).toBe(0);
	});

	it('gives the items of one run one execute data object, in preSend and in the pagination function', async () => {
		await run({ items: messages('a', 'b', 'c') });
		const seen = new Set([...observed.preSendExecuteData, ...observed.paginationExecuteData]);
		expect(observed.preSendExecuteData).toHaveLength(3);
		expect(observed.paginationExecuteData).toHaveLength(3);
		expect(seen.size).toBe(1);
		// A second run gets its own.
		const first = [...seen][0];
		resetObserved();
		await run({ items: messages('a') });
		expect(observed.preSendExecuteData[0]).not.toBe(first);
	});

	it('hands each request to the pagination function, whose items become the output (the around-hook)', async () => {
		const result = await run({ items: messages('a', 'b', 'c') });
		expect(server.sent().map((request) => request.body.message)).toEqual(
			expect.arrayContaining(['a#1', 'a#2', 'b#1', 'b#2', 'c#1', 'c#2']),
		);
		expect(server.sent()).toHaveLength(6);
		expect(result.outputs[0].map((item) => item.json.echo)).toEqual([
			'a#1',
			'a#2',
			'b#1',
			'b#2',
			'c#1',
			'c#2',
		]);
	});

	describe('the error output (workflow-execute.ts: handleNodeErrorOutput, then normalizeNodeErrors)', () => {
		const input = [
			{ message: 'ok', status: 'sent', success: true },
			{ message: 'fail', status: 'sent', success: true },
		];
		const failWith = (item: (itemIndex: number) => INodeExecutionData) => {
			observed.failedItem = item;
			return run({ items: input, onError: 'continueErrorOutput' });
		};
		const result = { status: 'rejected', success: false };
		const failingNode: INode = {
			id: 'pinned',
			name: 'Pinned Internals',
			type: 'pinnedInternals',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};

		it('routes an item whose json is { error, details } there, merged over its paired input item', async () => {
			const run = await failWith((item) => ({
				json: { error: 'part failed', details: result },
				pairedItem: { item },
			}));
			expect(run.outputs[0].map((item) => item.json.echo)).toEqual(['ok#1', 'ok#2']);
			expect(run.outputs[1].map((item) => item.json)).toEqual([
				{ message: 'fail', status: 'sent', success: true, error: 'part failed', details: result },
			]);
		});

		it('does not merge the input item when pairedItem is an index, and keeps that index (the shape errorOutput.ts uses)', async () => {
			const run = await failWith((item) => ({
				json: { error: 'part failed', details: result },
				pairedItem: item,
			}));
			expect(run.outputs[1]).toEqual([
				{ json: { error: 'part failed', details: result }, pairedItem: 1 },
			]);
		});

		it('keeps an item whose json has any other key (status, success) on the success output', async () => {
			const run = await failWith((item) => ({
				json: { error: 'part failed', ...result },
				pairedItem: item,
			}));
			expect(run.outputs[1]).toEqual([]);
			expect(run.outputs[0].map((item) => item.json.status)).toEqual([
				undefined,
				undefined,
				'rejected',
			]);
		});

		it('replaces the json of an item with an item-level error by the bare message', async () => {
			const run = await failWith((item) => ({
				json: result,
				error: new NodeOperationError(failingNode, 'part failed'),
				pairedItem: item,
			}));
			expect(run.outputs[1].map((item) => item.json)).toEqual([{ error: 'part failed' }]);
		});
	});
});

describe("the validate-all gate under n8n's Batching option (items started with pauses)", () => {
	const batching = { batching: { batch: { batchSize: 1, batchInterval: 300 } } };

	it('sends nothing when a later item is invalid', async () => {
		const items = [{ color: '#ffffff' }, { color: '#000000' }, { color: 'blue' }];
		const result = await runRuStore(
			sandbox,
			{
				...sendTo('device', { androidNotification: { color: '={{ $json.color }}' } }),
				requestOptions: batching,
			},
			{ items },
		);
		expect(result.error?.message).toMatch(/^Nothing was sent: item 3 is invalid/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('sends every item when all are valid', async () => {
		const items = [{ token: 'a' }, { token: 'b' }, { token: 'c' }];
		const result = await runRuStore(
			sandbox,
			{ ...sendTo('={{ $json.token }}'), requestOptions: batching },
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(sandbox.deliveries.map((delivery) => delivery.target).sort()).toEqual(['a', 'b', 'c']);
	});
});
