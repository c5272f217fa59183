import { canonicalJson } from '../canonical';
import { RateWindow } from '../rateWindow';
import type { ProviderAnswer, ProviderModule, ProviderRequest } from '../types';
import {
	answer,
	documentedCode,
	forHost,
	groupPartRefusal,
	notFound,
	refuse,
} from './engagelabAnswers';
import { createEngageLabLifecycle, type EngageLabLifecycleControl } from './engagelabLifecycle';

/** EngageLab Push API v4 as its pages describe it: App Push and Web Push hosts, app and group keys. */
export interface EngageLabOptions {
	apps: Record<string, string>;
	/** GroupKey (without "group-") → its secret and the AppKeys of the group. */
	groups: Record<string, { secret: string; apps: string[] }>;
	/** Requests per second per AppKey; above it, code 23008. EngageLab documents 500. */
	ratePerSecond?: number;
	maxIdsPerPush: number;
}

export interface EngageLabControl {
	options: EngageLabOptions;
	/** AppKeys of a group push whose part fails with 21011 (its own error in the group answer). */
	failingGroupApps: Set<string>;
	/** Sent messages, schedules, device tags and aliases (reports, recall, audiences). */
	lifecycle: EngageLabLifecycleControl;
	/** AppKey → the code its part of a group push fails with (its own error in the group answer). */
	groupAppCodes: Map<string, number>;
	/**
	 * Every authorised push answered with this documented code (its fact: doc 004's table or
	 * EngageLab's), as EngageLab would for a cause the sandbox does not model (an internal error, a plan).
	 */
	answerWith?: {
		code: number;
		/** Only this many pushes, then as usual. */ times?: number;
	};
}

export const engageLabDefaults: EngageLabOptions = {
	apps: {
		'app-key-1': 'master-secret-1',
		'app-key-2': 'master-secret-2',
		'app-key-3': 'master-secret-3',
	},
	groups: { 'gk-1': { secret: 'group-secret-1', apps: ['app-key-1', 'app-key-2', 'app-key-3'] } },
	ratePerSecond: 500,
	maxIdsPerPush: 1000,
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Registration ids and aliases named unknown-* have no device. */
const known = (id: string) => !id.startsWith('unknown-');
/** Registration ids named foreign-* belong to another AppKey: EngageLab refuses the push (20101). */
const foreign = (id: string) => id.startsWith('foreign-');

function credentialsOf(request: ProviderRequest): { user: string; secret: string } | undefined {
	const match = /^Basic (.+)$/.exec(String(request.headers.authorization ?? ''));
	if (!match) return undefined;
	const [user, ...secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
	return { user, secret: secret.join(':') };
}

export function createEngageLab(overrides: Partial<EngageLabOptions> = {}): {
	module: ProviderModule;
	control: EngageLabControl;
} {
	const options: EngageLabOptions = { ...engageLabDefaults, ...overrides };
	const rate = new RateWindow();
	const byCid = new Map<string, string>();
	const failingGroupApps = new Set<string>();
	const groupAppCodes = new Map<string, number>();
	let nextMsgId = 1_828_256_757;
	const lifecycle = createEngageLabLifecycle();

	/** The documented request checks; undefined when the push is acceptable. */
	function problem(body: unknown, web: boolean, group: boolean): ProviderAnswer | undefined {
		if (!isObject(body) || body.to === undefined || !isObject(body.body))
			return refuse(21002, 'to and body are required');
		const inner = body.body as Json;
		const platform = inner.platform;
		const platforms =
			platform === 'all' || platform === 'web'
				? [platform]
				: Array.isArray(platform)
					? platform
					: [];
		if (
			platforms.length === 0 ||
			platforms.some((name) => !['all', 'android', 'ios', 'hmos', 'web'].includes(String(name)))
		)
			return refuse(21003, 'invalid platform');
		if (web !== platforms.includes('web'))
			return refuse(
				21003,
				web ? 'Web Push takes platform "web"' : 'platform "web" is for Web Push',
			);
		// Notification and message together are accepted: the group push page's own example sends both
		// (21306 exists in EngageLab's table, but no page says when it applies).
		if (inner.notification === undefined && inner.message === undefined)
			return refuse(21002, 'notification or message is required');
		if (
			Buffer.byteLength(
				JSON.stringify({ notification: inner.notification, message: inner.message }),
			) > 4000
		)
			return refuse(21005, 'message too large');
		const web_ = (inner.notification as Json | undefined)?.web;
		if (web_ !== undefined && Buffer.byteLength(JSON.stringify(web_)) > 2048)
			return refuse(21005, 'web notification too large');
		const pushOptions = (inner.options ?? {}) as Json;
		if (Number(pushOptions.big_push_duration) > 1440)
			return refuse(23006, 'big_push_duration must be at most 1440');
		// time_to_live: Int or String; override_msg_id: Long (doc 004). A Long sent as text is a type error.
		if (pushOptions.time_to_live !== undefined && !/^\d+$/.test(String(pushOptions.time_to_live)))
			return refuse(21016, 'time_to_live must be a number of seconds');
		if (pushOptions.override_msg_id !== undefined && !Number.isInteger(pushOptions.override_msg_id))
			return refuse(21016, 'override_msg_id must be a Long');
		if (pushOptions.cid !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(String(pushOptions.cid)))
			return refuse(21003, 'invalid cid');
		if (group && pushOptions.override_msg_id !== undefined)
			return refuse(21015, 'override_msg_id is not supported for group push');
		if (body.to === 'all') return undefined;
		if (!isObject(body.to)) return refuse(21003, 'invalid to');
		const to = body.to as Json;
		const extra = Object.keys(to).find(
			(key) =>
				![
					'registration_id',
					'tag',
					'tag_and',
					'tag_not',
					'alias',
					'seg',
					'live_activity_id',
				].includes(key),
		);
		if (extra) return refuse(21015, `unexpected audience ${extra}`);
		if (Object.keys(to).every((key) => key === 'tag_not'))
			return refuse(21003, 'tag_not cannot be used alone');
		for (const key of ['registration_id', 'alias']) {
			if (Array.isArray(to[key]) && (to[key] as unknown[]).length > options.maxIdsPerPush)
				return refuse(21003, `at most ${options.maxIdsPerPush} ${key} per push`);
		}
		for (const key of ['tag_and', 'tag_not'])
			if (Array.isArray(to[key]) && (to[key] as unknown[]).length > 20)
				return refuse(21003, `at most 20 ${key}`);
		if (Array.isArray(to.registration_id) && (to.registration_id as string[]).some(foreign))
			return refuse(20101, 'registration_id is invalid or not of this appkey');
		const lists = ['registration_id', 'alias'].filter((key) => Array.isArray(to[key]));
		if (lists.length && lists.every((key) => (to[key] as string[]).every((id) => !known(id))))
			return refuse(
				21011,
				'cannot find user by this audience or has been inactive for more than 255 days',
			);
		return undefined;
	}

	/**
	 * Accepts a push for one app, recorded per device for id audiences. A push is de-duplicated by its
	 * cid per AppKey (doc 004); a group push is not, since no page says a cid works there.
	 */
	function accept(
		request: ProviderRequest,
		appKey: string,
		body: Json,
		validateOnly: boolean,
		group = false,
	): { request_id: string; msg_id: string } {
		const cid = ((body.body as Json).options as Json | undefined)?.cid as string | undefined;
		const cidKey = cid === undefined || group ? undefined : `${appKey}:${cid}`;
		const requestId = String(body.request_id ?? '');
		if (cidKey && byCid.has(cidKey)) return { request_id: requestId, msg_id: byCid.get(cidKey)! };
		const msgId = String(nextMsgId++);
		if (validateOnly) return { request_id: requestId, msg_id: msgId };
		if (cidKey) byCid.set(cidKey, msgId);
		const to = body.to;
		const { options: _options, ...content } = body.body as Json;
		const identity = canonicalJson(content);
		const devices = isObject(to)
			? [
					...((to.registration_id as string[] | undefined) ?? []),
					...((to.alias as string[] | undefined) ?? []),
				].filter(known)
			: [];
		lifecycle.sent({
			appKey,
			msgId,
			web: (body.body as Json).platform === 'web',
			devices,
			notification: content.notification !== undefined,
		});
		if (devices.length)
			for (const device of devices)
				request.deliver({
					kind: 'push',
					identity: `${appKey}:${device}:${identity}`,
					target: device,
					body: content,
				});
		else
			request.deliver({
				kind: 'push',
				identity: `${appKey}:${canonicalJson(to)}:${identity}`,
				target: canonicalJson(to),
				body: content,
			});
		return { request_id: requestId, msg_id: msgId };
	}

	const module: ProviderModule = {
		name: 'engagelab',
		mounts: { '/engagelab-app': 'engagelabApp', '/engagelab-web': 'engagelabWeb' },
		faultBody: (status, mount) => {
			const web = mount === '/engagelab-web';
			return status === 429
				? answer(`engagelab.${web ? 'web' : 'app'}.status429`)
				: refuse(21030, 'internal timeout, please retry', web);
		},
		reset() {
			rate.reset();
			byCid.clear();
			failingGroupApps.clear();
			groupAppCodes.clear();
			lifecycle.reset();
			control.answerWith = undefined;
		},
		// Web Push answers its errors flat, `{"code": ..., "message": ...}` (doc 004); App Push nests
		// them in `error` (EngageLab's App Push error summary, the official SDKs).
		handle: (mount, request) => forHost(answerFor(mount, request), mount === '/engagelab-web'),
	};

	function answerFor(mount: string, request: ProviderRequest): ProviderAnswer {
		const route = /^\/v4\/(push|push\/validate|grouppush)$/.exec(request.path);
		// Reports, recall, schedules and audiences: app credentials and the same rate per AppKey.
		if (!route && lifecycle.serves(request.path)) {
			const caller = credentialsOf(request);
			if (!caller || options.apps[caller.user] !== caller.secret)
				return refuse(21004, 'Authentication failed');
			if (!rate.admit(caller.user, options.ratePerSecond))
				return refuse(23008, 'API request frequency exceeded the limit');
			return lifecycle.handle(caller.user, request, mount === '/engagelab-web');
		}
		if (!route) return notFound(`no such path ${request.path}`);
		if (request.method !== 'POST') return refuse(21001, 'only POST is supported');
		const web = mount === '/engagelab-web';
		const group = route[1] === 'grouppush';
		const caller = credentialsOf(request);
		const groupKey = caller?.user.startsWith('group-')
			? caller.user.slice('group-'.length)
			: undefined;
		const authorised = group
			? groupKey !== undefined && options.groups[groupKey]?.secret === caller?.secret
			: caller !== undefined && options.apps[caller.user] === caller.secret;
		if (!authorised) return refuse(21004, 'Authentication failed');
		const appKeys = group
			? options.groups[groupKey as string].apps
			: [(caller as { user: string }).user];
		if (appKeys.some((appKey) => !rate.admit(appKey, options.ratePerSecond)))
			return refuse(23008, 'API request frequency exceeded the limit');
		if (control.answerWith) {
			const { code, times } = control.answerWith;
			if (times !== undefined && times <= 1) control.answerWith = undefined;
			else if (times !== undefined) control.answerWith = { code, times: times - 1 };
			return documentedCode(code);
		}
		if (request.json === undefined) return refuse(21003, 'invalid JSON');
		const refused = problem(request.json, web, group);
		if (refused) return refused;
		const body = request.json as Json;
		if (!group) {
			const accepted = accept(request, appKeys[0], body, route[1] === 'push/validate');
			return answer('engagelab.push.accepted', {
				request_id: accepted.request_id,
				msg_id: accepted.msg_id,
			});
		}
		const parts: Json = { group_msgid: String(nextMsgId++) };
		let oneRefused = false;
		for (const appKey of appKeys) {
			const code = groupAppCodes.get(appKey) ?? (failingGroupApps.has(appKey) ? 21011 : 0);
			// One app's refusal: the documented code's App Push envelope, inside the group answer.
			if (code) oneRefused = true;
			parts[appKey] = code
				? groupPartRefusal(code, 'error for this app')
				: accept(request, appKey, body, false, true);
		}
		return answer(oneRefused ? 'engagelab.grouppush.partial' : 'engagelab.grouppush.accepted', {
			'': parts,
		});
	}

	const control: EngageLabControl = {
		options,
		failingGroupApps,
		groupAppCodes,
		lifecycle: lifecycle.control,
	};
	return { module, control };
}
