/** Public option and result types of `runNode`. */
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	IVersionedNodeType,
} from 'n8n-workflow';

import type { CredentialStore } from './credential-store';

export interface RunNodeOptions {
	/** A declarative node class instance, e.g. `new RuStore()`. */
	nodeType: INodeType | IVersionedNodeType;
	parameters: INodeParameters;
	/** `data` seeds the store under `credentialId`; if that id is already stored, the stored data wins. */
	credentials?: { type: ICredentialType; data: ICredentialDataDecryptedObject };
	/** Further credentials of the node (not its routing's), each stored and set on the node. */
	moreCredentials?: Array<{ type: ICredentialType; data: ICredentialDataDecryptedObject }>;
	/** Input items of the node under test (default: one empty item). */
	items?: IDataObject[];
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	nodeName?: string;
	/** Defaults to the node's latest version. */
	typeVersion?: number;
	/**
	 * Where credential data lives between runs. Default: a fresh store per run, or, when only
	 * `credentialId` is given, one store shared by the whole test file.
	 */
	credentialStore?: CredentialStore;
	/** Runs with the same store and id share (and persist into) one stored credential. */
	credentialId?: string;
	/**
	 * The same execution run again (as a queue worker re-runs one): the execution, workflow and node
	 * ids that are otherwise new for each run.
	 */
	executionId?: string;
	workflowId?: string;
	nodeId?: string;
	/**
	 * Run as n8n's "retry execution" does: mode `retry`, starting from the original execution's saved
	 * data, of which its custom data (`resultData.metadata`) is what a node can see.
	 */
	retryOf?: { customData: Record<string, string> };
}

export interface EngineRun {
	/** The node's outputs: `[main]`, or `[main, error]` with `continueErrorOutput`; `[]` if it failed. */
	outputs: INodeExecutionData[][];
	/** The workflow error (`run.data.resultData.error`) if the node failed. */
	error?: ExecutionBaseError;
	runData: IRunData;
	/** Stored (raw, decrypted) credential data after the run, preAuthentication updates included. */
	credentialData: ICredentialDataDecryptedObject;
	/** How often this run's credentials helper invoked the type's preAuthentication. */
	preAuthenticationCalls: number;
	/** The full IRun returned by WorkflowExecute, for anything not surfaced above. */
	run: IRun;
}
