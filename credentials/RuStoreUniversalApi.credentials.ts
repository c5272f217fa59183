import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	cachedAccessTokens,
	HUAWEI_TOKEN_URL,
	providerAccessTokens,
} from './ruStoreUniversal/providerTokens';
import { providersBlock } from './ruStoreUniversal/providersBlock';

export class RuStoreUniversalApi implements ICredentialType {
	name = 'ruStoreUniversalApi';

	displayName = 'RuStore Universal Push API';

	icon = { light: 'file:../icons/rustore.svg', dark: 'file:../icons/rustore.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-push-gateways/n8n-nodes-push-gateways#rustore-universal-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'RuStore Project ID',
			name: 'projectId',
			type: 'string',
			required: true,
			default: '',
			description: 'RuStore Console → your app → Push notifications → Projects → Project ID',
		},
		{
			displayName: 'RuStore Service Token',
			name: 'serviceToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'RuStore Console → your app → Push notifications → Projects → Service token',
		},
		{
			displayName: 'Send to FCM (Google) Devices',
			name: 'useFcm',
			type: 'boolean',
			default: false,
			description:
				'Whether the universal SDK in your app also takes Firebase tokens; needs a service-account key of the Firebase project',
		},
		{
			displayName: 'FCM Service Account Key',
			name: 'fcmServiceAccountPrivateKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The whole JSON key file: Firebase console → Project settings → Service accounts → Generate new private key. n8n mints the short-lived access token FCM needs from it.',
			displayOptions: { show: { useFcm: [true] } },
		},
		{
			displayName: 'Send to HMS (Huawei) Devices',
			name: 'useHms',
			type: 'boolean',
			default: false,
			description: 'Whether the universal SDK in your app also takes Huawei Push Kit tokens',
		},
		{
			displayName: 'HMS Project ID',
			name: 'hmsProjectId',
			type: 'string',
			required: true,
			default: '',
			description: 'AppGallery Connect → your project → Project settings → Project ID',
			displayOptions: { show: { useHms: [true] } },
		},
		{
			displayName: 'HMS App ID (Client ID)',
			name: 'hmsAppId',
			type: 'string',
			required: true,
			default: '',
			description: 'AppGallery Connect → your project → Project settings → App ID',
			displayOptions: { show: { useHms: [true] } },
		},
		{
			displayName: 'HMS Client Secret',
			name: 'hmsClientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The app's client secret, from the same page",
			displayOptions: { show: { useHms: [true] } },
		},
		{
			displayName: 'Universal Base URL',
			name: 'universalBaseUrl',
			type: 'string',
			default: 'https://vkpns-universal.rustore.ru',
			description: 'Change it only for a proxy or a test sandbox',
		},
		{
			displayName: 'Google Token URL',
			name: 'googleTokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://oauth2.googleapis.com/token',
			description:
				"Where the FCM access token is fetched. Empty: the key's token_uri. Change it only for a proxy or a test sandbox.",
			displayOptions: { show: { useFcm: [true] } },
		},
		{
			displayName: 'Huawei Token URL',
			name: 'huaweiTokenUrl',
			type: 'string',
			default: HUAWEI_TOKEN_URL,
			description:
				'Where the HMS access token is fetched. Change it only for a proxy or a test sandbox.',
			displayOptions: { show: { useHms: [true] } },
		},
		{
			// Never filled: preAuthentication keeps the FCM and HMS tokens in memory and returns nothing to
			// store, so this stays empty and n8n asks for fresh tokens before every request (a cache hit
			// until they expire). Short-lived secrets never reach the database.
			displayName: 'Access Tokens',
			name: 'accessTokens',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Before every request: FCM's and HMS's access tokens, fetched once per client and on expiry. */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		await providerAccessTokens(this, credentials);
		return {};
	}

	/**
	 * The universal API takes every provider's credentials in the body, so authenticating a request
	 * means adding its `providers` block. Done here rather than in the node's builder so that the
	 * secrets exist only in the request n8n sends, never in the node's request data, outputs or errors.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const body = (request.body ?? {}) as IDataObject;
		return {
			...request,
			body: {
				providers: providersBlock(credentials, cachedAccessTokens(credentials), body),
				...body,
			},
		};
	};

	// FCM and HMS are proven by their token fetch before this request (a refused key or secret fails the
	// test with the provider's reason). The universal API has no call that checks the RuStore service
	// token without sending, so the request carries no token at all: it proves the host answers as the
	// universal API; a refused credential (401/403) fails the test, any other answer passes.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.universalBaseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/send',
			method: 'POST',
			body: { tokens: {}, message: { data: { n8n: 'credential-check' } } },
			ignoreHttpStatusErrors: { ignore: true, except: [401, 403, 404, 405] },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'RuStore refused the credentials in the request' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'RuStore refused the credentials in the request' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'The Universal Base URL does not lead to the universal push API',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 405,
					message: 'The Universal Base URL does not lead to the universal push API',
				},
			},
		],
	};
}
