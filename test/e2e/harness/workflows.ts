import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME } from '../../../dev/n8n/installPackage';
import { EngageLab } from '../../../nodes/EngageLab/EngageLab.node';
import { SberSmartPush } from '../../../nodes/SberSmartPush/SberSmartPush.node';

/** The nodes with more than one version: a new node gets the default one, as in the editor. */
const DEFAULT_VERSION: Record<string, number> = {
	engageLab: new EngageLab().description.defaultVersion ?? 1,
	sberSmartPush: new SberSmartPush().description.defaultVersion ?? 1,
};

export interface CredentialFixture {
	id: string;
	name: string;
	/** The credential type's `name`, e.g. `ruStorePushApi`. */
	type: string;
	data: IDataObject;
}

export interface NodeUnderTest {
	/** The node's `name` in its description, e.g. `ruStorePush`. */
	type: string;
	parameters: INodeParameters;
	credential?: CredentialFixture;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Default: the node's default version (a workflow saved by an older release keeps its own). */
	typeVersion?: number;
}

export const NODE_NAME = 'Push';

/**
 * Manual Trigger → (a Code node emitting `items`) → our node. Ids stay ≤ 21 characters, as n8n wants.
 */
export function workflow(id: string, node: NodeUnderTest, items?: IDataObject[]): IDataObject {
	const nodes: IDataObject[] = [
		{
			id: `${id}-t`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: IDataObject = {};
	let previous = 'Start';
	if (items) {
		nodes.push({
			id: `${id}-i`,
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
		});
		connections.Start = { main: [[{ node: 'Items', type: 'main', index: 0 }]] };
		previous = 'Items';
	}
	nodes.push({
		id: `${id}-n`,
		name: NODE_NAME,
		type: `${PACKAGE_NAME}.${node.type}`,
		typeVersion: node.typeVersion ?? DEFAULT_VERSION[node.type] ?? 1,
		position: [400, 0],
		parameters: node.parameters,
		...(node.onError ? { onError: node.onError } : {}),
		...(node.credential
			? {
					credentials: {
						[node.credential.type]: { id: node.credential.id, name: node.credential.name },
					},
				}
			: {}),
	});
	connections[previous] = { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] };
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}
