/**
 * The harness's stand-in for n8n's credentials table. Rows hold serialized data, so every read returns a
 * fresh copy, exactly as each `getDecrypted` in n8n reads (and decrypts) the row again. Not encrypted:
 * n8n-core 2.41's Cipher needs the cli's database-backed encryption-key provider, and encryption changes
 * nothing a node can observe. One store can be shared by concurrent runs.
 */
import { ICredentials } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ICredentialsEncrypted } from 'n8n-workflow';

/** The `ICredentials` object n8n's `getCredentials` returns, over one stored row. */
export class StoredCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: ICredentialDataDecryptedObject,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...(await this.getData()), ...toUpdate };
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}

export class CredentialStore {
	private readonly rows = new Map<string, ICredentialsEncrypted>();

	/** preAuthentication calls per credential id, summed over every run that used this store. */
	private readonly preAuthCalls = new Map<string, number>();

	has(id: string): boolean {
		return this.rows.has(id);
	}

	/** Stores `data` under `id` unless the id is already known (later runs then see persisted updates). */
	seed(id: string, type: string, data: ICredentialDataDecryptedObject): void {
		if (!this.rows.has(id)) this.write(id, type, data);
	}

	/** Like `credentialsRepository.findOneByOrFail({ id, type })` wrapped in a credentials object. */
	credentials(id: string, type: string): StoredCredentials {
		const row = this.rows.get(id);
		if (!row || row.type !== type) {
			throw new Error(`Credential with ID "${id}" does not exist for type "${type}".`);
		}
		return new StoredCredentials({ id, name: row.name }, type, row.data);
	}

	async read(id: string, type: string): Promise<ICredentialDataDecryptedObject> {
		return await this.credentials(id, type).getData();
	}

	/** Like n8n's `updateCredentials`: replaces the whole row's data. */
	write(id: string, type: string, data: ICredentialDataDecryptedObject): void {
		this.rows.set(id, { id, name: `${type} ${id}`, type, data: JSON.stringify(data) });
	}

	countPreAuthentication(id: string): void {
		this.preAuthCalls.set(id, this.preAuthenticationCalls(id) + 1);
	}

	preAuthenticationCalls(id: string): number {
		return this.preAuthCalls.get(id) ?? 0;
	}
}

export function createCredentialStore(): CredentialStore {
	return new CredentialStore();
}
