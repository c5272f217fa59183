import type {
	ICredentialDataDecryptedObject,
	IExecuteData,
	IExecuteSingleFunctions,
} from 'n8n-workflow';

// Keyed by the node run's execute data, shared by its items only: one credential read per run,
// instead of one database read and decryption per item.
const cache = new WeakMap<IExecuteData, Promise<ICredentialDataDecryptedObject>>();

export async function credentialsForRun(
	context: IExecuteSingleFunctions,
	type: string,
): Promise<ICredentialDataDecryptedObject> {
	const key = context.getExecuteData();
	let credentials = cache.get(key);
	if (!credentials) {
		credentials = context.getCredentials(type);
		cache.set(key, credentials);
	}
	return await credentials;
}

/** A base URL from a credential, without trailing slashes, joined to a path. */
export function joinUrl(baseUrl: unknown, path: string): string {
	return `${String(baseUrl ?? '').replace(/\/+$/, '')}${path}`;
}
