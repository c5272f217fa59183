/**
 * Sber SmartPush's versions: 1 is 0.1.0's Send (Lite) variables as name/value rows, 1.1 takes JSON
 * (the requests of 0.1.0's workflows are pinned in savedWorkflows.0.1.0.test.ts). Each version shows
 * and reads one shape; no code guesses which one a saved parameter holds.
 */
import { NodeHelpers, type INode, type INodeParameters } from 'n8n-workflow';

import { SberSmartPush } from '../../nodes/SberSmartPush/SberSmartPush.node';

const { description } = new SberSmartPush();

function variableFieldTypes(typeVersion: number, operation: string): Record<string, string> {
	const values: INodeParameters = { resource: 'push', operation };
	const node = { typeVersion, parameters: values } as unknown as INode;
	const shown = (property: (typeof description.properties)[number]) =>
		NodeHelpers.displayParameter(values, property, node, description);
	return Object.fromEntries(
		description.properties
			.filter((property) => ['headerValues', 'bodyValues'].includes(property.name))
			.filter(shown)
			.map((property) => [property.name, property.type]),
	);
}

describe('Sber SmartPush’s Send (Lite) variables by version, as n8n resolves them', () => {
	it('version 1 shows name/value rows, 1.1 JSON, each one field per part', () => {
		expect(variableFieldTypes(1, 'sendLite')).toEqual({
			headerValues: 'fixedCollection',
			bodyValues: 'fixedCollection',
		});
		expect(variableFieldTypes(1.1, 'sendLite')).toEqual({
			headerValues: 'json',
			bodyValues: 'json',
		});
	});

	it('new nodes get version 1.1', () => {
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
	});
});
