import type { INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { buildGroupPushBody, buildPushBody, buildValidateBody } from '../hooks/buildRequests';
import {
	groupPushPlan,
	pushPlan,
	readEngageLabAnswer,
	readEngageLabGroupAnswer,
	validatePlan,
} from '../hooks/readResponses';
import { engageLabGroupProfile, engageLabProfile } from '../profile';

export const pushSendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a push to devices',
	description: 'Send a push to everyone, or to devices, tags, aliases or a segment',
	routing: pushRouting({
		profile: engageLabProfile,
		build: buildPushBody,
		plan: pushPlan,
		read: readEngageLabAnswer,
	}),
};

export const pushValidateOperation: INodePropertyOptions = {
	name: 'Validate',
	value: 'validate',
	action: 'Validate a push without sending it',
	description:
		'Check a push with EngageLab without delivering it: a dry run while building a workflow',
	routing: pushRouting({
		profile: engageLabProfile,
		build: buildValidateBody,
		plan: validatePlan,
		read: readEngageLabAnswer,
	}),
};

// Its own value, not "send": n8n's node panel keys actions by operation value, across resources.
export const groupPushSendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'sendToGroup',
	action: 'Send a push to all apps of a group',
	description: 'Send one push to every app of an EngageLab app group; each app gets its own result',
	routing: pushRouting({
		profile: engageLabGroupProfile,
		build: buildGroupPushBody,
		plan: groupPushPlan,
		read: readEngageLabGroupAnswer,
	}),
};
