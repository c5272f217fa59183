import type { INodePropertyOptions } from 'n8n-workflow';

import { allItemsValid, deliver } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildPublishBody } from '../hooks/buildRequests';
import { publishPlan, readRuStoreAnswer } from '../hooks/readResponses';
import { topicRequest, topicUrl } from './topicFields';

export const topicPublishOperation: INodePropertyOptions = {
	name: 'Publish',
	value: 'publish',
	action: 'Publish a push to a topic',
	description: 'Send a push notification to every device subscribed to a topic',
	routing: {
		request: { ...topicRequest, method: 'POST', url: topicUrl('publish') },
		send: { preSend: [allItemsValid(buildPublishBody)], paginate: true },
		operations: { pagination: deliver(ruStoreProfile, publishPlan) },
		output: { postReceive: [readRuStoreAnswer] },
	},
};
