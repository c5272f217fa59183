import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	IExecuteData,
	IExecuteSingleFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Where Sber posts a send's delivery statuses (the callbackUrl header). The Sber SmartPush Trigger
 * checks a secret in that URL's query, so the URL can be built at send time from the trigger's
 * Callback credential: a shared or exported workflow then holds no secret. A plain URL (Options →
 * Callback URL, as before) stays for other receivers, and is what saved workflows get by default.
 */

/** Listed in the node's credentials, shown when Callback is "credential"; n8n hands it to the preSend. */
export const CALLBACK_CREDENTIAL = 'sberSmartPushCallbackApi';

export const callbackField: INodeProperties = {
	displayName: 'Callback',
	name: 'callback',
	type: 'options',
	noDataExpression: true,
	// No displayOptions "show": the editor hides every parameter a credential's condition shows it by.
	options: [
		{
			name: 'Callback URL Option',
			value: 'url',
			description:
				'Options → Callback URL when it is set: a plain URL, for receivers other than the Sber SmartPush Trigger',
		},
		{ name: 'None', value: 'none', description: 'Sber posts no delivery statuses' },
		{
			name: 'Sber SmartPush Trigger (Callback Credential)',
			value: 'credential',
			description:
				"The credential's Trigger URL with its URL Secret, put together at send time: the workflow holds no secret",
		},
	],
	default: 'url',
	description: 'Where Sber posts the delivery statuses of each push',
};

// One credential read per node run, as runCredentials.ts does for the routing's credential.
const credentialReads = new WeakMap<IExecuteData, Promise<ICredentialDataDecryptedObject>>();

function callbackCredentialForRun(
	context: IExecuteSingleFunctions,
): Promise<ICredentialDataDecryptedObject> {
	const key = context.getExecuteData();
	let read = credentialReads.get(key);
	if (!read) {
		read = context.getCredentials(CALLBACK_CREDENTIAL);
		credentialReads.set(key, read);
	}
	return read;
}

function refuse(context: IExecuteSingleFunctions, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description,
	});
}

/** The trigger's URL with `?secret=`; errors name the credential's field, never its value. */
async function urlFromCredential(context: IExecuteSingleFunctions): Promise<string> {
	const credential = await callbackCredentialForRun(context);
	const triggerUrl = String(credential.triggerUrl ?? '').trim();
	const secret = String(credential.urlSecret ?? '');
	const fix =
		"Open the Sber SmartPush Callback credential and paste the Sber SmartPush Trigger's Production URL into Trigger URL.";
	if (!triggerUrl)
		refuse(context, 'Callback: the Sber SmartPush Callback credential has no Trigger URL', fix);
	let url: URL;
	try {
		url = new URL(triggerUrl);
	} catch {
		return refuse(
			context,
			"Callback: the credential's Trigger URL is not a URL (it must start with https:// or http://)",
			fix,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		refuse(
			context,
			"Callback: the credential's Trigger URL must start with https:// or http://",
			fix,
		);
	if (!secret.trim())
		refuse(
			context,
			'Callback: the Sber SmartPush Callback credential has no URL Secret',
			'Set the same URL Secret the Sber SmartPush Trigger uses.',
		);
	url.searchParams.set('secret', secret);
	return url.toString();
}

/** The callbackUrl header of a send, or undefined for none. */
export async function callbackUrlFor(
	context: IExecuteSingleFunctions,
): Promise<string | undefined> {
	const choice = context.getNodeParameter('callback', 'url') as string;
	if (choice === 'none') return undefined;
	if (choice === 'credential') return await urlFromCredential(context);
	const plain = String(context.getNodeParameter('options.callbackUrl', '') ?? '').trim();
	return plain || undefined;
}

function isHttpUrl(text: string): boolean {
	try {
		return ['https:', 'http:'].includes(new URL(text).protocol);
	} catch {
		return false;
	}
}

/**
 * The Sber SmartPush Callback credential's test (testedBy "sberCallbackSecret"): nothing to call, Sber
 * signs nothing; the secret is long enough and the Trigger URL, when set, is a URL.
 */
export async function sberCallbackSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = String(credential.data?.urlSecret ?? '');
	// A blank secret would let anyone call the trigger: the trigger refuses every call then.
	if (secret.trim().length < 16)
		return { status: 'Error', message: 'Use a URL Secret of at least 16 characters' };
	const triggerUrl = String(credential.data?.triggerUrl ?? '').trim();
	if (triggerUrl && !isHttpUrl(triggerUrl))
		return {
			status: 'Error',
			message: "The Trigger URL must be the trigger's Production URL (https://…)",
		};
	return { status: 'OK', message: 'The secret is set' };
}
