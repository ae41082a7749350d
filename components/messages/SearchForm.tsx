"use client";

import { type FormEvent, memo, useId, useRef, useState } from "react";
import { type SearchBinding, TextFilterField, timeHint } from "@/components/messages/FilterFields";
import { MoreFilters } from "@/components/messages/MoreFilters";
import { TopicField } from "@/components/messages/TopicField";
import { useTimeZone } from "@/components/messages/useTimeZone";
import { Button } from "@/components/ui/Button";
import { Field, FormControls, FormError, SelectInput, TextInput } from "@/components/ui/Form";
import type { TopicName } from "@/lib/api/types";
import { formatQuantity } from "@/lib/format";
import { DEFAULT_LIMIT, type RawMessageQuery, type StartPosition } from "@/lib/messages/query";
import {
  checkSearch,
  formValuesFromUrl,
  MORE_FILTER_PARAMS,
  type SearchErrors,
  usesMoreFilters,
} from "@/lib/messages/search-form";

const STARTS: { value: StartPosition; label: string; hint: string }[] = [
  { value: "oldest", label: "Oldest", hint: "The first messages each partition still keeps." },
  { value: "newest", label: "Newest", hint: "The last messages of the topic, as many as the limit." },
  { value: "live", label: "Live", hint: "Only messages written from now on, as they arrive." },
  { value: "offset", label: "Offset", hint: "An offset in every partition, or one per partition." },
  { value: "timestamp", label: "Date and time", hint: "The first messages written at or after a moment." },
];

function limitHint(from: StartPosition): string {
  if (from === "live") return "Blank: no limit, the tail runs until you stop it.";
  if (from === "newest") return `How many of the newest messages (${DEFAULT_LIMIT} when blank).`;
  return `Messages to show at most (${DEFAULT_LIMIT} when blank).`;
}

/** The fields the URL gives a value: their problems show at once. */
function fieldsInUrl(urlKey: string): ReadonlySet<string> {
  return new Set([...new URLSearchParams(urlKey)].filter(([, value]) => value !== "").map(([name]) => name));
}

/** The URL holds a search that cannot start: the form says so until it is fixed. */
function searchOfUrlRefused(urlKey: string): boolean {
  const params = new URLSearchParams(urlKey);
  return params.has("topic") && !checkSearch(formValuesFromUrl(params)).ok;
}

/**
 * The search: topic, where to start, limit, partitions and filters, checked as typed with the stream's own schema
 * (each problem beside its field). Submitting hands the search to the page, which writes it into the URL and starts
 * it. The form follows the URL when it changes from outside (a link, Back). Memoized: a live tail re-renders the page
 * ten times a second, the form only when its own props change.
 */
export const SearchForm = memo(function SearchForm({
  urlKey,
  topics,
  topicsFailed,
  refreshTopics,
  onSearch,
}: {
  /** The page's query string: the search as it stands in the URL. */
  urlKey: string;
  topics: readonly TopicName[] | undefined;
  topicsFailed: boolean;
  /** Reads the topics list again (a topic created a moment ago). */
  refreshTopics?: () => unknown;
  onSearch: (topic: string, raw: RawMessageQuery) => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const moreId = useId();
  const timeZone = useTimeZone();
  const [values, setValues] = useState(() => formValuesFromUrl(new URLSearchParams(urlKey)));
  // A field's problem shows once it has a value from the URL, once it is left, or once the form is submitted; a field
  // that a choice has just revealed (Date and time) waits until it is left, and every problem clears when fixed.
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => fieldsInUrl(urlKey));
  const [urlRefused, setUrlRefused] = useState(() => searchOfUrlRefused(urlKey));
  const [moreOpen, setMoreOpen] = useState(() => usesMoreFilters(values));
  const [seen, setSeen] = useState(urlKey);

  if (urlKey !== seen) {
    const next = formValuesFromUrl(new URLSearchParams(urlKey));
    setSeen(urlKey);
    setValues(next);
    setSubmitted(false);
    setTouched(fieldsInUrl(urlKey));
    setUrlRefused(searchOfUrlRefused(urlKey));
    if (usesMoreFilters(next)) setMoreOpen(true);
  }

  const checked = checkSearch(values);
  const errors: SearchErrors = checked.ok ? {} : checked.errors;
  const bind: SearchBinding = {
    values,
    set: (key, value) => setValues((current) => ({ ...current, [key]: value })),
    touch: (field) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field))),
    errorsFor: (field) => (submitted || touched.has(field) ? errors[field] : undefined),
  };
  const hiddenProblem = !moreOpen && MORE_FILTER_PARAMS.some((param) => errors[param] !== undefined);
  const topic = topics?.find((t) => t.name === values.topic.trim());
  const allPartitions = topic ? ` ${formatQuantity(topic.partitions, "partition")}` : "";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!checked.ok) {
      if (MORE_FILTER_PARAMS.some((param) => errors[param] !== undefined)) setMoreOpen(true);
      // After React has rendered the errors: move to the first field that has one.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSearch(checked.topic, checked.raw);
  }

  return (
    <form
      ref={formRef}
      role="search"
      aria-label="Search messages"
      noValidate
      onSubmit={submit}
      className="rounded-lg border border-line bg-surface p-4"
    >
      <FormControls className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <TopicField
            value={values.topic}
            onChange={(topicName) => bind.set("topic", topicName)}
            onBlur={() => bind.touch("topic")}
            topics={topics}
            loadFailed={topicsFailed}
            refresh={refreshTopics}
            errors={bind.errorsFor("topic")}
          />
          <Field
            label="Start at"
            hint={STARTS.find((s) => s.value === values.from)?.hint}
            errors={bind.errorsFor("from")}
          >
            {(control) => (
              <SelectInput
                {...control}
                value={values.from}
                onChange={(event) =>
                  bind.set("from", STARTS.find((s) => s.value === event.target.value)?.value ?? "newest")
                }
              >
                {STARTS.map((start) => (
                  <option key={start.value} value={start.value}>
                    {start.label}
                  </option>
                ))}
              </SelectInput>
            )}
          </Field>
          {values.from === "offset" ? (
            <Field
              label="Offset"
              hint="One offset for every partition, like 1200, or partition:offset pairs, like 0:1200,1:900."
              errors={bind.errorsFor("offset")}
            >
              {(control) => (
                <TextInput
                  {...control}
                  className="font-mono"
                  autoComplete="off"
                  spellCheck={false}
                  value={values.offset}
                  onChange={(event) => bind.set("offset", event.target.value)}
                  onBlur={() => bind.touch("offset")}
                />
              )}
            </Field>
          ) : null}
          {values.from === "timestamp" ? (
            <Field
              label="Date and time"
              hint={timeHint(values.timestamp, timeZone, "The first message written at or after it.")}
              errors={bind.errorsFor("timestamp")}
            >
              {(control) => (
                <TextInput
                  {...control}
                  type="datetime-local"
                  step={1}
                  value={values.timestamp}
                  onChange={(event) => bind.set("timestamp", event.target.value)}
                  onBlur={() => bind.touch("timestamp")}
                />
              )}
            </Field>
          ) : null}
          <Field label="Limit" hint={limitHint(values.from)} errors={bind.errorsFor("limit")}>
            {(control) => (
              <TextInput
                {...control}
                inputMode="numeric"
                autoComplete="off"
                placeholder={values.from === "live" ? "No limit" : String(DEFAULT_LIMIT)}
                value={values.limit}
                onChange={(event) => bind.set("limit", event.target.value)}
                onBlur={() => bind.touch("limit")}
              />
            )}
          </Field>
          <Field
            label="Partitions"
            hint={`Blank for all${allPartitions}, or a list like 0,2.`}
            errors={bind.errorsFor("partitions")}
          >
            {(control) => (
              <TextInput
                {...control}
                inputMode="numeric"
                autoComplete="off"
                placeholder="All"
                value={values.partitions}
                onChange={(event) => bind.set("partitions", event.target.value)}
                onBlur={() => bind.touch("partitions")}
              />
            )}
          </Field>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <TextFilterField label="Key" field="key" matchField="keyMatch" bind={bind} />
          <TextFilterField label="Value" field="value" matchField="valueMatch" bind={bind} />
        </div>
        <div>
          <button
            type="button"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen((open) => !open)}
            className={
              "inline-flex items-center gap-1 rounded text-sm font-medium text-accent " +
              "underline-offset-4 hover:underline"
            }
          >
            <span aria-hidden="true">{moreOpen ? "▾" : "▸"}</span>
            More filters
          </button>
          {hiddenProblem ? (
            <span className="ml-2 text-xs font-medium text-red-700 dark:text-red-300">
              A filter in here has a problem.
            </span>
          ) : null}
          <div id={moreId} hidden={!moreOpen} className="mt-4">
            {moreOpen ? <MoreFilters bind={bind} timeZone={timeZone} /> : null}
          </div>
        </div>
        <FormError
          message={
            (submitted || urlRefused) && !checked.ok
              ? "Check the fields marked above: the search has not started."
              : null
          }
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary">
            Search
          </Button>
        </div>
      </FormControls>
    </form>
  );
});
