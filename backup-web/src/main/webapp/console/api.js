// Calls of the catalog's public API with the caller's token. Errors keep the API's own
// error_code, error_msg and request_id, so that an operator can quote them.

/** The root that /v1/... hangs from: the console is served at <root>/console/. */
export const API_ROOT = new URL('../', document.baseURI);

export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** GETs a URL of the API and answers its JSON body; anything but a 200 is thrown as an ApiError. */
export async function getJson(url, token) {
  let response;
  try {
    response = await fetch(url, {
      headers: { 'X-Auth-Token': token, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (failure) {
    throw new ApiError(0, '', `The catalog could not be reached (${failure.message}).`, '');
  }
  const headerRequestId = response.headers.get('X-Request-Id') || '';
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      stringOr(body?.error_code, ''),
      stringOr(body?.error_msg, `HTTP ${response.status} without an error body`),
      stringOr(body?.request_id, headerRequestId));
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError(response.status, '', 'The answer was not a JSON object.', headerRequestId);
  }
  return body;
}

function stringOr(value, fallback) {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** The URL of one item, under its own project. */
export function itemUrl(project, id) {
  return new URL(
    `v1/${encodeURIComponent(project)}/checkpoint_items/${encodeURIComponent(id)}`,
    API_ROOT).href;
}
