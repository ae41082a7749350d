/**
 * Every route under app/api, as the OpenAPI document describes it (lib/api/openapi.ts turns this table into the
 * document): its path and parameters, the zod schema of its query string (the one the route validates with) and of
 * its answer, and the error statuses it can give. lib/api/openapi.test.ts fails when a route on disk is missing here.
 * The entries live in two files by area; their shapes in openapi-route-types.ts.
 */
import { ADMIN_ROUTES } from "./openapi-routes-admin";
import { KAFKA_ROUTES } from "./openapi-routes-kafka";
import type { RouteDoc } from "./openapi-route-types";

export { ERROR_RESPONSES, type ErrorStatus, type RouteAnswer, type RouteDoc } from "./openapi-route-types";

export const API_ROUTES: readonly RouteDoc[] = [...KAFKA_ROUTES, ...ADMIN_ROUTES];
