/** The harness's `INodeTypes`: its own two nodes plus the node under test, prepared like n8n's loader does. */
import { DirectoryLoader } from 'n8n-core';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import {
	HARNESS_ITEMS_TYPE,
	HARNESS_TRIGGER_TYPE,
	HarnessItems,
	HarnessManualTrigger,
} from './harness-nodes';

/** Instances already prepared: re-applying would duplicate the requestOptions sub-options. */
const prepared = new WeakSet<INodeType | IVersionedNodeType>();

/**
 * n8n's DirectoryLoader (`applySpecialNodeParameters`) appends the `requestOptions` collection (batching,
 * proxy, timeout, SSL) to every declarative node when it loads it; RoutingNode reads that parameter.
 * The static method is public, so the real step runs here, once per node instance (n8n loads a class once).
 */
function prepareLikeLoader(nodeType: INodeType | IVersionedNodeType): void {
	if (prepared.has(nodeType)) return;
	prepared.add(nodeType);
	const versions = 'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
	for (const version of versions) DirectoryLoader.applyDeclarativeNodeOptionParameters(version);
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;

	constructor(nodeTypeName: string, nodeUnderTest: INodeType | IVersionedNodeType) {
		prepareLikeLoader(nodeUnderTest);
		this.types = {
			[HARNESS_TRIGGER_TYPE]: new HarnessManualTrigger(),
			[HARNESS_ITEMS_TYPE]: new HarnessItems(),
			[nodeTypeName]: nodeUnderTest,
		};
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new UnexpectedError(`Unrecognized node type: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
