import type {
	IExecuteData,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from './clock';

/** How long a gate waits for the next item before concluding that the rest will never come. */
const MIN_IDLE_MS = 5_000;

interface Gate {
	expected: number;
	arrived: number;
	lastArrival: number;
	/** The lowest-index invalid item, whose error every other item reports. */
	invalid?: { itemIndex: number; error: Error };
	open: Promise<void>;
	release(): void;
	abandoned: boolean;
}

// Keyed by the node run's execute data, which n8n shares between the items of one run only.
const gates = new WeakMap<IExecuteData, Gate>();

function gateFor(context: IExecuteSingleFunctions, expected: number): Gate {
	const key = context.getExecuteData();
	let gate = gates.get(key);
	if (!gate) {
		let release = () => {};
		const open = new Promise<void>((resolve) => (release = resolve));
		gate = {
			expected,
			arrived: 0,
			lastArrival: clock.now(),
			open,
			release: () => release(),
			abandoned: false,
		};
		gates.set(key, gate);
	}
	return gate;
}

function idleLimitMs(context: IExecuteSingleFunctions): number {
	// n8n's own Batching option pauses between item starts; the gate must outwait those pauses.
	const interval =
		Number(context.getNodeParameter('requestOptions.batching.batch.batchInterval', 0)) || 0;
	return Math.max(MIN_IDLE_MS, interval * 2);
}

async function waitForAll(gate: Gate, idleMs: number): Promise<void> {
	while (gate.arrived < gate.expected && !gate.abandoned) {
		const idle = clock.now() - gate.lastArrival;
		if (idle >= idleMs) {
			// An item failed before reaching its preSend (an expression error): the node is failing.
			gate.abandoned = true;
			gate.release();
			break;
		}
		await Promise.race([gate.open, clock.sleep(Math.min(idleMs - idle, 250))]);
	}
}

function notSent(context: IExecuteSingleFunctions, gate: Gate): NodeOperationError {
	const reason = gate.invalid
		? `item ${gate.invalid.itemIndex + 1} is invalid: ${gate.invalid.error.message}`
		: 'some items could not be prepared';
	return new NodeOperationError(context.getNode(), `Nothing was sent: ${reason}`, {
		itemIndex: context.getItemIndex(),
		description:
			'No push of this run was sent, because the node stops on the first invalid item. Fix it, or set the node to continue on fail to send the valid items and get the invalid ones as errors.',
	});
}

/**
 * Wraps an operation's request builder so that, unless the node continues on fail, no item is sent
 * before every item of the run is known to be valid. n8n starts all items' requests at once; their
 * preSends meet here. With continue on fail, each item goes on by itself.
 */
export function allItemsValid(build: PreSendAction): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (this.continueOnFail()) return await build.call(this, request);

		const expected = this.getExecuteData().data.main?.[0]?.length ?? 1;
		const gate = gateFor(this, expected);
		let built: IHttpRequestOptions | undefined;
		let failure: Error | undefined;
		try {
			built = await build.call(this, request);
		} catch (error) {
			failure = error as Error;
			const itemIndex = this.getItemIndex();
			if (!gate.invalid || itemIndex < gate.invalid.itemIndex)
				gate.invalid = { itemIndex, error: failure };
		}
		gate.arrived += 1;
		gate.lastArrival = clock.now();
		if (gate.arrived >= gate.expected) gate.release();
		await waitForAll(gate, idleLimitMs(this));

		if (failure) throw failure;
		if (gate.invalid || gate.abandoned) throw notSent(this, gate);
		return built as IHttpRequestOptions;
	};
}
