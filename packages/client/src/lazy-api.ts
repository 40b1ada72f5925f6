import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "./generated/openapi.js";

const METHODS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * The client's `api` before its first request: every method loads the engine (and openapi-fetch with it) and then
 * calls the engine's openapi-fetch client, so an app that splits its bundle does not load openapi-fetch at start.
 * Middleware registered before that is handed over, in order, when the engine's client arrives.
 */
export function lazyApi(load: () => Promise<Client<paths>>): Client<paths> {
  let api: Client<paths> | undefined;
  let pending: Middleware[] = [];
  let loading: Promise<Client<paths>> | undefined;
  const ready = () => {
    loading ??= load().then((loaded) => {
      api = loaded;
      api.use(...pending);
      return api;
    });
    return loading;
  };
  const facade: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => (api ? api.use(...middleware) : pending.push(...middleware)),
    eject(...middleware: Middleware[]) {
      if (api) api.eject(...middleware);
      else pending = pending.filter((item) => !middleware.includes(item));
    },
  };
  for (const method of METHODS) {
    facade[method] = async (...args: unknown[]) =>
      ((await ready())[method] as (...forwarded: unknown[]) => unknown)(...args);
  }
  // The methods forward their arguments untouched, so each has the very type of the openapi-fetch method it calls.
  return facade as unknown as Client<paths>;
}
