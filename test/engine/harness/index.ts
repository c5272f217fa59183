/**
 * Engine harness: runs a declarative node through n8n-core's real WorkflowExecute / RoutingNode, with
 * n8n's credential authentication and preAuthentication applied, against whatever HTTP server the test
 * starts. See run-node.ts (workflow), credentials-helper.ts (auth), credential-store.ts (persistence).
 */
import { removeUserFolderAfterAll } from './user-folder';

export { runNode } from './run-node';
export { CredentialStore, createCredentialStore } from './credential-store';
export type { EngineRun, RunNodeOptions } from './types';

removeUserFolderAfterAll();
export { testCredential, type CredentialTestResult } from './credential-test';
