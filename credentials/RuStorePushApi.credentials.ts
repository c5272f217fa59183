import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

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

	// Proves the token without delivering anything: subscribing a token that cannot exist to a
	// private topic. RuStore answers 200 (with a per-token error) when the service token and project
	// are right, 403 when not. n8n applies the rules only to thrown errors, and its tester reuses the
	// node's request defaults, so status errors are switched back on here.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.topicsBaseUrl.replace(/\\/+$/, "")}}',
			url: '=/v1/projects/{{$credentials.projectId}}/topics/n8n-credential-check/batch_subscribe',
			method: 'POST',
			body: { push_tokens: ['n8n-cred-check'] },
			ignoreHttpStatusErrors: false,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 403, message: 'RuStore refused the Service Token or the Project ID' },
			},
			{
				type: 'responseCode',
				properties: { value: 401, message: 'RuStore refused the Service Token' },
			},
		],
	};
}
