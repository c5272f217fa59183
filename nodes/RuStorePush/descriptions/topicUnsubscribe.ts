import type { INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { ruStoreProfile } from '../profile';
import { buildUnsubscribeBody } from '../hooks/buildRequests';
import { readRuStoreTopicsAnswer, unsubscribePlan } from '../hooks/readResponses';

export const topicUnsubscribeOperation: INodePropertyOptions = {
	name: 'Unsubscribe',
	value: 'unsubscribe',
	action: 'Unsubscribe devices from a topic',
	description: 'Unsubscribe push tokens from a topic; each token gets its own result',
	routing: pushRouting({
		profile: ruStoreProfile,
		build: buildUnsubscribeBody,
		plan: unsubscribePlan,
		read: readRuStoreTopicsAnswer,
	}),
};
