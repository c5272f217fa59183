import { z } from 'zod/v4';

import { labelRule, scheduleNameRule } from './names';

export { MAX_LABEL_BYTES, MAX_SCHEDULE_NAME_BYTES } from './names';

/** Message ids per statistics request (GET /v4/status/detail). */
export const MAX_IDS_PER_REPORT = 100;
/**
 * Registration ids per device-status request: no source caps it (the SDKs send one comma-separated
 * query value); ours keeps URLs short, and smaller requests change only their number.
 */
export const MAX_IDS_PER_DEVICE_STATUS = 100;
/** Tags per tag-count request (GET /v4/tags_count). */
export const MAX_TAGS_PER_COUNT = 1000;
/** Registration ids added to or removed from a tag per request. */
export const MAX_IDS_PER_TAG_UPDATE = 1000;
export const MAX_TAGS_PER_DEVICE = 100;
const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 366 * DAY_MS;

const label = labelRule;

const id = z.string().trim().min(1, 'must not be empty');

/**
 * A device's tags and alias as set by POST /v4/devices/{rid}; `tags: ""` (remove all) is checked
 * before this schema, which sees the tag changes only.
 */
export const deviceUpdateSchema = z
	.strictObject({
		tags: z
			.strictObject({
				add: z
					.array(label)
					.max(MAX_TAGS_PER_DEVICE, `at most ${MAX_TAGS_PER_DEVICE} tags per device`)
					.optional(),
				remove: z.array(label).optional(),
			})
			.optional(),
		clearTags: z.boolean().optional(),
		// "" removes the alias; any other alias follows the label rule.
		alias: z
			.string()
			.trim()
			.superRefine((value, context) => {
				if (value === '') return;
				for (const issue of label.safeParse(value).error?.issues ?? [])
					context.addIssue({ code: 'custom', message: issue.message });
			})
			.optional(),
	})
	.refine((update) => update.tags !== undefined || update.clearTags || update.alias !== undefined, {
		message: 'give tags to add or remove, Remove All Tags, or an alias change',
	});

/** Registration ids added to and removed from one tag (POST /v4/tags/{tag}). */
export const tagUpdateSchema = z
	.strictObject({
		registration_ids: z.strictObject({
			add: z
				.array(id)
				.max(MAX_IDS_PER_TAG_UPDATE, `at most ${MAX_IDS_PER_TAG_UPDATE} per request`)
				.optional(),
			remove: z
				.array(id)
				.max(MAX_IDS_PER_TAG_UPDATE, `at most ${MAX_IDS_PER_TAG_UPDATE} per request`)
				.optional(),
		}),
	})
	.refine(
		(update) =>
			(update.registration_ids.add?.length ?? 0) + (update.registration_ids.remove?.length ?? 0) >
			0,
		{ message: 'give registration ids to add or remove', path: ['registration_ids'] },
	);

export const labelSchema = label;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const WEEK_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

/** "yyyy-MM-dd HH:mm:ss" as a real date (no 2025-02-30), in ms; the zone does not matter for the limits. */
export function parseDateTime(value: string): number | undefined {
	const match = DATE_TIME.exec(value);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const ms = Date.UTC(year, month - 1, day, hour, minute, second);
	const date = new Date(ms);
	const same =
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60;
	return same ? ms : undefined;
}

const dateTime = z
	.string()
	.refine((value) => parseDateTime(value) !== undefined, 'must be "yyyy-MM-dd HH:mm:ss"');
const zoneType = z.union(
	[z.literal(1), z.literal(2)],
	'1 (site time zone) or 2 (device time zone)',
);

/**
 * A schedule's trigger (providers.md §3.5). `now` is the caller's clock: a single time at most a year
 * ahead (a day's slack either way, as the task's time zone is not ours), a period at most a year long.
 */
export function triggerSchema(now: number) {
	const single = z.strictObject({
		time: dateTime
			.refine(
				(value) => (parseDateTime(value) ?? 0) <= now + YEAR_MS,
				'must be at most one year ahead',
			)
			.refine((value) => (parseDateTime(value) ?? 0) >= now - DAY_MS, 'must not be in the past'),
		zone_type: zoneType.optional(),
	});
	const periodical = z
		.strictObject({
			start: dateTime,
			end: dateTime,
			time: z.string().regex(TIME, 'must be "HH:mm:ss"'),
			time_unit: z.enum(['day', 'week', 'month'], 'must be day, week or month'),
			point: z.array(z.string()).optional(),
			frequency: z.number().int().min(1).optional(),
			zone_type: zoneType.optional(),
		})
		.superRefine((trigger, context) => {
			const start = parseDateTime(trigger.start) ?? 0;
			const end = parseDateTime(trigger.end) ?? 0;
			if (end <= start)
				context.addIssue({ code: 'custom', path: ['end'], message: 'must be after the start' });
			else if (end - start > YEAR_MS)
				context.addIssue({
					code: 'custom',
					path: ['end'],
					message: 'the period may span at most one year',
				});
			const point = trigger.point ?? [];
			if (trigger.time_unit === 'day' && point.length)
				context.addIssue({
					code: 'custom',
					path: ['point'],
					message: 'takes no days when the unit is day',
				});
			if (
				trigger.time_unit === 'week' &&
				(!point.length || point.some((day) => !WEEK_DAYS.includes(day as never)))
			)
				context.addIssue({
					code: 'custom',
					path: ['point'],
					message: `must list week days (${WEEK_DAYS.join(', ')}) when the unit is week`,
				});
			if (
				trigger.time_unit === 'month' &&
				(!point.length || point.some((day) => !/^(0[1-9]|[12]\d|3[01])$/.test(day)))
			)
				context.addIssue({
					code: 'custom',
					path: ['point'],
					message: 'must list days of the month ("01" to "31") when the unit is month',
				});
		});
	// Checked on the input before anything else: zod before 4 runs refinements after failed fields too
	// (it ignores `when`), which would add this message to theirs.
	const exactlyOne = z.custom<object>(
		(trigger) =>
			typeof trigger === 'object' &&
			trigger !== null &&
			('single' in trigger && trigger.single !== undefined) !==
				('periodical' in trigger && trigger.periodical !== undefined),
		'must be either single or periodical',
	);
	return exactlyOne.pipe(
		z.strictObject({ single: single.optional(), periodical: periodical.optional() }),
	);
}

/** The task around the push (the push itself is checked by the push schemas). */
export function scheduleSchema(now: number) {
	return z.object({
		name: scheduleNameRule,
		enabled: z.boolean(),
		trigger: triggerSchema(now),
		push: z.record(z.string(), z.unknown()),
	});
}

/** UI names of the body paths of schedules, device and tag updates, for validation messages. */
export const lifecycleLabels: Record<string, string> = {
	name: 'Name',
	enabled: 'Enabled',
	trigger: 'Trigger',
	'trigger.single.time': 'Time',
	'trigger.single.zone_type': 'Time Zone',
	'trigger.periodical.start': 'Start',
	'trigger.periodical.end': 'End',
	'trigger.periodical.time': 'Time of Day',
	'trigger.periodical.time_unit': 'Repeat Every',
	'trigger.periodical.point': 'Days',
	'trigger.periodical.zone_type': 'Time Zone',
	'tags.add': 'Tags to Add',
	'tags.add[]': 'Tags to Add',
	'tags.remove': 'Tags to Remove',
	'tags.remove[]': 'Tags to Remove',
	alias: 'Alias',
	registration_ids: 'Registration IDs',
	'registration_ids.add': 'Registration IDs to Add',
	'registration_ids.remove': 'Registration IDs to Remove',
};
