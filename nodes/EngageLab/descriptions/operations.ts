import type { INodePropertyOptions } from 'n8n-workflow';

import { allItemsValid, deliver } from '../../shared/delivery';
import { buildGroupPushBody, buildPushBody, buildValidateBody } from '../hooks/buildRequests';
import { groupPushPlan, pushPlan, readEngageLabAnswer, validatePlan } from '../hooks/readResponses';
import { engageLabGroupProfile, engageLabProfile } from '../profile';

export const pushSendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a push to devices',
	description: 'Send a push to everyone, or to devices, tags, aliases or a segment',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [allItemsValid(buildPushBody)], paginate: true },
		operations: { pagination: deliver(engageLabProfile, pushPlan) },
		output: { postReceive: [readEngageLabAnswer] },
	},
};

export const pushValidateOperation: INodePropertyOptions = {
	name: 'Validate',
	value: 'validate',
	action: 'Validate a push without sending it',
	description: 'Check a push with EngageLab without delivering it: a dry run while building a workflow',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [allItemsValid(buildValidateBody)], paginate: true },
		operations: { pagination: deliver(engageLabProfile, validatePlan) },
		output: { postReceive: [readEngageLabAnswer] },
	},
};

// Its own value, not "send": n8n's node panel keys actions by operation value, across resources.
export const groupPushSendOperation: INodePropertyOptions = {
	name: 'Send',
	value: 'sendToGroup',
	action: 'Send a push to all apps of a group',
	description: 'Send one push to every app of an EngageLab app group; each app gets its own result',
	routing: {
		request: { method: 'POST' },
		send: { preSend: [allItemsValid(buildGroupPushBody)], paginate: true },
		operations: { pagination: deliver(engageLabGroupProfile, groupPushPlan) },
		output: { postReceive: [readEngageLabAnswer] },
	},
};
