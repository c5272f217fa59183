import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { toStringList } from '../../shared/lists';
import { compact } from '../../shared/parameters';
import { validateOrThrow } from '../../shared/validation';
import { lifecycleLabels, scheduleSchema } from '../lifecycleSchema';
import { build as buildPush } from './buildRequests';
import { appHost, idField } from './lifecycleRequests';

type Request = IHttpRequestOptions;

/** "2026-12-24T09:00:00" (the editor's date picker, no zone) as EngageLab writes it. */
function dateTimeOf(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?$/, '$1 $2');
}

function trigger(context: IExecuteSingleFunctions): IDataObject {
	const zoneType = Number(context.getNodeParameter('zoneType', 1));
	if (context.getNodeParameter('triggerType', 'single') === 'single')
		return {
			single: { time: dateTimeOf(context.getNodeParameter('time', '')), zone_type: zoneType },
		};
	const unit = String(context.getNodeParameter('timeUnit', 'day'));
	const point =
		unit === 'week'
			? (context.getNodeParameter('weekDays', []) as string[])
			: unit === 'month'
				? toStringList(context.getNodeParameter('monthDays', '')).map((day) => day.padStart(2, '0'))
				: undefined;
	return {
		periodical: compact({
			start: dateTimeOf(context.getNodeParameter('start', '')),
			end: dateTimeOf(context.getNodeParameter('end', '')),
			time: String(context.getNodeParameter('timeOfDay', '') ?? '').trim(),
			time_unit: unit,
			point,
			zone_type: zoneType,
		}),
	};
}

/**
 * A task: its name, trigger, and the push built by the same fields (or JSON) as Push → Send. A task
 * sends its push many times, so it gets no generated idempotency key (EngageLab would send a cid once).
 */
async function scheduleBody(
	context: IExecuteSingleFunctions,
	request: Request,
	path: string,
): Promise<Request> {
	const built = await buildPush(context, request, 'engageLabApi', path, false);
	const push = built.body as IDataObject;
	const inner = push.body as IDataObject;
	const options = (inner.options ?? {}) as IDataObject;
	if (typeof options.cid === 'string' && options.cid.startsWith('n8n-')) {
		const rest: IDataObject = { ...options };
		delete rest.cid;
		inner.options = rest;
	}
	const task = {
		name: String(context.getNodeParameter('scheduleName', '') ?? ''),
		enabled: context.getNodeParameter('enabled', true) !== false,
		trigger: trigger(context),
		push,
	};
	const valid = validateOrThrow(
		context,
		scheduleSchema(Date.now()),
		task,
		'EngageLab schedule',
		lifecycleLabels,
	);
	return { ...built, body: valid };
}

export async function buildScheduleCreateRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const built = await scheduleBody(this, request, '/v4/schedules');
	// EngageLab creates tasks enabled only.
	return { ...built, body: { ...(built.body as IDataObject), enabled: true } };
}

export async function buildScheduleUpdateRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const id = idField(this, 'scheduleId', 'Schedule ID');
	return await scheduleBody(this, request, `/v4/schedules/${encodeURIComponent(id)}`);
}

/** Get and delete: the task's own URL. */
export async function buildScheduleRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appHost(this);
	const id = idField(this, 'scheduleId', 'Schedule ID');
	return { ...request, url: `${baseUrl}/v4/schedules/${encodeURIComponent(id)}` };
}

export async function buildScheduleListRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appHost(this);
	const page = Math.max(1, Math.floor(Number(this.getNodeParameter('page', 1)) || 1));
	return { ...request, url: `${baseUrl}/v4/schedules`, qs: { page } };
}
