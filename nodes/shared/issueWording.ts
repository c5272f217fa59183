import type { z } from 'zod/v4';

/**
 * zod's issues in the editor's terms. Passed to `safeParse` as its error map, it words every issue a
 * schema gave no message of its own (a schema's own message wins: zod asks the schema first), so no
 * zod default ("Invalid input: expected string, received undefined") reaches a user.
 */

type Issue = z.core.$ZodRawIssue;

/** What a field holds, as the editor calls it. */
const TYPE_TERMS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	bigint: 'a whole number',
	boolean: 'on or off (true or false)',
	array: 'a list',
	tuple: 'a list',
	set: 'a list',
	object: 'a JSON object',
	record: 'a JSON object',
	map: 'a JSON object',
	date: 'a date',
	null: 'empty (null)',
};

function termOf(expected: string): string {
	return TYPE_TERMS[expected] ?? `a ${expected}`;
}

function shown(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : String(value);
}

/** What a wrong value is, in the same terms. */
function describeValue(value: unknown): string {
	if (value === null) return 'empty (null)';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'number') return Number.isNaN(value) ? 'not a number (NaN)' : String(value);
	if (typeof value === 'boolean') return `${value} (on/off)`;
	if (typeof value === 'string') return 'text';
	if (typeof value === 'object') return 'a JSON object';
	return typeof value;
}

function wrongType(issue: Issue): string {
	const { expected, input } = issue as Issue & { expected: string };
	if (input === undefined || expected === 'nonoptional') return 'is required';
	if (expected === 'never') return 'is not allowed here';
	return `must be ${termOf(expected)}, not ${describeValue(input)}`;
}

function tooBig(issue: Issue): string {
	const { origin, inclusive } = issue as Issue & { origin: string; inclusive?: boolean };
	const limit = Number(issue.maximum) - (inclusive === false ? 1 : 0);
	if (origin === 'string') return `is too long (at most ${limit} characters)`;
	if (origin === 'array' || origin === 'set') return `has too many entries (at most ${limit})`;
	if (origin === 'file') return `is too large (at most ${limit} bytes)`;
	if (origin === 'date')
		return `must be ${inclusive === false ? 'before' : 'at most'} ${issue.maximum}`;
	return inclusive === false
		? `must be less than ${issue.maximum}`
		: `must be at most ${issue.maximum}`;
}

function tooSmall(issue: Issue): string {
	const { origin, inclusive } = issue as Issue & { origin: string; inclusive?: boolean };
	const limit = Number(issue.minimum) + (inclusive === false ? 1 : 0);
	if (origin === 'string')
		return limit <= 1 ? 'must not be empty' : `is too short (at least ${limit} characters)`;
	if (origin === 'array' || origin === 'set')
		return limit <= 1 ? 'must have at least one entry' : `needs at least ${limit} entries`;
	if (origin === 'date')
		return `must be ${inclusive === false ? 'after' : 'at least'} ${issue.minimum}`;
	return inclusive === false
		? `must be more than ${issue.minimum}`
		: `must be at least ${issue.minimum}`;
}

const FORMATS: Record<string, string> = {
	email: 'an email address',
	url: 'a URL (https://…)',
	uuid: 'a UUID',
	guid: 'a UUID',
	datetime: 'a date and time (ISO 8601, e.g. 2026-01-31T09:00:00Z)',
	date: 'a date written yyyy-MM-dd',
	time: 'a time written HH:mm:ss',
	ipv4: 'an IPv4 address',
	ipv6: 'an IPv6 address',
	base64: 'base64 text',
	base64url: 'base64url text',
	jwt: 'a JSON Web Token',
};

function badFormat(issue: Issue): string {
	const { format } = issue as Issue & { format: string };
	if (format === 'starts_with') return `must start with "${issue.prefix}"`;
	if (format === 'ends_with') return `must end with "${issue.suffix}"`;
	if (format === 'includes') return `must contain "${issue.includes}"`;
	if (format === 'regex') return 'is not in the expected form';
	return `must be ${FORMATS[format] ?? `a valid ${format}`}`;
}

function oneOf(values: readonly unknown[]): string {
	if (values.length === 1) return `must be ${shown(values[0])}`;
	return `must be one of ${values.map(shown).join(', ')}`;
}

/**
 * A value that matches no alternative: when every alternative wants another type, the types it may
 * be; otherwise what the closest alternative (the one that got past its type check) says.
 */
function noAlternative(issue: Issue): string {
	const { errors, input } = issue as Issue & { errors?: z.core.$ZodIssue[][] };
	if (!errors?.length) return 'does not match any allowed form';
	const wrongTypeOnly = (branch: z.core.$ZodIssue[]) =>
		branch.length === 1 &&
		branch[0].path.length === 0 &&
		(branch[0].code === 'invalid_type' || branch[0].code === 'invalid_value');
	if (input === undefined) return 'is required';
	if (errors.every(wrongTypeOnly)) {
		const allowed = errors.map(([only]) => {
			if (only.code === 'invalid_value') return only.values.map(shown).join(', ');
			return only.code === 'invalid_type' ? termOf(only.expected) : '';
		});
		return `must be ${[...new Set(allowed)].join(' or ')}, not ${describeValue(input)}`;
	}
	const closest = errors.find((branch) => !wrongTypeOnly(branch)) ?? errors[0];
	return closest
		.map((inner) =>
			inner.path.length ? `${inner.path.map(String).join('.')}: ${inner.message}` : inner.message,
		)
		.join('; ');
}

export function editorWording(issue: Issue): string {
	switch (issue.code) {
		case 'invalid_type':
			return wrongType(issue);
		case 'too_big':
			return tooBig(issue);
		case 'too_small':
			return tooSmall(issue);
		case 'invalid_format':
			return badFormat(issue);
		case 'not_multiple_of':
			return `must be a multiple of ${issue.divisor}`;
		case 'unrecognized_keys': {
			const keys = (issue.keys as string[]).map(shown).join(', ');
			return (issue.keys as string[]).length > 1
				? `unknown fields: ${keys}`
				: `unknown field: ${keys}`;
		}
		case 'invalid_union':
			return noAlternative(issue);
		case 'invalid_key':
			return 'has a key that is not allowed';
		case 'invalid_element':
			return 'has an entry that is not valid';
		case 'invalid_value':
			return issue.input === undefined ? 'is required' : oneOf(issue.values as unknown[]);
		default:
			return issue.input === undefined ? 'is required' : 'is not valid here';
	}
}
