import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';

/**
 * The slice of IExecuteSingleFunctions that hooks use, backed by plain parameters, for unit tests
 * of builders and readers. Engine tests run the same hooks inside n8n's real engine.
 */
export function singleContext(
	parameters: IDataObject,
	options: {
		itemIndex?: number;
		continueOnFail?: boolean;
		credentials?: IDataObject;
		/** The node's version (a builder reads it to know its parameters' shape); default 1. */
		typeVersion?: number;
	} = {},
): IExecuteSingleFunctions {
	const executeData = { node: {}, data: { main: [[{ json: {} }]] }, source: null };
	const node: INode = {
		id: 'node-under-test',
		name: 'Push',
		type: 'n8n-nodes-push-gateways.test',
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const read = (path: string): unknown =>
		path
			.split('.')
			.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters);
	return {
		getNode: () => node,
		getItemIndex: () => options.itemIndex ?? 0,
		continueOnFail: () => options.continueOnFail ?? false,
		getNodeParameter: (name: string, fallback?: unknown) => read(name) ?? fallback,
		getExecuteData: () => executeData,
		getCredentials: async () => options.credentials ?? {},
	} as unknown as IExecuteSingleFunctions;
}
