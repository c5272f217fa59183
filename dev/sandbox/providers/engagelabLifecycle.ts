import {
	DEVICE_STATUS_TEXTS,
	engageLabLifecycleRules,
} from '../../../test/fixtures/provider-docs/engagelab';
import type { ProviderAnswer, ProviderRequest } from '../types';
import { answer, notFound, refuse } from './engagelabAnswers';

/**
 * EngageLab's endpoints after a send (lifecycle-apis.md §2, providers.md §3.4–3.5): message
 * statistics, recall, per-device status, schedules, devices, tags and aliases, with their documented
 * limits. The rules and answer shapes come from test/fixtures/provider-docs/engagelab.ts (the one copy
 * of what EngageLab documents); state is per AppKey; the push module tells it what was sent.
 */

type Json = Record<string, unknown>;
const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 366 * DAY_MS;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const { label: LABEL, scheduleName: SCHEDULE_NAME, appPushOnly } = engageLabLifecycleRules;
/** A tag's or alias's documented rule: the characters and at most 40 bytes. */
const validLabel = (text: string) =>
	LABEL.value.pattern.test(text) && bytes(text) <= LABEL.value.maxBytes;
const validScheduleName = (text: string) =>
	SCHEDULE_NAME.value.pattern.test(text) && bytes(text) <= SCHEDULE_NAME.value.maxBytes;
const known = (id: string) => !id.startsWith('unknown-');

interface SentMessage {
	appKey: string;
	msgId: string;
	sentAt: number;
	web: boolean;
	devices: string[];
	/** How many devices a broadcast or tag audience reached: the sandbox's stand-in. */
	audienceSize: number;
	notification: boolean;
	recalled: boolean;
}

interface Device {
	tags: Set<string>;
	alias: string;
	deleted: boolean;
}

export interface EngageLabLifecycleControl {
	messages: Map<string, SentMessage>;
	schedules: Map<string, Json>;
	/** Makes a message older, to reach the one-day recall limit. */
	age(msgId: string, ms: number): void;
	/** Schedules per page of GET /v4/schedules. */
	pageSize: number;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const dateOf = (value: unknown) =>
	typeof value === 'string' && DATE_TIME.test(value)
		? Date.parse(`${value.replace(' ', 'T')}Z`)
		: Number.NaN;

/** The documented checks of a task; undefined when acceptable. */
function scheduleProblem(task: Json, creating: boolean): ProviderAnswer | undefined {
	if (
		creating &&
		(task.name === undefined || task.trigger === undefined || task.push === undefined)
	)
		return refuse(21002, 'name, enabled, trigger and push are required');
	if (task.name !== undefined) {
		const name = String(task.name);
		if (!validScheduleName(name))
			return refuse(
				21003,
				'name must be 1 to 255 bytes of letters, digits, underscores and Chinese characters',
			);
	}
	if (creating && task.enabled !== true) return refuse(21003, 'enabled must be true');
	if (task.trigger !== undefined) {
		if (!isObject(task.trigger)) return refuse(21003, 'invalid trigger');
		const { single, periodical } = task.trigger;
		if (isObject(single)) {
			const time = dateOf(single.time);
			if (Number.isNaN(time)) return refuse(21003, 'single.time must be yyyy-MM-dd HH:mm:ss');
			if (time > Date.now() + YEAR_MS) return refuse(21003, 'single.time must be within one year');
		} else if (isObject(periodical)) {
			const start = dateOf(periodical.start);
			const end = dateOf(periodical.end);
			if (Number.isNaN(start) || Number.isNaN(end))
				return refuse(21003, 'start and end must be yyyy-MM-dd HH:mm:ss');
			if (end <= start || end - start > YEAR_MS)
				return refuse(21003, 'the period must end after its start, within one year');
			if (!/^\d{2}:\d{2}:\d{2}$/.test(String(periodical.time)))
				return refuse(21003, 'time must be HH:mm:ss');
			const unit = String(periodical.time_unit).toLowerCase();
			const point = Array.isArray(periodical.point) ? periodical.point.map(String) : [];
			if (!['day', 'week', 'month'].includes(unit))
				return refuse(21003, 'time_unit must be day, week or month');
			if (
				unit === 'week' &&
				(!point.length || point.some((day) => !/^(MON|TUE|WED|THU|FRI|SAT|SUN)$/.test(day)))
			)
				return refuse(21003, 'point must list MON..SUN');
			if (
				unit === 'month' &&
				(!point.length || point.some((day) => !/^(0[1-9]|[12]\d|3[01])$/.test(day)))
			)
				return refuse(21003, 'point must list "01".."31"');
		} else return refuse(21003, 'trigger must be single or periodical');
	}
	if (task.push !== undefined && (!isObject(task.push) || !isObject(task.push.body)))
		return refuse(21002, 'push needs to and body');
	return undefined;
}

export function createEngageLabLifecycle() {
	const messages = new Map<string, SentMessage>();
	const schedules = new Map<string, Json>();
	const devices = new Map<string, Device>();
	let nextSchedule = 1;
	const control: EngageLabLifecycleControl = {
		messages,
		schedules,
		age(msgId, ms) {
			const message = messages.get(msgId);
			if (message) message.sentAt -= ms;
		},
		pageSize: 50,
	};

	const deviceOf = (appKey: string, rid: string): Device | undefined => {
		if (!known(rid)) return undefined;
		const key = `${appKey}:${rid}`;
		let device = devices.get(key);
		if (!device) devices.set(key, (device = { tags: new Set(), alias: '', deleted: false }));
		return device.deleted ? undefined : device;
	};
	const allDevices = (appKey: string) =>
		[...devices.entries()]
			.filter(([key, device]) => key.startsWith(`${appKey}:`) && !device.deleted)
			.map(([key, device]) => ({ rid: key.slice(appKey.length + 1), device }));

	/**
	 * Statistics as the Go SDK types them (provider-docs: engagelab.stats.app): the message's and each
	 * channel's counts plural, the kind's singular in places (target, click).
	 */
	function report(message: SentMessage): Json {
		const n = message.devices.length || message.audienceSize;
		const counts = { targets: n, sent: n, delivered: n, impressions: 0, clicks: 0 };
		const none = { targets: 0, sent: 0, delivered: 0, impressions: 0, clicks: 0 };
		const kindCounts = { target: n, sent: n, delivered: n, impressions: 0, click: 0 };
		const kind = message.notification ? 'notification' : 'message';
		const sub = message.web
			? { sub_web: { engageLab_web: counts } }
			: {
					sub_android: { engageLab_android: counts, huawei: none, xiaomi: none, fcm: none },
					sub_ios: { engageLab_ios: none, apns: none },
				};
		return { ...counts, sub: { [kind]: { ...kindCounts, ...sub } } };
	}

	function stats(appKey: string, request: ProviderRequest, web: boolean): ProviderAnswer {
		const ids = (request.query.get('message_ids') ?? '').split(',').filter(Boolean);
		if (!ids.length) return refuse(21002, 'message_ids is required');
		if (ids.length > 100) return refuse(21003, 'at most 100 message_ids');
		const reports: Json = {};
		for (const id of ids) {
			const message = messages.get(id);
			if (message && message.appKey === appKey && message.web === web)
				reports[id] = report(message);
		}
		return answer(web ? 'engagelab.stats.web' : 'engagelab.stats.app', { '': reports });
	}

	function recall(appKey: string, msgId: string): ProviderAnswer {
		const message = messages.get(msgId);
		if (!message || message.appKey !== appKey) return refuse(21003, 'msg_id is invalid');
		if (Date.now() - message.sentAt > DAY_MS)
			return refuse(21003, 'message can only be withdrawn within one day');
		if (message.recalled) return refuse(21003, 'message has already been withdrawn');
		message.recalled = true;
		return answer('engagelab.recall.accepted', { request_id: '', msg_id: msgId });
	}

	function deviceStatus(appKey: string, request: ProviderRequest): ProviderAnswer {
		const message = messages.get(request.query.get('message_id') ?? '');
		if (!message || message.appKey !== appKey) return refuse(21003, 'message_id is invalid');
		const ids = (request.query.get('registration_ids') ?? '').split(',').filter(Boolean);
		if (!ids.length) return refuse(21002, 'registration_ids is required');
		const statuses: Json = {};
		// Status texts as the SDKs show them (provider-docs: deviceStatus).
		for (const rid of ids) {
			if (!known(rid))
				statuses[rid] = {
					status: DEVICE_STATUS_TEXTS.failed,
					error_message: 'registration_id not found',
				};
			else if (message.devices.includes(rid))
				statuses[rid] = { status: DEVICE_STATUS_TEXTS.delivered };
			else
				statuses[rid] = {
					status: DEVICE_STATUS_TEXTS.failed,
					error_message: 'not a target of this message',
				};
		}
		return answer('engagelab.deviceStatus', { '': statuses });
	}

	function schedule(appKey: string, request: ProviderRequest, id?: string): ProviderAnswer {
		if (id === undefined) {
			if (request.method === 'GET') {
				const all = [...schedules.values()].filter((task) => task.appKey === appKey);
				const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
				const size = control.pageSize;
				return answer('engagelab.schedule.list', {
					total_count: all.length,
					total_pages: Math.max(1, Math.ceil(all.length / size)),
					page,
					schedules: all
						.slice((page - 1) * size, page * size)
						.map(({ appKey: _appKey, ...task }) => task),
				});
			}
			if (request.method !== 'POST') return refuse(21001, 'method not allowed');
			if (!isObject(request.json)) return refuse(21003, 'invalid JSON');
			const refused = scheduleProblem(request.json, true);
			if (refused) return refused;
			const scheduleId = `sch-${String(nextSchedule++).padStart(6, '0')}`;
			const { name, enabled, trigger, push } = request.json;
			schedules.set(scheduleId, { schedule_id: scheduleId, name, enabled, trigger, push, appKey });
			return answer('engagelab.schedule.create', { schedule_id: scheduleId, name });
		}
		const task = schedules.get(id);
		if (!task || task.appKey !== appKey) return refuse(21003, 'schedule_id is invalid');
		const { appKey: _appKey, ...visible } = task;
		// A list of tasks, as the SDKs read it (provider-docs: scheduleGet).
		if (request.method === 'GET') return answer('engagelab.schedule.get', { '': [visible] });
		if (request.method === 'DELETE') {
			schedules.delete(id);
			return answer('engagelab.done');
		}
		if (request.method !== 'PUT') return refuse(21001, 'method not allowed');
		if (!isObject(request.json)) return refuse(21003, 'invalid JSON');
		const refused = scheduleProblem(request.json, false);
		if (refused) return refused;
		const { name, enabled, trigger, push } = request.json;
		const updated = { ...task };
		for (const [key, value] of Object.entries({ name, enabled, trigger, push }))
			if (value !== undefined) updated[key] = value;
		schedules.set(id, updated);
		const {
			appKey: _key,
			schedule_id,
			name: newName,
			enabled: nowEnabled,
			trigger: newTrigger,
			push: newPush,
		} = updated;
		return answer('engagelab.schedule.update', {
			schedule_id,
			name: newName,
			enabled: nowEnabled,
			trigger: newTrigger,
			push: newPush,
		});
	}

	function device(appKey: string, request: ProviderRequest, rid: string): ProviderAnswer {
		const found = deviceOf(appKey, rid);
		if (!found) return refuse(21003, 'registration_id does not exist');
		if (request.method === 'GET')
			return answer('engagelab.device.get', { tags: [...found.tags], alias: found.alias });
		if (request.method === 'DELETE') {
			found.deleted = true;
			return answer('engagelab.done');
		}
		if (request.method !== 'POST') return refuse(21001, 'method not allowed');
		const body = request.json;
		if (!isObject(body)) return refuse(21003, 'invalid JSON');
		const tags = new Set(found.tags);
		if (body.tags === '') tags.clear();
		else if (isObject(body.tags)) {
			const { add = [], remove = [] } = body.tags as { add?: string[]; remove?: string[] };
			if ([...add, ...remove].some((tag) => !validLabel(String(tag))))
				return refuse(21003, 'a tag must be 1 to 40 bytes of letters, digits, _ or Chinese');
			for (const tag of remove) tags.delete(tag);
			for (const tag of add) tags.add(tag);
			if (tags.size > 100) return refuse(21003, 'a device can have at most 100 tags');
		} else if (body.tags !== undefined) return refuse(21003, 'invalid tags');
		let alias = found.alias;
		if (body.alias !== undefined) {
			alias = String(body.alias);
			if (alias !== '' && !validLabel(alias))
				return refuse(21003, 'an alias must be 1 to 40 bytes of letters, digits, _ or Chinese');
		}
		found.tags = tags;
		found.alias = alias;
		return answer('engagelab.done');
	}

	function tagsCount(appKey: string, request: ProviderRequest): ProviderAnswer {
		const tags = request.query
			.getAll('tags')
			.flatMap((value) => value.split(','))
			.filter(Boolean);
		if (!tags.length) return refuse(21002, 'tags is required');
		if (tags.length > 1000) return refuse(21003, 'at most 1000 tags');
		if (!tags.every(validLabel)) return refuse(21003, 'a tag is not valid');
		const all = allDevices(appKey);
		return answer('engagelab.tagsCount', {
			tagsCount: Object.fromEntries(
				tags.map((tag) => [tag, all.filter(({ device }) => device.tags.has(tag)).length]),
			),
		});
	}

	function tag(appKey: string, request: ProviderRequest, name: string): ProviderAnswer {
		if (!validLabel(name)) return refuse(21003, 'a tag is not valid');
		if (request.method === 'DELETE') {
			for (const { device } of allDevices(appKey)) device.tags.delete(name);
			return answer('engagelab.done');
		}
		if (request.method !== 'POST') return refuse(21001, 'method not allowed');
		const ids = isObject(request.json) ? request.json.registration_ids : undefined;
		if (!isObject(ids)) return refuse(21002, 'registration_ids is required');
		const add = (ids.add ?? []) as string[];
		const remove = (ids.remove ?? []) as string[];
		if (add.length > 1000 || remove.length > 1000)
			return refuse(21003, 'at most 1000 registration_ids per request');
		for (const rid of [...add, ...remove])
			if (!deviceOf(appKey, rid)) return refuse(21003, `registration_id ${rid} does not exist`);
		for (const rid of add) {
			const found = deviceOf(appKey, rid) as Device;
			if (!found.tags.has(name) && found.tags.size >= 100)
				return refuse(21003, 'a device can have at most 100 tags');
		}
		for (const rid of remove) deviceOf(appKey, rid)?.tags.delete(name);
		for (const rid of add) deviceOf(appKey, rid)?.tags.add(name);
		return answer('engagelab.done');
	}

	function alias(appKey: string, request: ProviderRequest, name: string): ProviderAnswer {
		if (!validLabel(name)) return refuse(21003, 'an alias is not valid');
		const holders = allDevices(appKey).filter(({ device }) => device.alias === name);
		if (request.method === 'GET')
			return answer('engagelab.alias.get', { registration_ids: holders.map(({ rid }) => rid) });
		if (request.method !== 'DELETE') return refuse(21001, 'method not allowed');
		for (const { device } of holders) device.alias = '';
		return answer('engagelab.done');
	}

	const noWebPath = (request: ProviderRequest) =>
		notFound(`no such path ${request.path} for Web Push (${appPushOnly.value.join(', ')})`);

	const ROUTES: Array<
		[
			RegExp,
			(appKey: string, request: ProviderRequest, web: boolean, part: string) => ProviderAnswer,
		]
	> = [
		[/^\/v4\/status\/detail$/, (appKey, request) => stats(appKey, request, false)],
		[
			/^\/v4\/messages\/details$/,
			(appKey, request, web) => (web ? stats(appKey, request, true) : notFound('Web Push only')),
		],
		// App Push only (provider-docs: appPushOnly): the Web Push host has no such path.
		[
			/^\/v4\/status\/message$/,
			(appKey, request, web) => (web ? noWebPath(request) : deviceStatus(appKey, request)),
		],
		[
			/^\/v4\/push\/withdraw\/([^/]+)$/,
			(appKey, request, web, id) =>
				web
					? noWebPath(request)
					: request.method === 'DELETE'
						? recall(appKey, id)
						: refuse(21001, 'method not allowed'),
		],
		[/^\/v4\/schedules$/, (appKey, request) => schedule(appKey, request)],
		[/^\/v4\/schedules\/([^/]+)$/, (appKey, request, _web, id) => schedule(appKey, request, id)],
		[/^\/v4\/devices\/([^/]+)$/, (appKey, request, _web, rid) => device(appKey, request, rid)],
		[/^\/v4\/tags_count$/, (appKey, request) => tagsCount(appKey, request)],
		[/^\/v4\/tags\/([^/]+)$/, (appKey, request, _web, name) => tag(appKey, request, name)],
		[/^\/v4\/aliases\/([^/]+)$/, (appKey, request, _web, name) => alias(appKey, request, name)],
	];

	return {
		control,
		/** Whether this module serves the path. */
		serves: (path: string) => ROUTES.some(([pattern]) => pattern.test(path)),
		handle(appKey: string, request: ProviderRequest, web: boolean): ProviderAnswer {
			for (const [pattern, route] of ROUTES) {
				const match = pattern.exec(request.path);
				if (match) return route(appKey, request, web, decodeURIComponent(match[1] ?? ''));
			}
			return notFound(`no such path ${request.path}`);
		},
		/** A push the push endpoint accepted: kept for reports, recall and device status. */
		sent(message: {
			appKey: string;
			msgId: string;
			web: boolean;
			devices: string[];
			notification: boolean;
		}) {
			messages.set(message.msgId, {
				...message,
				sentAt: Date.now(),
				audienceSize: message.devices.length ? message.devices.length : 3,
				recalled: false,
			});
		},
		reset() {
			messages.clear();
			schedules.clear();
			devices.clear();
			nextSchedule = 1;
		},
	};
}
