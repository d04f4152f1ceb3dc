/** What the browser said when asked to keep this site's storage. */
export type Persistence = 'granted' | 'refused' | 'unsupported';

/**
 * Asks the browser not to clear this site's storage when space runs low
 * (`navigator.storage.persist()`, which answers for the whole origin). A refusal, or a browser
 * without the call, is an answer, never an error. Each store (the library's, the editor's drafts)
 * keeps the answer it got, so as to ask once.
 */
export async function requestPersistence(
	storage: Pick<StorageManager, 'persist'> | undefined
): Promise<Persistence> {
	if (typeof storage?.persist !== 'function') return 'unsupported';
	return (await storage.persist().catch(() => false)) ? 'granted' : 'refused';
}
