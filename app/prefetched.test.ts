import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { isValidElement, type ReactElement, type ReactNode, Suspense } from "react";
import { describe, expect, it } from "vitest";
import { Prefetched } from "@/app/prefetched";
import { ConsoleError } from "@/server/errors";

interface BoundaryProps {
  state: DehydratedState;
  children?: ReactNode;
}

const KEY = ["clusters", "c", "topics"];
const WHOLE = { topics: ["a", "b"], numbersPending: undefined };
const BEFORE = { topics: ["a", "b"], numbersPending: true };

function after<T>(ms: number, value: T): () => Promise<T> {
  return () => new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** A read that fails as an unreachable cluster does (a ConsoleError, so nothing is logged as unexpected). */
function failing(): Promise<never> {
  return Promise.reject(new ConsoleError("cluster_unreachable", "No broker answered.", 503));
}

/** The data a dehydrated state holds for KEY. */
function dataOf(state: DehydratedState): unknown {
  return state.queries.find((q) => JSON.stringify(q.queryKey) === JSON.stringify(KEY))?.state.data;
}

function boundary(node: unknown): BoundaryProps {
  if (!isValidElement(node) || node.type !== HydrationBoundary) throw new Error("not a HydrationBoundary");
  return (node as ReactElement<BoundaryProps>).props;
}

describe("Prefetched", () => {
  it("puts a read done within the budget into the HTML as it is, without its before-read", async () => {
    let beforeRead = false;
    const page = await Prefetched({
      queryKey: KEY,
      read: after(10, WHOLE),
      before: async () => {
        beforeRead = true;
        return BEFORE;
      },
      fallback: "loading",
      children: "rows",
    });
    const { state, children } = boundary(page);
    expect(dataOf(state)).toEqual(WHOLE);
    expect(children).toBe("rows");
    expect(beforeRead).toBe(false);
  });

  it("shows the before-read's rows while a slow read streams in behind them", async () => {
    const page = await Prefetched({
      queryKey: KEY,
      read: after(1_000, WHOLE),
      before: after(5, BEFORE),
      fallback: "loading",
      children: "rows",
    });
    const { state, children } = boundary(page);
    expect(dataOf(state)).toEqual(BEFORE);
    expect(Array.isArray(children)).toBe(true);
    const [rows, streamed] = children as [ReactNode, ReactElement<{ fallback: ReactNode; children: ReactElement }>];
    expect(rows).toBe("rows");
    expect(streamed.type).toBe(Suspense);
    expect(streamed.props.fallback).toBeNull();
    // The streamed part hydrates the whole read into the same query, with nothing of its own to show.
    const inner = streamed.props.children as ReactElement<{ state: Promise<DehydratedState>; children?: ReactNode }>;
    const whole = await inner.props.state;
    expect(dataOf(whole)).toEqual(WHOLE);
    expect(whole.queries[0]?.state.dataUpdatedAt).toBeGreaterThan(state.queries[0]?.state.dataUpdatedAt ?? Infinity);
    expect(inner.props.children).toBeUndefined();
  });

  it("falls back to the skeleton and the stream when the before-read fails", async () => {
    const page = await Prefetched({
      queryKey: KEY,
      read: after(2_500, WHOLE),
      before: failing,
      fallback: "loading",
      children: "rows",
    });
    if (!isValidElement(page)) throw new Error("not an element");
    const suspense = page as ReactElement<{ fallback: ReactNode; children: ReactElement }>;
    expect(suspense.type).toBe(Suspense);
    expect(suspense.props.fallback).toBe("loading");
    const streamed = suspense.props.children as ReactElement<{ state: Promise<DehydratedState>; children: ReactNode }>;
    expect(dataOf(await streamed.props.state)).toEqual(WHOLE);
    expect(streamed.props.children).toBe("rows");
  });
});
