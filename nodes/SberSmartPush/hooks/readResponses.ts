import type { IDataObject } from 'n8n-workflow';

import { answerReader } from '../../shared/answers';
import type { DeliveryPlan } from '../../shared/delivery';
import { sberAnswerFailure } from '../errors';

/** postReceive: an answer without a service code passes on; any other becomes a NodeApiError. */
export const readSberAnswer = answerReader(sberAnswerFailure);

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
