export { serveStatic } from '../../src/lib/static-server';
