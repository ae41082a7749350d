// Stands in for the "server-only" package under Vitest, which does not run in Next's react-server layer.
export {};
