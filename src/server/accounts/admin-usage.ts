/** `hindsight admin --help`: apart from the command, so the help is printed without loading it. */
export const adminUsage = `  admin create --email <email> --name <name> [--password <password>]
             create an admin account; without --password the password is read from
             HINDSIGHT_ADMIN_PASSWORD (preferred: it stays out of shell history and ps)`;
