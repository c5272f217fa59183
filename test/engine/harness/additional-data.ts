/**
 * A minimal real `IWorkflowExecuteAdditionalData`, shaped after `getBase` in n8n's
 * `packages/cli/src/workflow-execute-additional-data.ts`: the credentials helper, lifecycle hooks and
 * URLs are real; sub-workflows, task runners (Code node) and agents are not available in the harness and
 * fail loudly if a node reaches for them.
 */
import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import { UnexpectedError } from 'n8n-workflow';
import type {
	ICredentialsHelper,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

const BASE_URL = 'http://localhost:5678';

function unavailable(what: string): () => never {
	return () => {
		throw new UnexpectedError(`${what} is not available in the engine harness`);
	};
}

export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	workflowData: IWorkflowBase,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		executionId,
		workflowId: workflowData.id,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		variables: {},
		// No secrets manager attached: `$secrets` lookups find no provider, like an instance without any.
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unavailable('executeWorkflow (sub-workflows)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unavailable('startRunnerTask (task runners)'),
		logAiEvent: () => {},
	};
}
