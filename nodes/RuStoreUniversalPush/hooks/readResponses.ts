import type { IDataObject } from 'n8n-workflow';

import { answerReader } from '../../shared/answers';
import type { DeliveryPlan, Outcome } from '../../shared/delivery';
import {
	providerErrors,
	providerRequestFailure,
	readUniversalAnswer,
	tokenResults,
	universalAnswerFailure,
} from '../errors';
import { TOKEN_PROVIDERS } from '../schema';
import { readTokens } from './buildRequests';

/** postReceive: success and per-provider errors pass on; any other answer becomes a NodeApiError. */
export const readUniversalAnswerItems = answerReader(universalAnswerFailure);

/** One output item per sent token, with the status the aggregate answer allows for it. */
export const universalSendPlan: DeliveryPlan = {
	accepted(context, response): Outcome[] {
		const errors = providerErrors(readUniversalAnswer(response).errors);
		const tokens = readTokens(context);
		return TOKEN_PROVIDERS.flatMap((provider) => {
			const sent = tokens[provider] ?? [];
			const results = tokenResults(provider, sent, errors);
			return sent.map((token) => {
				const { status, failure } = results.get(token) ?? { status: 'sent' as const };
				return { status, json: { provider, token }, failure };
			});
		});
	},
};

/**
 * One item for the topic when every provider took it; else one per provider the answer names, with
 * its status (a topic has no tokens to name).
 */
export const universalTopicPlan: DeliveryPlan = {
	commonFields: (_context, body) => ({ topic: body.topic }),
	accepted(_context, response): Outcome[] {
		const errors = providerErrors(readUniversalAnswer(response).errors);
		if (errors.size === 0) return [{ status: 'sent', json: {} }];
		return [...errors].map(([provider, texts]) => {
			const failure = providerRequestFailure(provider, texts);
			return { status: failure.status, json: { provider } as IDataObject, failure };
		});
	},
};
