/** Runs a package node of a saved workflow file through n8n's engine, at the typeVersion it was saved with. */
import type { INodeType } from 'n8n-workflow';

import type { Sandbox } from '../../../../dev/sandbox';
import { EngageLab } from '../../../../nodes/EngageLab/EngageLab.node';
import { SberSmartPush } from '../../../../nodes/SberSmartPush/SberSmartPush.node';
import { PACKAGE_PREFIX, type SavedNodeRun } from '../../../fixtures/savedWorkflows';
import { runNode, type EngineRun } from '..';
import { engageLabCredentials, engageLabGroupCredentials } from './engagelab';
import { sberCredentials } from './sber';

const NODE_TYPES: Record<string, () => INodeType> = {
	engageLab: () => new EngageLab(),
	sberSmartPush: () => new SberSmartPush(),
};

function credentialsFor(sandbox: Sandbox, type: string) {
	if (type === 'engageLabApi') return engageLabCredentials(sandbox);
	if (type === 'engageLabGroupApi') return engageLabGroupCredentials(sandbox);
	if (type === 'sberSmartPushApi') return sberCredentials(sandbox);
	throw new Error(`No sandbox credential for ${type}`);
}

/**
 * Fixed execution, workflow and node ids: EngageLab's cid is derived from them (and from the instance
 * id, fixed by the harness's encryption key), so the same run gives the same cid on any code.
 */
export async function runSavedNode(sandbox: Sandbox, run: SavedNodeRun): Promise<EngineRun> {
	const { node } = run;
	const make = NODE_TYPES[node.type.slice(PACKAGE_PREFIX.length)];
	if (!make) throw new Error(`No engine run for ${node.type}`);
	const credentialType = Object.keys(node.credentials ?? {})[0];
	return await runNode({
		nodeType: make(),
		parameters: node.parameters,
		typeVersion: node.typeVersion,
		items: run.items,
		nodeName: node.name,
		nodeId: node.id,
		workflowId: run.workflowId,
		executionId: `${run.workflowId}-exec`,
		credentials: credentialType ? credentialsFor(sandbox, credentialType) : undefined,
	});
}
