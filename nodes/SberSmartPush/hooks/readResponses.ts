import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { DeliveryPlan } from '../../shared/delivery';
import { providerApiError } from '../../shared/providerError';
import { sberFailure, serviceCodeOf } from '../errors';

/**
 * postReceive: n8n throws HTTP errors itself (so that it can refresh the token on 401); a 2xx answer
 * can still carry a service code, which becomes a NodeApiError saying what it means.
 */
export async function readSberAnswer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (serviceCodeOf(response.body) !== undefined) {
		throw providerApiError(
			this,
			sberFailure(response.statusCode, response.body, response.headers),
			response.body,
		);
	}
	return typeof response.body === 'object' && response.body !== null ? items : [{ json: {} }];
}

function answerFields(response: IDataObject): IDataObject {
	const payload = (response.payload ?? {}) as IDataObject;
	const fields: IDataObject = {
		requestId: response.requestId,
		responseId: response.responseId,
		timestamp: response.timestamp ?? response.timeStamp,
		result: payload.result ?? payload.validation,
	};
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** The sent body, unwrapped from `requestPayload` when the option wrapped it. */
function sentBody(body: IDataObject): IDataObject {
	return (body.requestPayload as IDataObject | undefined) ?? body;
}

export const litePlan: DeliveryPlan = {
	commonFields: (_context, body) => ({ clientId: body.clientId, surface: body.surface }),
	accepted: (_context, response) => [{ status: 'sent', json: answerFields(response) }],
};

export const extendedPlan: DeliveryPlan = {
	commonFields: (_context, body) => {
		const sent = sentBody(body);
		const payload = (sent.payload ?? {}) as IDataObject;
		const recipient = ((payload.recipient as IDataObject | undefined)?.clientId ??
			{}) as IDataObject;
		return { clientId: recipient.id, messageId: sent.messageId };
	},
	accepted: (_context, response) => [{ status: 'sent', json: answerFields(response) }],
};
