import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

/**
 * How long one read of a trigger's credential serves the calls that follow it. n8n 2.x reads a
 * credential for a webhook by building a fresh expression isolate (CredentialsHelper
 * .applyDefaultsAndOverwrites): under a burst of callbacks that is the costliest step of the answer
 * (docs/performance.md, Trigger burst). A changed secret applies within this time.
 */
export const CREDENTIAL_REUSE_MS = 2_000;

// Bounded: one entry per workflow and credential read lately; the oldest goes first.
const MAX_ENTRIES = 1000;
const reads = new Map<string, { at: number; data: Promise<ICredentialDataDecryptedObject> }>();

/**
 * The node's credential of `type`, read once for the calls of one workflow that arrive within
 * CREDENTIAL_REUSE_MS of each other (calls arriving together share the read in flight). Keyed by
 * workflow and credential, so no workflow ever sees a read n8n made for another.
 */
export async function sharedCredentialRead(
	context: IWebhookFunctions,
	type: string,
): Promise<ICredentialDataDecryptedObject> {
	const credentialId = context.getNode().credentials?.[type]?.id;
	if (!credentialId) return await context.getCredentials(type);
	const key = `${context.getWorkflow().id ?? ''}:${type}:${credentialId}`;
	const now = Date.now();
	const earlier = reads.get(key);
	if (earlier && now - earlier.at >= 0 && now - earlier.at < CREDENTIAL_REUSE_MS)
		return await earlier.data;
	const data = context.getCredentials(type);
	reads.delete(key);
	reads.set(key, { at: now, data });
	if (reads.size > MAX_ENTRIES) reads.delete(reads.keys().next().value as string);
	// A failed read is not reused: the next call asks n8n again.
	data.catch(() => {
		if (reads.get(key)?.data === data) reads.delete(key);
	});
	return await data;
}
