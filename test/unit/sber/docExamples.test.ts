import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { sberAnswerFailure } from '../../../nodes/SberSmartPush/errors';
import { buildExtendedBody, buildLiteBody } from '../../../nodes/SberSmartPush/hooks/buildRequests';
import { errorMessage } from '../../../nodes/shared/providerError';
import { sberDocExamples, type SberDocExample } from '../../fixtures/provider-docs/sber';
import { singleContext } from '../../support/singleContext';

/** Golden tests: Sber's page and SDK examples through the node's validation and its reading of answers. */

const BASE_URL = 'https://ngw.devices.sberbank.ru:9443';

function parametersFor(request: NonNullable<SberDocExample['request']>): IDataObject {
	const body = request.body as IDataObject;
	if (request.path === 'apprequest-lite') {
		const content = body.templateContent as IDataObject;
		return {
			projectId: body.projectId,
			clientId: body.clientId,
			surface: body.surface,
			templateId: content.id,
			headerValues: JSON.stringify(content.headerValues ?? {}),
			bodyValues: JSON.stringify(content.bodyValues ?? {}),
		};
	}
	const wrapped = body.requestPayload !== undefined;
	const inner = (wrapped ? body.requestPayload : body) as IDataObject;
	return {
		payloadInput: 'json',
		payloadJson: JSON.stringify(inner.payload),
		messageOptions: {
			messageId: inner.messageId,
			protocolVersion: inner.protocolVersion,
			wrapInRequestPayload: wrapped,
		},
	};
}

const requests = sberDocExamples.filter((example) => example.request);
const answers = sberDocExamples.filter((example) => example.answer);

describe.each(requests)('$name ($source)', (example) => {
	it('is accepted by the node, which builds the same request', async () => {
		const request = example.request!;
		// Version 1.1: the template variables as JSON, as the page gives them.
		const context = singleContext(parametersFor(request), {
			credentials: { baseUrl: BASE_URL },
			typeVersion: 1.1,
		});
		const build = request.path === 'apprequest-lite' ? buildLiteBody : buildExtendedBody;
		const built = await build.call(context, { url: '', method: 'POST' } as IHttpRequestOptions);
		expect(built.url).toBe(`${BASE_URL}/api/v2/smartpush/${request.path}`);
		expect(built.body).toEqual(request.body);
	});
});

describe.each(answers)('$name ($source)', (example) => {
	const { status, code } = example.expected!;
	it(`reads as ${status} (${code})`, () => {
		const failure = sberAnswerFailure({
			statusCode: example.answer!.httpStatus,
			body: example.answer!.body,
			headers: {},
		});
		if (status === 'sent') {
			expect(failure).toBeUndefined();
			return;
		}
		expect(failure).toMatchObject({ status, code });
		// Status, meaning and action agree: only a dead recipient id is to be removed.
		expect(/^Remove this/.test(failure!.action)).toBe(status === 'invalid_token');
		expect(errorMessage(failure!)).toMatch(/^Sber SmartPush: [A-Z]/);
		expect(failure!.meaning).not.toMatch(/Sber|\.$/);
	});
});
