import type { INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { ruStoreUniversalProfile } from '../profile';
import { buildUniversalSendBody, buildUniversalTopicBody } from '../hooks/buildRequests';
import {
	readUniversalAnswerItems,
	universalSendPlan,
	universalTopicPlan,
} from '../hooks/readResponses';

export const universalSendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a universal push to devices',
	description: 'Send one push to RuStore, FCM and HMS push tokens of apps on the universal SDK',
	routing: pushRouting({
		profile: ruStoreUniversalProfile,
		build: buildUniversalSendBody,
		plan: universalSendPlan,
		read: readUniversalAnswerItems,
	}),
};

export const universalSendToTopicOperation: INodePropertyOptions = {
	name: 'Send to Topic',
	value: 'sendToTopic',
	action: 'Send a universal push to a topic',
	description: 'Send one push to every device subscribed to a topic, on RuStore, FCM and HMS',
	routing: pushRouting({
		profile: ruStoreUniversalProfile,
		build: buildUniversalTopicBody,
		plan: universalTopicPlan,
		read: readUniversalAnswerItems,
	}),
};
