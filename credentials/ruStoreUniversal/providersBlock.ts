import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { parseServiceAccountKey } from './googleServiceAccount';
import type { ProviderAccessTokens } from './providerTokens';

export type UniversalProvider = 'rustore' | 'fcm' | 'hms';

/** The providers a credential configures; RuStore always. */
export function configuredProviders(
	credentials: ICredentialDataDecryptedObject,
): UniversalProvider[] {
	return [
		'rustore',
		...(credentials.useFcm === true ? (['fcm'] as const) : []),
		...(credentials.useHms === true ? (['hms'] as const) : []),
	];
}

/** The providers a request is for: those with tokens in it, or all configured (topics, no tokens). */
function providersOf(
	credentials: ICredentialDataDecryptedObject,
	body: IDataObject,
): UniversalProvider[] {
	const configured = configuredProviders(credentials);
	const tokens = body.tokens as Record<string, unknown[] | undefined> | undefined;
	if (!tokens || Object.keys(tokens).length === 0) return configured;
	return configured.filter((provider) => (tokens[provider]?.length ?? 0) > 0);
}

/**
 * `providers` as the universal API wants it: each with `project_id` and `auth_token`, only for the
 * providers the request is for, so no credential travels that the request does not need.
 */
export function providersBlock(
	credentials: ICredentialDataDecryptedObject,
	accessTokens: ProviderAccessTokens,
	body: IDataObject,
): IDataObject {
	const block: IDataObject = {};
	for (const provider of providersOf(credentials, body)) {
		if (provider === 'rustore') {
			block.rustore = {
				project_id: String(credentials.projectId ?? '').trim(),
				auth_token: String(credentials.serviceToken ?? ''),
			};
			continue;
		}
		const authToken = accessTokens[provider];
		if (!authToken)
			throw new Error(
				`${provider.toUpperCase()}: no access token was fetched for this request; run it again`,
			);
		block[provider] = {
			project_id:
				provider === 'fcm'
					? parseServiceAccountKey(credentials.fcmServiceAccountPrivateKey).projectId
					: String(credentials.hmsProjectId ?? '').trim(),
			auth_token: authToken,
		};
	}
	return block;
}
