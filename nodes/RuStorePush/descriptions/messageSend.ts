import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { allItemsValid, deliver } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildSendBody } from '../hooks/buildRequests';
import { readRuStoreAnswer, sendPlan } from '../hooks/readResponses';

export const messageSendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a push to a device',
	description: 'Send a push notification to one device by its push token',
	routing: {
		// The URL comes from the credential in the preSend (once per run, not an expression per item).
		request: { method: 'POST' },
		send: { preSend: [allItemsValid(buildSendBody)], paginate: true },
		operations: { pagination: deliver(ruStoreProfile, sendPlan) },
		output: { postReceive: [readRuStoreAnswer] },
	},
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
