import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { answerReader } from '../../shared/answers';
import type { DeliveryPlan, Outcome } from '../../shared/delivery';
import {
	engageLabAnswerFailure,
	engageLabGroupAnswerFailure,
	engageLabGroupFailure,
} from '../errors';
import { MAX_IDS_PER_PUSH } from '../schema';

/** postReceive: a 2xx answer passes on; any other becomes a NodeApiError saying what it means. */
export const readEngageLabAnswer = answerReader(engageLabAnswerFailure);
export const readEngageLabGroupAnswer = answerReader(engageLabGroupAnswerFailure);

function pushFields(response: IDataObject): IDataObject {
	const fields: IDataObject = {};
	if (response.msg_id !== undefined) fields.msgId = String(response.msg_id);
	if (response.request_id !== undefined && response.request_id !== '')
		fields.requestId = response.request_id;
	return fields;
}

function cidOf(body: IDataObject): string | undefined {
	const cid = ((body.body as IDataObject | undefined)?.options as IDataObject | undefined)?.cid;
	return typeof cid === 'string' ? cid : undefined;
}

function cidField(_context: IExecuteSingleFunctions, body: IDataObject): IDataObject {
	const cid = cidOf(body);
	return cid ? { cid } : {};
}

/** Registration ids (or else aliases) over 1,000 are split; each part gets its own idempotency key. */
const fanOut: DeliveryPlan['fanOut'] = {
	listPath: (body) => {
		const to = body.to as IDataObject | string | undefined;
		if (typeof to !== 'object' || to === null) return undefined;
		if (Array.isArray(to.registration_id)) return 'to.registration_id';
		return Array.isArray(to.alias) ? 'to.alias' : undefined;
	},
	recipientField: 'recipient',
	maxPerRequest: () => MAX_IDS_PER_PUSH,
	tagPart: (body, index, count) => {
		if (count === 1) return body;
		const inner = body.body as IDataObject;
		const options = (inner.options ?? {}) as IDataObject;
		// A cid is at most 64 characters; keep room for the part number.
		const cid =
			options.cid === undefined ? undefined : `${String(options.cid).slice(0, 58)}-p${index + 1}`;
		return { ...body, body: { ...inner, options: { ...options, ...(cid ? { cid } : {}) } } };
	},
};

export const pushPlan: DeliveryPlan = {
	commonFields: cidField,
	fanOut,
	accepted: (_context, response, recipients) =>
		recipients
			? recipients.map((recipient) => ({
					status: 'sent',
					json: { recipient, ...pushFields(response) },
				}))
			: [{ status: 'sent', json: pushFields(response) }],
	// EngageLab sends a cid only once per AppKey (doc 004, options.cid): a retry after a timeout or a
	// 5xx cannot deliver twice.
	idempotent: (requestData) => Boolean(cidOf((requestData.options.body ?? {}) as IDataObject)),
};

export const validatePlan: DeliveryPlan = {
	fanOut,
	accepted: (_context, response, recipients) =>
		recipients
			? recipients.map((recipient) => ({
					status: 'validated',
					json: { recipient, ...pushFields(response) },
				}))
			: [{ status: 'validated', json: pushFields(response) }],
	// Nothing is delivered by a validation, so trying again is always safe.
	idempotent: () => true,
};

/**
 * Group push: one output item per app of the group, each with its message id or its own error, whose
 * status is what the code means (21011 for one app is no device matched there, not a dead token).
 */
export const groupPushPlan: DeliveryPlan = {
	commonFields: cidField,
	accepted(_context, response): Outcome[] {
		const groupMsgId =
			response.group_msgid === undefined ? undefined : String(response.group_msgid);
		return Object.entries(response)
			.filter(
				([key, value]) => key !== 'group_msgid' && typeof value === 'object' && value !== null,
			)
			.map(([appKey, value]) => {
				const answer = value as IDataObject;
				const json = { appKey, ...pushFields(answer), ...(groupMsgId ? { groupMsgId } : {}) };
				if (answer.error === undefined) return { status: 'sent', json };
				const failure = engageLabGroupFailure({ statusCode: 200, body: answer, headers: {} });
				return { status: failure.status, json, failure };
			});
	},
	// No document says EngageLab de-duplicates a group push by its cid: one that may have been taken
	// (5xx, timeout, reset) is reported as unknown, never sent again.
	idempotent: () => false,
};
