/**
 * Saves `text` as a file named `name`, made in the page: a Blob URL through an <a download>.
 * Nothing is fetched, and the Content Security Policy (which restricts fetches, not downloads)
 * allows it.
 */
export function downloadText(name: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves `blob` as a file named `name` (an image made in the page), as `downloadText` does. */
export function downloadBlob(name: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
