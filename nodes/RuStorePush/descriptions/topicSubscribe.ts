import type { INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildSubscribeBody } from '../hooks/buildRequests';
import { readRuStoreTopicsAnswer, subscribePlan } from '../hooks/readResponses';

export const topicSubscribeOperation: INodePropertyOptions = {
	name: 'Subscribe',
	value: 'subscribe',
	action: 'Subscribe devices to a topic',
	description: 'Subscribe push tokens to a topic; each token gets its own result',
	routing: pushRouting({
		profile: ruStoreProfile,
		build: buildSubscribeBody,
		plan: subscribePlan,
		read: readRuStoreTopicsAnswer,
	}),
};
