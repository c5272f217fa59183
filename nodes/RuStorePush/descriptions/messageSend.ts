import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildSendBody } from '../hooks/buildRequests';
import { readRuStoreAnswer, sendPlan } from '../hooks/readResponses';

export const messageSendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a push to a device',
	description: 'Send a push notification to one device by its push token',
	routing: pushRouting({
		profile: ruStoreProfile,
		build: buildSendBody,
		plan: sendPlan,
		read: readRuStoreAnswer,
	}),
};

export const messageSendFields: INodeProperties[] = [
	{
		displayName: 'Push Token',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		description: 'The push token the RuStore SDK gave the app on the device',
		displayOptions: { show: { resource: ['message'], operation: ['send'] } },
	},
];
