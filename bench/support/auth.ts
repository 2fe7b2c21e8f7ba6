/** Benchmarks run against the real app, authentication included: a first admin and an API token. */
export type Send = (options: { method: 'GET' | 'POST'; url: string; payload?: object; headers?: Record<string, string> }) => Promise<{
  status: number;
  body: unknown;
  setCookie: string[];
}>;

/** Creates the first admin through POST /api/setup and returns an API token acting as them. */
export async function adminToken(send: Send): Promise<string> {
  const setup = await send({ method: 'POST', url: '/api/setup', payload: { email: 'bench@example.com', name: 'Bench Admin', password: 'benchmark password 1' } });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const cookie = setup.setCookie.map((line) => line.split(';')[0]).join('; ');
  const csrf = (setup.body as { csrfToken: string }).csrfToken;
  const token = await send({ method: 'POST', url: '/api/tokens', payload: { name: 'bench', role: 'admin' }, headers: { cookie, 'x-csrf-token': csrf } });
  if (token.status !== 201) throw new Error(`token: ${token.status} ${JSON.stringify(token.body)}`);
  return (token.body as { token: string }).token;
}

/** `send` over HTTP to a running server. */
export const httpSend =
  (baseUrl: string): Send =>
  async ({ method, url, payload, headers }) => {
    const response = await fetch(baseUrl + url, {
      method,
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
    return { status: response.status, body: await response.json(), setCookie: response.headers.getSetCookie() };
  };
