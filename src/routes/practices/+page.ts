// The library is read and searched with links and a GET form: it needs no JavaScript, and
// without hydration its results and facets are not sent twice (in the HTML and as data).
export const csr = false;
