/** Four layers, one runner: unit (schemas, hooks, error mapping), engine (n8n-core's WorkflowExecute
 * in-process against the provider sandbox), e2e (a real n8n process against the sandbox) and queue
 * (n8n in queue mode: a main process and two workers). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const project = (name, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
	...extra,
});

module.exports = {
	projects: [
		project('unit'),
		project('engine', { setupFiles: ['<rootDir>/test/engine/setup-env.ts'] }),
		project('e2e'),
		// n8n in queue mode with Redis and PostgreSQL: slow, run by `npm run test:queue`.
		project('queue'),
	],
};
