/**
 * Runs a credential's `test` request the way n8n 2.41's CredentialsTester does
 * (.cache/n8n/node_modules/n8n/dist/services/credentials-tester.service.js, `testCredentials`):
 * a copy of a node that uses the credential, whose only property routes the test request, run by
 * RoutingNode; `responseCode` rules are matched against the status of a thrown error, any other
 * non-2xx fails, and `responseSuccessBody` rules are checked on a successful answer.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';

import { runNode } from './run-node';

const get = (value: unknown, path: string): unknown =>
	path
		.split('.')
		.reduce<unknown>(
			(current, key) => (current as Record<string, unknown> | undefined)?.[key],
			value,
		);

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export async function testCredential(
	credentialType: ICredentialType,
	nodeUsingIt: INodeType,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const testRequest = credentialType.test;
	if (!testRequest) throw new Error(`${credentialType.name} has no test request`);
	const nodeTypeCopy: INodeType = {
		description: {
			...nodeUsingIt.description,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const run = await runNode({
		nodeType: nodeTypeCopy,
		parameters: {},
		credentials: { type: credentialType, data },
	});
	if (run.error) {
		const error = run.error as unknown as {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
			httpCode?: string;
			message: string;
		};
		// The tester reads the axios response on `cause`; an error that went through WorkflowExecute keeps
		// only its `httpCode`, which carries the same status.
		const status = Number(error.httpCode);
		const response =
			error.cause?.response ??
			(Number.isInteger(status) && status > 0 ? { status, statusText: undefined } : undefined);
		if (response) {
			const rule = testRequest.rules?.find(
				(candidate) =>
					candidate.type === 'responseCode' && candidate.properties.value === response.status,
			);
			if (rule) return { status: 'Error', message: String(rule.properties.message) };
			if (response.status < 199 || response.status > 299) {
				return {
					status: 'Error',
					message: response.statusText || `Received HTTP status code: ${response.status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (get(run.outputs[0]?.[0]?.json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
