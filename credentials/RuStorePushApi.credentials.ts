import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class RuStorePushApi implements ICredentialType {
	name = 'ruStorePushApi';

	displayName = 'RuStore Push API';

	icon = { light: 'file:../icons/rustore.svg', dark: 'file:../icons/rustore.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-push-gateways/n8n-nodes-push-gateways#rustore-credential';

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
			description: 'Host for sending to a push token. Change it only for a proxy or a test sandbox.',
		},
		{
			displayName: 'Topics Base URL',
			name: 'topicsBaseUrl',
			type: 'string',
			default: 'https://vkpns-topics.rustore.ru',
			description: 'Host for topic operations. Change it only for a proxy or a test sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.serviceToken}}' } },
	};

	// Proves the token without delivering anything: a message to a token that cannot exist. RuStore
	// answers 403 for a wrong token or project, and 400/404 (about the push token) when they are right.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.sendBaseUrl.replace(/\\/+$/, "")}}',
			url: '=/v1/projects/{{$credentials.projectId}}/messages:send',
			method: 'POST',
			body: { validate_only: true, message: { token: 'n8n-cred-check', data: { check: 'credentials' } } },
			ignoreHttpStatusErrors: true,
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
