import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import type * as LifecyclePlans from '../../../nodes/EngageLab/hooks/lifecyclePlans';
import type * as ReadResponses from '../../../nodes/EngageLab/hooks/readResponses';
import type { DeliveryPlan } from '../../../nodes/shared/delivery';
import {
	engageLabAnswerFacts,
	engageLabLifecycleAnswers,
} from '../../fixtures/provider-docs/engagelab';
import type { AnswerFact } from '../../fixtures/provider-docs/facts';
import { unreachedBranches } from '../../fixtures/provider-docs/readerCoverage';

/**
 * Every branch of the EngageLab readers of a push's answer (readResponses.ts) and of the operations
 * after a send (lifecyclePlans.ts) is reached by a fact (test/fixtures/provider-docs/engagelab.ts),
 * save those listed with the reason no fact reaches them. The request planning in the same modules
 * (what a request holds, how it is split, whether it may be repeated) reads no answer: those
 * functions are named as not readers and not measured.
 */

const answered = engageLabAnswerFacts.filter((fact) => fact.answer);

function bodyOf(id: string): IDataObject {
	const fact = answered.find((candidate) => candidate.id === id);
	if (!fact) throw new Error(`no EngageLab answer fact ${id}`);
	return fact.answer!.body as IDataObject;
}

/** What a reader is handed: the node's context, read only for the parameters a request named. */
const context = {
	getNode: () => ({ name: 'EngageLab', type: 'n8n-nodes-push-gateways.engageLab' }),
	getItemIndex: () => 0,
	getNodeParameter: () => '',
} as unknown as IExecuteSingleFunctions;

const accept = (plan: DeliveryPlan, id: string, recipients?: string[]) =>
	plan.accepted(context, bodyOf(id), recipients);

/** A postReceive reader throws a refusal: each fact is read, and what it throws is its reading. */
async function readAll(
	reader: (this: IExecuteSingleFunctions, items: [], response: IN8nHttpFullResponse) => unknown,
	facts: AnswerFact[],
) {
	for (const fact of facts)
		await Promise.resolve(
			reader.call(context, [], {
				statusCode: fact.answer!.httpStatus,
				body: fact.answer!.body as IN8nHttpFullResponse['body'],
				headers: {},
			}),
		).catch((error: Error) => {
			// A refusal is its reading; anything else is the test's own fault.
			if (error.constructor.name !== 'NodeApiError') throw error;
		});
}

const READ_RESPONSES_PLANNING = [
	'cidOf',
	'cidField',
	'listPath',
	'maxPerRequest',
	'tagPart',
	'idempotent',
];
const READ_RESPONSES_WITHOUT_A_FACT = [
	// A group answer without group_msgid: the Go SDK's GroupPushResult and both group facts carry it.
	'accepted: ? undefined',
	'(anonymous): : {}',
];

it('the EngageLab push answer readers have no branch that no fact reaches', async () => {
	const unreached = await unreachedBranches<typeof ReadResponses>(
		'nodes/EngageLab/hooks/readResponses.ts',
		(readers) => {
			for (const id of ['engagelab.push.accepted', 'engagelab.push.multiLanguageAccepted'])
				for (const plan of [readers.pushPlan, readers.validatePlan]) {
					accept(plan, id);
					// A push to more than 1,000 registration ids is split: its items name their recipient.
					accept(plan, id, ['rid-1', 'rid-2']);
				}
			for (const id of ['engagelab.grouppush.accepted', 'engagelab.grouppush.partial'])
				accept(readers.groupPushPlan, id);
		},
		{ notReaders: READ_RESPONSES_PLANNING },
	);
	expect(unreached).toEqual(READ_RESPONSES_WITHOUT_A_FACT);
});

const LIFECYCLE_PLANNING = [
	'param',
	'commonFields',
	'idempotent',
	'scheduleId',
	'registrationId',
	'changesOf',
	'tag',
	'alias',
	'maxPerRequest',
];
const LIFECYCLE_WITHOUT_A_FACT = [
	// A device's entry that is the status itself, not {status}: the SDKs type it as an object.
	'(anonymous): ?? entry',
	// A task without schedule_id: every SDK type of a task (create, get, update, list) has one.
	'taskFields: : {}',
	// Schedule → Get answering one object, not a list: no source shows it (all three SDKs read a list);
	// kept because no page confirms the list (provider-docs: scheduleGet).
	'accepted: : [raw]',
	// A page without "schedules": the Go SDK's SchedulePushListResult always has the list.
	'accepted: : []',
	// tags_count: the Go SDK names the field tagsCount; the snake_case name is the rest of the API's habit.
	'accepted: ?? response.tags_count',
];

it('the EngageLab readers of the operations after a send have no branch that no fact reaches', async () => {
	const { deviceStatus } = engageLabLifecycleAnswers;
	const unreached = await unreachedBranches<typeof LifecyclePlans>(
		'nodes/EngageLab/hooks/lifecyclePlans.ts',
		async (plans) => {
			// Keyed answers (a fact's `variable` ending in *) may hold any of the keys asked for, so one
			// asked-for key is also missing from each (an id with no statistics, a device the message
			// did not reach, a tag with no devices).
			for (const id of ['engagelab.stats.app', 'engagelab.stats.web'])
				accept(plans.reportPlan, id, [...Object.keys(bodyOf(id)), 'msg-without-statistics']);
			accept(plans.deviceStatusPlan, 'engagelab.deviceStatus', [
				...deviceStatus.request.query.registration_ids.split(','),
				'rid-not-addressed',
			]);
			// The recall fact's request_id is variable: EngageLab may fill it or leave it empty.
			const recall = bodyOf('engagelab.recall.accepted');
			accept(plans.recallPlan, 'engagelab.recall.accepted');
			plans.recallPlan.accepted(context, { ...recall, request_id: 'req-1' });
			accept(plans.scheduleCreatePlan, 'engagelab.schedule.create');
			accept(plans.scheduleGetPlan, 'engagelab.schedule.get');
			// Its list of tasks is variable (any entries): an empty one is no task for this id.
			plans.scheduleGetPlan.accepted(context, [] as unknown as IDataObject);
			accept(plans.scheduleUpdatePlan, 'engagelab.schedule.update');
			accept(plans.scheduleListPlan, 'engagelab.schedule.list');
			accept(plans.deviceGetPlan, 'engagelab.device.get');
			accept(plans.deviceGetPlan, 'engagelab.device.getBare');
			accept(plans.tagCountPlan, 'engagelab.tagsCount', [
				...Object.keys(bodyOf('engagelab.tagsCount').tagsCount as object),
				'tag-without-devices',
			]);
			accept(plans.aliasGetPlan, 'engagelab.alias.get');
			accept(plans.aliasGetPlan, 'engagelab.alias.getBare');
			for (const plan of [
				plans.scheduleDeletePlan,
				plans.deviceUpdatePlan,
				plans.deviceDeletePlan,
				plans.tagUpdatePlan,
				plans.tagDeletePlan,
				plans.aliasDeletePlan,
			])
				accept(plan, 'engagelab.done');
			// Every EngageLab answer, refusals included, may answer a recall or any other operation.
			await readAll(plans.readRecallAnswer, answered);
			await readAll(plans.readLifecycleAnswer, answered);
		},
		{ notReaders: LIFECYCLE_PLANNING },
	);
	expect(unreached).toEqual(LIFECYCLE_WITHOUT_A_FACT);
});
