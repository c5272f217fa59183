import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A fixedCollection of key/value rows, as n8n stores it. */
interface KeyValueRows {
	pairs?: Array<{ key?: string; value?: unknown }>;
}

/** Key/value rows to a map of strings (push payload maps carry strings only). */
export function keyValueRowsToRecord(rows: KeyValueRows | undefined): Record<string, string> {
	const record: Record<string, string> = {};
	for (const { key, value } of rows?.pairs ?? []) {
		if (!key) continue;
		record[key] =
			typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
	}
	return record;
}

/** An object given as such (from an expression) or as JSON text of one; undefined for anything else. */
export function jsonObjectOf(value: unknown): IDataObject | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
		? (parsed as IDataObject)
		: undefined;
}

/** A JSON parameter arrives as an object (expression) or as text; anything else is a clear error. */
export function readJsonObject(
	context: IExecuteSingleFunctions,
	parameterName: string,
	label: string,
): IDataObject {
	const raw = context.getNodeParameter(parameterName, {}) as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `${label} is not valid JSON`, {
				itemIndex: context.getItemIndex(),
				description: (error as Error).message,
			});
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), `${label} must be a JSON object`, {
			itemIndex: context.getItemIndex(),
		});
	}
	return value as IDataObject;
}

/** Drops keys whose value is undefined, an empty string or an empty object, recursively. */
export function compact<T extends IDataObject>(value: T): T {
	const result: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) {
		if (entry === undefined || entry === null || entry === '') continue;
		if (typeof entry === 'object' && !Array.isArray(entry)) {
			const inner = compact(entry as IDataObject);
			if (Object.keys(inner).length > 0) result[key] = inner;
			continue;
		}
		result[key] = entry;
	}
	return result as T;
}

export function utf8Length(text: string): number {
	return new TextEncoder().encode(text).length;
}
