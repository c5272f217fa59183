import * as n8nWorkflow from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

/**
 * Whether the host n8n moves an item whose json is `{ error, details }` to the error output. n8n
 * 2.36 added that shape to `handleNodeErrorOutput` (packages/core/src/execution-engine/workflow-execute.ts);
 * before (all of 1.x, 2.0-2.35) only `{ error }` and `{ error, message }` go there, any other json stays on
 * the success output. n8n-core and n8n-workflow ship in lockstep, and n8n-workflow 2.36 is the first with
 * `redactedHeaders`, so its presence in the host's n8n-workflow (nodes load n8n's own copy) tells them apart.
 */
export const hostRoutesErrorDetails = 'redactedHeaders' in n8nWorkflow;

/**
 * The json of a failed item for "Continue (using error output)": the result under `details` where the
 * host routes that, else under `message` (the one extra key older n8n accepts), `error` being the message.
 */
export function errorOutputJson(error: string, details: IDataObject): IDataObject {
	return hostRoutesErrorDetails ? { error, details } : { error, message: details };
}
