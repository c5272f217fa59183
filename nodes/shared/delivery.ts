import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { chunk, deduplicate } from './lists';
import { isSuccess, type PushStatus } from './outcomes';
import { failureOf, providerApiError, type ProviderFailure } from './providerError';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** What one recipient (or one whole request, when there is no list) came to. */
export interface Outcome {
	status: PushStatus;
	/** Provider fields for the output item (token, topic, message id...). */
	json: IDataObject;
	failure?: ProviderFailure;
}

export interface FanOut {
	/** Top-level body key holding the recipient list. */
	listKey: string;
	/** Output field naming the recipient. */
	recipientField: string;
	maxPerRequest(context: IExecuteSingleFunctions): number;
}

export interface DeliveryPlan {
	/** Fields every output item of the operation carries (the token, the topic...). */
	commonFields?(context: IExecuteSingleFunctions): IDataObject;
	/** For operations that carry a list of recipients, split over as many requests as needed. */
	fanOut?: FanOut;
	/** Outcomes of a request the provider accepted: one per recipient when fanning out, else one. */
	accepted(context: IExecuteSingleFunctions, response: IDataObject, recipients?: string[]): Outcome[];
}

/**
 * The around-hook of every operation, plugged in as the declarative `pagination` function because
 * that is where n8n lets a node wrap its own requests (see README, "How a push is sent").
 * It splits recipient lists, sends each request, and turns every answer into per-recipient outcomes.
 * A failure is thrown (failing the node) only while nothing of the item was accepted yet, so a
 * re-run of the node never repeats a push the provider took; after that, failures are reported.
 */
export function deliver(plan: DeliveryPlan) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
		const { requests, repeats } = plan.fanOut
			? splitByRecipients(this, requestData, plan.fanOut)
			: { requests: [{ requestData, recipients: undefined }], repeats: new Map<string, number>() };

		const outcomes: Outcome[] = [];
		let accepted = false;
		for (const request of requests) {
			try {
				const [answer] = await this.makeRoutingRequest(request.requestData);
				outcomes.push(...plan.accepted(this, (answer?.json ?? {}) as IDataObject, request.recipients));
				accepted = true;
			} catch (error) {
				if (!accepted && !this.continueOnFail()) throw asNodeError(this, error);
				const failure = failureOf(error) ?? unknownFailure(error);
				outcomes.push(...failedOutcomes(failure, request.recipients, plan.fanOut));
			}
		}
		const common = plan.commonFields?.(this) ?? {};
		return outcomes.map((outcome) => toItem(this, outcome, common, plan.fanOut, repeats));
	};
}

function asNodeError(context: IExecuteSingleFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(context.getNode(), { message: (error as Error)?.message ?? String(error) }, { itemIndex: context.getItemIndex() });
}

function splitByRecipients(context: IExecuteSingleFunctions, requestData: RequestData, fanOut: FanOut) {
	const body = (requestData.options.body ?? {}) as IDataObject;
	const { unique, repeats } = deduplicate((body[fanOut.listKey] as string[] | undefined) ?? []);
	const requests = chunk(unique, Math.max(1, fanOut.maxPerRequest(context))).map((recipients) => ({
		recipients,
		requestData: { ...requestData, options: { ...requestData.options, body: { ...body, [fanOut.listKey]: recipients } } },
	}));
	return { requests, repeats };
}

function failedOutcomes(failure: ProviderFailure, recipients: string[] | undefined, fanOut: FanOut | undefined): Outcome[] {
	if (!recipients || !fanOut) return [{ status: failure.status, json: {}, failure }];
	return recipients.map((recipient) => ({ status: failure.status, json: { [fanOut.recipientField]: recipient }, failure }));
}

function unknownFailure(error: unknown): ProviderFailure {
	return {
		provider: 'n8n',
		httpStatus: 0,
		meaning: 'The request failed before an answer arrived; the push may or may not have been delivered',
		providerMessage: (error as Error)?.message,
		action: 'Check the delivery in the provider console before sending again.',
		status: 'unknown',
	};
}

function toItem(
	context: IExecuteSingleFunctions,
	outcome: Outcome,
	common: IDataObject,
	fanOut: FanOut | undefined,
	repeats: Map<string, number>,
): INodeExecutionData {
	const { status, failure } = outcome;
	const json: IDataObject = { status, success: isSuccess(status), ...common, ...outcome.json };
	const recipient = fanOut ? (outcome.json[fanOut.recipientField] as string) : undefined;
	if (recipient !== undefined && repeats.has(recipient)) json.duplicatesRemoved = repeats.get(recipient);
	if (failure) {
		json.reason = failure.meaning;
		json.action = failure.action;
		if (failure.code !== undefined) json.providerCode = failure.code;
		if (failure.providerMessage) json.providerMessage = failure.providerMessage;
		if (failure.httpStatus) json.httpStatus = failure.httpStatus;
	}
	const item: INodeExecutionData = { json, pairedItem: { item: context.getItemIndex() } };
	// n8n routes an item to the error output by its `error`; json keeps no `error` key on purpose, since
	// Retry On Fail re-runs the whole node (re-sending every push) when the first item's json has one.
	if (!isSuccess(status) && context.continueOnFail()) {
		item.error = providerApiError(context, failure ?? unknownFailure(undefined), json);
	}
	return item;
}
