export { httpServerSpans, routeOf } from './http-server-spans';
export { startLeanSpan } from './start-span';
