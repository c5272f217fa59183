import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryOptions } from '../shared/delivery';
import { perItemHints } from '../shared/hints';
import { audienceFields } from './descriptions/audienceFields';
import { contentFields } from './descriptions/contentFields';
import {
	groupPushSendOperation,
	pushSendOperation,
	pushValidateOperation,
} from './descriptions/operations';
import {
	bodyInputField,
	bodyJsonField,
	optionsField,
	productField,
} from './descriptions/optionsFields';
import { pushResources } from './descriptions/shown';
import { lifecycleFields } from './descriptions/lifecycleFields';
import { lifecycleOperations, lifecycleResourceValues } from './descriptions/lifecycleOperations';
import { engageLabLifecycleProfile, engageLabProfile } from './profile';

export class EngageLab implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EngageLab',
		name: 'engageLab',
		icon: { light: 'file:../../icons/engagelab.svg', dark: 'file:../../icons/engagelab.dark.svg' },
		group: ['output'],
		// 1: 0.1.0's parameters (Product, six recipient fields), kept for the workflows saved with them.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send app and web push notifications through EngageLab',
		defaults: { name: 'EngageLab' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		hints: perItemHints.engageLab,
		credentials: [
			{
				name: 'engageLabApi',
				required: true,
				displayOptions: { show: { authentication: ['app'] } },
			},
			{
				name: 'engageLabGroupApi',
				required: true,
				displayOptions: { show: { authentication: ['group'] } },
			},
		],
		requestDefaults: {
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			// Every answer reaches the operation's reader, which maps EngageLab's codes to clear messages.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Alias', value: 'alias', description: 'Aliases and their devices' },
					{ name: 'Device', value: 'device', description: "A device's tags and alias" },
					{
						name: 'Group Push',
						value: 'groupPush',
						description: 'All apps of an EngageLab app group at once, with its GroupKey',
					},
					{
						name: 'Message',
						value: 'message',
						description: 'Reports, recall and device status of a sent push',
					},
					{ name: 'Push', value: 'push', description: 'One app, with its AppKey' },
					{
						name: 'Schedule',
						value: 'schedule',
						description: 'Pushes EngageLab sends at set times',
					},
					{ name: 'Tag', value: 'tag', description: 'Tags and the devices they group' },
				],
				default: 'push',
			},
			// The resource decides the credential: n8n picks a declarative node's credential by its
			// "authentication" parameter, so each resource sets it (hidden), and one choice does both.
			// "hide", not "show": the editor hides every parameter an auth field is shown by, and the
			// resource dropdown must stay visible.
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'hidden',
				default: 'app',
				displayOptions: { hide: { resource: ['groupPush'] } },
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'hidden',
				default: 'group',
				displayOptions: { hide: { resource: ['push', ...lifecycleResourceValues] } },
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
				default: 'sendToGroup',
			},
			productField,
			bodyInputField,
			bodyJsonField,
			...audienceFields,
			...contentFields,
			optionsField,
			deliveryOptions(engageLabProfile.defaultRequestsPerSecond, { resource: pushResources }, [
				'send',
				'validate',
			]),
			...lifecycleOperations,
			...lifecycleFields(),
			deliveryOptions(
				engageLabLifecycleProfile.defaultRequestsPerSecond,
				{ resource: lifecycleResourceValues },
				['getReport', 'getDeviceStatus', 'countTags'],
				'unpublished',
			),
		],
	};
}
