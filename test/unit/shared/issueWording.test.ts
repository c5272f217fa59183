/**
 * No zod default wording reaches a user: every exported zod schema of the nodes and credentials is
 * walked field by field with missing, wrong-typed and out-of-range values, and every message the
 * validation runner would show is checked. New schemas and new rules are covered as they are added.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { z } from 'zod/v4';

import { editorWording } from '../../../nodes/shared/issueWording';
import {
	describeIssues,
	validateOrThrow,
	type FieldLabels,
} from '../../../nodes/shared/validation';
import {
	fieldLabels as engageLabLabels,
	pushBodySchema,
	pushRulesSchema,
	targetsSchema,
} from '../../../nodes/EngageLab/schema';
import { singleContext } from '../../support/singleContext';

const ROOT = join(__dirname, '../../..');

/** zod's English defaults (zod 3.25's v4 locale), any of which means a message was left to zod. */
const ZOD_DEFAULTS =
	/Invalid (input|option|string|key|element|value|format|type|union|literal|enum|date|number)|Too (big|small)|Unrecognized key|expected (string|number|int|boolean|array|object|record|never|nonoptional|one of)|received (undefined|string|number|boolean|object|array|null|nan)|Required|Expected/;

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

interface Found {
	name: string;
	schema: z.ZodType;
	labels: FieldLabels;
}

function exportedSchemas(): Found[] {
	const found: Found[] = [];
	for (const file of [
		...sourceFiles(join(ROOT, 'nodes')),
		...sourceFiles(join(ROOT, 'credentials')),
	]) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exports = require(file) as Record<string, unknown>;
		const labels = (exports.fieldLabels ?? {}) as FieldLabels;
		for (const [name, value] of Object.entries(exports))
			if (value instanceof z.ZodType)
				found.push({ name: `${relative(ROOT, file)} › ${name}`, schema: value, labels });
	}
	return found;
}

/** Values of every kind, at the edges: each field gets each of them. */
const LEAVES: unknown[] = [
	undefined,
	null,
	'',
	'   ',
	'text',
	'x'.repeat(5000),
	0,
	-1,
	1.5,
	1e15,
	Number.NaN,
	true,
	[],
	['text'],
	{},
	{ unknownField: 1 },
];

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Values that reach every field of a schema: each field given each leaf value, its siblings left out. */
function probes(schema: unknown, depth = 0, seen = new Set<unknown>()): unknown[] {
	if (depth > 10 || seen.has(schema)) return LEAVES;
	const inner = new Set([...seen, schema]);
	const def = defOf(schema);
	const below = (child: unknown) => probes(child, depth + 1, inner);
	switch (def.type) {
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'nonoptional':
		case 'readonly':
		case 'catch':
			return below(def.innerType);
		case 'pipe':
			return below(def.in);
		case 'lazy':
			return below((def.getter as () => unknown)());
		case 'union':
			return [...LEAVES, ...(def.options as unknown[]).flatMap(below)];
		case 'intersection':
			return [...below(def.left), ...below(def.right)];
		case 'object': {
			const shape = def.shape as Record<string, unknown>;
			const values: unknown[] = [...LEAVES];
			for (const [key, child] of Object.entries(shape))
				for (const value of below(child)) values.push({ [key]: value });
			return values;
		}
		case 'array':
			return [
				...LEAVES,
				...below(def.element).map((value) => [value]),
				Array.from({ length: 2001 }, () => 'text'),
			];
		case 'record':
			return [...LEAVES, ...below(def.valueType).map((value) => ({ key: value }))];
		case 'tuple':
			return [...LEAVES, (def.items as unknown[]).map(() => 'text')];
		default:
			return LEAVES;
	}
}

const schemas = exportedSchemas();

describe('no zod default wording reaches a user', () => {
	it('finds the schemas of every node (so the walk below cannot pass empty)', () => {
		const files = new Set(schemas.map(({ name }) => name.split(' › ')[0]));
		for (const file of [
			'nodes/EngageLab/schema.ts',
			'nodes/EngageLab/lifecycleSchema.ts',
			'nodes/RuStorePush/schema.ts',
			'nodes/RuStoreUniversalPush/schema.ts',
			'nodes/SberSmartPush/schema.ts',
		])
			expect(files).toContain(file);
	});

	/** Every message the runner would show for these values; none may be zod's. */
	function walk(schema: z.ZodType, labels: FieldLabels, values: unknown[]) {
		const leaks: string[] = [];
		let messages = 0;
		for (const value of values) {
			const result = schema.safeParse(value, { error: editorWording });
			if (result.success) continue;
			for (const message of describeIssues(result.error.issues, labels)) {
				messages += 1;
				if (ZOD_DEFAULTS.test(message))
					leaks.push(`${JSON.stringify(value)?.slice(0, 120)} → ${message}`);
			}
		}
		return { messages, leaks: [...new Set(leaks)] };
	}

	// A rule across fields (z.custom) is only given what passed its field schema: it is walked below.
	const fieldSchemas = schemas.filter(({ schema }) => defOf(schema).type !== 'custom');

	it.each(fieldSchemas.map((found) => [found.name, found] as const))(
		'%s',
		(_name, { schema, labels }) => {
			const { messages, leaks } = walk(schema, labels, probes(schema));
			expect(messages).toBeGreaterThan(0);
			expect(leaks).toEqual([]);
		},
	);

	it("EngageLab's rules across fields word the targets they check again", () => {
		const bodies = probes(targetsSchema).map((to) => ({ to, body: {} }));
		const { messages, leaks } = walk(pushRulesSchema, engageLabLabels, bodies);
		expect(messages).toBeGreaterThan(bodies.length);
		expect(leaks).toEqual([]);
	});
});

describe('the wording', () => {
	const wording = (schema: z.ZodType, value: unknown) => {
		const result = schema.safeParse(value, { error: editorWording });
		return result.success ? [] : describeIssues(result.error.issues);
	};

	it('names a missing field as required and a wrong type in the editor’s terms', () => {
		const schema = z.strictObject({
			title: z.string(),
			count: z.number().int(),
			on: z.boolean(),
			tags: z.array(z.string()),
			extras: z.record(z.string(), z.unknown()),
		});
		expect(wording(schema, { count: 1.5, on: 'yes', tags: 'a', extras: [] })).toEqual([
			'title: is required',
			'count: must be a whole number, not 1.5',
			'on: must be on or off (true or false), not text',
			'tags: must be a list, not text',
			'extras: must be a JSON object, not a list',
		]);
	});

	it('says how long, how many, which values and which fields', () => {
		const schema = z.strictObject({
			name: z.string().min(1).max(10),
			ids: z.array(z.string()).min(1).max(2),
			size: z.number().min(1).max(5),
			kind: z.enum(['a', 'b']),
			alert: z.union([z.string(), z.record(z.string(), z.unknown())]),
		});
		expect(
			wording(schema, { name: 'x'.repeat(11), ids: [], size: 9, kind: 'c', alert: 4, extra: 1 }),
		).toEqual([
			'name: is too long (at most 10 characters)',
			'ids: must have at least one entry',
			'size: must be at most 5',
			'kind: must be one of "a", "b"',
			'alert: must be text or a JSON object, not 4',
			'unknown field: "extra"',
		]);
	});

	it("keeps a schema's own message", () => {
		expect(wording(z.object({ id: z.string().min(1, 'must not be empty') }), { id: '' })).toEqual([
			'id: must not be empty',
		]);
	});

	it('a Web Push without its URL names the field and says it is required', () => {
		const body = {
			from: 'push',
			to: 'all',
			body: { platform: 'web', notification: { web: { alert: 'Sale' } } },
		};
		expect(() =>
			validateOrThrow(singleContext({}), pushBodySchema, body, 'EngageLab push', engageLabLabels),
		).toThrow(
			'Invalid EngageLab push: Web Notification → URL (body.notification.web.url): is required',
		);
	});
});
