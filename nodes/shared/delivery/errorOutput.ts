import * as n8nWorkflow from 'n8n-workflow';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * Whether the host n8n moves an item whose json is `{ error, details }` to the error output. n8n
 * 2.36 added that shape to `handleNodeErrorOutput` (packages/core/src/execution-engine/workflow-execute.ts);
 * before (all of 1.x, 2.0-2.35) only `{ error }` and `{ error, message }` go there, any other json stays on
 * the success output. n8n-core and n8n-workflow ship in lockstep, and n8n-workflow 2.36 is the first with
 * `redactedHeaders`, so its presence in the host's n8n-workflow (nodes load n8n's own copy) tells them apart.
 */
export const hostRoutesErrorDetails = 'redactedHeaders' in n8nWorkflow;

/**
 * A failed item for "Continue (using error output)": json `{ error, details }` (before n8n 2.36
 * `{ error, message }`), `error` being the message and the result under the other key.
 *
 * n8n routes an item by its json only when the json holds nothing but those keys, and then spreads the
 * paired input item's json under them, so the input's `status` and `success` (a push's `sent`, before a
 * Recall) would sit at the top of a failure. An item-level `error` is no way out: n8n replaces that
 * item's json with the bare message. So the pairing is given as a plain index: n8n merges only an
 * object `pairedItem`, and still follows an index for item linking (`$('Node').item`). The error
 * output's `$json` is then this node's alone: no `status` but the one under `details`.
 */
export function errorOutputItem(
	error: string,
	result: IDataObject,
	itemIndex: number,
): INodeExecutionData {
	const json = hostRoutesErrorDetails ? { error, details: result } : { error, message: result };
	return { json, pairedItem: itemIndex };
}
