import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RuStorePushApi } from '../../../../credentials/RuStorePushApi.credentials';
import { RuStorePush } from '../../../../nodes/RuStorePush/RuStorePush.node';
import type { Sandbox } from '../../../../dev/sandbox';
import { runNode, type EngineRun, type RunNodeOptions } from '..';

export const SERVICE_TOKEN = 'sandbox-service-token';

export function ruStoreCredentials(sandbox: Sandbox, overrides: IDataObject = {}) {
	return {
		type: new RuStorePushApi(),
		data: {
			projectId: 'sandbox-project',
			serviceToken: SERVICE_TOKEN,
			sendBaseUrl: sandbox.baseUrls.rustoreSend,
			topicsBaseUrl: sandbox.baseUrls.rustoreTopics,
			...overrides,
		},
	};
}

/** Runs the RuStore node once through n8n's engine against the sandbox. */
export async function runRuStore(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Partial<RunNodeOptions> & { credentialOverrides?: IDataObject } = {},
): Promise<EngineRun> {
	const { credentialOverrides, ...rest } = options;
	return await runNode({
		nodeType: new RuStorePush(),
		parameters,
		credentials: ruStoreCredentials(sandbox, credentialOverrides),
		...rest,
	});
}

export const sendTo = (recipient: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	recipient,
	notification: { title: 'Order shipped', body: 'Your order #42 is on its way' },
	...extra,
});
