import type { INodePropertyOptions } from 'n8n-workflow';

import { deliver } from '../../shared/delivery';
import { buildMembershipBody } from '../hooks/buildRequests';
import { readRuStoreAnswer, unsubscribePlan } from '../hooks/readResponses';
import { topicRequest, topicUrl } from './topicFields';

export const topicUnsubscribeOperation: INodePropertyOptions = {
	name: 'Unsubscribe',
	value: 'unsubscribe',
	action: 'Unsubscribe devices from a topic',
	description: 'Unsubscribe push tokens from a topic; each token gets its own result',
	routing: {
		request: { ...topicRequest, method: 'POST', url: topicUrl('batch_unsubscribe') },
		send: { preSend: [buildMembershipBody], paginate: true },
		operations: { pagination: deliver(unsubscribePlan) },
		output: { postReceive: [readRuStoreAnswer] },
	},
};
