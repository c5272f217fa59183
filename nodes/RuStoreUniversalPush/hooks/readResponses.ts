import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { cachedAccessTokens } from '../../../credentials/ruStoreUniversal/providerTokens';
import { credentialsForRun } from '../../shared/runCredentials';

import { answerReader } from '../../shared/answers';
import type { DeliveryPlan, Outcome } from '../../shared/delivery';
import {
	providerErrors,
	providerRequestFailure,
	readUniversalAnswer,
	tokenResults,
	universalAnswerFailure,
	withoutSecrets,
} from '../errors';
import { TOKEN_PROVIDERS } from '../schema';
import { readTokens } from './buildRequests';

const readAnswer = answerReader(universalAnswerFailure);

/**
 * postReceive: the request's secrets taken out of the answer's text; then success and per-provider
 * errors pass on, and any other answer becomes a NodeApiError.
 */
export async function readUniversalAnswerItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const credentials = await credentialsForRun(this, 'ruStoreUniversalApi');
	const { fcm, hms } = cachedAccessTokens(credentials);
	const secrets = [
		String(credentials.serviceToken ?? ''),
		String(credentials.hmsClientSecret ?? ''),
		fcm,
		hms,
	];
	withoutSecrets(response.body, secrets);
	for (const item of items) withoutSecrets(item.json, secrets);
	return await readAnswer.call(this, items, response);
}

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
