import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/EngageLab/hosts';
import { hostFields } from './engageLabFields';

export class EngageLabApi implements ICredentialType {
	name = 'engageLabApi';

	displayName = 'EngageLab API';

	documentationUrl = 'https://www.engagelab.com/docs/app-push/rest-api/rest-api-overview';

	icon = {
		light: 'file:../icons/engagelab.svg',
		dark: 'file:../icons/engagelab.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'AppKey',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: 'EngageLab console → your app → App Settings → AppKey',
		},
		{
			displayName: 'Master Secret',
			name: 'masterSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Same page → Master Secret',
		},
		...hostFields,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const basic = Buffer.from(
			`${String(credentials.appKey).trim()}:${String(credentials.masterSecret)}`,
		).toString('base64');
		return { ...request, headers: { ...request.headers, Authorization: `Basic ${basic}` } };
	}

	// A dry run: the validate endpoint checks a broadcast without sending it. A wrong key is 21004.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v4/push/validate',
			method: 'POST',
			body: {
				to: 'all',
				body: {
					platform: '={{ $credentials.product === "webPush" ? "web" : "all" }}',
					notification: { alert: 'n8n credential check' },
				},
			},
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 21004,
					message:
						'EngageLab refused the AppKey or Master Secret (21004); check them and the data centre',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 21004,
					message:
						'EngageLab refused the AppKey or Master Secret (21004); check them and the data centre',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 21008,
					message: 'EngageLab does not know this AppKey (21008): check it for stray spaces',
				},
			},
		],
	};
}
