import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	buildPublishBody,
	buildSendBody,
	buildSubscribeBody,
	buildUnsubscribeBody,
} from '../../../nodes/RuStorePush/hooks/buildRequests';
import {
	publishPlan,
	sendPlan,
	subscribePlan,
	unsubscribePlan,
} from '../../../nodes/RuStorePush/hooks/readResponses';
import {
	ruStoreAnswerFailure,
	ruStoreTopicsAnswerFailure,
} from '../../../nodes/RuStorePush/errors';
import { errorMessage, type ProviderFailure } from '../../../nodes/shared/providerError';
import { ruStoreDocExamples, type RuStoreDocExample } from '../../fixtures/provider-docs/rustore';
import { singleContext } from '../../support/singleContext';

/** Golden tests: RuStore's own examples through the node's validation and its reading of answers. */

type Operation = 'send' | 'publish' | 'batch_subscribe' | 'batch_unsubscribe';

function routeOf(example: RuStoreDocExample) {
	const url = new URL(example.request.url);
	const match = /^\/v1\/projects\/([^/]+)\/(?:messages:send|topics\/([^/]+)\/(\w+))$/.exec(
		url.pathname,
	);
	if (!match) throw new Error(`unexpected URL ${example.request.url}`);
	return {
		origin: url.origin,
		projectId: decodeURIComponent(match[1]),
		topic: match[2],
		operation: (match[3] ?? 'send') as Operation,
	};
}

const builders = {
	send: buildSendBody,
	publish: buildPublishBody,
	batch_subscribe: buildSubscribeBody,
	batch_unsubscribe: buildUnsubscribeBody,
};

function parametersFor(
	example: RuStoreDocExample,
	operation: Operation,
	topic?: string,
): IDataObject {
	const body = example.request.body;
	if (operation === 'send') {
		const message = body.message as IDataObject;
		// The whole pasted body, as a user would copy it from the page.
		return {
			messageInput: 'json',
			messageJson: JSON.stringify(body),
			recipient: message.token as string,
		};
	}
	if (operation === 'publish')
		return { topic, messageInput: 'json', messageJson: JSON.stringify(body) };
	return { topic, recipients: body.push_tokens as string[] };
}

describe.each(ruStoreDocExamples)('$name ($source)', (example) => {
	const route = routeOf(example);

	it('is accepted by the node, which builds the same request', async () => {
		const credentials = {
			projectId: route.projectId,
			sendBaseUrl: 'https://vkpns.rustore.ru',
			topicsBaseUrl: 'https://vkpns-topics.rustore.ru',
		};
		const context = singleContext(parametersFor(example, route.operation, route.topic), {
			credentials,
		});
		const request: IHttpRequestOptions = { url: '', method: 'POST' };
		const built = await builders[route.operation].call(context, request);
		expect(decodeURIComponent(built.url)).toBe(example.request.url);
		expect(built.body).toEqual(example.request.body);
	});

	it(`reads the answer as ${example.expected.status}${example.expected.code ? ` (${example.expected.code})` : ''}`, () => {
		const { answer, expected } = example;
		const response = { statusCode: answer.httpStatus, body: answer.body, headers: {} };
		const topics = route.operation !== 'send';
		const failure = topics ? ruStoreTopicsAnswerFailure(response) : ruStoreAnswerFailure(response);
		const context = singleContext({ topic: route.topic });
		let found: { status: string; failure?: ProviderFailure } | undefined;
		if (failure) {
			found = { status: failure.status, failure };
		} else if (route.operation === 'batch_subscribe' || route.operation === 'batch_unsubscribe') {
			const plan = route.operation === 'batch_subscribe' ? subscribePlan : unsubscribePlan;
			const tokens = example.request.body.push_tokens as string[];
			const outcomes = plan.accepted(context, answer.body as IDataObject, tokens);
			const done = route.operation === 'batch_subscribe' ? 'subscribed' : 'unsubscribed';
			// The tokens the answer does not name went through.
			for (const outcome of outcomes.filter((o) => o.json.token !== expected.token))
				expect(outcome.status).toBe(done);
			found = outcomes.find((o) => o.json.token === (expected.token ?? tokens[0]));
		} else {
			const plan = route.operation === 'send' ? sendPlan : publishPlan;
			found = plan.accepted(context, answer.body as IDataObject)[0];
		}
		expect(found?.status).toBe(expected.status);
		expect(found?.failure?.code).toBe(expected.code);
		if (found?.failure) {
			// Status, meaning and action agree: only a dead token is to be removed.
			const remove = /Remove this token/.test(found.failure.action);
			expect(remove).toBe(expected.status === 'invalid_token');
			expect(errorMessage(found.failure)).toMatch(/^RuStore: [A-Z]/);
			expect(found.failure.meaning).not.toMatch(/RuStore|\.$/);
		}
	});
});
