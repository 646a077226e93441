// The same server URL pointing at another database (test databases are clones on one server).
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
