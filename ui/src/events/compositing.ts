/**
 * Whether the page is composited. Chromium composites each canvas on a layer
 * of its own and never paints again what lies under or around one that
 * changed; the desktop app's WebKitGTK, not composited, paints again every
 * layer in the box of the window the step changed, so there pictures stand
 * for SVGs that would otherwise be painted at each step (`?basemap-picture`
 * turns them on in Chromium too, for tests).
 */
export const COMPOSITED = /Chrome\//.test(navigator.userAgent);
export const PICTURES = !COMPOSITED || new URLSearchParams(location.search).has("basemap-picture");
