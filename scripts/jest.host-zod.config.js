/**
 * The unit layer against the zod of another n8n (npm run test:compat): `zod/v4` resolves to the copy in
 * HOST_NODE_MODULES, the zod the nodes get there at run time, instead of the project's dev dependency.
 * The sandbox's own tests are left out: they check the sandbox, not the package.
 */
const { resolve } = require('node:path');

const base = require('../jest.config.js');
const root = resolve(__dirname, '..');

const hostModules = process.env.HOST_NODE_MODULES;
if (!hostModules)
	throw new Error('HOST_NODE_MODULES must name the node_modules of an installed n8n');
const hostZod = require.resolve('zod/v4', { paths: [hostModules] });

module.exports = {
	rootDir: root,
	projects: base.projects
		.filter((project) => project.displayName === 'unit')
		.map((project) => ({
			...project,
			rootDir: root,
			displayName: 'unit (host zod)',
			moduleNameMapper: { '^zod/v4$': hostZod },
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/sandbox/'],
		})),
};
