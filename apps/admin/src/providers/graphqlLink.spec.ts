import { parse } from 'graphql';
import { graphqlLink, ServerError, type LinkOperation } from './graphqlLink';

const operation = (context: ReturnType<LinkOperation['getContext']> = {}): LinkOperation => ({
  query: parse('query Me { me { id } }'),
  variables: { a: 1 },
  operationName: 'Me',
  getContext: () => context,
});

/** Runs the link once; resolves with what the observer saw. */
function run(link: ReturnType<typeof graphqlLink>, op: LinkOperation) {
  return new Promise<{ next?: unknown; error?: unknown }>((resolve) => {
    const seen: { next?: unknown; error?: unknown } = {};
    link.request(op).subscribe({ next: (r) => (seen.next = r), error: (e) => resolve({ ...seen, error: e }), complete: () => resolve(seen) });
  });
}

describe('the data provider link', () => {
  it('posts the printed query with the operation’s headers, and passes a GraphQL answer on whatever its status', async () => {
    const doFetch = jest.fn(async () => new Response(JSON.stringify({ errors: [{ message: 'Quá sâu' }] }), { status: 400 }));
    const seen = await run(graphqlLink('/graphql', () => doFetch as unknown as typeof fetch), operation({ headers: { authorization: 'Bearer t' } }));
    expect(seen).toEqual({ next: { errors: [{ message: 'Quá sâu' }] } });
    const [url, init] = doFetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ operationName: 'Me', variables: { a: 1 }, query: expect.stringContaining('me {') });
  });

  it('fails with a ServerError (status, body) on an answer that is not GraphQL', async () => {
    const link = graphqlLink('/graphql', () => (async () => new Response('Bad Gateway', { status: 502 })) as unknown as typeof fetch);
    const { error } = await run(link, operation());
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ statusCode: 502, result: 'Bad Gateway' });
  });

  it('aborts the request when unsubscribed or when the caller’s signal aborts (react-query cancelling a read)', async () => {
    const signals: AbortSignal[] = [];
    const hang = (async (_url: string, init: RequestInit) => {
      signals.push(init.signal as AbortSignal);
      return new Promise<Response>(() => undefined);
    }) as unknown as typeof fetch;
    const link = graphqlLink('/graphql', () => hang);
    link.request(operation()).subscribe({}).unsubscribe();
    const outer = new AbortController();
    const error = jest.fn();
    link.request(operation({ fetchOptions: { signal: outer.signal } })).subscribe({ error });
    outer.abort();
    await new Promise((r) => setTimeout(r, 0));
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });
});
