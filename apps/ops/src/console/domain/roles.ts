/** Who may do what in the console: viewers look, operators also replay and run reconciliations. */
export const CONSOLE_ROLES = ['viewer', 'operator'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** The /v1 scopes the console's internal principal carries for each role. */
export const ROLE_SCOPES: Readonly<Record<ConsoleRole, readonly string[]>> = {
  viewer: ['ops:read'],
  operator: ['ops:read', 'ops:replay', 'ops:reconcile'],
};

export const isConsoleRole = (value: string): value is ConsoleRole => (CONSOLE_ROLES as readonly string[]).includes(value);

/** The console user signed in; the internal principal is `console:<username>`. */
export interface ConsoleUser {
  readonly username: string;
  readonly role: ConsoleRole;
}
