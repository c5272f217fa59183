import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	manualUrlWebhookMethods,
	MAX_BODY_DEPTH,
	nestsDeeperThan,
	refuse,
	sameSecret,
} from '../shared/receipts';
import { sharedCredentialRead } from '../shared/credentialReads';
import { sberCallbackSecret } from '../SberSmartPush/callback';
import { statusItems } from './statuses';

export class SberSmartPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sber SmartPush Trigger',
		name: 'sberSmartPushTrigger',
		icon: { light: 'file:../../icons/sber.svg', dark: 'file:../../icons/sber.dark.svg' },
		group: ['trigger'],
		// Version 2 changes nothing the node does: n8n evaluates an expression for the Webhook node's old
		// binary option on every call to a version-1 start node (webhook-helpers parseRequestBody), the
		// costliest step of a call after the isolates. Saved version-1 workflows keep working as they are.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: 'Delivery statuses',
		description: 'Starts the workflow on the delivery statuses Sber posts to a callback URL',
		defaults: { name: 'Sber SmartPush Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'sberSmartPushCallbackApi', required: true, testedBy: 'sberCallbackSecret' },
		],
		webhooks: [
			// responseData '' (not n8n's default 'firstEntryJson'): the answer is the webhookResponse below.
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'status',
			},
		],
		triggerPanel: {
			header: '',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click the 'execute step' button and post a status to the Test URL followed by ?secret=&lt;the credential's URL Secret&gt;: the execution shows up in this editor.<br /><br /><b>To receive Sber's statuses</b>, publish the workflow first, then put the Production URL followed by ?secret=&lt;the URL Secret&gt; in the Sber SmartPush node (Send (Extended) → Options → Callback URL): the Production URL answers only once the workflow is published. These executions show up in the <a data-key='executions'>executions list</a>, not in the editor.",
				active:
					"<b>While building your workflow</b>, click the 'execute step' button and post a status to the Test URL followed by ?secret=&lt;the credential's URL Secret&gt;: the execution shows up in this editor.<br /><br /><b>The workflow is published</b>: each status Sber posts to the Production URL (with ?secret=&lt;the URL Secret&gt;) starts an execution that shows up in the <a data-key='executions'>executions list</a>, not in the editor.",
			},
			activationHint:
				"Publish the workflow first, then put the Production URL followed by ?secret=<the credential's URL Secret> in the Sber SmartPush node's Callback URL.",
		},
		properties: [
			{
				displayName:
					"Publish the workflow first, then put this node's Production URL followed by ?secret=<the credential's URL Secret> in the Sber SmartPush node (Send (Extended) → Options → Callback URL): the Production URL answers only once the workflow is published, and Sber signs nothing, so the URL carries the secret.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	// One test for the trigger and the send node that builds its URL from the same credential.
	methods = { credentialTest: { sberCallbackSecret } };

	// The URL is given to Sber with each send (the callbackUrl header): nothing to register or remove.
	webhookMethods = manualUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await sharedCredentialRead(this, 'sberSmartPushCallbackApi');
		const expected = String(credentials.urlSecret ?? '');
		const given = this.getQueryData() as { secret?: unknown };
		const secret = typeof given.secret === 'string' ? given.secret : '';
		// A blank URL Secret would let any caller in: fail closed.
		if (!expected.trim())
			return refuse(this, 401, WRONG_SECRET, "the credential's URL Secret is empty");
		if (!sameSecret(secret, expected))
			return refuse(this, 401, WRONG_SECRET, 'a call without the right URL secret');
		const body: unknown = this.getBodyData();
		if (nestsDeeperThan(body, MAX_BODY_DEPTH))
			return refuse(this, 400, TOO_DEEP, `the body nests deeper than ${MAX_BODY_DEPTH} levels`);
		const items = statusItems(body);
		const answer = { received: items.length };
		if (items.length === 0) return { webhookResponse: answer };
		return { workflowData: [this.helpers.returnJsonArray(items)], webhookResponse: answer };
	}
}

const WRONG_SECRET = 'Missing or wrong secret';
const TOO_DEEP = `The body nests deeper than ${MAX_BODY_DEPTH} levels`;
