// The page is read, not used: it needs no JavaScript, and without hydration the map's country
// paths are sent once (in the SVG) instead of twice (in the SVG and in the page data).
export const csr = false;
