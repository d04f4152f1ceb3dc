/**
 * The parts of the map page that its first view does not show, unless the address opens one: a
 * country's panel (and what builds its model), a mark's, and the presenter's toolbar and caption.
 * The page loads them (code and styles) in the idle time after that view, or at once when it
 * needs one sooner.
 */
export { buildPanelModel } from './panel-model';
export { default as CountryPanel } from './CountryPanel.svelte';
export { default as MarkPanel } from './MarkPanel.svelte';
export { default as Presenter } from './Presenter.svelte';
