import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildSendManyBody } from '../hooks/buildRequests';
import { readRuStoreAnswer, sendManyPlan } from '../hooks/readResponses';

export const messageSendManyOperation: INodePropertyOptions = {
	name: 'Send to Many',
	value: 'sendMany',
	action: 'Send a push to many devices',
	description:
		'Send the same push notification to a list of push tokens: one request per token (RuStore has no multicast), paced, with one result per token',
	routing: pushRouting({
		profile: ruStoreProfile,
		build: buildSendManyBody,
		plan: sendManyPlan,
		read: readRuStoreAnswer,
	}),
};

export const messageSendManyFields: INodeProperties[] = [
	{
		displayName: 'Push Tokens',
		name: 'recipients',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'token-1, token-2',
		description:
			'Push tokens, one per line or separated by commas, or an array from an expression (e.g. from an Aggregate node). Duplicates are sent once; each token gets its own output item.',
		displayOptions: { show: { resource: ['message'], operation: ['sendMany'] } },
	},
];
