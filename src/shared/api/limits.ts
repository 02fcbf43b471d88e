/** The largest JSON input any host takes for one call: browser mode's request body, the CLI's `api OPERATION -` on stdin. */
export const maxJsonInputBytes = 1024 * 1024;
