export { serveStatic } from '../../src/build/static-server';
