import { createHash, randomUUID } from 'crypto';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** Execution custom data naming the execution whose keys this one reuses (kept across n8n's retries). */
export const KEY_ORIGIN = 'pushGatewaysKeyOrigin';

/**
 * The execution the keys belong to. n8n's "retry execution" runs a new execution (new id, mode
 * `retry`) that does not tell a node which one it retries, but it starts from the original's saved
 * data, custom data included: the original's id is kept there and read back in a retry, so a
 * retried campaign repeats the original's keys. Any other mode uses its own id, so that a carried
 * value never silences a new push.
 */
function keyOrigin(context: IExecuteSingleFunctions, executionId: string): string {
	try {
		const customData = context.customData;
		const kept = customData.get(KEY_ORIGIN);
		if (kept && context.getMode?.() === 'retry') return kept;
		if (kept !== executionId) customData.set(KEY_ORIGIN, executionId);
	} catch {
		// No run data in this context (or no room for custom data): the execution's own id.
	}
	return executionId;
}

/** What every item of one node run shares, read once per run: n8n hands them one execute data. */
const runKeys = new WeakMap<object, string>();

/** Which run of the node this is (a loop runs it again); the data proxy is not cheap. */
function runIndex(context: IExecuteSingleFunctions): number {
	try {
		const value = context.getWorkflowDataProxy(context.getItemIndex()).$runIndex;
		return typeof value === 'number' ? value : 0;
	} catch {
		// No data proxy here: the first run.
		return 0;
	}
}

/** The instance, the execution the keys belong to, the workflow, the node and the run. */
function runKey(context: IExecuteSingleFunctions, executionId: string): string {
	const run = context.getExecuteData?.() as object | undefined;
	const known = run && runKeys.get(run);
	if (known !== undefined) return known;
	const key = [
		context.getInstanceId(),
		keyOrigin(context, executionId),
		context.getWorkflow().id ?? '',
		context.getNode().id,
		runIndex(context),
	].join('\n');
	if (run) runKeys.set(run, key);
	return key;
}

/**
 * The `cid` of an item's push, the same every time this execution sends this item from this node
 * (a queue worker running the execution again, a retried execution, Retry On Fail), so EngageLab
 * delivers it once; different for every other push: the instance, workflow, node, run (a loop) and
 * item are in it, and the delivery layer adds the part of a split list. 47 characters of
 * [A-Za-z0-9_-], within EngageLab's 64. Without an execution id (nothing to tie it to) it is random.
 */
export function idempotencyKey(context: IExecuteSingleFunctions): string {
	const executionId = context.getExecutionId();
	if (!executionId) return `n8n-${randomUUID()}`;
	const source = `${runKey(context, executionId)}\n${context.getItemIndex()}`;
	return `n8n-${createHash('sha256').update(source).digest('base64url')}`;
}
