import type { INodePropertyOptions } from 'n8n-workflow';

import { allItemsValid, deliver } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildSubscribeBody } from '../hooks/buildRequests';
import { readRuStoreAnswer, subscribePlan } from '../hooks/readResponses';

export const topicSubscribeOperation: INodePropertyOptions = {
	name: 'Subscribe',
	value: 'subscribe',
	action: 'Subscribe devices to a topic',
	description: 'Subscribe push tokens to a topic; each token gets its own result',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [allItemsValid(buildSubscribeBody)], paginate: true },
		operations: { pagination: deliver(ruStoreProfile, subscribePlan) },
		output: { postReceive: [readRuStoreAnswer] },
	},
};
