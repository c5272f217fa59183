import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { EngageLabApi } from '../../../../credentials/EngageLabApi.credentials';
import { EngageLabGroupApi } from '../../../../credentials/EngageLabGroupApi.credentials';
import { EngageLab } from '../../../../nodes/EngageLab/EngageLab.node';
import type { Sandbox } from '../../../../dev/sandbox';
import { runNode, type EngineRun, type RunNodeOptions } from '..';

export function engageLabCredentials(sandbox: Sandbox, overrides: IDataObject = {}) {
	const web = overrides.product === 'webPush';
	return {
		type: new EngageLabApi(),
		data: {
			appKey: 'app-key-1',
			masterSecret: 'master-secret-1',
			product: 'appPush',
			dataCenter: 'custom',
			customBaseUrl: `${web ? sandbox.baseUrls.engagelabWeb : sandbox.baseUrls.engagelabApp}/v4`,
			...overrides,
		},
	};
}

export function engageLabGroupCredentials(sandbox: Sandbox, overrides: IDataObject = {}) {
	return {
		type: new EngageLabGroupApi(),
		data: {
			groupKey: 'gk-1',
			groupMasterSecret: 'group-secret-1',
			product: 'appPush',
			dataCenter: 'custom',
			customBaseUrl: sandbox.baseUrls.engagelabApp,
			...overrides,
		},
	};
}

export async function runEngageLab(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Partial<RunNodeOptions> & { credentialOverrides?: IDataObject } = {},
): Promise<EngineRun> {
	const { credentialOverrides, ...rest } = options;
	const group = parameters.resource === 'groupPush';
	const credentials = group
		? engageLabGroupCredentials(sandbox, credentialOverrides)
		: engageLabCredentials(sandbox, credentialOverrides);
	return await runNode({ nodeType: new EngageLab(), parameters, credentials, ...rest });
}

/** The kinds of recipient: options of the node's Recipients collection (`to`). */
export const RECIPIENT_KINDS = [
	'registrationIds',
	'tags',
	'tagsAnd',
	'tagsNot',
	'aliases',
	'segmentId',
] as const;

/**
 * Push → Send. `targets` takes the recipient kinds (put in the Recipients collection) and any other
 * parameter, e.g. `audience`. No "authentication": the resource sets it, as in the editor; no product:
 * the credential's decides.
 */
export const pushTo = (targets: INodeParameters, extra: INodeParameters = {}): INodeParameters => {
	const to: INodeParameters = {};
	const rest: INodeParameters = {};
	for (const [name, value] of Object.entries(targets))
		if ((RECIPIENT_KINDS as readonly string[]).includes(name)) to[name] = value;
		else rest[name] = value;
	return {
		resource: 'push',
		operation: 'send',
		audience: 'targets',
		...(Object.keys(to).length ? { to } : {}),
		...rest,
		alert: 'Your order has shipped',
		...extra,
	};
};

/** Group Push → Send to everyone, with the group credential the resource selects. */
export const groupPush = (extra: INodeParameters = {}): INodeParameters => ({
	...pushTo({ audience: 'all' }),
	resource: 'groupPush',
	operation: 'sendToGroup',
	...extra,
});
