import { errorResponse } from "@/server/http";
import { ConsoleError } from "@/server/errors";

/** Unknown API paths answer JSON, never Next's HTML 404 page. */
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  return errorResponse(new ConsoleError("not_found", `No API endpoint at ${path}.`, 404));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
