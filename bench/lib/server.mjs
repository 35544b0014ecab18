// The benchmark serves the repo with the same server as the end-to-end tests.
export { root, startServer } from '../../scripts/static-server.mjs';
