import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toStringList } from '../../shared/lists';
import { compact, jsonObjectOf, readJsonObject } from '../../shared/parameters';
import { validateOrThrow } from '../../shared/validation';
import { engageLabHost } from './host';
import { APP_PLATFORMS, fieldLabels, pushBodySchema, pushRulesSchema } from '../schema';
import { idempotencyKey } from './idempotencyKey';

type Credential = 'engageLabApi' | 'engageLabGroupApi';

function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description,
	});
}

function jsonOption(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): IDataObject | undefined {
	if (value === undefined || value === '' || value === '{}') return undefined;
	const object =
		jsonObjectOf(value) ?? fail(context, `Invalid EngageLab push: ${label} must be a JSON object`);
	return Object.keys(object).length ? object : undefined;
}

/** Custom Args: EngageLab's own examples send a plain string; JSON object text becomes an object. */
function customArgs(
	context: IExecuteSingleFunctions,
	value: unknown,
): IDataObject | string | undefined {
	if (typeof value === 'string' && !value.trim().startsWith('{')) return value.trim() || undefined;
	return jsonOption(context, value, 'Options → Custom Args');
}

/**
 * The recipients: version 2's Recipients collection holds only the kinds the user added; version 1
 * (0.1.0) had the six kinds as fields of their own.
 */
function audience(context: IExecuteSingleFunctions, version1: boolean): IDataObject | 'all' {
	if (context.getNodeParameter('audience', 'targets') === 'all') return 'all';
	const given = version1 ? undefined : ((context.getNodeParameter('to', {}) ?? {}) as IDataObject);
	const read = (name: string) => (given ? given[name] : context.getNodeParameter(name, ''));
	const list = (name: string) => {
		const values = toStringList(read(name) ?? '');
		return values.length ? values : undefined;
	};
	const segment = String(read('segmentId') ?? '').trim();
	const to = compact({
		registration_id: list('registrationIds'),
		tag: list('tags'),
		tag_and: list('tagsAnd'),
		tag_not: list('tagsNot'),
		alias: list('aliases'),
		seg: segment ? { id: segment } : undefined,
	});
	if (Object.keys(to).length === 0)
		fail(
			context,
			version1
				? 'Invalid EngageLab push: Audience: give registration ids, tags, aliases or a segment, or choose Everyone'
				: 'Invalid EngageLab push: Recipients: add registration ids, tags, aliases or a segment, or choose Audience → Everyone',
		);
	return to;
}

function withExtrasAndIntent(
	context: IExecuteSingleFunctions,
	fields: IDataObject,
	label: string,
): IDataObject | undefined {
	const { extras, intentUrl, inbox, inbox_content: inboxLines, ...rest } = fields;
	const object = compact({
		...rest,
		extras: jsonOption(context, extras, `${label} → Extras`),
		inbox: jsonOption(context, inbox, `${label} → Inbox`),
		intent: intentUrl ? { url: intentUrl } : undefined,
		inbox_content: inboxLines
			? String(inboxLines)
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
			: undefined,
	});
	return Object.keys(object).length ? object : undefined;
}

function iosFields(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject | undefined {
	const ios = withExtrasAndIntent(context, fields, 'iOS');
	if (!ios) return undefined;
	// The alert may be an APNs alert object given as JSON; a badge like "+1" stays text, "3" becomes a number.
	if (typeof ios.alert === 'string' && ios.alert.trim().startsWith('{'))
		ios.alert = jsonOption(context, ios.alert, 'iOS → Alert');
	if (typeof ios.badge === 'string' && /^\d+$/.test(ios.badge)) ios.badge = Number(ios.badge);
	return ios;
}

/** HarmonyOS requires its own alert (it may be empty): the default alert fills it when not given. */
function hmosFields(context: IExecuteSingleFunctions): IDataObject | undefined {
	const hmos = withExtrasAndIntent(
		context,
		context.getNodeParameter('hmos', {}) as IDataObject,
		'HarmonyOS',
	);
	return hmos && { alert: String(context.getNodeParameter('alert', '') ?? ''), ...hmos };
}

function distribution(value: unknown, web: boolean): IDataObject | undefined {
	if (!value) return undefined;
	if (web) return { w3push: { distribution: value === 'mtpush_web' ? 'mtpush' : value } };
	return { distribution_new: value };
}

const WEB_DISTRIBUTIONS = ['first_ospush', 'ospush', 'mtpush_web', 'secondary_push'];
const productName = (web: boolean) => (web ? 'Web Push' : 'App Push');

/** A field of the other product than the credential's: refused, never dropped without a word. */
function otherProduct(context: IExecuteSingleFunctions, field: string, web: boolean): never {
	return fail(
		context,
		`${field} is for ${productName(!web)}, but the credential is for ${productName(web)}`,
		web
			? `A Web Push credential sends to the web: clear ${field}, or pick an EngageLab credential whose Product is App Push.`
			: `An App Push credential sends to Android, iOS and HarmonyOS: clear ${field}, or pick an EngageLab credential whose Product is Web Push.`,
	);
}

/** Whether a collection holds anything the user gave (an added field left empty does not count). */
function filled(fields: IDataObject): boolean {
	return Object.values(compact(fields)).some((value) => value !== '{}');
}

function options(context: IExecuteSingleFunctions, web: boolean): IDataObject {
	const given = context.getNodeParameter('options', {}) as IDataObject;
	const webDistribution =
		typeof given.distribution === 'string' && WEB_DISTRIBUTIONS.includes(given.distribution);
	if (given.distribution && web !== webDistribution)
		otherProduct(context, 'Options → Third-Party Channel Distribution', web);
	return compact({
		time_to_live: given.timeToLive,
		override_msg_id: given.overrideMsgId,
		apns_production: given.apnsProduction,
		apns_collapse_id: given.apnsCollapseId,
		big_push_duration: given.bigPushDuration,
		multi_language: jsonOption(context, given.multiLanguage, 'Options → Multi-Language'),
		third_party_channel: distribution(given.distribution, web),
		plan_id: given.planId,
		cid: given.cid,
	});
}

/**
 * n8n shows fields by parameters only, not by the credential: the App Push and Web Push fields are all
 * offered, and the credential's product decides which apply. Platforms at its default (all three) is
 * what a Web Push push leaves there.
 */
function platformsOf(context: IExecuteSingleFunctions, web: boolean): string[] {
	const platforms = (context.getNodeParameter('platforms', [...APP_PLATFORMS]) as string[]) ?? [];
	const everyPlatform = APP_PLATFORMS.every((name) => platforms.includes(name));
	if (web && !everyPlatform) otherProduct(context, 'Platforms', web);
	return platforms;
}

const APP_COLLECTIONS = [
	['android', 'Android'],
	['ios', 'iOS'],
	['hmos', 'HarmonyOS'],
] as const;

function checkNotificationFields(context: IExecuteSingleFunctions, web: boolean): void {
	if (!web && filled(context.getNodeParameter('web', {}) as IDataObject))
		otherProduct(context, 'Web Notification', web);
	if (web)
		for (const [name, label] of APP_COLLECTIONS)
			if (filled(context.getNodeParameter(name, {}) as IDataObject))
				otherProduct(context, label, web);
}

function bodyFromFields(
	context: IExecuteSingleFunctions,
	web: boolean,
	version1: boolean,
): IDataObject {
	const given = context.getNodeParameter('options', {}) as IDataObject;
	const kind = String(context.getNodeParameter('content', 'notification'));
	// A custom message goes with or instead of the notification (EngageLab's group push example sends both).
	const message =
		kind === 'notification'
			? undefined
			: (withExtrasAndIntent(
					context,
					context.getNodeParameter('message', {}) as IDataObject,
					'Custom Message',
				) ?? {});
	const withNotification = kind !== 'message';
	// Version 1's Product hid the other product's fields, and the node's Product had to match the credential.
	if (withNotification && !version1) checkNotificationFields(context, web);
	const platforms = version1
		? ((context.getNodeParameter('platforms', [...APP_PLATFORMS]) as string[]) ?? [])
		: platformsOf(context, web);
	let platform: string | string[] = 'web';
	let notification: IDataObject | undefined;
	if (web) {
		notification = withNotification
			? compact({
					alert: context.getNodeParameter('alert', ''),
					web:
						withExtrasAndIntent(
							context,
							context.getNodeParameter('web', {}) as IDataObject,
							'Web Notification',
						) ?? {},
				})
			: undefined;
	} else {
		platform = APP_PLATFORMS.every((name) => platforms.includes(name)) ? 'all' : platforms;
		const chosen = (name: string) => platform === 'all' || platforms.includes(name);
		notification = withNotification
			? compact({
					alert: context.getNodeParameter('alert', ''),
					android: chosen('android')
						? withExtrasAndIntent(
								context,
								context.getNodeParameter('android', {}) as IDataObject,
								'Android',
							)
						: undefined,
					ios: chosen('ios')
						? iosFields(context, context.getNodeParameter('ios', {}) as IDataObject)
						: undefined,
					hmos: chosen('hmos') ? hmosFields(context) : undefined,
				})
			: undefined;
	}
	const content = compact({ notification, message });
	return compact({
		from: given.from,
		to: audience(context, version1),
		body: { platform, ...content, options: options(context, web) },
		request_id: given.requestId,
		custom_args: customArgs(context, given.customArgs),
	});
}

/**
 * override_msg_id is a Long (doc 004; the SDKs send int64): sent as a JSON number. Message ids
 * EngageLab hands out are about 10 digits; one above 2^53 - 1 cannot be written exactly by n8n's JSON
 * encoder, and a rounded id would replace another push, so it is refused instead.
 */
function overrideMessageId(context: IExecuteSingleFunctions, value: unknown): number | undefined {
	if (value === undefined) return undefined;
	const text = String(value).trim();
	const id = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(id))
		fail(
			context,
			`Invalid EngageLab push: Options → Override Message ID (body.options.override_msg_id) must be a message id, a whole number up to ${Number.MAX_SAFE_INTEGER}`,
		);
	return id;
}

/** Version 1's recipient fields are named as its editor shows them (no Recipients collection). */
const version1FieldLabels = Object.fromEntries(
	Object.entries(fieldLabels).map(([path, label]) => [path, label.replace(/^Recipients → /, '')]),
);

/** The body from fields or JSON, validated; `cid` added per item when the user gave none. */
export async function build(
	context: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
	credentialType: Credential,
	path: string,
	group: boolean,
): Promise<IHttpRequestOptions> {
	// The editor's credential list offers both types; a key of the wrong kind would only fail at EngageLab.
	const expected = group ? 'group' : 'app';
	if (context.getNodeParameter('authentication', expected) !== expected) {
		fail(
			context,
			group
				? 'Group Push needs an EngageLab Group API credential'
				: "Push needs an EngageLab API credential (one app's AppKey)",
			group
				? 'Pick a credential made with the GroupKey and Group Master Secret of your app group.'
				: 'Pick a credential made with the AppKey and Master Secret of the app, or choose the Group Push resource.',
		);
	}
	const { baseUrl, web } = await engageLabHost(context, credentialType);
	const version1 = context.getNode().typeVersion < 2;
	const fields = context.getNodeParameter('bodyInput', 'fields') === 'fields';
	// Version 2: the product is the credential's, the other product's fields are refused in
	// bodyFromFields. Version 1 (0.1.0): the node's Product must match the credential's.
	if (version1 && fields && (context.getNodeParameter('product', 'appPush') === 'webPush') !== web)
		fail(
			context,
			`The node is set to ${web ? 'App Push' : 'Web Push'} but the credential is for ${web ? 'Web Push' : 'App Push'}`,
			'Choose the same product in the node and in the credential.',
		);
	const body = fields
		? bodyFromFields(context, web, version1)
		: readJsonObject(context, 'bodyJson', 'Push (JSON)');
	const labels = version1 ? version1FieldLabels : fieldLabels;
	const fieldsValid = validateOrThrow(context, pushBodySchema, body, 'EngageLab push', labels);
	const valid = validateOrThrow(
		context,
		pushRulesSchema,
		fieldsValid,
		'EngageLab push',
		labels,
	) as IDataObject;
	const inner = valid.body as IDataObject;
	const pushOptions = { ...((inner.options ?? {}) as IDataObject) };
	// Doc 003: "L'attribut override_msg_id dans option n'est pas pris en charge" for group pushes.
	if (group && pushOptions.override_msg_id !== undefined)
		fail(context, 'Invalid EngageLab push: Override Message ID is not available for group pushes');
	const overrideMsgId = overrideMessageId(context, pushOptions.override_msg_id);
	if (overrideMsgId !== undefined) pushOptions.override_msg_id = overrideMsgId;
	// An idempotency key per item, derived from the execution: EngageLab sends a cid once per AppKey,
	// so neither a retry after a timeout nor a second run of the same execution can deliver twice.
	if (!pushOptions.cid && path !== '/v4/push/validate') pushOptions.cid = idempotencyKey(context);
	if (Object.keys(pushOptions).length) inner.options = pushOptions;
	return { ...request, url: `${baseUrl}${path}`, body: valid };
}

export async function buildPushBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return await build(this, request, 'engageLabApi', '/v4/push', false);
}

export async function buildValidateBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return await build(this, request, 'engageLabApi', '/v4/push/validate', false);
}

export async function buildGroupPushBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return await build(this, request, 'engageLabGroupApi', '/v4/grouppush', true);
}
