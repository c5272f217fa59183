import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { isSuccess } from '../outcomes';
import { errorMessage, type ProviderFailure } from '../providerError';
import type { Outcome } from './deliver';
import { errorOutputItem } from './errorOutput';

function failureFields(failure: ProviderFailure): IDataObject {
	const fields: IDataObject = { reason: failure.meaning, action: failure.action };
	if (failure.code !== undefined) fields.providerCode = failure.code;
	if (failure.providerMessage) fields.providerMessage = failure.providerMessage;
	if (failure.httpStatus) fields.httpStatus = failure.httpStatus;
	if (failure.attempts !== undefined) fields.attempts = failure.attempts;
	return fields;
}

/**
 * One output item: the normalised status first, then the provider's fields, then why it failed.
 * n8n replaces the json of any item carrying `error` with the bare message, so a failure is shaped
 * for where it goes instead: with "continue (using error output)" as the error-output item of
 * errorOutput.ts; otherwise as the flat result, with no `error` key, because Retry On Fail re-sends
 * the whole node when the first item has one.
 */
export function toItem(
	context: IExecuteSingleFunctions,
	outcome: Outcome,
	common: IDataObject,
	recipientField: string | undefined,
	repeats: Map<string, number>,
): INodeExecutionData {
	const { status, failure } = outcome;
	const json: IDataObject = { status, success: isSuccess(status), ...common, ...outcome.json };
	const recipient = recipientField
		? (outcome.json[recipientField] as string | undefined)
		: undefined;
	if (recipient !== undefined && repeats.has(recipient))
		json.duplicatesRemoved = repeats.get(recipient);
	if (failure) Object.assign(json, failureFields(failure));

	if (failure && !isSuccess(status) && context.getNode().onError === 'continueErrorOutput') {
		return errorOutputItem(errorMessage(failure), json, context.getItemIndex());
	}
	return { json, pairedItem: { item: context.getItemIndex() } };
}

/** The counts of a recipient list's outcomes, added up as they come in: a campaign keeps no item per success. */
export interface Tally {
	counts: Record<string, number>;
	recipients: number;
	failed: number;
}

export function newTally(): Tally {
	return { counts: {}, recipients: 0, failed: 0 };
}

export function addToTally(tally: Tally, outcomes: Outcome[]): void {
	for (const { status } of outcomes) {
		tally.counts[status] = (tally.counts[status] ?? 0) + 1;
		tally.recipients += 1;
		if (!isSuccess(status)) tally.failed += 1;
	}
}

/**
 * For a campaign: one item with the counts of a recipient list, in place of one item per recipient
 * that went through. Recipients that did not get through still get their own items, after it.
 */
export function summaryItem(
	context: IExecuteSingleFunctions,
	tally: Tally,
	common: IDataObject,
	repeats: Map<string, number>,
): INodeExecutionData {
	let duplicatesRemoved = 0;
	for (const extra of repeats.values()) duplicatesRemoved += extra;
	const { counts, recipients, failed } = tally;
	const json: IDataObject = {
		summary: true,
		success: failed === 0,
		recipients,
		failed,
		counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))),
		...common,
	};
	if (duplicatesRemoved) json.duplicatesRemoved = duplicatesRemoved;
	return { json, pairedItem: { item: context.getItemIndex() } };
}
