export { httpServerSpans, routeOf } from './http-server-spans';
