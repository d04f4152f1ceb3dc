// The benchmark's baseline: a bare MapLibre page drawing the same basemap as the app (the same
// world.geojson, land, borders and labels), with nothing of the app around it.
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import world from '../../geodata/world.geojson?url';
import labels from '../../geodata/labels.geojson?url';

performance.mark('map-create');
setWorkerUrl(workerUrl);
const el = document.getElementById('map');
const map = new Map({
	container: el,
	style: {
		version: 8,
		sources: {
			world: { type: 'geojson', data: world },
			labels: { type: 'geojson', data: labels }
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': '#cfdde8' } },
			{ id: 'land', type: 'fill', source: 'world', paint: { 'fill-color': '#f3f0e9' } },
			{
				id: 'borders',
				type: 'line',
				source: 'world',
				paint: { 'line-color': '#8f887e', 'line-width': 0.6 }
			},
			{
				id: 'labels',
				type: 'symbol',
				source: 'labels',
				layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': 11 }
			}
		]
	},
	bounds: [
		[-13, 9],
		[58, 61]
	],
	fitBoundsOptions: { padding: 24 },
	attributionControl: false,
	renderWorldCopies: false
});
map.once('load', () => performance.mark('map-load'));
map.on('idle', () => el.setAttribute('aria-busy', 'false'));
