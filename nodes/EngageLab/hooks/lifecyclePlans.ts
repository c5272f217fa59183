import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { answerReader, asObject, type ProviderAnswer } from '../../shared/answers';
import type { DeliveryPlan, Outcome } from '../../shared/delivery';
import { toStringList } from '../../shared/lists';
import type { ProviderFailure } from '../../shared/providerError';
import { engageLabAnswerFailure } from '../errors';
import {
	MAX_IDS_PER_DEVICE_STATUS,
	MAX_IDS_PER_REPORT,
	MAX_TAGS_PER_COUNT,
} from '../lifecycleSchema';
import { flattenReport } from '../report';

/**
 * How each operation after a send is delivered and read. Reads, and writes that land on the same
 * state when repeated (set tags, delete), are retried after a lost answer; creating a task and a
 * recall are not: either may have been taken.
 */

const param = (context: IExecuteSingleFunctions, name: string) =>
	String(context.getNodeParameter(name, '') ?? '').trim();

const done = (json: IDataObject): Outcome[] => [{ status: 'sent', json }];

function missing(meaning: string, action: string, code: string): ProviderFailure {
	return { provider: 'EngageLab', httpStatus: 200, code, meaning, action, status: 'rejected' };
}

/** Message → Get Report: one item per message id, in calls of at most 100 ids. */
export const reportPlan: DeliveryPlan = {
	fanOut: {
		in: 'qs',
		listPath: 'message_ids',
		recipientField: 'msgId',
		maxPerRequest: () => MAX_IDS_PER_REPORT,
	},
	accepted: (_context, response, ids = []) =>
		ids.map((msgId) =>
			response[msgId] === undefined
				? {
						status: 'rejected',
						json: { msgId },
						failure: missing(
							'No statistics for this message id',
							'Check the id: EngageLab keeps statistics for about a month, and only for messages of this app.',
							'no_statistics',
						),
					}
				: { status: 'sent', json: flattenReport(msgId, response[msgId]) },
		),
	idempotent: () => true,
};

/** Message → Get Device Status: one item per registration id. */
export const deviceStatusPlan: DeliveryPlan = {
	commonFields: (context) => ({ msgId: param(context, 'messageId') }),
	fanOut: {
		in: 'qs',
		listPath: 'registration_ids',
		recipientField: 'registrationId',
		maxPerRequest: () => MAX_IDS_PER_DEVICE_STATUS,
	},
	accepted: (_context, response, ids = []) =>
		ids.map((registrationId) => {
			const entry = response[registrationId];
			if (entry === undefined)
				return {
					status: 'rejected',
					json: { registrationId },
					failure: missing(
						'No status for this registration id',
						'The message was not addressed to this device, or its record has expired.',
						'no_status',
					),
				};
			// A status text ("delivered", "failed") in the SDKs (provider-docs: deviceStatus); the
			// full list is not published, so the value is passed on as sent, with the raw entry.
			const { status, error_message: errorMessage } = asObject(entry);
			return {
				status: 'sent',
				json: {
					registrationId,
					deliveryStatus: (status ?? entry) as IDataObject[string],
					...(errorMessage ? { errorMessage } : {}),
					raw: entry as IDataObject[string],
				},
			};
		}),
	idempotent: () => true,
};

/** Message → Recall: taken at most once, so a lost answer is reported, never repeated. */
export const recallPlan: DeliveryPlan = {
	commonFields: (context) => ({ msgId: param(context, 'messageId') }),
	accepted: (_context, response) =>
		done({
			recalled: true,
			...(response.request_id ? { requestId: response.request_id } : {}),
		}),
	idempotent: () => false,
};

const RECALL_LIMITS =
	'EngageLab recalls a message only within one day of sending it, and only once; the id must be a message of this app.';

/** A refused recall says why EngageLab refuses recalls (its answer only says "invalid parameter"). */
export const readRecallAnswer = answerReader((answer: ProviderAnswer) => {
	const failure = engageLabAnswerFailure(answer);
	if (!failure || failure.status !== 'rejected' || failure.refusesCredential) return failure;
	return {
		...failure,
		meaning: 'The message cannot be recalled: unknown id, older than one day, or already recalled',
		action: `${RECALL_LIMITS} Check the message id; a recall that is refused changes nothing.`,
	};
});

export const readLifecycleAnswer = answerReader(engageLabAnswerFailure);

const scheduleId = (context: IExecuteSingleFunctions) => ({
	scheduleId: param(context, 'scheduleId'),
});

/** A task as EngageLab returns it, with its id under the name the other operations use. */
function taskFields(task: IDataObject): IDataObject {
	const { schedule_id: id, ...rest } = task;
	return { ...(id !== undefined ? { scheduleId: String(id) } : {}), ...rest };
}

/** Creating a task twice would send its pushes twice: a lost answer is reported, not retried. */
export const scheduleCreatePlan: DeliveryPlan = {
	accepted: (_context, response) => done(taskFields(response)),
	idempotent: () => false,
};

/**
 * Schedule → Get: EngageLab's SDKs read the answer as a list of tasks (provider-docs: scheduleGet),
 * which no page confirms: one item per task of a list, or the one task of an object, each with the
 * raw answer so that a user sees what EngageLab said. An empty list is no task.
 */
export const scheduleGetPlan: DeliveryPlan = {
	commonFields: scheduleId,
	accepted: (context, response): Outcome[] => {
		const raw = response as IDataObject | IDataObject[];
		const tasks: unknown[] = Array.isArray(raw) ? raw : [raw];
		if (tasks.length === 0)
			return [
				{
					status: 'rejected',
					json: { raw },
					failure: missing(
						'EngageLab returned no task for this schedule id',
						'Check the schedule id: tasks created in the console cannot be read through the API.',
						'no_schedule',
					),
				},
			];
		return tasks.map((task) => ({
			status: 'sent',
			json: { ...scheduleId(context), ...taskFields(asObject(task)), raw },
		}));
	},
	idempotent: () => true,
};

/** PUT replaces the task with the same fields: repeating it lands on the same task. */
export const scheduleUpdatePlan: DeliveryPlan = {
	commonFields: scheduleId,
	accepted: (_context, response) => done(taskFields(response)),
	idempotent: () => true,
};

export const scheduleDeletePlan: DeliveryPlan = {
	commonFields: scheduleId,
	accepted: () => done({ deleted: true }),
	idempotent: () => true,
};

/** One item per task of the page, each with the page's numbers. */
export const scheduleListPlan: DeliveryPlan = {
	accepted: (_context, response) => {
		const { schedules, ...page } = response;
		const pageFields: IDataObject = {};
		for (const [key, value] of Object.entries(page))
			pageFields[key.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase())] = value;
		return (Array.isArray(schedules) ? schedules : []).map((task) => ({
			status: 'sent',
			json: { ...taskFields(asObject(task)), ...pageFields },
		}));
	},
	idempotent: () => true,
};

const registrationId = (context: IExecuteSingleFunctions) => ({
	registrationId: param(context, 'registrationId'),
});

export const deviceGetPlan: DeliveryPlan = {
	commonFields: registrationId,
	accepted: (_context, response) =>
		done({
			...response,
			tags: Array.isArray(response.tags) ? response.tags : [],
			alias: response.alias ?? '',
		}),
	idempotent: () => true,
};

/** Tags are a set and the alias one value: sending the same update again changes nothing more. */
export const deviceUpdatePlan: DeliveryPlan = {
	commonFields: (context, body) => ({ ...registrationId(context), ...changesOf(body) }),
	accepted: () => done({ updated: true }),
	idempotent: () => true,
};

function changesOf(body: IDataObject): IDataObject {
	const changes: IDataObject = {};
	const tags = body.tags;
	if (tags === '') changes.tagsRemoved = 'all';
	else if (tags && typeof tags === 'object') {
		const { add, remove } = tags as IDataObject;
		if (add) changes.tagsAdded = add;
		if (remove) changes.tagsRemoved = remove;
	}
	if (body.alias !== undefined) changes.alias = body.alias;
	return changes;
}

export const deviceDeletePlan: DeliveryPlan = {
	commonFields: registrationId,
	accepted: () => done({ deleted: true }),
	idempotent: () => true,
};

/** Tag counts: one item per tag, in calls of at most 1,000 tags. */
export const tagCountPlan: DeliveryPlan = {
	fanOut: {
		in: 'qs',
		listPath: 'tags',
		recipientField: 'tag',
		maxPerRequest: () => MAX_TAGS_PER_COUNT,
	},
	accepted: (_context, response, tags = []) => {
		const counts = asObject(response.tagsCount ?? response.tags_count);
		return tags.map((tag) => ({
			status: 'sent',
			json: { tag, count: Number(counts[tag] ?? 0) },
		}));
	},
	idempotent: () => true,
};

const tag = (context: IExecuteSingleFunctions) => ({ tag: param(context, 'tag') });

export const tagUpdatePlan: DeliveryPlan = {
	commonFields: (context, body) => {
		const ids = asObject(body.registration_ids);
		return {
			...tag(context),
			added: toStringList(ids.add).length,
			removed: toStringList(ids.remove).length,
		};
	},
	accepted: () => done({ updated: true }),
	idempotent: () => true,
};

export const tagDeletePlan: DeliveryPlan = {
	commonFields: tag,
	accepted: () => done({ deleted: true }),
	idempotent: () => true,
};

const alias = (context: IExecuteSingleFunctions) => ({ alias: param(context, 'alias') });

export const aliasGetPlan: DeliveryPlan = {
	commonFields: alias,
	accepted: (_context, response) =>
		done({
			registrationIds: Array.isArray(response.registration_ids) ? response.registration_ids : [],
		}),
	idempotent: () => true,
};

export const aliasDeletePlan: DeliveryPlan = {
	commonFields: alias,
	accepted: () => done({ deleted: true }),
	idempotent: () => true,
};
