import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryOptions } from '../shared/delivery';
import { messageFields, tokenFields, topicField } from './descriptions/universalFields';
import {
	universalSendOperation,
	universalSendToTopicOperation,
} from './descriptions/universalSend';
import { ruStoreUniversalProfile } from './profile';

/**
 * RuStore universal push: one request to RuStore, FCM and HMS devices of apps built on RuStore's
 * universal push SDK. A node of its own, not a resource of RuStore Push: another host, credentials
 * in the body instead of a header, and an app uses either SDK, never both (README, "RuStore").
 */
export class RuStoreUniversalPush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RuStore Universal Push',
		name: 'ruStoreUniversalPush',
		icon: { light: 'file:../../icons/rustore.svg', dark: 'file:../../icons/rustore.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send push notifications to RuStore, FCM and HMS devices of apps on the RuStore universal push SDK',
		defaults: { name: 'RuStore Universal Push' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ruStoreUniversalApi', required: true }],
		requestDefaults: {
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			// Every answer reaches the operation's reader, which reads the aggregate answer per provider.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Universal', value: 'universal' }],
				default: 'universal',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['universal'] } },
				options: [universalSendOperation, universalSendToTopicOperation],
				default: 'send',
			},
			...tokenFields,
			topicField,
			...messageFields,
			deliveryOptions(
				ruStoreUniversalProfile.defaultRequestsPerSecond,
				{ resource: ['universal'] },
				[],
				'unpublished',
			),
		],
	};
}
