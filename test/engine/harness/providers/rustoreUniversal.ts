import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { RuStoreUniversalApi } from '../../../../credentials/RuStoreUniversalApi.credentials';
import { RuStoreUniversalPush } from '../../../../nodes/RuStoreUniversalPush/RuStoreUniversalPush.node';
import type { Sandbox } from '../../../../dev/sandbox';
import { runNode, type EngineRun, type RunNodeOptions } from '..';

export interface UniversalSetup {
	fcm?: boolean;
	hms?: boolean;
	/**
	 * Names the token client: the credential caches access tokens per client for the life of the
	 * process, so a test that counts token requests takes a client of its own (the sandbox ignores
	 * the query string that carries it).
	 */
	client?: string;
	overrides?: IDataObject;
}

/** Data of a RuStore Universal credential pointed at the sandbox. */
export function universalCredentialData(
	sandbox: Sandbox,
	setup: UniversalSetup = {},
): ICredentialDataDecryptedObject {
	const { fcm = true, hms = true, client = 'shared', overrides = {} } = setup;
	const universal = sandbox.rustoreUniversal;
	return {
		projectId: universal.options.projectId,
		serviceToken: universal.options.serviceToken,
		universalBaseUrl: sandbox.baseUrls.rustoreUniversal,
		useFcm: fcm,
		...(fcm
			? {
					fcmServiceAccountPrivateKey: universal.serviceAccountKey,
					googleTokenUrl: `${sandbox.baseUrls.googleToken}/token?client=${client}`,
				}
			: {}),
		useHms: hms,
		...(hms
			? {
					hmsProjectId: universal.options.hmsProjectId,
					hmsAppId: universal.options.hmsAppId,
					hmsClientSecret: universal.options.hmsClientSecret,
					huaweiTokenUrl: `${sandbox.baseUrls.huaweiToken}/oauth2/v3/token?client=${client}`,
				}
			: {}),
		...overrides,
	};
}

export function universalCredentials(sandbox: Sandbox, setup: UniversalSetup = {}) {
	return { type: new RuStoreUniversalApi(), data: universalCredentialData(sandbox, setup) };
}

/** Runs the RuStore Universal Push node once through n8n's engine against the sandbox. */
export async function runUniversal(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Partial<RunNodeOptions> & { setup?: UniversalSetup } = {},
): Promise<EngineRun> {
	const { setup, ...rest } = options;
	return await runNode({
		nodeType: new RuStoreUniversalPush(),
		parameters,
		credentials: universalCredentials(sandbox, setup),
		...rest,
	});
}

export const universalSend = (
	tokens: {
		rustore?: unknown;
		fcm?: unknown;
		hms?: unknown;
	},
	extra: INodeParameters = {},
): INodeParameters => ({
	resource: 'universal',
	operation: 'send',
	...(tokens.rustore !== undefined ? { rustoreTokens: tokens.rustore as string } : {}),
	...(tokens.fcm !== undefined ? { fcmTokens: tokens.fcm as string } : {}),
	...(tokens.hms !== undefined ? { hmsTokens: tokens.hms as string } : {}),
	notification: { title: 'Order shipped', body: 'Your order #42 is on its way' },
	androidOptions: { ttl: '3600' },
	...extra,
});

export const tokenRequests = (sandbox: Sandbox, provider: 'google' | 'huawei') =>
	sandbox.requests.filter((request) =>
		request.path.startsWith(provider === 'google' ? '/google-oauth' : '/huawei-oauth'),
	).length;
