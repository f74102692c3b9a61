import { HttpError } from 'react-admin';
import { toReactAdminError } from './graphqlErrors';

/** What ra-data-graphql throws for a GraphQL error: an HttpError whose body is Apollo's error. */
const fromApollo = (...graphQLErrors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new HttpError(graphQLErrors[0].message, 200, { graphQLErrors, networkError: null });

describe('GraphQL errors as react-admin errors', () => {
  it('puts a BAD_USER_INPUT message on the field it names, and in the form-level error', () => {
    const error = toReactAdminError(
      fromApollo({ message: 'Ngày chính thức không được trước ngày vào Đảng', extensions: { code: 'BAD_USER_INPUT', field: 'officialOn' } }),
      { forForm: true },
    ) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Ngày chính thức không được trước ngày vào Đảng');
    expect(error.body.errors).toEqual({
      officialOn: 'Ngày chính thức không được trước ngày vào Đảng',
      root: { serverError: 'Ngày chính thức không được trước ngày vào Đảng' },
    });
  });

  it('keeps a stale version (CONFLICT) as a form-level error with status 409', () => {
    const error = toReactAdminError(fromApollo({ message: 'đảng viên đã được người khác sửa', extensions: { code: 'CONFLICT', field: 'version' } }), {
      forForm: true,
    }) as HttpError;
    expect(error.status).toBe(409);
    expect(error.body.errors).toEqual({ root: { serverError: 'đảng viên đã được người khác sửa' } });
  });

  it('shows a duplicate (CONFLICT on a unique field) next to its field', () => {
    const error = toReactAdminError(fromApollo({ message: 'Số thẻ đảng viên đã được dùng', extensions: { code: 'CONFLICT', field: 'cardNumber' } }), {
      forForm: true,
    }) as HttpError;
    expect(error.body.errors).toEqual({ cardNumber: 'Số thẻ đảng viên đã được dùng', root: { serverError: 'Số thẻ đảng viên đã được dùng' } });
  });

  it('gives reads no form errors, and maps codes to HTTP statuses (401 lets an authProvider log out)', () => {
    const error = toReactAdminError(fromApollo({ message: 'Bạn cần đăng nhập', extensions: { code: 'UNAUTHENTICATED' } }), {
      forForm: false,
    }) as HttpError;
    expect(error.status).toBe(401);
    expect(error.body.errors).toBeUndefined();
    expect((toReactAdminError(fromApollo({ message: 'x', extensions: { code: 'NOT_FOUND' } }), { forForm: false }) as HttpError).status).toBe(404);
    expect((toReactAdminError(fromApollo({ message: 'x' }), { forForm: false }) as HttpError).status).toBe(500);
  });

  it('ignores nested argument paths (filter.asOf) as field names', () => {
    const error = toReactAdminError(fromApollo({ message: 'Ngày không hợp lệ', extensions: { code: 'BAD_USER_INPUT', field: 'filter.asOf' } }), {
      forForm: true,
    }) as HttpError;
    expect(error.body.errors).toEqual({ root: { serverError: 'Ngày không hợp lệ' } });
  });

  it('turns a network failure into a translated message, keeping the HTTP status', () => {
    const error = toReactAdminError(new HttpError('Failed to fetch', undefined as unknown as number), { forForm: false }) as HttpError;
    expect(error.message).toBe('ra.notification.http_error');
    expect(error.status).toBe(0);
    expect((toReactAdminError(new HttpError('Response not successful', 503), { forForm: false }) as HttpError).status).toBe(503);
  });

  it("reads the server's errors from Apollo's ServerError of an HTTP 400 answer (alone or as an ApolloError's network error)", () => {
    const result = { errors: [{ message: 'Syntax Error: Query depth limit of 10 exceeded, found 11.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    const serverError = Object.assign(new Error('Response not successful: Received status code 400'), { name: 'ServerError', statusCode: 400, result });
    for (const error of [serverError, { graphQLErrors: [], networkError: serverError, message: serverError.message }]) {
      const mapped = toReactAdminError(error, { forForm: false }) as HttpError;
      expect(mapped).toBeInstanceOf(HttpError);
      expect(mapped.message).toBe('Syntax Error: Query depth limit of 10 exceeded, found 11.');
      expect(mapped.status).toBe(400);
    }
    // An unknown code keeps the answer's status rather than becoming a 500.
    const teapot = Object.assign(new Error('x'), { statusCode: 418, result: { errors: [{ message: 'Máy chủ bận', extensions: { code: 'SOMETHING_NEW' } }] } });
    expect((toReactAdminError(teapot, { forForm: false }) as HttpError).status).toBe(418);
  });

  it('leaves other errors alone', () => {
    const bug = new Error('Unknown resource Foo');
    expect(toReactAdminError(bug, { forForm: false })).toBe(bug);
  });
});
