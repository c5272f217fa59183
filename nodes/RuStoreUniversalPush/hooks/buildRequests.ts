import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { providerAccessTokens } from '../../../credentials/ruStoreUniversal/providerTokens';
import { readMessage } from '../../RuStorePush/hooks/buildRequests';
import { deduplicate, toStringList } from '../../shared/lists';
import { credentialsForRun, joinUrl } from '../../shared/runCredentials';
import { validateOrThrow } from '../../shared/validation';
import {
	fieldLabels,
	PROVIDER_LABELS,
	TOKEN_PROVIDERS,
	universalSendSchema,
	universalTopicSchema,
	universalTopicSchemaWithHms,
	type TokenProvider,
} from '../schema';

const CREDENTIAL_SWITCH: Record<TokenProvider, string | undefined> = {
	rustore: undefined,
	fcm: 'useFcm',
	hms: 'useHms',
};

const TOKEN_PARAMETER: Record<TokenProvider, string> = {
	rustore: 'rustoreTokens',
	fcm: 'fcmTokens',
	hms: 'hmsTokens',
};

/** The token lists of Universal → Send, per provider, without repeats; providers without tokens left out. */
export function readTokens(
	context: IExecuteSingleFunctions,
): Partial<Record<TokenProvider, string[]>> {
	const tokens: Partial<Record<TokenProvider, string[]>> = {};
	for (const provider of TOKEN_PROVIDERS) {
		const list = deduplicate(
			toStringList(context.getNodeParameter(TOKEN_PARAMETER[provider], '')),
		).unique;
		if (list.length) tokens[provider] = list;
	}
	return tokens;
}

/** Tokens for a provider the credential does not send to would be dropped by RuStore: say so instead. */
function configuredFor(
	context: IExecuteSingleFunctions,
	credentials: ICredentialDataDecryptedObject,
	tokens: Partial<Record<TokenProvider, string[]>>,
): void {
	for (const provider of TOKEN_PROVIDERS) {
		const flag = CREDENTIAL_SWITCH[provider];
		if (!flag || !tokens[provider] || credentials[flag] === true) continue;
		const label = PROVIDER_LABELS[provider];
		throw new NodeOperationError(
			context.getNode(),
			`Invalid RuStore universal push: ${label} Tokens are given, but the credential does not send to ${label} devices`,
			{
				itemIndex: context.getItemIndex(),
				description: `Turn on "Send to ${label}" in the RuStore Universal credential and fill in its part, or leave ${label} Tokens empty.`,
			},
		);
	}
}

/**
 * FCM's and HMS's access tokens before the request is built, so that a refused key fails the run
 * before anything leaves (the credential's preAuthentication then finds them in its cache).
 */
async function ensureAccessTokens(
	context: IExecuteSingleFunctions,
	credentials: ICredentialDataDecryptedObject,
): Promise<void> {
	try {
		await providerAccessTokens(context as unknown as IHttpRequestHelper, credentials);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex: context.getItemIndex(),
			description: 'Nothing was sent. Correct the credential and run the node again.',
		});
	}
}

/** Universal → Send: the message to every token of every provider, in one request. */
export async function buildUniversalSendBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = validateOrThrow(
		this,
		universalSendSchema,
		{ tokens: readTokens(this), message: readMessage(this) },
		'RuStore universal push',
		fieldLabels,
	);
	const credentials = await credentialsForRun(this, 'ruStoreUniversalApi');
	configuredFor(this, credentials, body.tokens);
	await ensureAccessTokens(this, credentials);
	return {
		...request,
		url: joinUrl(credentials.universalBaseUrl, '/v1/send'),
		body: body as IDataObject,
	};
}

/** Universal → Send to Topic: the message to a topic, on every provider the credential configures. */
export async function buildUniversalTopicBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = await credentialsForRun(this, 'ruStoreUniversalApi');
	const body = validateOrThrow(
		this,
		credentials.useHms === true ? universalTopicSchemaWithHms : universalTopicSchema,
		{ topic: this.getNodeParameter('topic', ''), message: readMessage(this) },
		'RuStore universal push',
		fieldLabels,
	);
	await ensureAccessTokens(this, credentials);
	return {
		...request,
		url: joinUrl(credentials.universalBaseUrl, '/v1/send/topic'),
		body: body as IDataObject,
	};
}
