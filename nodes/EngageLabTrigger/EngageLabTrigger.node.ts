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

import {
	isObject,
	manualUrlWebhookMethods,
	MAX_BODY_DEPTH,
	nestsDeeperThan,
	RECEIPT_STATUSES,
	refuse,
} from '../shared/receipts';
import { sharedCredentialRead } from '../shared/credentialReads';
import { callbackItems } from './rows';
import { verifyCallbackId } from './signature';

export class EngageLabTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EngageLab Trigger',
		name: 'engageLabTrigger',
		icon: { light: 'file:../../icons/engagelab.svg', dark: 'file:../../icons/engagelab.dark.svg' },
		group: ['trigger'],
		// Version 2 changes nothing the node does: n8n evaluates an expression for the Webhook node's old
		// binary option on every call to a version-1 start node (webhook-helpers parseRequestBody), the
		// costliest step of a call after the isolates. Saved version-1 workflows keep working as they are.
		version: [1, 2],
		defaultVersion: 2,
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
			// responseData '' (not n8n's default 'firstEntryJson'): the answer is the webhookResponse below.
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		],
		triggerPanel: {
			header: '',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click the 'execute step' button and post a callback to the Test URL: the execution shows up in this editor.<br /><br /><b>To receive EngageLab's callbacks</b>, publish the workflow first, then paste the Production URL into EngageLab's callback settings: EngageLab checks the URL when it is saved, and the Production URL answers only once the workflow is published. These executions show up in the <a data-key='executions'>executions list</a>, not in the editor.",
				active:
					"<b>While building your workflow</b>, click the 'execute step' button and post a callback to the Test URL: the execution shows up in this editor.<br /><br /><b>The workflow is published</b>: paste the Production URL into EngageLab's callback settings if you have not yet. Each callback starts an execution that shows up in the <a data-key='executions'>executions list</a>, not in the editor.",
			},
			activationHint:
				"Publish the workflow first, then paste the Production URL into EngageLab's callback settings (EngageLab checks the URL when it is saved).",
		},
		properties: [
			{
				displayName:
					"Publish the workflow first, then paste this node's Production URL into EngageLab's callback settings (console → App Settings → Callback Settings, or ask EngageLab support): EngageLab checks the URL with an echostr request when it is saved, and the Production URL answers only once the workflow is published.",
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
		const body: unknown = this.getBodyData();
		const verify = this.getNodeParameter('verifySignature', true) as boolean;
		const credentials = verify
			? await sharedCredentialRead(this, 'engageLabCallbackApi')
			: undefined;
		const secret = String(credentials?.callbackSecret ?? '');
		// An empty key signs nothing: anyone can compute its HMAC. Fail closed, even the URL check.
		if (verify && !secret.trim())
			return refuse(this, 401, UNSIGNED, "the credential's Callback Secret is empty");

		// The URL check when it is saved: the raw value back, as text, to a JSON request only.
		const echostr = echostrOf(body, this.getHeaderData()['content-type']);
		if (echostr !== undefined) {
			const res = this.getResponseObject();
			res.setHeader('X-Content-Type-Options', 'nosniff');
			res.status(200).type('text/plain').send(echostr).end();
			return { noWebhookResponse: true };
		}

		if (verify) {
			const verdict = verifyCallbackId({
				header: this.getHeaderData()['x-callback-id'],
				secret,
				username: String(credentials?.username ?? '').trim() || undefined,
				windowSeconds: this.getNodeParameter('windowSeconds', 300) as number,
				nowMs: Date.now(),
			});
			if (!verdict.ok) return refuse(this, 401, UNSIGNED, `X-CALLBACK-ID ${verdict.reason}`);
		}
		if (nestsDeeperThan(body, MAX_BODY_DEPTH))
			return refuse(this, 400, TOO_DEEP, `the body nests deeper than ${MAX_BODY_DEPTH} levels`);

		const events = this.getNodeParameter('events', []) as string[];
		const all = callbackItems(body);
		const items = all.filter((item) => events.length === 0 || events.includes(String(item.status)));
		// Answered 200 either way, so EngageLab does not retry events the filter left out.
		const answer = { received: all.length, passed: items.length };
		if (items.length === 0) return { webhookResponse: answer };
		return { workflowData: [this.helpers.returnJsonArray(items)], webhookResponse: answer };
	}
}

const UNSIGNED = 'Invalid X-CALLBACK-ID signature';
const TOO_DEEP = `The body nests deeper than ${MAX_BODY_DEPTH} levels`;

/** EngageLab's URL check `{ "echostr": … }` (no rows), sent as JSON; anything else is a callback. */
function echostrOf(body: unknown, contentType: unknown): string | undefined {
	if (!isObject(body) || Array.isArray(body.rows)) return undefined;
	if (typeof contentType !== 'string' || !/^application\/([\w.+-]+\+)?json\b/i.test(contentType))
		return undefined;
	const { echostr } = body;
	return typeof echostr === 'string' || typeof echostr === 'number' ? String(echostr) : undefined;
}
