import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod/v4';

import { editorWording } from './issueWording';

/** UI names for body paths, so an error names the field the user sees as well as the JSON path. */
export type FieldLabels = Record<string, string>;

function describeIssue(issue: z.core.$ZodIssue, labels: FieldLabels): string {
	const path = issue.path.map(String).join('.');
	if (!path) return issue.message;
	const label = labels[path] ?? labels[path.replace(/\.\d+(?=\.|$)/g, '[]')];
	return label ? `${label} (${path}): ${issue.message}` : `${path}: ${issue.message}`;
}

/** Each issue as the user reads it: the field's label, its path, the rule (see issueWording.ts). */
export function describeIssues(issues: z.core.$ZodIssue[], labels: FieldLabels = {}): string[] {
	return issues.map((issue) => describeIssue(issue, labels));
}

/**
 * Checks a request body (or any value) against a schema before anything is sent.
 * Throws a NodeOperationError whose message names the first broken field and its rule,
 * and whose description lists every problem, so one run shows the user all there is to fix.
 */
export function validateOrThrow<T extends z.ZodType>(
	context: IExecuteSingleFunctions,
	schema: T,
	value: unknown,
	subject: string,
	labels: FieldLabels = {},
): z.output<T> {
	const result = schema.safeParse(value, { error: editorWording });
	if (result.success) return result.data;
	const problems = describeIssues(result.error.issues, labels);
	throw new NodeOperationError(context.getNode(), `Invalid ${subject}: ${problems[0]}`, {
		itemIndex: context.getItemIndex(),
		description: problems.length > 1 ? problems.map((p) => `• ${p}`).join('\n') : undefined,
	});
}
