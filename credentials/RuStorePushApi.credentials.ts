import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** A push token no device can have: the credential test's only recipient. */
export const CREDENTIAL_PROBE_RECIPIENT = 'n8n-credential-check-not-a-device';

const REFUSED = 'RuStore refused the Service Token or the Project ID';

const refusedStatuses: IAuthenticateRuleResponseCode[] = [
	{ type: 'responseCode', properties: { value: 401, message: REFUSED } },
	{ type: 'responseCode', properties: { value: 403, message: REFUSED } },
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'RuStore does not know this Project ID (or the Topics Base URL is wrong)',
		},
	},
];

/** Where a 200 answer puts the probe token's error (n8n reads rule keys with lodash `get`). */
const probeError = (field: 'status' | 'code') => ['errors', '0', 'error', field].join('.');

/** A refusal of the service token reported on the probe token inside a 200 answer. */
const refusedPerToken: IAuthenticateRuleResponseSuccessBody[] = [
	...['FORBIDDEN', 'PERMISSION_DENIED', 'UNAUTHENTICATED'].map((value) => ({
		type: 'responseSuccessBody' as const,
		properties: { key: probeError('status'), value, message: REFUSED },
	})),
	{
		type: 'responseSuccessBody',
		properties: { key: probeError('code'), value: 1001, message: REFUSED },
	},
];

export class RuStorePushApi implements ICredentialType {
	name = 'ruStorePushApi';

	displayName = 'RuStore Push API';

	icon = { light: 'file:../icons/rustore.svg', dark: 'file:../icons/rustore.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-push-gateways/n8n-nodes-push-gateways#rustore-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			required: true,
			default: '',
			description: 'RuStore Console → your app → Push notifications → Projects → Project ID',
		},
		{
			displayName: 'Service Token',
			name: 'serviceToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'RuStore Console → your app → Push notifications → Projects → Service token',
		},
		{
			displayName: 'Send Base URL',
			name: 'sendBaseUrl',
			type: 'string',
			default: 'https://vkpns.rustore.ru',
			description:
				'Host for sending to a push token. Change it only for a proxy or a test sandbox.',
		},
		{
			displayName: 'Topics Base URL',
			name: 'topicsBaseUrl',
			type: 'string',
			default: 'https://vkpns-topics.rustore.ru',
			description: 'Host for topic operations. Change it only for a proxy or a test sandbox.',
		},
	];

	// A function rather than a generic expression: it runs for every push, and n8n's expression engine
	// costs more per call than the rest of the request.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...request,
		headers: { ...request.headers, Authorization: `Bearer ${String(credentials.serviceToken)}` },
	});

	// Proves the service token and the project without delivering or subscribing anything: it
	// unsubscribes a push token that cannot exist from a private topic. RuStore refuses a wrong service
	// token or project either for the whole request (403, or 401/404) or per token inside a 200 (the
	// topics page's own example: FORBIDDEN 1001 "s2s token invalid"); the probe token's own complaint
	// (unknown or malformed token) means the credential is right. n8n applies `responseCode` rules to
	// thrown errors only, and its tester reuses the node's request defaults, so status errors are
	// switched back on here; `responseSuccessBody` rules read the 200 answer. n8n's tester walks one
	// list of both kinds of rule, which its type (one kind or the other) does not spell.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.topicsBaseUrl.replace(/\\/+$/, "")}}',
			url: '=/v1/projects/{{$credentials.projectId}}/topics/n8n-credential-check/batch_unsubscribe',
			method: 'POST',
			body: { push_tokens: [CREDENTIAL_PROBE_RECIPIENT] },
			ignoreHttpStatusErrors: false,
		},
		rules: [...refusedStatuses, ...refusedPerToken] as unknown as IAuthenticateRuleResponseCode[],
	};
}
