import type { INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildPublishBody } from '../hooks/buildRequests';
import { publishPlan, readRuStoreTopicsAnswer } from '../hooks/readResponses';

export const topicPublishOperation: INodePropertyOptions = {
	name: 'Publish',
	value: 'publish',
	action: 'Publish a push to a topic',
	description: 'Send a push notification to every device subscribed to a topic',
	routing: pushRouting({
		profile: ruStoreProfile,
		build: buildPublishBody,
		plan: publishPlan,
		read: readRuStoreTopicsAnswer,
	}),
};
