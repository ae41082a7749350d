import { openApiDocument } from "@/lib/api/openapi";
import { json } from "@/server/http";

/** The OpenAPI 3.1 document of the HTTP API, generated from the routes' zod schemas (lib/api/openapi.ts). */
export function GET(): Response {
  return json(openApiDocument());
}
