import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryOptions } from '../shared/delivery';
import { audienceFields } from './descriptions/audienceFields';
import { contentFields } from './descriptions/contentFields';
import { groupPushSendOperation, pushSendOperation, pushValidateOperation } from './descriptions/operations';
import { bodyInputField, bodyJsonField, optionsField } from './descriptions/optionsFields';
import { pushResources } from './descriptions/shown';
import { engageLabProfile } from './profile';

export class EngageLab implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EngageLab',
		name: 'engageLab',
		icon: { light: 'file:../../icons/engagelab.svg', dark: 'file:../../icons/engagelab.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send app and web push notifications through EngageLab',
		defaults: { name: 'EngageLab' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'engageLabApi', required: true, displayOptions: { show: { authentication: ['app'] } } },
			{ name: 'engageLabGroupApi', required: true, displayOptions: { show: { authentication: ['group'] } } },
		],
		requestDefaults: {
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			// Every answer reaches the operation's reader, which maps EngageLab's codes to clear messages.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Send As',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'One App (AppKey)', value: 'app' },
					{ name: 'App Group (GroupKey)', value: 'group', description: 'All apps of an EngageLab app group at once' },
				],
				default: 'app',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Push', value: 'push' }],
				default: 'push',
				displayOptions: { show: { authentication: ['app'] } },
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Group Push', value: 'groupPush' }],
				default: 'groupPush',
				displayOptions: { show: { authentication: ['group'] } },
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['push'] } },
				options: [pushSendOperation, pushValidateOperation],
				default: 'send',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['groupPush'] } },
				options: [groupPushSendOperation],
				default: 'send',
			},
			{
				displayName: 'Product',
				name: 'product',
				type: 'options',
				options: [
					{ name: 'App Push', value: 'appPush' },
					{ name: 'Web Push', value: 'webPush' },
				],
				default: 'appPush',
				description: 'Must match the credential; decides which fields are shown',
				displayOptions: { show: { resource: pushResources } },
			},
			bodyInputField,
			bodyJsonField,
			...audienceFields,
			...contentFields,
			optionsField,
			deliveryOptions(engageLabProfile.defaultRequestsPerSecond, { resource: pushResources }),
		],
	};
}
