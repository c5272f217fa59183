import { NodeOperationError } from 'n8n-workflow';

import {
	compact,
	jsonObjectOf,
	keyValueRowsToRecord,
	readJsonObject,
	utf8Length,
} from '../../../nodes/shared/parameters';
import { singleContext } from '../../support/singleContext';

describe('keyValueRowsToRecord', () => {
	it('turns rows into a map of strings and skips rows without a key', () => {
		const rows = {
			pairs: [
				{ key: 'a', value: 1 },
				{ key: '', value: 'x' },
				{ key: 'b', value: { c: true } },
				{ key: 'd' },
			],
		};
		expect(keyValueRowsToRecord(rows)).toEqual({ a: '1', b: '{"c":true}', d: '' });
	});
});

describe('readJsonObject', () => {
	it('accepts an object or JSON text', () => {
		expect(readJsonObject(singleContext({ j: { a: 1 } }), 'j', 'Body')).toEqual({ a: 1 });
		expect(readJsonObject(singleContext({ j: '{"a":1}' }), 'j', 'Body')).toEqual({ a: 1 });
	});

	it('names the field when the text is not JSON or not an object', () => {
		const invalid = () => readJsonObject(singleContext({ j: '{a:' }), 'j', 'Body (JSON)');
		expect(invalid).toThrow(NodeOperationError);
		expect(invalid).toThrow('Body (JSON) is not valid JSON');
		expect(() => readJsonObject(singleContext({ j: '[1]' }), 'j', 'Body (JSON)')).toThrow(
			'Body (JSON) must be a JSON object',
		);
	});
});

describe('jsonObjectOf', () => {
	it('takes an object as given or as JSON text of one', () => {
		expect(jsonObjectOf({ a: 1 })).toEqual({ a: 1 });
		expect(jsonObjectOf('{"a": "b"}')).toEqual({ a: 'b' });
	});

	it('gives undefined for anything that is not one object', () => {
		for (const value of ['{bad', '[1]', '"text"', '3', 'null', [1], null, undefined, 7])
			expect(jsonObjectOf(value)).toBeUndefined();
	});
});

describe('compact', () => {
	it('drops empty strings, undefined and empty objects at every depth, keeping falsy numbers', () => {
		expect(
			compact({ a: '', b: { c: undefined, d: {} }, e: 0, f: false, g: { h: 'x' }, i: [] }),
		).toEqual({
			e: 0,
			f: false,
			g: { h: 'x' },
			i: [],
		});
	});
});

describe('utf8Length', () => {
	it('counts bytes, not characters', () => {
		expect(utf8Length('abc')).toBe(3);
		expect(utf8Length('Привет')).toBe(12);
	});
});
