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
	notOkFailure,
	providerErrors,
	readUniversalAnswer,
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

/** The raw answer, on every item of an answer that did not say OK: what RuStore said, as it said it. */
const rawAnswer = (response: IDataObject): IDataObject => ({ providerAnswer: response });

/** One output item per sent token: sent when RuStore said OK, else unknown (see notOkFailure). */
export const universalSendPlan: DeliveryPlan = {
	accepted(context, response): Outcome[] {
		const answer = readUniversalAnswer(response);
		const ok = answer.status?.toUpperCase() === 'OK';
		const tokens = readTokens(context);
		return TOKEN_PROVIDERS.flatMap((provider) =>
			(tokens[provider] ?? []).map((token): Outcome => {
				if (ok) return { status: 'sent', json: { provider, token } };
				const failure = notOkFailure(provider, answer);
				return {
					status: failure.status,
					json: { provider, token, ...rawAnswer(response) },
					failure,
				};
			}),
		);
	},
};

/**
 * One item for the topic when RuStore said OK; else one per provider the answer names (or one for
 * the topic), unknown, with the raw answer.
 */
export const universalTopicPlan: DeliveryPlan = {
	commonFields: (_context, body) => ({ topic: body.topic }),
	accepted(_context, response): Outcome[] {
		const answer = readUniversalAnswer(response);
		if (answer.status?.toUpperCase() === 'OK') return [{ status: 'sent', json: {} }];
		const named = [...providerErrors(answer.errors).keys()];
		if (!named.length) {
			const failure = notOkFailure(undefined, answer);
			return [{ status: failure.status, json: rawAnswer(response), failure }];
		}
		return named.map((provider) => {
			const failure = notOkFailure(provider, answer);
			return { status: failure.status, json: { provider, ...rawAnswer(response) }, failure };
		});
	},
};
