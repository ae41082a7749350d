/**
 * What a dialog shows for the moment its form's code loads. Forms are loaded when their dialog opens (next/dynamic),
 * so react-hook-form and zod are not in the JavaScript a page evaluates before it first paints its data.
 */
export function FormLoading() {
  return (
    <p role="status" className="text-sm text-muted">
      Loading the form…
    </p>
  );
}
