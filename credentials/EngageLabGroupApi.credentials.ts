import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/EngageLab/hosts';
import { hostFields } from './engageLabFields';

export class EngageLabGroupApi implements ICredentialType {
	name = 'engageLabGroupApi';

	displayName = 'EngageLab Group API';

	documentationUrl = 'https://www.engagelab.com/docs/app-push/rest-api/group-push-api';

	icon = {
		light: 'file:../icons/engagelab.svg',
		dark: 'file:../icons/engagelab.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'GroupKey',
			name: 'groupKey',
			type: 'string',
			default: '',
			required: true,
			description:
				'EngageLab console → Group Management → your group → GroupKey (without the "group-" prefix)',
		},
		{
			displayName: 'Group Master Secret',
			name: 'groupMasterSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		...hostFields,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const groupKey = String(credentials.groupKey)
			.trim()
			.replace(/^group-/, '');
		const basic = Buffer.from(
			`group-${groupKey}:${String(credentials.groupMasterSecret)}`,
		).toString('base64');
		return { ...request, headers: { ...request.headers, Authorization: `Basic ${basic}` } };
	}

	// An empty group push: refused for its missing fields (21002) when the key is right, 21004 when not.
	// Nothing can be sent.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v4/grouppush',
			method: 'POST',
			body: {},
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 21004,
					message:
						'EngageLab refused the GroupKey or Group Master Secret (21004); check them and the data centre',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 21004,
					message:
						'EngageLab refused the GroupKey or Group Master Secret (21004); check them and the data centre',
				},
			},
		],
	};
}
