/** Whether this browser can draw the map at all (WebGL 2, which MapLibre 5+ needs). */
export function webglSupported(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return !!canvas.getContext('webgl2');
	} catch {
		return false;
	}
}
