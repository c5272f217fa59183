import type { INodePropertyOptions } from 'n8n-workflow';

import { allItemsValid, deliver } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildPublishBody } from '../hooks/buildRequests';
import { publishPlan, readRuStoreAnswer } from '../hooks/readResponses';

export const topicPublishOperation: INodePropertyOptions = {
	name: 'Publish',
	value: 'publish',
	action: 'Publish a push to a topic',
	description: 'Send a push notification to every device subscribed to a topic',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [allItemsValid(buildPublishBody)], paginate: true },
		operations: { pagination: deliver(ruStoreProfile, publishPlan) },
		output: { postReceive: [readRuStoreAnswer] },
	},
};
