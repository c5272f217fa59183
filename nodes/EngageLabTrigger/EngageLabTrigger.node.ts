import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { manualUrlWebhookMethods, RECEIPT_STATUSES } from '../shared/receipts';
import { callbackItems } from './rows';
import { verifyCallbackId } from './signature';

export class EngageLabTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EngageLab Trigger',
		name: 'engageLabTrigger',
		icon: { light: 'file:../../icons/engagelab.svg', dark: 'file:../../icons/engagelab.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Delivery callbacks',
		description:
			"Starts the workflow on EngageLab's delivery callbacks (sent, delivered, clicked…)",
		defaults: { name: 'EngageLab Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'engageLabCallbackApi',
				required: true,
				testedBy: 'engageLabCallbackSecret',
				// Always shown: n8n 1.x hides a parameter that a credential's display depends on, and the
				// Verify Signature switch must stay in view.
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"Paste this node's Production URL into EngageLab's callback settings (console → App Settings → Callback Settings, or ask EngageLab support), then publish the workflow. EngageLab checks the URL with an echostr request, which this node answers.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to check the X-CALLBACK-ID signature and refuse (401) any call without a valid one. Warning: when off, anyone who knows the URL can start this workflow with made-up events.',
			},
			{
				displayName: 'Timestamp Window (Seconds)',
				name: 'windowSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description:
					"How far the signed timestamp may be from n8n's clock. Widen it if EngageLab's retries (up to 5, over about 1.5 hours) arrive with their first timestamp.",
				displayOptions: { show: { verifySignature: [true] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [...RECEIPT_STATUSES],
				default: [],
				description:
					'Pass only events of these kinds (the status field of each item). None chosen: all events.',
			},
		],
	};

	methods = {
		credentialTest: {
			// Nothing to call: EngageLab offers no endpoint to check a callback secret against.
			async engageLabCallbackSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.callbackSecret ?? '');
				return secret.trim()
					? { status: 'OK', message: 'The secret is set; EngageLab signs each callback with it' }
					: { status: 'Error', message: 'Callback Secret is empty' };
			},
		},
	};

	// The URL is entered by a person in EngageLab's console: nothing to register or remove.
	webhookMethods = manualUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = this.getBodyData() as IDataObject;
		const res = this.getResponseObject();

		// The URL check when it is saved: the raw value back, as text.
		const echostr = body?.echostr;
		if ((typeof echostr === 'string' || typeof echostr === 'number') && !Array.isArray(body.rows)) {
			res.status(200).type('text/plain').send(String(echostr)).end();
			return { noWebhookResponse: true };
		}

		if (this.getNodeParameter('verifySignature', true) as boolean) {
			const credentials = await this.getCredentials('engageLabCallbackApi');
			const verdict = verifyCallbackId({
				header: this.getHeaderData()['x-callback-id'],
				secret: String(credentials.callbackSecret ?? ''),
				username: String(credentials.username ?? '').trim() || undefined,
				windowSeconds: this.getNodeParameter('windowSeconds', 300) as number,
				nowMs: Date.now(),
			});
			if (!verdict.ok) {
				this.logger.warn(
					`EngageLab Trigger answered 401 to a callback: X-CALLBACK-ID ${verdict.reason}`,
				);
				res.status(401).json({ code: 401, message: 'Invalid X-CALLBACK-ID signature' }).end();
				return { noWebhookResponse: true };
			}
		}

		const events = this.getNodeParameter('events', []) as string[];
		const items = callbackItems(body).filter(
			(item) => events.length === 0 || events.includes(String(item.status)),
		);
		// Answered 200 either way, so EngageLab does not retry events the filter left out.
		if (items.length === 0) return { webhookResponse: { message: 'No event passed the filter' } };
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
