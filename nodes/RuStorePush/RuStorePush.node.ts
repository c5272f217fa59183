import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryOptions } from '../shared/delivery';
import { perItemHints } from '../shared/hints';
import { messageFields } from './descriptions/messageFields';
import { messageSendFields, messageSendOperation } from './descriptions/messageSend';
import { messageSendManyFields, messageSendManyOperation } from './descriptions/messageSendMany';
import { topicFields } from './descriptions/topicFields';
import { topicPublishOperation } from './descriptions/topicPublish';
import { topicSubscribeOperation } from './descriptions/topicSubscribe';
import { topicUnsubscribeOperation } from './descriptions/topicUnsubscribe';
import { ruStoreProfile } from './profile';

/**
 * RuStore Push (VK). Declarative: each operation's routing names its request, its preSend builder
 * (fields → validated body), the shared delivery hook, and the answer reader (see descriptions/).
 */
export class RuStorePush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RuStore Push',
		name: 'ruStorePush',
		icon: { light: 'file:../../icons/rustore.svg', dark: 'file:../../icons/rustore.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send push notifications to Android devices through RuStore Push (VK)',
		defaults: { name: 'RuStore Push' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		hints: perItemHints.ruStore,
		credentials: [{ name: 'ruStorePushApi', required: true }],
		requestDefaults: {
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			// Every answer reaches the operation's reader, which maps RuStore's errors to clear messages.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Message', value: 'message' },
					{ name: 'Topic', value: 'topic' },
				],
				default: 'message',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['message'] } },
				options: [messageSendOperation, messageSendManyOperation],
				default: 'send',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['topic'] } },
				options: [topicPublishOperation, topicSubscribeOperation, topicUnsubscribeOperation],
				default: 'publish',
			},
			...messageSendFields,
			...messageSendManyFields,
			...topicFields,
			...messageFields,
			deliveryOptions(ruStoreProfile.defaultRequestsPerSecond, { resource: ['message', 'topic'] }, [
				'sendMany',
				'subscribe',
				'unsubscribe',
			]),
		],
	};
}
