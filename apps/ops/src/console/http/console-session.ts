import { cookieValue, SESSION_COOKIE, verifySession } from '../domain/session-token';
import type { ConsoleUser } from '../domain/roles';
import { header, type ConsoleRequest } from './http-types';

/** The signed-in user of a request, from its session cookie. */
export const sessionUser = (request: ConsoleRequest, secret: Buffer): ConsoleUser | undefined =>
  verifySession(cookieValue(header(request, 'cookie'), SESSION_COOKIE), secret, Math.floor(Date.now() / 1000));

/** The Set-Cookie value of a session (empty value and Max-Age=0 to sign out). */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/console', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}
