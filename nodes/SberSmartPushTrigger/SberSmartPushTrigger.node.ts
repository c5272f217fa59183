import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { manualUrlWebhookMethods, sameSecret } from '../shared/receipts';
import { statusItems } from './statuses';

export class SberSmartPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sber SmartPush Trigger',
		name: 'sberSmartPushTrigger',
		icon: { light: 'file:../../icons/sber.svg', dark: 'file:../../icons/sber.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Delivery statuses',
		description: 'Starts the workflow on the delivery statuses Sber posts to a callback URL',
		defaults: { name: 'Sber SmartPush Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'sberSmartPushCallbackApi', required: true, testedBy: 'sberCallbackSecret' },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'status' }],
		properties: [
			{
				displayName:
					"Sber signs nothing, so the URL carries a secret: put this node's Production URL followed by ?secret=<the credential's URL Secret> in the Sber SmartPush node (Send (Extended) → Options → Callback URL), then publish this workflow",
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = {
		credentialTest: {
			// Nothing to call: the secret is only compared with the one in the callback URL.
			async sberCallbackSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.urlSecret ?? '');
				return secret.length >= 16
					? { status: 'OK', message: 'The secret is set' }
					: { status: 'Error', message: 'Use a URL Secret of at least 16 characters' };
			},
		},
	};

	// The URL is given to Sber with each send (the callbackUrl header): nothing to register or remove.
	webhookMethods = manualUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('sberSmartPushCallbackApi');
		const expected = String(credentials.urlSecret ?? '');
		const given = this.getQueryData() as { secret?: unknown };
		const secret = typeof given.secret === 'string' ? given.secret : '';
		if (!expected || !sameSecret(secret, expected)) {
			this.logger.warn('Sber SmartPush Trigger refused a call without the right URL secret');
			this.getResponseObject()
				.status(401)
				.json({ code: 401, message: 'Missing or wrong secret' })
				.end();
			return { noWebhookResponse: true };
		}
		return { workflowData: [this.helpers.returnJsonArray(statusItems(this.getBodyData()))] };
	}
}
