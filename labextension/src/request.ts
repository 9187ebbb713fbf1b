import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

/**
 * Call the proofnb server extension and return its JSON body.
 *
 * Every URL is built from the server's base URL, so the panel works behind proxies and
 * under base URLs with special characters. A failed request throws a
 * `ServerConnection.ResponseError` whose message is the server's own `message`.
 */
export async function requestAPI<T>(
  endPoint: string,
  query: { [key: string]: string | number } = {},
  init: RequestInit = {}
): Promise<T> {
  const settings = ServerConnection.makeSettings();
  const params = URLExt.objectToQueryString(
    Object.fromEntries(
      Object.entries(query)
        .filter(([, value]) => value !== '')
        .map(([key, value]) => [key, String(value)])
    )
  );
  const url =
    URLExt.join(settings.baseUrl, 'proofnb', 'api', endPoint) +
    (params === '?' ? '' : params);

  let response: Response;
  try {
    // 'no-cache' revalidates every time without the timestamp query parameter that
    // JupyterLab appends for 'no-store' (the API rejects unknown parameters).
    response = await ServerConnection.makeRequest(
      url,
      { cache: 'no-cache', ...init },
      settings
    );
  } catch (error) {
    throw new ServerConnection.NetworkError(error as TypeError);
  }

  const text = await response.text();
  let data: unknown = text;
  if (text.length > 0) {
    try {
      data = JSON.parse(text);
    } catch {
      // Not JSON (e.g. a proxy's HTML error page): keep the raw text for the message.
    }
  }
  if (!response.ok) {
    throw new ServerConnection.ResponseError(
      response,
      errorMessage(response, data)
    );
  }
  return data as T;
}

function errorMessage(response: Response, data: unknown): string {
  if (data && typeof data === 'object' && 'message' in data) {
    const message = (data as { message: unknown }).message;
    if (typeof message === 'string' && message) {
      return message;
    }
  }
  if (response.status === 404) {
    return 'The proofnb server extension is not answering (404). Enable it with `jupyter server extension enable proofnb` and restart JupyterLab.';
  }
  return `The server answered ${response.status} ${response.statusText}`.trim();
}
