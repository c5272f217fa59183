import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { isSuccess } from '../outcomes';
import { providerApiError, type ProviderFailure } from '../providerError';
import type { Outcome } from './deliver';

function failureFields(failure: ProviderFailure): IDataObject {
	const fields: IDataObject = { reason: failure.meaning, action: failure.action };
	if (failure.code !== undefined) fields.providerCode = failure.code;
	if (failure.providerMessage) fields.providerMessage = failure.providerMessage;
	if (failure.httpStatus) fields.httpStatus = failure.httpStatus;
	if (failure.attempts !== undefined) fields.attempts = failure.attempts;
	return fields;
}

/** One output item: the normalised status first, then the provider's fields, then why it failed. */
export function toItem(
	context: IExecuteSingleFunctions,
	outcome: Outcome,
	common: IDataObject,
	recipientField: string | undefined,
	repeats: Map<string, number>,
): INodeExecutionData {
	const { status, failure } = outcome;
	const json: IDataObject = { status, success: isSuccess(status), ...common, ...outcome.json };
	const recipient = recipientField ? (outcome.json[recipientField] as string | undefined) : undefined;
	if (recipient !== undefined && repeats.has(recipient)) json.duplicatesRemoved = repeats.get(recipient);
	if (failure) Object.assign(json, failureFields(failure));

	const item: INodeExecutionData = { json, pairedItem: { item: context.getItemIndex() } };
	// n8n routes an item to the error output by its `error`. json keeps no `error` key on purpose:
	// Retry On Fail re-runs the whole node (re-sending every push) when the first item's json has one.
	if (failure && !isSuccess(status) && context.continueOnFail()) {
		item.error = providerApiError(context, failure, json);
	}
	return item;
}
