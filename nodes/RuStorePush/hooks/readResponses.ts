import type { IDataObject } from 'n8n-workflow';

import { answerReader } from '../../shared/answers';
import type { DeliveryPlan, Outcome } from '../../shared/delivery';
import { MAX_TOKENS_PER_BATCH } from '../schema';
import { ruStoreAnswerFailure, ruStoreTopicsAnswerFailure, tokenFailure } from '../errors';

/** postReceive: a 2xx answer passes on; any other becomes a NodeApiError saying what it means. */
export const readRuStoreAnswer = answerReader(ruStoreAnswerFailure);
/** The topics host: its whole-request errors name no single token. */
export const readRuStoreTopicsAnswer = answerReader(ruStoreTopicsAnswerFailure);

export const sendPlan: DeliveryPlan = {
	commonFields: (_context, body) => ({ token: (body.message as IDataObject | undefined)?.token }),
	accepted: () => [{ status: 'sent', json: {} }],
};

/** Send to Many: one request per token, the list split by the delivery hook. */
export const sendManyPlan: DeliveryPlan = {
	fanOut: {
		listPath: 'message.token',
		recipientField: 'token',
		maxPerRequest: () => 1,
		tagPart: (body) => {
			const message = body.message as IDataObject;
			return { ...body, message: { ...message, token: (message.token as string[])[0] } };
		},
	},
	accepted: (_context, _response, recipients = []) =>
		recipients.map((token) => ({ status: 'sent', json: { token } })),
};

export const publishPlan: DeliveryPlan = {
	commonFields: (context) => ({ topic: (context.getNodeParameter('topic', '') as string).trim() }),
	accepted: (_context, response) => [
		{
			status: 'sent',
			json: typeof response.message === 'string' ? { providerMessage: response.message } : {},
		},
	],
};

function membershipPlan(done: 'subscribed' | 'unsubscribed'): DeliveryPlan {
	return {
		commonFields: publishPlan.commonFields,
		fanOut: {
			listPath: 'push_tokens',
			recipientField: 'token',
			maxPerRequest: (context) =>
				context.getNodeParameter('options.batchSize', MAX_TOKENS_PER_BATCH) as number,
		},
		accepted(_context, response, recipients = []): Outcome[] {
			const errors = new Map<string, IDataObject>();
			for (const entry of (response.errors as IDataObject[] | undefined) ?? []) {
				errors.set(String(entry.push_token), (entry.error as IDataObject | undefined) ?? {});
			}
			return recipients.map((token) => {
				const error = errors.get(token);
				if (!error) return { status: done, json: { token } };
				const failure = tokenFailure(error);
				return { status: failure.status, json: { token }, failure };
			});
		},
	};
}

export const subscribePlan = membershipPlan('subscribed');
export const unsubscribePlan = membershipPlan('unsubscribed');
