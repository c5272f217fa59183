/**
 * Runs one node under test through n8n-core's real `WorkflowExecute`:
 * Manual Trigger → Items → node under test, in 'manual' mode, as n8n does for a full manual execution.
 * Node failures come back in `EngineRun.error`; a workflow n8n refuses to start (e.g. a required
 * parameter is missing: WorkflowHasIssuesError) makes `runNode` reject instead.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';
import type { IConnections, INode, INodeParameters, IWorkflowBase } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { CredentialStore, createCredentialStore } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import { HARNESS_ITEMS_TYPE, HARNESS_TRIGGER_TYPE } from './harness-nodes';
import { HarnessNodeTypes } from './node-types';
import type { EngineRun, RunNodeOptions } from './types';

/** Installed community nodes are typed `<package name>.<description.name>`. */
const PACKAGE_NAME = 'n8n-nodes-push-gateways';
const TRIGGER_NAME = 'Manual Trigger';
const ITEMS_NAME = 'Items';

/** Used when a test passes `credentialId` without its own store. */
const fileCredentialStore = createCredentialStore();

function buildNodes(
	options: RunNodeOptions,
	typeName: string,
	nodeName: string,
	credentialId: string,
): INode[] {
	const description = NodeHelpers.getVersionedNodeType(
		options.nodeType,
		options.typeVersion,
	).description;
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	const underTest: INode = {
		id: options.nodeId ?? randomUUID(),
		name: nodeName,
		type: typeName,
		typeVersion: options.typeVersion ?? Math.max(...versions),
		position: [440, 0],
		parameters: structuredClone(options.parameters),
	};
	if (options.credentials) {
		const { name } = options.credentials.type;
		underTest.credentials = { [name]: { id: credentialId, name: `${name} ${credentialId}` } };
	}
	for (const { type } of options.moreCredentials ?? []) {
		const id = `${credentialId}-${type.name}`;
		underTest.credentials = { ...underTest.credentials, [type.name]: { id, name: type.name } };
	}
	if (options.onError) underTest.onError = options.onError;
	if (options.retryOnFail) {
		underTest.retryOnFail = true;
		underTest.maxTries = options.retryOnFail.maxTries;
		underTest.waitBetweenTries = options.retryOnFail.waitBetweenTries;
	}
	const items = JSON.stringify(options.items ?? [{}]);
	const harnessNode = (
		name: string,
		type: string,
		x: number,
		parameters: INodeParameters,
	): INode => ({
		id: randomUUID(),
		name,
		type,
		typeVersion: 1,
		position: [x, 0],
		parameters,
	});
	return [
		harnessNode(TRIGGER_NAME, HARNESS_TRIGGER_TYPE, 0, {}),
		harnessNode(ITEMS_NAME, HARNESS_ITEMS_TYPE, 220, { items }),
		underTest,
	];
}

function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

export async function runNode(options: RunNodeOptions): Promise<EngineRun> {
	const description = NodeHelpers.getVersionedNodeType(
		options.nodeType,
		options.typeVersion,
	).description;
	const nodeName = options.nodeName ?? description.defaults.name ?? description.displayName;
	const typeName = `${PACKAGE_NAME}.${description.name}`;
	const nodeTypes = new HarnessNodeTypes(typeName, options.nodeType);

	const store: CredentialStore =
		options.credentialStore ??
		(options.credentialId ? fileCredentialStore : createCredentialStore());
	const credentialId = options.credentialId ?? randomUUID();
	const credentialType = options.credentials?.type;
	if (options.credentials)
		store.seed(credentialId, options.credentials.type.name, options.credentials.data);
	for (const { type, data } of options.moreCredentials ?? [])
		store.seed(`${credentialId}-${type.name}`, type.name, data);
	const credentialsHelper = new HarnessCredentialsHelper(
		store,
		[
			...(credentialType ? [credentialType] : []),
			...(options.moreCredentials ?? []).map(({ type }) => type),
		],
		nodeTypes,
	);

	const workflowData: IWorkflowBase = {
		id: options.workflowId ?? randomUUID().slice(0, 16),
		name: `engine harness: ${nodeName}`,
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: buildNodes(options, typeName, nodeName, credentialId),
		connections: chain(TRIGGER_NAME, ITEMS_NAME, nodeName),
		settings: { executionOrder: 'v1' },
	};
	// Workflow mutates the node objects (fills parameter defaults), so hand it copies.
	const workflow = new Workflow({
		...workflowData,
		nodes: structuredClone(workflowData.nodes),
		nodeTypes,
	});
	const additionalData = createAdditionalData(
		credentialsHelper,
		workflowData,
		options.executionId ?? randomUUID(),
	);

	const startNode = workflow.getNode(TRIGGER_NAME) ?? undefined;
	const run = options.retryOf
		? await new WorkflowExecute(
				additionalData,
				'retry',
				createRunExecutionData({
					executionData: {
						nodeExecutionStack: [
							{ node: startNode!, data: { main: [[{ json: {} }]] }, source: null },
						],
					},
					resultData: { runData: {}, metadata: { ...options.retryOf.customData } },
				}),
			).processRunExecutionData(workflow)
		: await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });

	const { runData, error } = run.data.resultData;
	const lastTask = runData[nodeName]?.at(-1);
	return {
		outputs: (lastTask?.data?.main ?? []).map((output) => output ?? []),
		error,
		runData,
		credentialData: credentialType ? await store.read(credentialId, credentialType.name) : {},
		preAuthenticationCalls: credentialsHelper.preAuthenticationCalls,
		run,
	};
}
