import { z } from 'zod/v4';

import type { FieldLabels } from '../shared/validation';

export const SURFACES = [
	'COMPANION',
	'SBERBOX',
	'STARGATE',
	'SATELLITE',
	'TIME',
	'TV_HUAWEI',
	'TV',
] as const;

/** Sber's default channel per surface (the salutejs SDK's DefaultChannels). */
export const DEFAULT_CHANNEL: Record<(typeof SURFACES)[number], string> = {
	COMPANION: 'COMPANION_B2C',
	SBERBOX: 'B2C',
	STARGATE: 'B2C',
	SATELLITE: 'B2C',
	TIME: 'B2C',
	TV_HUAWEI: 'B2C',
	TV: 'B2C',
};

const INT32_MAX = 2_147_483_647;

const DELIVERY_MODES = ['BROADCAST', 'SEQUENTIAL'];

export const MISPLACED_TIME_FRAME =
	"is not a Sber field: put the time frame in each destination's templateContent.timeFrame (deliveryConfig.destinations[].templateContent.timeFrame)";

/** Template text limits (SmartMarket Studio): header ≤ 80 characters and 3 variables, body ≤ 480 and 10. */
export const TEMPLATE_LIMITS = {
	header: { chars: 80, variables: 3 },
	body: { chars: 480, variables: 10 },
} as const;

/** The template variable fields' names in the editor (Lite, and each Extended destination). */
export const VARIABLES_LABEL = {
	header: 'Header Variables (JSON)',
	body: 'Body Variables (JSON)',
} as const;

const text = (max: number) =>
	z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

function variables(part: 'header' | 'body') {
	const { chars, variables: count } = TEMPLATE_LIMITS[part];
	return z
		.record(
			z.string(),
			z.string().max(chars, `a value must be at most ${chars} characters (the whole ${part} is)`),
		)
		.refine(
			(values) => Object.keys(values).length <= count,
			`at most ${count} variables (Sber's ${part} limit)`,
		)
		.optional();
}

export const templateContentSchema = z.strictObject({
	id: text(36),
	headerValues: variables('header'),
	bodyValues: variables('body'),
});

export const liteBodySchema = z.strictObject({
	projectId: text(36),
	clientId: text(200),
	surface: z.enum(SURFACES, `must be one of ${SURFACES.join(', ')}`),
	templateContent: templateContentSchema,
});

const deepLink = z.string().trim().max(350, 'must be at most 350 characters');

const mobileAppParametersSchema = z.strictObject({
	deeplinkAndroid: deepLink.optional(),
	deeplinkIos: deepLink.optional(),
	buttonText: z.string().max(30, 'must be at most 30 characters').optional(),
	androidVersion: z.string().optional(),
	iosVersion: z.string().optional(),
	imageLink: z.string().optional(),
});

const deviceParametersSchema = z
	.strictObject({
		deepLink: deepLink.optional(),
		backgroundImageUri: z.string().optional(),
		deviceSerialFilter: z
			.strictObject({
				serialNumber: text(100).optional(),
				product: z.string().optional(),
			})
			.optional(),
		productFilter: z.string().optional(),
	})
	// Sber code 1015.
	.refine((device) => !(device.deviceSerialFilter && device.productFilter), {
		message: 'use either a device serial filter or a product filter, not both (Sber code 1015)',
		path: ['productFilter'],
	});

const time = z
	.string()
	.regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'must be a time written HH:mm:ss');
const date = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date written yyyy-MM-dd');

const timeFrameSchema = z
	.strictObject({
		startTime: time,
		finishTime: time,
		timeZone: z
			.string()
			.regex(
				/^GMT[+-]([01]\d|2[0-3]):[0-5]\d$/,
				'must be written GMT+hh:mm, for example GMT+03:00',
			),
		startDate: date,
		endDate: date.optional(),
	})
	// Sber code 1001/1008: the window must not end before it starts.
	.refine((frame) => frame.endDate === undefined || frame.endDate >= frame.startDate, {
		message: 'must not be before the start date (Sber code 1008)',
		path: ['endDate'],
	})
	.refine(
		(frame) =>
			(frame.endDate !== undefined && frame.endDate > frame.startDate) ||
			frame.finishTime > frame.startTime,
		{
			message: 'must be after the start time on a one-day window (Sber code 1001)',
			path: ['finishTime'],
		},
	);

const destinationSchema = z
	.strictObject({
		surface: z.enum(SURFACES, `must be one of ${SURFACES.join(', ')}`),
		channel: text(64),
		// Optional in Sber's SDK, and ignored for BROADCAST.
		priority: z.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
		templateContent: templateContentSchema.extend({
			mobileAppParameters: mobileAppParametersSchema.optional(),
			deviceParameters: deviceParametersSchema.optional(),
			// Deferred delivery is set per destination (Sber's SDKs: destinations[].templateContent.timeFrame).
			timeFrame: timeFrameSchema.optional(),
		}),
	})
	// Sber codes 1006 and 1009: mobile parameters only for the Salut app, device parameters only for devices.
	.superRefine((destination, context) => {
		const { mobileAppParameters, deviceParameters } = destination.templateContent;
		if (mobileAppParameters && deviceParameters) {
			context.addIssue({
				code: 'custom',
				path: ['templateContent', 'deviceParameters'],
				message: 'give mobile app parameters or device parameters, not both (Sber code 1006)',
			});
		} else if (mobileAppParameters && destination.surface !== 'COMPANION') {
			context.addIssue({
				code: 'custom',
				path: ['templateContent', 'mobileAppParameters'],
				message: 'mobile app parameters are for the COMPANION surface only (Sber code 1009)',
			});
		} else if (deviceParameters && destination.surface === 'COMPANION') {
			context.addIssue({
				code: 'custom',
				path: ['templateContent', 'deviceParameters'],
				message: 'device parameters are not for the COMPANION surface (Sber code 1009)',
			});
		}
	});

export const extendedPayloadSchema = z.strictObject({
	sender: z.strictObject({
		projectId: text(36),
		application: z.strictObject({ appId: text(36), versionId: text(36).optional() }).optional(),
	}),
	recipient: z.strictObject({
		clientId: z.strictObject({
			idType: z.literal('SUB', 'must be SUB (Sber code 1002)'),
			id: text(200),
		}),
	}),
	deliveryConfig: z.strictObject({
		// Upper case in Sber's JS SDK, lower case in its Python framework's example: both are taken as given.
		deliveryMode: z
			.string()
			.refine(
				(mode) => DELIVERY_MODES.includes(mode.toUpperCase()),
				'must be BROADCAST or SEQUENTIAL',
			),
		destinations: z
			.array(destinationSchema)
			.min(1, 'must contain at least one destination (Sber code 1001)'),
		// Older versions of this node sent it here; Sber has no such field.
		timeFrame: z.never({ error: MISPLACED_TIME_FRAME }).optional(),
	}),
});

export const extendedBodySchema = z.strictObject({
	protocolVersion: z.string().min(1, 'must not be empty').max(16, 'must be at most 16 characters'),
	messageId: z
		.number()
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.max(INT32_MAX, `must be at most ${INT32_MAX} (int32)`),
	messageName: z.literal('SEND_PUSH', 'must be SEND_PUSH (Sber code 1001)'),
	payload: extendedPayloadSchema,
});

export const fieldLabels: FieldLabels = {
	projectId: 'Project ID',
	clientId: 'Client ID (Sub)',
	surface: 'Surface',
	'templateContent.id': 'Template ID',
	'templateContent.headerValues': VARIABLES_LABEL.header,
	'templateContent.bodyValues': VARIABLES_LABEL.body,
	protocolVersion: 'Protocol Version',
	messageId: 'Message ID',
	messageName: 'Message Name',
	'payload.sender.projectId': 'Project ID',
	'payload.sender.application.appId': 'Application → App ID',
	'payload.recipient.clientId.id': 'Client ID (Sub)',
	'payload.recipient.clientId.idType': 'Client ID Type',
	'payload.deliveryConfig.deliveryMode': 'Delivery Mode',
	'payload.deliveryConfig.destinations': 'Destinations',
	'payload.deliveryConfig.destinations[].surface': 'Destination → Surface',
	'payload.deliveryConfig.destinations[].channel': 'Destination → Channel',
	'payload.deliveryConfig.destinations[].priority': 'Destination → Priority',
	'payload.deliveryConfig.destinations[].templateContent.id': 'Destination → Template ID',
	'payload.deliveryConfig.destinations[].templateContent.headerValues': `Destination → ${VARIABLES_LABEL.header}`,
	'payload.deliveryConfig.destinations[].templateContent.bodyValues': `Destination → ${VARIABLES_LABEL.body}`,
	'payload.deliveryConfig.destinations[].templateContent.mobileAppParameters':
		'Destination → Mobile App Parameters',
	'payload.deliveryConfig.destinations[].templateContent.mobileAppParameters.deeplinkAndroid':
		'Destination → Android Deep Link',
	'payload.deliveryConfig.destinations[].templateContent.mobileAppParameters.deeplinkIos':
		'Destination → iOS Deep Link',
	'payload.deliveryConfig.destinations[].templateContent.mobileAppParameters.buttonText':
		'Destination → Button Text',
	'payload.deliveryConfig.destinations[].templateContent.deviceParameters':
		'Destination → Device Parameters',
	'payload.deliveryConfig.destinations[].templateContent.deviceParameters.deepLink':
		'Destination → Device Deep Link',
	'payload.deliveryConfig.destinations[].templateContent.deviceParameters.productFilter':
		'Destination → Product Filter',
	'payload.deliveryConfig.timeFrame': 'Time Frame',
	'payload.deliveryConfig.destinations[].templateContent.timeFrame.startTime':
		'Time Frame → Start Time',
	'payload.deliveryConfig.destinations[].templateContent.timeFrame.finishTime':
		'Time Frame → Finish Time',
	'payload.deliveryConfig.destinations[].templateContent.timeFrame.timeZone':
		'Time Frame → Time Zone',
	'payload.deliveryConfig.destinations[].templateContent.timeFrame.startDate':
		'Time Frame → Start Date',
	'payload.deliveryConfig.destinations[].templateContent.timeFrame.endDate':
		'Time Frame → End Date',
};
