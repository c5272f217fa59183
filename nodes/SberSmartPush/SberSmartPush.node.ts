import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryOptions } from '../shared/delivery';
import { perItemHints } from '../shared/hints';
import { callbackField, sberCallbackSecret } from './callback';
import { commonFields, requestOptionsField } from './descriptions/commonFields';
import { sendExtendedFields, sendExtendedOperation } from './descriptions/sendExtended';
import { sendLiteFields, sendLiteOperation } from './descriptions/sendLite';
import { sberProfile } from './profile';

export class SberSmartPush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sber SmartPush',
		name: 'sberSmartPush',
		icon: { light: 'file:../../icons/sber.svg', dark: 'file:../../icons/sber.dark.svg' },
		group: ['output'],
		// 1: 0.1.0's Send (Lite) variables as name/value rows, kept for the workflows saved with them;
		// 1.1: JSON, as in each Extended destination.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SmartPush notifications to Salut app users and Sber devices',
		defaults: { name: 'Sber SmartPush' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		hints: perItemHints.sber,
		// With a second credential n8n's routing picks its own by the "authentication" parameter.
		credentials: [
			{
				name: 'sberSmartPushApi',
				required: true,
				displayOptions: { show: { authentication: ['sberSmartPushApi'] } },
			},
			// Read by the callback's preSend (callback.ts), when Callback is its credential.
			{
				name: 'sberSmartPushCallbackApi',
				required: true,
				testedBy: 'sberCallbackSecret',
				displayOptions: { show: { callback: ['credential'] } },
			},
		],
		// No ignoreHttpStatusErrors: n8n must see a 401 to fetch a new token and send again.
		requestDefaults: {
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'hidden',
				default: 'sberSmartPushApi',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Push', value: 'push' }],
				default: 'push',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['push'] } },
				options: [sendLiteOperation, sendExtendedOperation],
				default: 'sendLite',
			},
			// Here, so the editor keeps the credentials at the top: it shows them above the first field a
			// credential depends on (this one).
			callbackField,
			...commonFields,
			...sendLiteFields,
			...sendExtendedFields,
			requestOptionsField,
			deliveryOptions(sberProfile.defaultRequestsPerSecond, { resource: ['push'] }),
		],
	};

	methods = { credentialTest: { sberCallbackSecret } };
}
