import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake service received, its body parsed (JSON, or a form as a plain object). */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
}

export type FakeRoute = (request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>;

/** A loopback HTTP server standing in for a translation service in tests. */
export interface FakeHttpServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Every request received, oldest first. */
  received: ReceivedRequest[];
  /** The next `times` requests to `path` get this answer instead of the route's. */
  failNext(path: string, status: number, body: unknown, times?: number): void;
  /** The next `times` requests to `path` are never answered. */
  hangNext(path: string, times?: number): void;
  /** Stops the server, dropping unanswered requests. */
  close(): Promise<void>;
}

type Override = { kind: 'fail'; answer: FakeAnswer } | { kind: 'hang' };

/** Starts a fake service on 127.0.0.1 answering `routes` (matched on the path; query ignored) with JSON. */
export async function startFakeHttpServer(routes: Record<string, FakeRoute>): Promise<FakeHttpServer> {
  const received: ReceivedRequest[] = [];
  const overrides = new Map<string, Override[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const body = text === '' ? undefined : form ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text);
      const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      received.push(request);
      const override = overrides.get(url.pathname)?.shift();
      if (override?.kind === 'hang') return;
      const route = routes[url.pathname];
      const answer = override?.answer ?? (route ? await route(request) : { status: 404, body: { error: 'Not Found' } });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const queue = (path: string, override: Override, times: number) =>
    overrides.set(path, [...(overrides.get(path) ?? []), ...Array.from({ length: times }, () => override)]);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext: (path, status, body, times = 1) => queue(path, { kind: 'fail', answer: { status, body } }, times),
    hangNext: (path, times = 1) => queue(path, { kind: 'hang' }, times),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
