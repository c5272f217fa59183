import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SberSmartPushApi } from '../../../../credentials/SberSmartPushApi.credentials';
import { SberSmartPushCallbackApi } from '../../../../credentials/SberSmartPushCallbackApi.credentials';
import { SberSmartPush } from '../../../../nodes/SberSmartPush/SberSmartPush.node';
import type { Sandbox } from '../../../../dev/sandbox';
import { runNode, type EngineRun, type RunNodeOptions } from '..';

export const SBER_PROJECT = 'sandbox-sber-project';

export function sberCredentials(sandbox: Sandbox, overrides: IDataObject = {}) {
	return {
		type: new SberSmartPushApi(),
		data: {
			authMode: 'clientSecret',
			clientId: 'sandbox-client',
			clientSecret: 'sandbox-secret',
			scope: 'SMART_PUSH',
			tokenUrl: `${sandbox.baseUrls.sber}/api/v2/oauth`,
			baseUrl: sandbox.baseUrls.sber,
			ignoreSslIssues: false,
			accessToken: '',
			...overrides,
		},
	};
}

/** Runs the Sber SmartPush node once through n8n's engine against the sandbox. */
export async function runSber(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Partial<RunNodeOptions> & { credentialOverrides?: IDataObject } = {},
): Promise<EngineRun> {
	const { credentialOverrides, ...rest } = options;
	return await runNode({
		nodeType: new SberSmartPush(),
		parameters,
		credentials: sberCredentials(sandbox, credentialOverrides),
		...rest,
	});
}

export const liteTo = (clientId: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'push',
	operation: 'sendLite',
	projectId: SBER_PROJECT,
	clientId,
	surface: 'COMPANION',
	templateId: 'tpl-order',
	headerValues: '{"name": "Anna"}',
	bodyValues: '{"order": "42", "date": "today"}',
	...extra,
});

export const extendedTo = (clientId: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'push',
	operation: 'sendExtended',
	projectId: SBER_PROJECT,
	clientId,
	deliveryMode: 'BROADCAST',
	destinations: {
		destination: [
			{
				surface: 'COMPANION',
				templateId: 'tpl-order',
				headerValues: '{"name": "Anna"}',
				bodyValues: '{"order": "42", "date": "today"}',
				parameters: 'mobile',
				deeplinkAndroid: 'salut://shop/orders/42',
				buttonText: 'Open',
			},
			{
				surface: 'SBERBOX',
				templateId: 'tpl-plain',
				parameters: 'device',
				deepLink: 'box://orders/42',
			},
		],
	},
	...extra,
});

export const CALLBACK_TRIGGER_URL = 'https://n8n.example.com/webhook/6f1c2a4e-sber/status';
export const CALLBACK_SECRET = 'callback-url-secret-0042-abcdef';

/** The Sber SmartPush Callback credential, as the send node reads it when Callback is its credential. */
export function sberCallbackCredential(overrides: IDataObject = {}) {
	return {
		type: new SberSmartPushCallbackApi(),
		data: { urlSecret: CALLBACK_SECRET, triggerUrl: CALLBACK_TRIGGER_URL, ...overrides },
	};
}
