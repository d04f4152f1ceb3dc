// Says why the page did not start, when it does not. The page's HTML (src/app.html) shows the
// briefing's title and "Loading…" until the app starts and removes it (#boot); this script, a plain
// file (module scripts do not run from file://), turns "Loading…" into the message that fits:
// - opened from disk (file://): browsers refuse the app's module scripts there;
// - the app's entry scripts could not be loaded, or failed before the app had started.
// With JavaScript off, the page's <noscript> says so instead.
(function () {
	/** @param {string} id */
	function show(id) {
		var boot = document.getElementById('boot');
		var message = document.getElementById(id);
		if (!boot || !message) return;
		boot.classList.add('boot-stopped');
		message.hidden = false;
	}
	// The page's HTML names the default briefing: an address naming another one (`?briefing=`)
	// shows the app's name until the app has loaded that briefing.
	var boot = document.getElementById('boot');
	var title = document.getElementById('boot-title');
	if (
		boot &&
		title &&
		boot.classList.contains('boot-map') &&
		/[?&]briefing=/.test(location.search)
	) {
		title.textContent = 'Briefing map';
	}
	if (location.protocol === 'file:') {
		show('boot-file');
		return;
	}
	// The same entry modules that SvelteKit's start-up script imports (the browser loads each
	// once): asking again tells this script whether they came, however early they failed.
	var entries = document.querySelectorAll('link[rel="modulepreload"][href*="/entry/"]');
	Promise.all(
		Array.prototype.map.call(entries, function (/** @type {HTMLLinkElement} */ link) {
			return import(link.href);
		})
	).catch(function () {
		show('boot-failed');
	});
	// Anything thrown before the app has started (it removes #boot as it does) stops it too.
	window.addEventListener('unhandledrejection', function () {
		show('boot-failed');
	});
	window.addEventListener('error', function () {
		show('boot-failed');
	});
})();
